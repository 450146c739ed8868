// SPDX-License-Identifier: MIT
// orglineage serve — an Answer as an HTTP response: the status its outcome calls for, and the
// library's own JSON or CSV of it.
#pragma once

#include "http_server.hpp"

#include <orglineage/answer.hpp>

#include <string>

namespace orglineage::serve {

/**
 * The HTTP status of an answer: 400 for a bad or ambiguous question, 404 for nothing found (no
 * such body or area, or nobody held it), 500 for data the server cannot read, else 200 (an answer
 * with rows, notes or not).
 */
[[nodiscard]] unsigned status_of(const Answer& answer);

/**
 * The response: the answer's JSON (`to_value`, the CLI's `--format json`) with `remarks`, the
 * lines the CLI prints on standard error (the library's remarks_value), and the HTTP status inside an
 * error; or its CSV (`to_csv`) when asked and answered. The header `X-Orglineage-Exit` carries
 * the CLI's exit code for the same question.
 */
[[nodiscard]] Response answer_response(const Answer& answer, const std::string& format);

} // namespace orglineage::serve
