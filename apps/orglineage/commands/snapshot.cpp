// SPDX-License-Identifier: MIT
// orglineage snapshot --on DATE / diff DATE1 DATE2: the bodies active on a date, and what changed.
#include "../cli.hpp"

namespace orglineage::cli {

void add_snapshot(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("snapshot", "Bodies active on a date (of one kind, or all)");
    auto q = std::make_shared<SnapshotQuestion>();
    cmd->add_option("--on", q->on, "the date (YYYY-MM-DD)")->required()->type_name("DATE");
    cmd->add_option("--kind", q->kind, kind_help());
    cmd->footer("Example: orglineage snapshot --on 2010-01-01 --kind pct   # 152 PCTs, the 5 care trusts among them");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().snapshot(*q)); });
}

void add_diff(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("diff", "Bodies that appeared, ended or changed name or code between two dates");
    auto q = std::make_shared<DiffQuestion>();
    cmd->add_option("DATE1", q->date1, "the earlier date (YYYY-MM-DD)")->required()->type_name("DATE");
    cmd->add_option("DATE2", q->date2, "the later date (YYYY-MM-DD)")->required()->type_name("DATE");
    cmd->add_option("--kind", q->kind, kind_help());
    cmd->footer("Example: orglineage diff 2013-03-31 2013-04-01 --kind ccg\n"
                "The LINKS column: for a body that ended, where its holdings went ('> ccg/15F'); for one that "
                "appeared, where they came from ('< ccg/02V, ccg/03C'); shares below 1 in brackets.");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().diff(*q)); });
}

} // namespace orglineage::cli
