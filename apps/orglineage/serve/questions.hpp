// SPDX-License-Identifier: MIT
// orglineage serve — one endpoint per question: the request's parameters (the CLI's names) become
// the answers layer's question, and its Answer is laid out as JSON or CSV, as the CLI does.
#pragma once

#include "endpoints.hpp"

#include <string>
#include <vector>

namespace orglineage::cli {
struct Context;
}

namespace orglineage::serve {

struct QuestionOptions {
    std::string postcode_file; ///< for /who?postcode=..., given when the server starts
};

/// The question endpoints (/who, /successors, ...), answering from the context's dataset.
[[nodiscard]] std::vector<Endpoint> question_endpoints(cli::Context& ctx, const QuestionOptions& options);

/// POST /remap (remap_endpoint.cpp).
[[nodiscard]] Endpoint remap_endpoint(cli::Context& ctx, const QuestionOptions& options);

} // namespace orglineage::serve
