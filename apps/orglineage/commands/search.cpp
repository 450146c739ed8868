// SPDX-License-Identifier: MIT
// orglineage search TEXT [--on D] [--kind K]: bodies and areas by name, ranked, with periods and codes.
#include "../cli.hpp"

namespace orglineage::cli {

void add_search(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("search", "Bodies and areas by name (any case or punctuation), best matches first");
    auto a = std::make_shared<SearchQuestion>();
    cmd->add_option("TEXT", a->text, "a name or part of one, e.g. \"Kernow\" or \"leeds ccg\"")->required();
    cmd->add_option("--on", a->on, "only bodies active and areas in force on this date")->type_name("DATE");
    cmd->add_option("--kind", a->kind, kind_help());
    cmd->add_option("--max", a->max, "at most this many results (0: all)")->capture_default_str()->type_name("UINT");
    cmd->add_flag("--bodies", a->bodies_only, "bodies only");
    cmd->add_flag("--areas", a->areas_only, "areas only");
    cmd->footer("Example: orglineage search kernow\n         orglineage search derbyshire --on 2010-01-01 --kind pct\n"
                "Ranks: exact (same name, case and punctuation aside), words (every word in the name), prefix "
                "(every word begins one), partial (inside the name).");
    cmd->callback([&ctx, a] { show(ctx, ctx.answers().search(*a)); });
}

} // namespace orglineage::cli
