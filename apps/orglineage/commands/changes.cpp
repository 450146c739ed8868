// SPDX-License-Identifier: MIT
// orglineage changes --from D1 [--to D2] [--kind K]: what happened on a day or over a range — each
// event with who became whom, the shares and functions, its citation and its caveats.
#include "../cli.hpp"

namespace orglineage::cli {

void add_changes(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("changes", "What changed on a day or between two days: who became whom, with shares, "
                                              "functions, sources and caveats");
    auto a = std::make_shared<ChangesQuestion>();
    cmd->add_option("--from", a->from, "the first day (YYYY-MM-DD)")->required()->type_name("DATE");
    cmd->add_option("--to", a->to, "the last day (default: the first: one day's changes)")->type_name("DATE");
    cmd->add_option("--kind", a->kind, kind_help() + "; an event is shown when a body on either side is of the kind");
    cmd->footer("Example: orglineage changes --from 2018-04-01 --kind ccg\n"
                "         orglineage changes --from 2026-01-01 --to 2027-12-31   # announced changes too");
    cmd->callback([&ctx, a] { show(ctx, ctx.answers().changes(*a)); });
}

} // namespace orglineage::cli
