// SPDX-License-Identifier: MIT
// orglineage — `resolve`: the body that had a code (or a name) on a date.
#include "reading.hpp"

#include <orglineage/ask.hpp>

namespace orglineage {

using namespace answers;

Answer Answers::resolve(const ResolveQuestion& q) const {
    return guarded("resolve", [&] {
        const Lineage& lin = m_lineage;
        Answer out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query["command"] = "resolve";
        out.query["code"] = q.code;
        std::vector<const Body*> bodies;
        std::optional<Date> date;
        if (q.on.empty()) {
            bodies = lin.resolve_all(q.code);
            out.query["on"] = nullptr;
        } else {
            date = read_date(q.on);
            const auto r = lin.resolve_nearest(q.code, *date);
            bodies = r.bodies;
            out.query["on"] = q.on;
            out.query["exact"] = r.exact;
            if (!bodies.empty() && !r.exact)
                out.remarks.push_back(
                    {RemarkKind::reading, "no body had '" + q.code + "' on " + q.on + "; the nearest in time is shown"});
        }
        out.query["data"] = data_value(lin);
        // Not a code: a name that one body had (read_body lists the candidates otherwise).
        if (bodies.empty()) bodies = {read_body(lin, q.code, date, out.remarks).body};
        for (const Body* b : bodies) {
            Value r = body_value(*b, date);
            auto notes = body_notes(lin, *b);
            if (date) add_notes(notes, date_notes(lin, *date, {b}));
            r["notes"] = notes_value(notes);
            out.rows.push_back(std::move(r));
        }
        if (date && bodies.size() > 1) {
            out.remarks.push_back({RemarkKind::outcome, "code '" + q.code + "' is ambiguous on " + q.on + ": " +
                                                            std::to_string(bodies.size()) + " bodies had it"});
            out.exit_code = answer_not_found;
        }
        return out;
    });
}

} // namespace orglineage
