// SPDX-License-Identifier: MIT
// orglineage — `search`: bodies and areas by name (any case or punctuation), best matches first.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>
#include <orglineage/search.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace orglineage {

using namespace answers;

namespace {

Value hit_value(const SearchHit& h, std::optional<Date> on) {
    Value r = Value::record();
    if (h.body) {
        r["type"] = "body";
        const Value fields = body_value(*h.body, on ? on : std::optional<Date>(h.body->period.from));
        for (std::size_t i = 0; i < fields.size(); ++i) r[fields.keys()[i]] = fields.items()[i];
        // The name shown is the one of the date asked (or the body's last); say which name matched.
        r["name"] = on ? h.body->name_on(*on) : h.body->name();
        r["ods"] = Value::text_or_null(on ? h.body->ods_on(*on) : h.body->last_ods());
        r["ons"] = Value::text_or_null(on ? h.body->ons_on(*on) : h.body->last_ons());
    } else {
        const auto last = h.area->period.last_day();
        r["type"] = "area";
        r["id"] = h.area->code;
        r["kind"] = h.area->kind;
        r["name"] = h.area->name;
        r["ods"] = nullptr;
        r["ons"] = h.area->code;
        r["from"] = h.area->period.from == Date(boost::gregorian::min_date_time) ? Value()
                                                                                 : Value(format_date(h.area->period.from));
        r["to"] = last ? Value(format_date(*last)) : Value();
    }
    r["matched"] = h.name == r.at("name").text() ? Value() : Value(h.name);
    r["match"] = std::string(to_string(h.quality));
    return r;
}

/// How many at most: a whole number (0: all). @throws Unanswerable (bad_question)
std::size_t read_max(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9' || n > 1000000000) fail(ProblemKind::bad_question, "bad --max " + in_quotes(text) + " (a whole number)");
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (text.empty()) fail(ProblemKind::bad_question, "bad --max '' (a whole number)");
    return n;
}

} // namespace

Answer Answers::search(const SearchQuestion& q) const {
    return guarded("search", [&] {
        const Lineage& lin = m_lineage;
        SearchOptions o;
        if (!q.on.empty()) o.on = read_date(q.on);
        if (!q.kind.empty()) {
            // A body kind with its family; an area kind (la-unitary, ...) as written.
            bool area_kind = false;
            for (const auto& ar : lin.dataset().areas) area_kind = area_kind || ar.kind == q.kind;
            if (area_kind && !lin.dataset().kinds.count(q.kind)) {
                o.kinds = {q.kind};
                o.bodies = false;
            } else {
                o.kinds = read_kinds(lin, q.kind);
                o.areas = false;
            }
        }
        if (q.bodies_only) o.areas = false;
        if (q.areas_only) o.bodies = false;
        o.max = read_max(q.max);
        Answer out;
        out.columns = {"type", "id", "kind", "name", "ods", "ons", "from", "to", "matched"};
        out.query["command"] = "search";
        out.query["text"] = q.text;
        out.query["normalised"] = normalise_name(q.text);
        out.query["on"] = q.on.empty() ? Value() : Value(q.on);
        out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
        out.query["data"] = data_value(lin);
        const auto hits = orglineage::search(lin, q.text, o);
        for (const auto& h : hits) {
            Value r = hit_value(h, o.on);
            std::vector<Note> notes;
            if (h.body) notes = body_notes(lin, *h.body);
            if (h.body && o.on) add_notes(notes, date_notes(lin, *o.on, {h.body}));
            r["notes"] = notes_value(notes);
            out.rows.push_back(std::move(r));
        }
        if (hits.empty()) {
            out.remarks.push_back({RemarkKind::outcome, "no body or area has a name matching '" + q.text + "'" +
                                                            (q.on.empty() ? "" : " on " + q.on)});
            out.exit_code = answer_not_found;
        }
        return out;
    });
}

} // namespace orglineage
