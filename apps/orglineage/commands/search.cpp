// SPDX-License-Identifier: MIT
// orglineage search TEXT [--on D] [--kind K]: bodies and areas by name, ranked, with periods and codes.
#include "../cli.hpp"

namespace orglineage::cli {

namespace {

Json hit_json(const SearchHit& h, std::optional<Date> on) {
    Json r;
    if (h.body) {
        r = Json{{"type", "body"}};
        const Json fields = body_json(*h.body, on ? on : std::optional<Date>(h.body->period.from));
        for (const auto& [k, v] : fields.items()) r[k] = v;
        // The name shown is the one of the date asked (or the body's last); say which name matched.
        r["name"] = on ? h.body->name_on(*on) : h.body->name();
        r["ods"] = h.body->last_ods().empty() ? Json(nullptr) : Json(h.body->last_ods());
        r["ons"] = h.body->last_ons().empty() ? Json(nullptr) : Json(h.body->last_ons());
        if (on) {
            const std::string ods = h.body->ods_on(*on), ons = h.body->ons_on(*on);
            r["ods"] = ods.empty() ? Json(nullptr) : Json(ods);
            r["ons"] = ons.empty() ? Json(nullptr) : Json(ons);
        }
    } else {
        const auto last = h.area->period.last_day();
        r = Json{{"type", "area"}, {"id", h.area->code}, {"kind", h.area->kind}, {"name", h.area->name},
                 {"ods", nullptr}, {"ons", h.area->code}, {"from", format_date(h.area->period.from)},
                 {"to", last ? Json(format_date(*last)) : Json(nullptr)}};
        if (h.area->period.from == Date(boost::gregorian::min_date_time)) r["from"] = nullptr;
    }
    r["matched"] = h.name == r["name"].get<std::string>() ? Json(nullptr) : Json(h.name);
    r["match"] = std::string(to_string(h.quality));
    return r;
}

} // namespace

void add_search(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("search", "Bodies and areas by name (any case or punctuation), best matches first");
    struct Args {
        std::string text, on, kind;
        std::size_t max = 25;
        bool bodies_only = false, areas_only = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("TEXT", a->text, "a name or part of one, e.g. \"Kernow\" or \"leeds ccg\"")->required();
    cmd->add_option("--on", a->on, "only bodies active and areas in force on this date")->check(date_check());
    cmd->add_option("--kind", a->kind, kind_help());
    cmd->add_option("--max", a->max, "at most this many results (0: all)")->capture_default_str();
    cmd->add_flag("--bodies", a->bodies_only, "bodies only");
    cmd->add_flag("--areas", a->areas_only, "areas only");
    cmd->footer("Example: orglineage search kernow\n         orglineage search derbyshire --on 2010-01-01 --kind pct\n"
                "Ranks: exact (same name, case and punctuation aside), words (every word in the name), prefix "
                "(every word begins one), partial (inside the name).");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        SearchOptions o;
        if (!a->on.empty()) o.on = date_arg(a->on);
        if (!a->kind.empty()) {
            // A body kind with its family; an area kind (la-unitary, ...) as written.
            const auto& kinds = lin.dataset().kinds;
            bool area_kind = false;
            for (const auto& ar : lin.dataset().areas) area_kind = area_kind || ar.kind == a->kind;
            if (area_kind && !kinds.count(a->kind)) {
                o.kinds = {a->kind};
                o.bodies = false;
            } else {
                o.kinds = kinds_arg(ctx, a->kind);
                o.areas = false;
            }
        }
        if (a->bodies_only) o.areas = false;
        if (a->areas_only) o.bodies = false;
        o.max = a->max;
        Output out;
        out.columns = {"type", "id", "kind", "name", "ods", "ons", "from", "to", "matched"};
        out.query = Json{{"command", "search"}, {"text", a->text}, {"normalised", normalise_name(a->text)},
                         {"on", a->on.empty() ? Json(nullptr) : Json(a->on)},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)}, {"data", ctx.data_info()}};
        const auto hits = search(lin, a->text, o);
        for (const auto& h : hits) {
            Json r = hit_json(h, o.on);
            std::vector<Note> notes;
            if (h.body) notes = body_notes(lin, *h.body);
            if (h.body && o.on) add_notes(notes, date_notes(lin, *o.on, {h.body}));
            r["notes"] = notes_json(notes);
            out.results.push_back(r);
        }
        emit(ctx, std::move(out));
        if (hits.empty()) {
            say("no body or area has a name matching '" + a->text + "'" + (a->on.empty() ? "" : " on " + a->on));
            if (ctx.exit_code == exit_ok) ctx.exit_code = exit_not_found;
        }
    });
}

} // namespace orglineage::cli
