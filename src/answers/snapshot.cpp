// SPDX-License-Identifier: MIT
// orglineage — `snapshot` and `diff`: the bodies active on a date, and what changed between two.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace orglineage {

using namespace answers;

Answer Answers::snapshot(const SnapshotQuestion& q) const {
    return guarded("snapshot", [&] {
        const Lineage& lin = m_lineage;
        const Date on = read_date(q.on);
        const auto kinds = read_kinds(lin, q.kind);
        Answer out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query["command"] = "snapshot";
        out.query["on"] = q.on;
        out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
        out.query["data"] = data_value(lin);
        out.query["kinds"] = texts_value(kinds);
        for (const Body* b : lin.snapshot(on)) {
            if (!kind_in(kinds, b->kind)) continue;
            Value r = body_value(*b, on);
            auto notes = body_notes(lin, *b);
            add_notes(notes, date_notes(lin, on, {b}));
            r["notes"] = notes_value(notes);
            out.rows.push_back(std::move(r));
        }
        if (out.rows.empty()) {
            out.remarks.push_back({RemarkKind::outcome, "no " +
                                                            (q.kind.empty() ? std::string("bodies")
                                                                            : "bodies of kind '" + q.kind + "'") +
                                                            " active on " + q.on});
            out.exit_code = answer_not_found;
        }
        return out;
    });
}

namespace {

/// A link's share for the LINKS column: below 1 in brackets, unknown said so.
std::string share_suffix(const Share& share) {
    if (!share) return " (share unknown)";
    if (*share >= 1.0 - 1e-9) return "";
    std::ostringstream os;
    os << std::setprecision(4) << *share;
    return " (" + os.str() + ")";
}

/// One row of a diff: the body as on `as_of`, and the links between the dates that explain the
/// change (out of an ended body, into a new one).
Value diff_row(const Lineage& lin, const char* change, const Body& b, const Date& as_of, const Date& lo, const Date& hi) {
    Value r = Value::record();
    r["change"] = change;
    const Value fields = body_value(b, as_of);
    for (std::size_t i = 0; i < fields.size(); ++i) r[fields.keys()[i]] = fields.items()[i];
    const bool outgoing = std::string(change) == "ended";
    std::string text;
    Value links = Value::list();
    std::vector<Note> notes = body_notes(lin, b);
    for (const LinkRef& l : lin.links_of(b, outgoing)) {
        if (l.event->date <= lo || l.event->date > hi) continue;
        const Body* other = outgoing ? l.to : l.from;
        text += (text.empty() ? std::string(outgoing ? "> " : "< ") : std::string(", ")) + other->id +
                share_suffix(l.link->share);
        Value link = Value::record();
        link["body"] = other->id;
        link["event"] = l.event->id;
        link["share"] = share_value(l.link->share);
        link["basis"] = std::string(to_string(l.link->basis));
        links.push_back(std::move(link));
        add_notes(notes, link_notes(lin, l));
    }
    r["links"] = text.empty() ? Value() : Value(text);
    r["link_list"] = std::move(links);
    r["notes"] = notes_value(notes);
    return r;
}

} // namespace

Answer Answers::diff(const DiffQuestion& q) const {
    return guarded("diff", [&] {
        const Lineage& lin = m_lineage;
        const Date d1 = read_date(q.date1), d2 = read_date(q.date2);
        const auto kinds = read_kinds(lin, q.kind);
        Answer out;
        out.columns = {"change", "id", "kind", "name", "ods", "ons", "from", "to", "links", "was"};
        out.query["command"] = "diff";
        out.query["date1"] = q.date1;
        out.query["date2"] = q.date2;
        out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
        out.query["data"] = data_value(lin);
        Diff diff = lin.diff(d1, d2);
        for (auto* list : {&diff.appeared, &diff.ended, &diff.renamed})
            list->erase(std::remove_if(list->begin(), list->end(), [&](const Body* b) { return !kind_in(kinds, b->kind); }),
                        list->end());
        const Date lo = std::min(d1, d2), hi = std::max(d1, d2);
        for (const Body* b : diff.appeared) out.rows.push_back(diff_row(lin, "appeared", *b, d2, lo, hi));
        for (const Body* b : diff.ended) out.rows.push_back(diff_row(lin, "ended", *b, d1, lo, hi));
        for (const Body* b : diff.renamed) {
            Value r = diff_row(lin, "changed", *b, d2, lo, hi);
            const Value before = body_value(*b, d1);
            std::string was = before.at("name").text();
            for (const char* c : {"ods", "ons"})
                if (!before.at(c).is_null() && before.at(c) != r.at(c)) was += " / " + before.at(c).text();
            r["was"] = was;
            Value b4 = Value::record();
            b4["name"] = before.at("name");
            b4["ods"] = before.at("ods");
            b4["ons"] = before.at("ons");
            r["before"] = std::move(b4);
            out.rows.push_back(std::move(r));
        }
        Value counts = Value::record();
        counts["appeared"] = diff.appeared.size();
        counts["ended"] = diff.ended.size();
        counts["changed"] = diff.renamed.size();
        out.query["counts"] = std::move(counts);
        return out;
    });
}

} // namespace orglineage
