// SPDX-License-Identifier: MIT
// orglineage — `who`: the holders of a function for an area of any date (its territory when it is
// out of force), with their notes; LSOAs and postcodes in who_small_area.cpp.
#include "reading.hpp"
#include "who_parts.hpp"

#include <orglineage/area_history.hpp>
#include <orglineage/ask.hpp>
#include <orglineage/suggest.hpp>

namespace orglineage {

using namespace answers;

namespace answers {

void describe_place(const PlaceAnswer& answer, Value& query) {
    query["basis"] = std::string(to_string(answer.basis));
    Value notes = Value::list();
    for (const auto& n : answer.notes) notes.push_back(n);
    query["notes"] = std::move(notes);
    if (answer.territory.in_force) return;
    Value parts = Value::list();
    for (const auto& p : answer.territory.parts) {
        Value part = Value::record();
        part["area"] = p.area->code;
        part["name"] = p.area->name;
        part["kind"] = p.area->kind;
        part["share"] = share_value(p.share);
        part["part_of_area"] = share_value(p.part_of_area);
        part["basis"] = std::string(to_string(p.basis));
        parts.push_back(std::move(part));
    }
    query["territory"] = std::move(parts);
}

} // namespace answers

namespace {

/// Why nobody held it: the area is out of force then (and which areas were in force), else the
/// dataset records nobody.
std::string nobody_held(const Lineage& lin, const WhoQuestion& q, const Area& area, const Date& on,
                        const PlaceAnswer& answer) {
    std::string hint;
    if (!area.period.contains(on) && answer.territory.parts.empty()) {
        hint = "; " + area.name + " (" + area.code + ") is in force " + area_period_text(area.period);
        const std::string near = join(similar_areas(lin, q.area, 5, on), ", ");
        if (!near.empty()) hint += "; in force on " + q.on + ": " + near;
    }
    return "nobody held '" + q.function + "' for " + area.name + " (" + area.code + ") on " + q.on +
           " in this dataset" + hint;
}

} // namespace

Answer Answers::who(const WhoQuestion& q) const {
    return guarded("who", [&] {
        const Lineage& lin = m_lineage;
        const Date on = read_date(q.on);
        check_function(lin, q.function);
        if (auto small = who_small_area(*this, q, on)) return std::move(*small);
        if (q.area.empty()) fail(ProblemKind::bad_question, "--area or --postcode is required");
        Answer out;
        const Area& area = read_area(lin, q.area, on, out.remarks);
        out.columns = {"id", "kind", "name", "ods", "share", "basis", "function", "via_area", "derivation"};
        out.query["command"] = "who";
        out.query["area"] = area.code;
        out.query["area_name"] = area.name;
        out.query["on"] = q.on;
        out.query["function"] = q.function;
        out.query["mode"] = q.legal ? "legal" : "exercising";
        out.query["data"] = data_value(lin);
        // An area out of force on the date is answered for its territory (orglineage/area_history.hpp).
        const auto answer =
            area_history().holders(q.function, area.code, on, q.legal ? HolderMode::legal : HolderMode::exercising);
        const std::string derivation = answer.basis == PlaceBasis::read ? "read" : "territory of " + area.code + " on " + q.on;
        describe_place(answer, out.query);
        for (const auto& h : answer.holders) {
            Value r = body_value(*h.body, on);
            r["share"] = share_value(h.share);
            r["basis"] = std::string(to_string(h.basis));
            r["function"] = h.function;
            r["via_area"] = h.via_area;
            r["delegated_by"] = Value::text_or_null(h.delegated_by);
            r["derivation"] = derivation;
            auto notes = holder_notes(lin, h, area.code, on);
            // An answer for a territory (an area out of force) is derived, and says how.
            if (answer.basis != PlaceBasis::read)
                for (const auto& n : answer.notes) add_notes(notes, {Note{NoteKind::derived, n, area.code}});
            r["notes"] = notes_value(notes);
            out.rows.push_back(std::move(r));
        }
        if (q.population) population_shares(*this, area.code, on, q.function, out);
        for (const auto& n : answer.notes) out.remarks.push_back({RemarkKind::caveat, n});
        if (answer.holders.empty()) {
            out.remarks.push_back({RemarkKind::outcome, nobody_held(lin, q, area, on, answer)});
            out.exit_code = answer_not_found;
        }
        return out;
    });
}

} // namespace orglineage
