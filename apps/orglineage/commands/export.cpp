// SPDX-License-Identifier: MIT
// orglineage export --format yaml [--output DIR]: the loaded dataset written back in the format of
// docs/data-format.md (one complete dataset.yaml); reloading it gives the same graph.
#include "../cli.hpp"

#include <orglineage/export.hpp>

#include <iostream>

namespace orglineage::cli {

void add_export(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("export", "Write the dataset back as YAML (one complete dataset.yaml)");
    struct Args {
        std::string format = "yaml";
        std::string output;
    };
    auto a = std::make_shared<Args>();
    // Its own --format: the global one offers text, json and csv for answers, not for datasets.
    cmd->add_option("--format", a->format, "output format")->check(CLI::IsMember({"yaml"}))->capture_default_str();
    cmd->add_option("-o,--output", a->output, "a directory to write dataset.yaml into (default: standard output)");
    cmd->footer("Example: orglineage export --format yaml --output /tmp/nhs-england-copy\n"
                "         orglineage --data /tmp/nhs-england-copy validate");
    cmd->callback([&ctx, a] {
        const Dataset& ds = ctx.lineage().dataset();
        if (a->output.empty()) {
            write_yaml(std::cout, ds);
            finish_stdout();
            return;
        }
        try {
            export_dataset(ds, a->output);
        } catch (const IoError&) {
            throw;
        } catch (const Error& e) {
            throw Failure(exit_usage, e.what());
        }
    });
}

} // namespace orglineage::cli
