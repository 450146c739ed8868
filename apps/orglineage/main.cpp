// SPDX-License-Identifier: MIT
// orglineage — the command-line tool: parses arguments, calls the library, prints answers.
#include "cli.hpp"

#include <iostream>

using namespace orglineage;
using namespace orglineage::cli;

namespace orglineage::cli {
void add_export(CLI::App& app, Context& ctx); // commands/export.cpp (issue 7)
void add_serve(CLI::App& app, Context& ctx);  // serve/serve_command.cpp
} // namespace orglineage::cli

int main(int argc, char* argv[]) {
    Context ctx;
    ctx.program_path = argc > 0 ? argv[0] : "orglineage";
    CLI::App app{"orglineage: English NHS commissioning bodies over time (PCTs, CCGs, ICBs, ...)"};
    app.name("orglineage");
    app.require_subcommand(0, 1);
    app.fallthrough(); // global options may also come after the command
    bool version = false;
    app.add_option("--data", ctx.data_option,
                   "dataset directory (default: $ORGLINEAGE_DATA, else the shipped data/nhs-england)")
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
                return v.empty() ? "an empty path (give a dataset directory, or leave --data out for the default)"
                                 : std::string();
            },
            "DIR"));
    app.add_option("--format", ctx.format, "output: text (aligned), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->capture_default_str();
    app.add_flag("--version", version, "print the library and data versions");
    app.add_flag("--strict", ctx.strict,
                 "fail (exit 4) when an answer carries notes: a deduced link, a secondary source, an incomplete "
                 "set, an unknown share, a derived answer, a date after the data's knowledge horizon or an "
                 "announced change");
    app.add_flag("--include-announced", ctx.include_announced,
                 "apply the changes announced but not confirmed in force (answers still say so)");
    app.footer("Example: orglineage who --area Cornwall --on 2007-06-01\n"
               "Exit codes: 0 answered, 1 no such body, area or answer, 2 usage error, 3 data error,\n"
               "4 an answer that carries notes under --strict, 74 input/output error (a full disk,\n"
               "standard output closed).\n"
               "Run 'orglineage COMMAND --help' for a command's options.");
    add_resolve(app, ctx);
    add_who(app, ctx);
    add_successors(app, ctx);
    add_predecessors(app, ctx);
    add_lineage(app, ctx);
    add_snapshot(app, ctx);
    add_diff(app, ctx);
    add_validate(app, ctx);
    add_crosswalk(app, ctx);
    add_remap(app, ctx);
    add_export(app, ctx);
    add_compile(app, ctx);
    add_query(app, ctx);
    add_groups(app, ctx);
    add_members(app, ctx);
    add_search(app, ctx);
    add_changes(app, ctx);
    add_serve(app, ctx);

    try {
        // Every argument reaches messages and JSON answers: text that is not UTF-8 is refused here
        // rather than passed on (nlohmann-json would throw on it half way through an answer).
        for (int i = 1; i < argc; ++i)
            if (auto bad = invalid_utf8(argv[i]))
                throw Failure(exit_usage, "argument " + std::to_string(i) + " is not UTF-8 text (byte " +
                                              std::to_string(*bad + 1) + ")");
        app.parse(argc, argv);
        if (version) {
            std::cout << "orglineage " << orglineage::version() << " (library)\n";
            // The library's version is the answer; data that cannot be read is said, not a failure.
            try {
                const std::string dir = ctx.data_dir();
                const auto& ds = ctx.lineage().dataset();
                std::cout << "data " << ds.name << " " << ds.version << " (" << dir << ")\n";
                if (!ctx.image_used().empty()) std::cout << "image " << ctx.image_used() << "\n";
            } catch (const orglineage::Error& e) {
                say(std::string("note: no data version: ") + e.what());
            } catch (const Failure& e) {
                say(std::string("note: no data version: ") + e.what());
            }
            finish_stdout();
            return exit_ok;
        }
        if (app.get_subcommands().empty()) {
            std::cerr << app.help();
            say("a command is required");
            return exit_usage;
        }
        finish_stdout();
        return ctx.exit_code;
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e) == 0 ? exit_ok : exit_usage;
        std::cout.flush();
        if (!std::cout) {
            say("standard output: cannot write (is the disk full or the reader gone?)");
            return exit_io;
        }
        return rc;
    } catch (const Failure& e) {
        say(e.what());
        return e.code();
    } catch (const IoError& e) {
        say(e.what());
        return exit_io;
    } catch (const DataError& e) {
        say(std::string("data error: ") + e.what());
        return exit_data;
    } catch (const LookupError& e) {
        say(e.what());
        return exit_not_found;
    } catch (const orglineage::Error& e) {
        say(e.what());
        return exit_not_found;
    } catch (const std::exception& e) {
        say(std::string("internal error: ") + e.what());
        return 70;
    }
}
