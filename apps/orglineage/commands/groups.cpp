// SPDX-License-Identifier: MIT
// orglineage groups BODY [--on D] / members GROUP [--on D]: the SHAs, clusters, area teams, local
// offices, regions, STPs and ICBs a body belonged to, and the members of a group, with periods.
#include "../cli.hpp"

namespace orglineage::cli {

namespace {

struct Args {
    std::string body, on, kind;
};

/// One membership row: the other body's fields, then the membership's own period and sources.
Json membership_row(Context& ctx, const Body& shown, const Membership& m, const Body& member, std::optional<Date> on) {
    const Lineage& lin = ctx.lineage();
    Json r = body_json(shown, on);
    r["member_from"] = format_date(m.period.from);
    const auto last = m.period.last_day();
    r["member_to"] = last ? Json(format_date(*last)) : Json(nullptr);
    Json sources = Json::array();
    for (const auto& s : m.sources) sources.push_back(s);
    r["sources"] = sources;
    std::vector<Note> notes = body_notes(lin, shown);
    add_notes(notes, membership_notes(lin, member, m));
    if (on) add_notes(notes, date_notes(lin, *on, {&member}));
    r["notes"] = notes_json(notes);
    return r;
}

/// Every membership of the dataset, as (member, membership) pairs.
template <class Keep> std::vector<std::pair<const Body*, const Membership*>> memberships(const Lineage& lin, Keep keep) {
    std::vector<std::pair<const Body*, const Membership*>> out;
    for (const auto& b : lin.dataset().bodies)
        for (const auto& m : b.memberships)
            if (keep(b, m)) out.push_back({&b, &m});
    return out;
}

bool in_force(const Body& member, const Membership& m, std::optional<Date> on) {
    return !on || (m.period.contains(*on) && member.period.contains(*on));
}

void finish(Context& ctx, Output& out, const std::string& what) {
    const bool empty = out.results.empty();
    emit(ctx, std::move(out));
    if (empty) {
        say(what);
        if (ctx.exit_code == exit_ok) ctx.exit_code = exit_not_found;
    }
}

const std::vector<std::string> k_columns = {"id", "kind", "name", "ods", "ons", "from", "to", "member_from", "member_to"};

} // namespace

void add_groups(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "groups", "The groups a body belonged to (SHA, cluster, area team, local office, region, STP, ICB), with periods");
    auto a = std::make_shared<Args>();
    cmd->add_option("BODY", a->body, "a body id, ODS or ONS code, or name")->required();
    cmd->add_option("--on", a->on, "only the groups of this date (default: every group it was ever in)")
        ->check(date_check());
    cmd->add_option("--kind", a->kind, "only groups of this kind, e.g. sha, pct-cluster, region");
    cmd->footer("Example: orglineage groups 5QP --on 2012-01-01\n         orglineage groups 00K");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        std::optional<Date> on;
        if (!a->on.empty()) on = date_arg(a->on);
        const auto kinds = kinds_arg(ctx, a->kind);
        const Body& body = *pick_body(ctx, a->body, on).body;
        Output out;
        out.columns = k_columns;
        out.query = Json{{"command", "groups"}, {"body", body_json(body, on)}, {"code", a->body},
                         {"on", on ? Json(a->on) : Json(nullptr)},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)}, {"data", ctx.data_info()}};
        auto rows = memberships(lin, [&](const Body& b, const Membership& m) {
            return &b == &body && in_force(b, m, on) && kind_in(kinds, lin.at(m.group).kind);
        });
        std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
            return x.second->period.from < y.second->period.from;
        });
        for (const auto& [member, m] : rows) out.results.push_back(membership_row(ctx, lin.at(m->group), *m, *member, on));
        finish(ctx, out, body.id + " belonged to no group" + (on ? " on " + a->on : std::string()) +
                             (a->kind.empty() ? "" : " of kind '" + a->kind + "'") + " in this dataset");
    });
}

void add_members(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("members", "The members of a group (an SHA, cluster, area team, region, STP, ICB), with periods");
    auto a = std::make_shared<Args>();
    cmd->add_option("GROUP", a->body, "a group's id, ODS or ONS code, or name")->required();
    cmd->add_option("--on", a->on, "only the members of this date (default: every member it ever had)")
        ->check(date_check());
    cmd->add_option("--kind", a->kind, "only members of this kind, e.g. pct, ccg, sub-icb");
    cmd->footer("Example: orglineage members sha/south-west --on 2010-01-01");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        std::optional<Date> on;
        if (!a->on.empty()) on = date_arg(a->on);
        const auto kinds = kinds_arg(ctx, a->kind);
        const Body& group = *pick_body(ctx, a->body, on).body;
        Output out;
        out.columns = k_columns;
        out.query = Json{{"command", "members"}, {"group", body_json(group, on)}, {"code", a->body},
                         {"on", on ? Json(a->on) : Json(nullptr)},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)}, {"data", ctx.data_info()}};
        auto rows = memberships(lin, [&](const Body& b, const Membership& m) {
            return m.group == group.id && in_force(b, m, on) && kind_in(kinds, b.kind);
        });
        std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
            if (x.second->period.from != y.second->period.from) return x.second->period.from < y.second->period.from;
            return x.first->id < y.first->id;
        });
        for (const auto& [member, m] : rows) out.results.push_back(membership_row(ctx, *member, *m, *member, on));
        finish(ctx, out, group.id + " had no members" + (on ? " on " + a->on : std::string()) +
                             (a->kind.empty() ? "" : " of kind '" + a->kind + "'") + " in this dataset");
    });
}

} // namespace orglineage::cli
