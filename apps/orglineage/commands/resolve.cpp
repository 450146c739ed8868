// SPDX-License-Identifier: MIT
// orglineage resolve CODE [--on DATE]: the body that had a code on a date.
#include "../cli.hpp"

namespace orglineage::cli {

void add_resolve(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("resolve", "The body that had an ODS/ONS code (or id) on a date");
    auto q = std::make_shared<ResolveQuestion>();
    cmd->add_option("CODE", q->code, "an ODS code, an ONS code, a body id or a name (\"NHS Kernow CCG\")")->required();
    cmd->add_option("--on", q->on,
                    "the date (YYYY-MM-DD); when nobody had the code then, the nearest in time is taken; "
                    "without it, every body that ever had the code")
        ->type_name("DATE");
    cmd->footer("Example: orglineage resolve 5QP --on 2010-01-01");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().resolve(*q)); });
}

} // namespace orglineage::cli
