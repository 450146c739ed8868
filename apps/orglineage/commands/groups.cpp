// SPDX-License-Identifier: MIT
// orglineage groups BODY [--on D] / members GROUP [--on D]: the SHAs, clusters, area teams, local
// offices, regions, STPs and ICBs a body belonged to, and the members of a group, with periods.
#include "../cli.hpp"

namespace orglineage::cli {

void add_groups(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "groups", "The groups a body belonged to (SHA, cluster, area team, local office, region, STP, ICB), with periods");
    auto q = std::make_shared<GroupsQuestion>();
    cmd->add_option("BODY", q->body, "a body id, ODS or ONS code, or name")->required();
    cmd->add_option("--on", q->on, "only the groups of this date (default: every group it was ever in)")
        ->type_name("DATE");
    cmd->add_option("--kind", q->kind, "only groups of this kind, e.g. sha, pct-cluster, region");
    cmd->footer("Example: orglineage groups 5QP --on 2012-01-01\n         orglineage groups 00K");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().groups(*q)); });
}

void add_members(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("members", "The members of a group (an SHA, cluster, area team, region, STP, ICB), with periods");
    auto q = std::make_shared<GroupsQuestion>();
    cmd->add_option("GROUP", q->body, "a group's id, ODS or ONS code, or name")->required();
    cmd->add_option("--on", q->on, "only the members of this date (default: every member it ever had)")
        ->type_name("DATE");
    cmd->add_option("--kind", q->kind, "only members of this kind, e.g. pct, ccg, sub-icb");
    cmd->footer("Example: orglineage members sha/south-west --on 2010-01-01");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().members(*q)); });
}

} // namespace orglineage::cli
