// SPDX-License-Identifier: MIT
// orglineage compile [DATA] -o FILE: check a dataset once and write it as a compiled image.
#include "../cli.hpp"

#include <iostream>

namespace orglineage::cli {

void add_compile(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("compile", "Check a dataset (YAML and tables) and write it as one binary image");
    auto dir = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    cmd->add_option("DATA", *dir, "the dataset directory (default: --data, else the shipped one)");
    cmd->add_option("-o,--output", *output, "the image to write (default: DATA.olimg beside the directory)");
    cmd->footer("Example: orglineage compile data/nhs-england -o nhs-england.olimg\n"
                "An image beside its directory (DATA.olimg) is used by every command while the\n"
                "directory's files are unchanged (same sizes and times); see docs/image-format.md.");
    cmd->callback([&ctx, dir, output] {
        const std::string data = dir->empty() ? ctx.data_dir() : *dir;
        const std::string path = output->empty() ? image_beside(data) : *output;
        const ImageInfo info = compile_image(data, path);
        Output out;
        out.columns = {"image", "bytes", "data", "version", "sources", "small_areas"};
        out.query = Json{{"command", "compile"}, {"directory", data}};
        out.results.push_back(Json{{"image", info.path},
                                   {"bytes", info.size},
                                   {"data", info.data_name},
                                   {"version", info.data_version},
                                   {"sources", info.sources},
                                   {"small_areas", info.small_areas},
                                   {"format_version", info.format_version}});
        print(out, ctx.format);
    });
}

} // namespace orglineage::cli
