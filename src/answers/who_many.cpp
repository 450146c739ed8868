// SPDX-License-Identifier: MIT
// orglineage — `who` for many places and dates in one call (the vectorised form every door shares):
// one table whose rows carry the index of the question they answer.
#include "reading.hpp"

#include <orglineage/ask.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace orglineage {

using namespace answers;

namespace {

Value indexed(std::size_t input, const Value& row) {
    Value out = Value::record();
    out["input"] = input;
    for (std::size_t i = 0; i < row.size(); ++i) out[row.keys()[i]] = row.items()[i];
    return out;
}

Value error_record(std::size_t input, int exit, const std::string& message) {
    Value e = Value::record();
    e["input"] = input;
    if (exit) e["exit"] = exit;
    e["message"] = message;
    return e;
}

} // namespace

Answer Answers::who_many(const std::vector<std::string>& areas, const std::vector<std::string>& dates,
                         const std::string& function, bool legal) const {
    const std::size_t n = std::max(areas.size(), dates.size());
    if ((areas.size() != n && areas.size() != 1) || (dates.size() != n && dates.size() != 1))
        return problem_answer("who", ProblemKind::bad_question,
                              "areas and dates of different lengths (" + std::to_string(areas.size()) + " and " +
                                  std::to_string(dates.size()) + "; give equal lengths or one of either)");
    Answer out;
    out.question = "who";
    out.columns = {"input", "id", "kind", "name", "ods", "share", "basis", "function", "via_area", "derivation"};
    out.query["command"] = "who";
    out.query["function"] = function;
    out.query["mode"] = legal ? "legal" : "exercising";
    out.query["inputs"] = n;
    out.query["data"] = data_value(m_lineage);
    Value errors = Value::list(), empty = Value::list();
    // The same place and date asked again (a column of dates and codes repeats) is answered once.
    std::map<std::pair<std::string, std::string>, Answer> seen;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& area = areas.size() == 1 ? areas.front() : areas[i];
        const std::string& on = dates.size() == 1 ? dates.front() : dates[i];
        auto it = seen.find({area, on});
        if (it == seen.end()) {
            WhoQuestion q;
            q.area = area;
            q.on = on;
            q.function = function;
            q.legal = legal;
            it = seen.emplace(std::make_pair(area, on), who(q)).first;
        }
        const Answer& a = it->second;
        if (a.problem) {
            errors.push_back(error_record(i, a.problem->exit_code, a.problem->message));
            continue;
        }
        for (const auto& r : a.rows) out.rows.push_back(indexed(i, r));
        if (a.rows.empty())
            for (const auto& r : a.remarks)
                if (r.kind == RemarkKind::outcome) empty.push_back(error_record(i, 0, r.text));
    }
    out.extra["errors"] = std::move(errors);
    out.extra["empty"] = std::move(empty);
    return out;
}

} // namespace orglineage
