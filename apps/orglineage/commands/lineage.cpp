// SPDX-License-Identifier: MIT
// orglineage lineage BODY [--format text|json|csv|dot]: the succession graph around a body.
#include "../cli.hpp"

#include <iostream>

namespace orglineage::cli {

void add_lineage(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("lineage", "The ancestor/descendant graph of a body, with events and sources");
    struct Args {
        std::string body, on, format, function;
        bool connected = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("BODY", a->body, "a body id, ODS code or ONS code")->required();
    cmd->add_option("--on", a->on, "resolve a code as it was on this date (needed when the code was reused)")
        ->check(date_check());
    cmd->add_option("--format", a->format, "text, json, csv or dot (Graphviz; render with dot -Tsvg)")
        ->check(CLI::IsMember({"text", "json", "csv", "dot"}));
    cmd->add_option("--function", a->function,
                    "follow only the links carrying this function (e.g. commissioning; default: all)");
    cmd->add_flag("--connected", a->connected,
                  "every body connected by succession in any direction (siblings too), not just ancestors "
                  "and descendants");
    cmd->footer("Example: orglineage lineage 5QP --format dot | dot -Tsvg > 5QP.svg");
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
                   {"sources", sources}};
            list.push_back(r);
            links.results.push_back(r);
        }
        out.extra["links"] = list;
        if (format == "text") {
            std::cout << "Lineage of " << body.name() << " (" << body.id << "): " << view.bodies.size()
                      << " bodies, " << view.links.size() << " links\n\n";
            print(out, format);
            if (!links.results.empty()) {
                std::cout << '\n';
                print(links, format);
            }
            return;
        }
        print(out, format);
    });
}

} // namespace orglineage::cli
