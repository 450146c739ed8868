// SPDX-License-Identifier: MIT
// orglineage validate: check the dataset and report every problem.
#include "../cli.hpp"

#include <iostream>

namespace orglineage::cli {

void add_validate(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("validate", "Check the dataset; report every problem (file:line:column)");
    cmd->footer("Example: orglineage --data my-dataset validate");
    cmd->callback([&ctx] {
        const std::string dir = ctx.data_dir();
        const auto problems = validate_directory(dir);
        Output out;
        out.columns = {"problem"};
        out.query = Json{{"command", "validate"}, {"directory", dir}};
        if (problems.empty()) {
            const auto& ds = ctx.lineage().dataset();
            out.query["data"] = ctx.data_info();
            out.query["counts"] = Json{{"bodies", ds.bodies.size()}, {"events", ds.events.size()},
                                       {"areas", ds.areas.size()}, {"sources", ds.sources.size()},
                                       {"claims", ds.claims.size()}};
            if (ctx.format == "text") {
                std::cout << dir << ": valid (" << ds.name << " " << ds.version << ": " << ds.bodies.size()
                          << " bodies, " << ds.events.size() << " events, " << ds.areas.size() << " areas, "
                          << ds.sources.size() << " sources, " << ds.claims.size() << " claims proved)\n";
                return;
            }
        }
        for (const auto& p : problems) out.results.push_back(Json{{"problem", p}});
        if (ctx.format == "text")
            for (const auto& p : problems) std::cout << p << '\n';
        else
            print(out, ctx.format);
        if (!problems.empty()) {
            say(std::to_string(problems.size()) + " problem(s) in " + dir);
            ctx.exit_code = exit_data;
        }
    });
}

} // namespace orglineage::cli
