// SPDX-License-Identifier: MIT
// orglineage serve — the HTTP/1.1 transport (Boost.Beast over Asio): connections, limits, time-outs
// and shutdown. It knows nothing of the questions: every request goes to one Handler.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace orglineage::serve {

/// What one connection and one request may take; a request over a limit is answered 4xx and its
/// connection closed.
struct Limits {
    std::size_t header_bytes = 8 * 1024;        ///< request line and headers (431 beyond)
    std::size_t body_bytes = 32 * 1024 * 1024;  ///< a request's body (413 beyond)
    std::size_t target_bytes = 4 * 1024;        ///< path and query string (414 beyond)
    std::size_t max_connections = 256;          ///< open at once; more are answered 503 and closed
    std::chrono::milliseconds read_timeout{10'000};  ///< to read a whole request, or to wait idle for the next
    std::chrono::milliseconds write_timeout{30'000}; ///< to write one response
};

/// A request as the handler sees it: nothing else of the client's reaches the questions.
struct Request {
    std::string method; ///< GET, HEAD, POST, ...
    std::string target; ///< path and query string as sent (percent-encoded)
    std::string accept; ///< the Accept header
    std::string body;
};

/// A complete response.
struct Response {
    unsigned status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; ///< further fields (Allow, Cache-Control, ...)
};

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080; ///< 0: any free port (the bound one is announced)
    unsigned threads = 0;       ///< 0: one per core
    Limits limits;
    bool access_log = false; ///< one line per request on stderr
};

/**
 * Serves `handler` on host:port until SIGINT or SIGTERM, then stops accepting, lets the responses
 * under way finish (two seconds at most) and returns. `on_listening` is called once with the bound
 * address (`http://127.0.0.1:PORT`) before the first request is read.
 * @throws std::runtime_error when the address cannot be resolved or bound
 */
void run_server(const ServerOptions& options, Handler handler,
                const std::function<void(const std::string& url)>& on_listening);

} // namespace orglineage::serve
