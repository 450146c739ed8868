// SPDX-License-Identifier: MIT
// orglineage lineage BODY [--format text|json|csv|dot]: the succession graph around a body.
#include "../cli.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace orglineage::cli {

namespace {

/// Bodies and links in one CSV table: `row` says which, and each kind of row fills its own columns.
Answer one_table(const Answer& bodies, const Answer& links) {
    Answer t;
    t.columns = {"row", "id", "kind", "name", "ods", "ons", "from", "to", "date", "event", "from_body", "to_body",
                 "share", "basis", "functions", "sources"};
    for (Value r : bodies.rows) {
        r["row"] = "body";
        t.rows.push_back(std::move(r));
    }
    for (const Value& l : links.rows) {
        Value r = Value::record();
        r["row"] = "link";
        r["id"] = l.at("event_id");
        r["kind"] = l.at("event");
        r["date"] = l.at("date");
        r["event"] = l.at("event");
        r["from_body"] = l.at("from");
        r["to_body"] = l.at("to");
        r["share"] = l.at("share");
        r["basis"] = l.at("basis");
        r["functions"] = l.at("functions");
        r["sources"] = l.at("sources");
        r["notes"] = l.at("notes");
        t.rows.push_back(std::move(r));
    }
    return t;
}

/// Renders the picture with Graphviz's `dot` onto stdout. @throws Failure (exit 2) without Graphviz
void draw(const Lineage& lin, const LineageView& view, const std::string& format) {
    std::cout.flush();
    if (std::system("command -v dot >/dev/null 2>&1") != 0)
        throw Failure(exit_usage, "--format " + format + " needs Graphviz's 'dot' on the PATH (apt-get install graphviz); "
                                  "--format dot writes the picture's source");
    const std::string command = "dot -T" + format;
    FILE* pipe = popen(command.c_str(), "w");
    if (!pipe) throw Failure(exit_data, "cannot run '" + command + "'");
    std::ostringstream dot;
    write_dot(dot, lin, view);
    const std::string text = dot.str();
    const bool written = std::fwrite(text.data(), 1, text.size(), pipe) == text.size();
    const int rc = pclose(pipe);
    if (!written || rc != 0) throw Failure(exit_data, "'" + command + "' failed (exit status " + std::to_string(rc) + ")");
}

} // namespace

void add_lineage(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("lineage", "The ancestor/descendant graph of a body, with events and sources");
    struct Args {
        std::string body, on, format, function;
        bool connected = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("BODY", a->body, "a body id, ODS code, ONS code or name")->required();
    cmd->add_option("--on", a->on, "resolve a code as it was on this date (needed when the code was reused)")
        ->type_name("DATE");
    cmd->add_option("--format", a->format,
                    "text, json, csv (one table: a row per body, then per link), dot (Graphviz), or svg / png "
                    "(drawn by Graphviz's dot when it is installed)")
        ->check(CLI::IsMember({"text", "json", "csv", "dot", "svg", "png"}));
    cmd->add_option("--function", a->function,
                    "follow only the links carrying this function (e.g. commissioning; default: all)");
    cmd->add_flag("--connected", a->connected,
                  "every body connected by succession in any direction (siblings too), not just ancestors "
                  "and descendants");
    cmd->footer("Example: orglineage lineage 5QP --format svg > 5QP.svg\n"
                "The picture shows the body's ancestors and descendants (--connected: everything connected).");
    cmd->callback([&ctx, a] {
        const std::string format = a->format.empty() ? ctx.format : a->format;
        LineageView view;
        Answer out = ctx.answers().lineage({a->body, a->on, a->function, a->connected}, &view);
        if (out.problem) throw Failure(out.problem->exit_code, out.problem->message);
        for (const auto& r : out.remarks) say(r.line());
        if (format == "dot") {
            write_dot(std::cout, ctx.lineage(), view);
            return;
        }
        if (format == "svg" || format == "png") {
            draw(ctx.lineage(), view, format);
            return;
        }
        Answer links;
        links.columns = {"date", "event", "from", "to", "share", "basis", "functions", "sources"};
        links.rows = out.extra.at("links").items();
        if (format == "text") {
            const Body& body = ctx.lineage().at(out.query.at("body").text());
            std::cout << "Lineage of " << body.name() << " (" << body.id << "): " << view.bodies.size() << " bodies, "
                      << view.links.size() << " links\n\n";
            print_answer(ctx, out, format);
            if (!links.rows.empty()) {
                std::cout << '\n';
                print_answer(ctx, links, format);
            }
            return;
        }
        if (format == "csv") {
            print_answer(ctx, one_table(out, links), format);
            return;
        }
        print_answer(ctx, out, format);
    });
}

} // namespace orglineage::cli
