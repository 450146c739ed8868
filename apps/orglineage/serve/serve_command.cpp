// SPDX-License-Identifier: MIT
// orglineage serve [--host H] [--port P]: the answers over HTTP, and the page at /.
#include "../cli.hpp"
#include "http_server.hpp"
#include "questions.hpp"
#include "site.hpp"

#include <iostream>

namespace orglineage::cli {

namespace {

struct ServeArgs {
    serve::ServerOptions server;
    std::string postcode_file;
    unsigned read_timeout_ms = 10'000;
};

/// Every endpoint: the page and the server's own, the questions, and the description of them all.
serve::Router make_router(Context& ctx, const ServeArgs& a) {
    const Lineage& lin = ctx.lineage();
    std::vector<serve::Endpoint> endpoints = serve::site_endpoints(serve::data_info(lin, ctx.image_used()));
    serve::QuestionOptions q;
    q.postcode_file = a.postcode_file;
    for (auto& e : serve::question_endpoints(ctx, q)) endpoints.push_back(std::move(e));
    endpoints.push_back(serve::openapi_endpoint(endpoints));
    return serve::Router(std::move(endpoints), a.server.limits);
}

} // namespace

void add_serve(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("serve", "Answer the questions over HTTP (JSON or CSV), with a page at /");
    auto a = std::make_shared<ServeArgs>();
    cmd->add_option("--host", a->server.host, "the address to listen on (loopback unless told otherwise)")
        ->capture_default_str();
    cmd->add_option("--port", a->server.port, "the port (0: any free port; the one taken is printed)")
        ->capture_default_str();
    cmd->add_option("--threads", a->server.threads, "threads answering (0: one per core)")->capture_default_str();
    cmd->add_option("--max-connections", a->server.limits.max_connections, "connections open at once (more get 503)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--max-body", a->server.limits.body_bytes, "the largest request body, in bytes (POST /remap)")
        ->capture_default_str();
    cmd->add_option("--timeout", a->read_timeout_ms,
                    "milliseconds to read a whole request (or to wait for the next on a kept-alive connection)")
        ->check(CLI::Range(100u, 600'000u))
        ->capture_default_str();
    cmd->add_option("--postcode-file", a->postcode_file,
                    "an ONS Postcode Directory CSV for /who?postcode=... (requests never name files)")
        ->check(CLI::ExistingFile);
    cmd->add_flag("--access-log", a->server.access_log, "one line per request on standard error");
    cmd->footer("Example: orglineage serve --port 8080, then open http://127.0.0.1:8080/\n"
                "Stops cleanly on SIGINT or SIGTERM. The endpoints are described at /openapi.json.");
    cmd->callback([&ctx, a] {
        a->server.limits.read_timeout = std::chrono::milliseconds(a->read_timeout_ms);
        const serve::Router router = make_router(ctx, *a);
        try {
            serve::run_server(
                a->server, [&router](const serve::Request& r) { return router.handle(r); },
                [](const std::string& url) {
                    std::cout << "orglineage serve: listening on " << url << std::endl;
                });
        } catch (const std::runtime_error& e) {
            throw Failure(exit_usage, e.what());
        }
        say("serve: stopped");
    });
}

} // namespace orglineage::cli
