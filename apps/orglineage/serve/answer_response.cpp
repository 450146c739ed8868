// SPDX-License-Identifier: MIT
// orglineage serve — laying an Answer out as an HTTP response.
#include "answer_response.hpp"

namespace orglineage::serve {

namespace {

int exit_code_of(const Answer& a) { return a.problem ? a.problem->exit_code : a.exit_code; }

} // namespace

unsigned status_of(const Answer& a) {
    if (a.problem) {
        switch (a.problem->kind) {
        case ProblemKind::not_found: return 404;
        case ProblemKind::ambiguous:
        case ProblemKind::bad_question: return 400;
        case ProblemKind::bad_data: return 500;
        }
    }
    return a.rows.empty() && a.exit_code == answer_not_found ? 404 : 200;
}

Response answer_response(const Answer& a, const std::string& format) {
    Response r;
    r.status = status_of(a);
    r.headers.emplace_back("X-Orglineage-Exit", std::to_string(exit_code_of(a)));
    if (format == "csv" && a.answered()) {
        r.content_type = "text/csv; charset=utf-8";
        r.body = to_csv(a);
        return r;
    }
    Value doc = to_value(a);
    if (a.problem) doc["error"]["status"] = static_cast<int>(r.status);
    if (!a.remarks.empty()) doc["remarks"] = remarks_value(a);
    r.body = dump_json(doc) + "\n";
    return r;
}

} // namespace orglineage::serve
