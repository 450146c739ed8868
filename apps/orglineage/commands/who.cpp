// SPDX-License-Identifier: MIT
// orglineage who --area AREA --on DATE [--function F]: who held a function for an area.
#include "../cli.hpp"

namespace orglineage::cli {

void add_who(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("who", "Bodies holding a function (default: commissioning) for an area on a date");
    auto q = std::make_shared<WhoQuestion>();
    cmd->add_option("--area", q->area, "an ONS local authority code or name (any case), or an LSOA code (E01...)");
    cmd->add_option("--postcode", q->postcode, "a postcode (any spacing or case), looked up in --postcode-file");
    cmd->add_option("--postcode-file", q->postcode_file,
                    "an ONS Postcode Directory CSV (or any CSV with postcode and LSOA columns), not shipped")
        ->check(CLI::ExistingFile);
    cmd->add_flag("--population", q->population,
                  "for a local authority: shares of its population from the LSOA tables (ONS mid-year LSOA estimates)");
    cmd->add_option("--on", q->on, "the date (YYYY-MM-DD)")->required()->type_name("DATE");
    cmd->add_option("--function", q->function, "a function id, e.g. commissioning.primary-care.dental")->capture_default_str();
    cmd->add_flag("--legal", q->legal, "the body holding the function in law, not a delegate exercising it");
    cmd->footer("Example: orglineage who --area Cornwall --on 2007-06-01");
    cmd->callback([&ctx, q] { show(ctx, ctx.answers().who(*q)); });
}

} // namespace orglineage::cli
