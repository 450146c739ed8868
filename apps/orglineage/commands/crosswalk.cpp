// SPDX-License-Identifier: MIT
// orglineage crosswalk --from DATE --to DATE --kind K [--function F] [--sizes FILE]: the weight matrix
// from the bodies of one date to those of another.
#include "../cli.hpp"

namespace orglineage::cli {

void add_crosswalk(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("crosswalk", "Weights mapping the bodies of one date onto those of another");
    auto a = std::make_shared<CrosswalkQuestion>();
    auto* from_opt = cmd->add_option("--from", a->from, "the date whose bodies are the rows (YYYY-MM-DD)")->type_name("DATE");
    cmd->add_flag("--all-dates", a->all_dates,
                  "one long table for figures of every date: code, valid_from, valid_to, target, weight, basis")
        ->excludes(from_opt);
    cmd->add_option("--to", a->to, "the date whose bodies receive the weights (earlier: backwards)")
        ->required()
        ->type_name("DATE");
    cmd->add_option("--kind", a->kind, "kind of the row bodies, e.g. pct, ccg (default: all holding the function)");
    cmd->add_option("--function", a->function, "the function followed")->capture_default_str();
    cmd->add_option("--sizes", a->sizes,
                    "backwards: CSV 'body,size' (id or code on --to) apportioning a body made from several");
    cmd->footer("Weights forwards are parts of the row body (composed shares); backwards a row made from several\n"
                "bodies is apportioned by --sizes, else by normalised forward shares (method 'normalised', an\n"
                "estimate with basis 'unknown').\n"
                "With --all-dates, one long table joins any table of figures (code, date) onto the bodies of --to:\n"
                "  ... JOIN cw ON t.code = cw.code AND t.date BETWEEN cw.valid_from AND cw.valid_to\n"
                "(rows with an empty weight are those remap rejects; see docs/crosswalk-and-remap.md).\n"
                "Each row carries its notes (a NOTES column in text, `notes` in CSV and JSON): a link deduced or\n"
                "from a secondary source, a share unknown, a weight apportioned, estimated or taken from a group,\n"
                "a date after the data's knowledge horizon or an announced change; --strict exits 4 on any.\n"
                "Example: orglineage crosswalk --from 2012-06-01 --to 2023-06-01 --kind pct --format csv\n"
                "         orglineage crosswalk --to 2024-07-01 --all-dates --format csv > crosswalk.csv");
    cmd->callback([&ctx, a] { show(ctx, ctx.answers().crosswalk(*a)); });
}

} // namespace orglineage::cli
