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
Output one_table(const Output& bodies, const Output& links) {
    Output t;
    t.columns = {"row", "id", "kind", "name", "ods", "ons", "from", "to", "date", "event", "from_body", "to_body",
                 "share", "basis", "functions", "sources"};
    for (Json r : bodies.results) {
        r["row"] = "body";
        t.results.push_back(r);
    }
    for (const Json& l : links.results) {
        Json r{{"row", "link"}, {"id", l["event_id"]}, {"kind", l["event"]}, {"date", l["date"]}, {"event", l["event"]},
               {"from_body", l["from"]}, {"to_body", l["to"]}, {"share", l["share"]}, {"basis", l["basis"]},
               {"functions", l["functions"]}, {"sources", l["sources"]}, {"notes", l["notes"]}};
        t.results.push_back(r);
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
        ->check(date_check());
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
        const Lineage& lin = ctx.lineage();
        const std::string format = a->format.empty() ? ctx.format : a->format;
        std::optional<Date> on;
        if (!a->on.empty()) on = date_arg(a->on);
        const Body& body = *pick_body(ctx, a->body, on).body;
        if (!a->function.empty()) check_function(ctx, a->function);
        if (a->connected && !a->function.empty())
            throw Failure(exit_usage, "--connected and --function cannot be combined");
        const LineageView view = a->connected ? lin.lineage(body) : ancestry(lin, body, a->function);
        if (format == "dot") {
            write_dot(std::cout, lin, view);
            return;
        }
        if (format == "svg" || format == "png") {
            draw(lin, view, format);
            return;
        }
        Output out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query = Json{{"command", "lineage"}, {"body", body.id}, {"code", a->body},
                         {"on", on ? Json(a->on) : Json(nullptr)},
                         {"function", a->function.empty() ? Json(nullptr) : Json(a->function)},
                         {"scope", a->connected ? "connected" : "ancestry"}, {"data", ctx.data_info()}};
        for (const Body* b : view.bodies) out.results.push_back(body_json(*b, std::nullopt));
        Output links;
        links.columns = {"date", "event", "from", "to", "share", "basis", "functions", "sources"};
        Json list = Json::array();
        for (const auto& l : view.links) {
            Json sources = Json::array();
            for (const auto& s : l.event->sources) sources.push_back(s);
            for (const auto& s : l.link->sources) sources.push_back(s);
            Json functions = Json::array();
            for (const auto& f : l.link->functions) functions.push_back(f);
            Json r{{"date", format_date(l.event->date)},
                   {"event", std::string(to_string(l.event->kind))},
                   {"event_id", l.event->id},
                   {"from", l.from->id},
                   {"to", l.to->id},
                   {"share", share_json(l.link->share)},
                   {"basis", std::string(to_string(l.link->basis))},
                   {"functions", functions},
                   {"sources", sources},
                   {"notes", notes_json(link_notes(lin, l))}};
            list.push_back(r);
            links.results.push_back(r);
        }
        for (auto& r : out.results) r["notes"] = notes_json(body_notes(lin, lin.at(r["id"].get<std::string>())));
        if (format == "text") {
            std::cout << "Lineage of " << body.name() << " (" << body.id << "): " << view.bodies.size()
                      << " bodies, " << view.links.size() << " links\n\n";
            emit(ctx, out, format);
            if (!links.results.empty()) {
                std::cout << '\n';
                emit(ctx, links, format);
            }
            return;
        }
        if (format == "csv") {
            emit(ctx, one_table(out, links), format);
            return;
        }
        out.extra["links"] = list;
        emit(ctx, out, format);
    });
}

} // namespace orglineage::cli
