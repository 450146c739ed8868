// SPDX-License-Identifier: MIT
// orglineage serve — the question endpoints.
#include "questions.hpp"

#include "../cli.hpp"

namespace orglineage::serve {

std::vector<Endpoint> question_endpoints(cli::Context&, const QuestionOptions&) { return {}; }

} // namespace orglineage::serve
