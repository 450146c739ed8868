// SPDX-License-Identifier: MIT
// orglineage successors|predecessors BODY --on DATE [--function F]: where a body's functions went.
#include "../cli.hpp"

namespace orglineage::cli {

namespace {

void add_common(CLI::App* cmd, SuccessionQuestion& q) {
    cmd->add_option("BODY", q.body, "a body id, ODS code, ONS code or name")->required();
    cmd->add_option("--on", q.on, "the date (YYYY-MM-DD); see below for the default")->type_name("DATE");
    cmd->add_option("--function", q.function, "a function id, e.g. public-health")->capture_default_str();
    cmd->add_option("--code-on", q.code_on,
                    "resolve the code as it was on this date instead of --on (codes are reused)")
        ->type_name("DATE");
}

} // namespace

void add_successors(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("successors", "Bodies that on a date hold what a body held, with shares");
    auto q = std::make_shared<SuccessionQuestion>();
    add_common(cmd, *q);
    cmd->footer("What the body held on a day (for a code: the day it was asked on, --code-on or --on; for an id:\n"
                "its first form, the day before its first link carrying the function) and where that is on --on.\n"
                "Without --on: for a body that has ended, the day after its last day (who took over); otherwise today.\n"
                "Example: orglineage successors 5QP --on 2013-04-01 --function public-health\n"
                "         orglineage successors 01Y --on 2022-07-01 --code-on 2022-06-30");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().successors(*q)); });
}

void add_predecessors(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("predecessors", "Bodies that before held what a body holds on a date");
    auto q = std::make_shared<SuccessionQuestion>();
    add_common(cmd, *q);
    cmd->add_option("--back-to", q->back_to,
                    "follow back to the bodies active on this date (default: the direct predecessors)")
        ->type_name("DATE");
    cmd->footer("Example: orglineage predecessors 5QP --on 2010-01-01\n"
                "Without --on: the body's first day (what it was made from).");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().predecessors(*q)); });
}

} // namespace orglineage::cli
