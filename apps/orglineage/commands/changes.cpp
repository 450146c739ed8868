// SPDX-License-Identifier: MIT
// orglineage changes --from D1 [--to D2] [--kind K]: what happened on a day or over a range — each
// event with who became whom, the shares and functions, its citation and its caveats.
#include "../cli.hpp"

#include <algorithm>

namespace orglineage::cli {

namespace {

const Source* find_source(const Dataset& ds, const std::string& id) {
    for (const auto& s : ds.sources)
        if (s.id == id) return &s;
    return nullptr;
}

Json sources_json(const Dataset& ds, const std::vector<std::string>& ids) {
    Json out = Json::array();
    for (const auto& id : ids) {
        const Source* s = find_source(ds, id);
        out.push_back(Json{{"id", id}, {"title", s ? Json(s->title) : Json(nullptr)},
                           {"url", s && !s->url.empty() ? Json(s->url) : Json(nullptr)}});
    }
    return out;
}

Json event_base(const Dataset& ds, const Event& ev) {
    std::vector<std::string> ids = ev.sources;
    return Json{{"date", format_date(ev.date)}, {"event", ev.id}, {"kind", std::string(to_string(ev.kind))},
                {"status", ev.announced ? "announced" : "in-force"}, {"sources", sources_json(ds, ids)},
                {"note", ev.note.empty() ? Json(nullptr) : Json(ev.note)}};
}

Json body_ref(const Body& b, const Date& on) {
    const std::string ods = b.ods_on(on);
    return Json{{"id", b.id}, {"name", b.name_on(on)}, {"ods", ods.empty() ? Json(nullptr) : Json(ods)}};
}

std::vector<Note> event_notes(const Lineage& lin, const Event& ev) {
    std::vector<Note> notes;
    if (ev.announced) notes.push_back({NoteKind::announced, "event " + ev.id + " is announced, not confirmed in force", ev.id});
    (void)lin;
    return notes;
}

/// The rows of one event: one per link, or one for an event without links (rename, join, ...).
void event_rows(const Lineage& lin, const Event& ev, const std::vector<std::string>& kinds, std::vector<Json>& rows) {
    const Dataset& ds = lin.dataset();
    const Date before = ev.date - boost::gregorian::days(1);
    bool any = false;
    for (const auto& link : ev.links) {
        const Body& from = lin.at(link.from);
        const Body& to = lin.at(link.to);
        if (!kind_in(kinds, from.kind) && !kind_in(kinds, to.kind)) continue;
        Json r = event_base(ds, ev);
        r["from"] = from.id;
        r["to"] = to.id;
        r["from_body"] = body_ref(from, before);
        r["to_body"] = body_ref(to, ev.date);
        r["share"] = share_json(link.share);
        r["basis"] = std::string(to_string(link.basis));
        Json fns = Json::array();
        for (const auto& f : link.functions) fns.push_back(f);
        r["functions"] = fns;
        std::vector<std::string> src = ev.sources;
        src.insert(src.end(), link.sources.begin(), link.sources.end());
        r["sources"] = sources_json(ds, src);
        auto notes = event_notes(lin, ev);
        add_notes(notes, link_notes(lin, LinkRef{&from, &to, &link, &ev}));
        r["notes"] = notes_json(notes);
        rows.push_back(r);
        any = true;
    }
    if (any || !ev.links.empty()) return;
    const Body* subject = ev.subjects.empty() ? nullptr : lin.find(ev.subjects.front());
    if (subject && !kind_in(kinds, subject->kind)) return;
    Json r = event_base(ds, ev);
    r["from"] = subject && ev.kind != EventKind::establish ? Json(subject->id) : Json(nullptr);
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
    r["functions"] = ev.function.empty() ? Json::array() : Json::array({ev.function});
    auto notes = event_notes(lin, ev);
    if (subject) add_notes(notes, body_notes(lin, *subject));
    if (ev.incomplete)
        notes.push_back({NoteKind::incomplete, "event " + ev.id + " lists the bodies found in the sources read; there may be others",
                         ev.id});
    r["notes"] = notes_json(notes);
    rows.push_back(r);
}

/// Announcements in the range that are not events of the dataset (set aside, or directions).
void announcement_rows(const Lineage& lin, const Date& from, const Date& to, const std::vector<std::string>& kinds,
                       std::vector<Json>& rows) {
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
        Json r{{"date", format_date(a.date)}, {"event", a.id}, {"kind", "announced"}, {"status", "announced"},
               {"from", bodies.empty() ? Json(nullptr) : Json(bodies)},
               {"to", a.what.empty() ? Json(nullptr) : Json(a.what)}, {"share", nullptr},
               {"basis", nullptr}, {"functions", Json::array()}, {"sources", sources_json(ds, a.sources)},
               {"note", a.note}};
        r["notes"] = notes_json({{NoteKind::announced,
                                  "announced, not confirmed in force (not applied; --include-announced applies it): " + a.note,
                                  a.id}});
        rows.push_back(r);
    }
}

} // namespace

void add_changes(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("changes", "What changed on a day or between two days: who became whom, with shares, "
                                              "functions, sources and caveats");
    struct Args {
        std::string from, to, kind;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--from", a->from, "the first day (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("--to", a->to, "the last day (default: the first: one day's changes)")->check(date_check());
    cmd->add_option("--kind", a->kind, kind_help() + "; an event is shown when a body on either side is of the kind");
    cmd->footer("Example: orglineage changes --from 2018-04-01 --kind ccg\n"
                "         orglineage changes --from 2026-01-01 --to 2027-12-31   # announced changes too");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date from = date_arg(a->from);
        const Date to = a->to.empty() ? from : date_arg(a->to);
        if (to < from) throw Failure(exit_usage, "--to " + a->to + " is before --from " + a->from);
        const auto kinds = kinds_arg(ctx, a->kind);
        Output out;
        out.columns = {"date", "kind", "from", "to", "share", "basis", "functions", "event", "sources"};
        out.query = Json{{"command", "changes"}, {"from", a->from}, {"to", format_date(to)},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)},
                         {"include_announced", ctx.include_announced}, {"data", ctx.data_info()}};
        for (const auto& ev : lin.dataset().events)
            if (ev.date >= from && ev.date <= to) event_rows(lin, ev, kinds, out.results);
        announcement_rows(lin, from, to, kinds, out.results);
        std::stable_sort(out.results.begin(), out.results.end(),
                         [](const Json& x, const Json& y) { return x["date"].get<std::string>() < y["date"].get<std::string>(); });
        for (auto& r : out.results) {
            // The text and CSV forms cite by source id; JSON keeps titles and addresses.
            Json ids = Json::array();
            for (const auto& s : r["sources"]) ids.push_back(s["id"]);
            r["source_ids"] = ids;
        }
        out.columns.back() = "source_ids";
        const bool empty = out.results.empty();
        emit(ctx, std::move(out));
        if (empty) {
            say("no changes" + (a->kind.empty() ? std::string() : " of kind '" + a->kind + "'") + " from " + a->from +
                " to " + format_date(to) + " in this dataset");
            if (ctx.exit_code == exit_ok) ctx.exit_code = exit_not_found;
        }
    });
}

} // namespace orglineage::cli
