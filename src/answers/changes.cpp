// SPDX-License-Identifier: MIT
// orglineage — `changes`: what happened on a day or over a range — each event with who became whom,
// the shares and functions, its citation and its caveats; announcements not applied too.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

namespace orglineage {

using namespace answers;

namespace {

const Source* find_source(const Dataset& ds, const std::string& id) {
    for (const auto& s : ds.sources)
        if (s.id == id) return &s;
    return nullptr;
}

Value sources_value(const Dataset& ds, const std::vector<std::string>& ids) {
    Value out = Value::list();
    for (const auto& id : ids) {
        const Source* s = find_source(ds, id);
        Value r = Value::record();
        r["id"] = id;
        r["title"] = s ? Value(s->title) : Value();
        r["url"] = s ? Value::text_or_null(s->url) : Value();
        out.push_back(std::move(r));
    }
    return out;
}

Value event_base(const Dataset& ds, const Event& ev) {
    Value r = Value::record();
    r["date"] = format_date(ev.date);
    r["event"] = ev.id;
    r["kind"] = std::string(to_string(ev.kind));
    r["status"] = ev.announced ? "announced" : "in-force";
    r["sources"] = sources_value(ds, ev.sources);
    r["note"] = Value::text_or_null(ev.note);
    return r;
}

Value body_ref(const Body& b, const Date& on) {
    Value r = Value::record();
    r["id"] = b.id;
    r["name"] = b.name_on(on);
    r["ods"] = Value::text_or_null(b.ods_on(on));
    return r;
}

std::vector<Note> event_notes(const Event& ev) {
    std::vector<Note> notes;
    if (ev.announced) notes.push_back({NoteKind::announced, "event " + ev.id + " is announced, not confirmed in force", ev.id});
    return notes;
}

/// The row of an event without links (rename, recode, join, leave, establish, ...).
void unlinked_row(const Lineage& lin, const Event& ev, const std::vector<std::string>& kinds, std::vector<Value>& rows) {
    const Body* subject = ev.subjects.empty() ? nullptr : lin.find(ev.subjects.front());
    if (subject && !kind_in(kinds, subject->kind)) return;
    Value r = event_base(lin.dataset(), ev);
    r["from"] = subject && ev.kind != EventKind::establish ? Value(subject->id) : Value();
    r["to"] = nullptr;
    if (ev.kind == EventKind::establish && subject) r["to"] = subject->id;
    if (ev.kind == EventKind::join || ev.kind == EventKind::leave) r["to"] = ev.group;
    if (ev.kind == EventKind::rename && ev.name) r["to"] = "name: " + *ev.name;
    if (ev.kind == EventKind::recode) {
        std::string codes;
        if (ev.ods) codes += "ods: " + (ev.ods->empty() ? std::string("none") : *ev.ods);
        if (ev.ons) codes += (codes.empty() ? "" : ", ") + std::string("ons: ") + (ev.ons->empty() ? "none" : *ev.ons);
        r["to"] = codes;
    }
    r["share"] = nullptr;
    r["basis"] = nullptr;
    r["functions"] = ev.function.empty() ? Value::list() : texts_value({ev.function});
    auto notes = event_notes(ev);
    if (subject) add_notes(notes, body_notes(lin, *subject));
    if (ev.incomplete)
        notes.push_back(
            {NoteKind::incomplete, "event " + ev.id + " lists the bodies found in the sources read; there may be others", ev.id});
    r["notes"] = notes_value(notes);
    rows.push_back(std::move(r));
}

/// The rows of one event: one per link, or one for an event without links.
void event_rows(const Lineage& lin, const Event& ev, const std::vector<std::string>& kinds, std::vector<Value>& rows) {
    const Dataset& ds = lin.dataset();
    const Date before = ev.date - boost::gregorian::days(1);
    for (const auto& link : ev.links) {
        const Body& from = lin.at(link.from);
        const Body& to = lin.at(link.to);
        if (!kind_in(kinds, from.kind) && !kind_in(kinds, to.kind)) continue;
        Value r = event_base(ds, ev);
        r["from"] = from.id;
        r["to"] = to.id;
        r["from_body"] = body_ref(from, before);
        r["to_body"] = body_ref(to, ev.date);
        r["share"] = share_value(link.share);
        r["basis"] = std::string(to_string(link.basis));
        r["functions"] = texts_value(link.functions);
        std::vector<std::string> src = ev.sources;
        src.insert(src.end(), link.sources.begin(), link.sources.end());
        r["sources"] = sources_value(ds, src);
        auto notes = event_notes(ev);
        add_notes(notes, link_notes(lin, LinkRef{&from, &to, &link, &ev}));
        r["notes"] = notes_value(notes);
        rows.push_back(std::move(r));
    }
    if (ev.links.empty()) unlinked_row(lin, ev, kinds, rows);
}

/// Announcements in the range that are not events of the dataset (set aside, or directions).
void announcement_rows(const Lineage& lin, const Date& from, const Date& to, const std::vector<std::string>& kinds,
                       std::vector<Value>& rows) {
    const Dataset& ds = lin.dataset();
    for (const auto& a : ds.announcements) {
        if (a.date < from || a.date > to) continue;
        const bool applied = std::any_of(ds.events.begin(), ds.events.end(), [&](const Event& e) { return e.id == a.id; });
        if (applied) continue;
        bool touches = kinds.empty();
        for (const auto& b : a.bodies) touches = touches || kind_in(kinds, lin.at(b).kind);
        for (const auto& k : a.kinds) touches = touches || kind_in(kinds, k);
        if (!touches) continue;
        std::string bodies;
        for (const auto& b : a.bodies) bodies += (bodies.empty() ? "" : ", ") + b;
        for (const auto& k : a.kinds) bodies += (bodies.empty() ? "every " : ", every ") + k;
        Value r = Value::record();
        r["date"] = format_date(a.date);
        r["event"] = a.id;
        r["kind"] = "announced";
        r["status"] = "announced";
        r["from"] = Value::text_or_null(bodies);
        r["to"] = Value::text_or_null(a.what);
        r["share"] = nullptr;
        r["basis"] = nullptr;
        r["functions"] = Value::list();
        r["sources"] = sources_value(ds, a.sources);
        r["note"] = a.note;
        r["notes"] = notes_value(
            {{NoteKind::announced, "announced, not confirmed in force (not applied; --include-announced applies it): " + a.note,
              a.id}});
        rows.push_back(std::move(r));
    }
}

} // namespace

Answer Answers::changes(const ChangesQuestion& q) const {
    return guarded("changes", [&] {
        const Lineage& lin = m_lineage;
        const Date from = read_date(q.from);
        const Date to = q.to.empty() ? from : read_date(q.to);
        if (to < from) fail(ProblemKind::bad_question, "--to " + q.to + " is before --from " + q.from);
        const auto kinds = read_kinds(lin, q.kind);
        Answer out;
        out.columns = {"date", "kind", "from", "to", "share", "basis", "functions", "event", "source_ids"};
        out.query["command"] = "changes";
        out.query["from"] = q.from;
        out.query["to"] = format_date(to);
        out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
        out.query["include_announced"] = m_options.include_announced;
        out.query["data"] = data_value(lin);
        for (const auto& ev : lin.dataset().events)
            if (ev.date >= from && ev.date <= to) event_rows(lin, ev, kinds, out.rows);
        announcement_rows(lin, from, to, kinds, out.rows);
        std::stable_sort(out.rows.begin(), out.rows.end(),
                         [](const Value& x, const Value& y) { return x.at("date").text() < y.at("date").text(); });
        // The text and CSV forms cite by source id; JSON keeps titles and addresses.
        for (auto& r : out.rows) {
            Value ids = Value::list();
            for (const auto& s : r.at("sources").items()) ids.push_back(s.at("id"));
            r["source_ids"] = std::move(ids);
        }
        if (out.rows.empty()) {
            out.remarks.push_back({RemarkKind::outcome, "no changes" +
                                                            (q.kind.empty() ? std::string() : " of kind '" + q.kind + "'") +
                                                            " from " + q.from + " to " + format_date(to) +
                                                            " in this dataset"});
            out.exit_code = answer_not_found;
        }
        return out;
    });
}

} // namespace orglineage
