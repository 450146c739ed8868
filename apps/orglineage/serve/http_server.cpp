// SPDX-License-Identifier: MIT
// orglineage serve — the HTTP/1.1 transport. Boost.Beast parses and writes HTTP; this file only
// sets its limits, time-outs and the connection count, and hands each request to the handler.
#include "http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace orglineage::serve {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

/// What every connection shares: the handler, the limits and the counts.
struct Shared {
    Handler handler;
    ServerOptions options;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> busy{0}; ///< responses being written
    std::atomic<bool> stopping{false};
    std::mutex log_mutex;
};

/// The response to a request Beast could not read, or that broke a limit: 4xx, then close.
http::response<http::string_body> refusal(unsigned status, const std::string& message) {
    http::response<http::string_body> res{static_cast<http::status>(status), 11};
    res.set(http::field::server, "orglineage");
    res.set(http::field::content_type, "application/json");
    res.set(http::field::connection, "close");
    // The message is ours (never the client's bytes), so it needs no escaping beyond plain text.
    res.body() = "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":\"" + message + "\"}}\n";
    res.prepare_payload();
    res.keep_alive(false);
    return res;
}

/// The HTTP status for a failed read, or 0 when the connection is simply closed: the client went
/// away, or did not send a whole request in time (Beast closes the socket on its time-out, so a
/// slow client gets no 408, only the close).
unsigned status_for(const beast::error_code& ec, std::string& message) {
    if (ec == http::error::header_limit) {
        message = "the request's headers are too large";
        return 431;
    }
    if (ec == http::error::body_limit) {
        message = "the request's body is too large";
        return 413;
    }
    if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
        message = "malformed HTTP request";
        return 400;
    }
    return 0;
}

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket&& socket, Shared& shared) : m_stream(std::move(socket)), m_shared(shared) {
        beast::error_code ec;
        const auto ep = m_stream.socket().remote_endpoint(ec);
        if (!ec) m_peer = ep.address().to_string();
    }
    ~Session() {
        done();
        --m_shared.connections;
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start() {
        if (m_shared.connections > m_shared.options.limits.max_connections) {
            respond(refusal(503, "too many connections; try again"), false);
            return;
        }
        read();
    }

  private:
    void read() {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_shared.options.limits.header_bytes));
        m_parser->body_limit(m_shared.options.limits.body_bytes);
        m_stream.expires_after(m_shared.options.limits.read_timeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read(beast::error_code ec) {
        if (ec) {
            std::string message;
            const unsigned status = status_for(ec, message);
            if (status != 0) {
                log_line("-", status, 0);
                respond(refusal(status, message), false);
            } else {
                close();
            }
            return;
        }
        const auto started = Clock::now();
        auto& req = m_parser->get();
        Request request;
        request.method = std::string(req.method_string());
        request.target = std::string(req.target());
        request.accept = std::string(req[http::field::accept]);
        request.body = std::move(req.body());
        const bool keep_alive = req.keep_alive() && !m_shared.stopping;
        Response answer;
        try {
            answer = m_shared.handler(request);
        } catch (const std::exception& e) {
            // A handler that throws is a defect, but one request must not end the server.
            answer = Response{500, "application/json", "{\"error\":{\"status\":500,\"message\":\"internal error\"}}\n", {}};
            std::lock_guard<std::mutex> lock(m_shared.log_mutex);
            std::cerr << "orglineage serve: internal error on " << request.target.substr(0, 200) << ": " << e.what() << '\n';
        }
        http::response<http::string_body> res{static_cast<http::status>(answer.status), req.version()};
        res.set(http::field::server, "orglineage");
        res.set(http::field::content_type, answer.content_type);
        res.set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : answer.headers) res.set(name, value);
        const std::size_t size = answer.body.size();
        if (request.method != "HEAD") res.body() = std::move(answer.body);
        res.prepare_payload();
        if (request.method == "HEAD") res.content_length(size);
        res.keep_alive(keep_alive);
        log_line(request.method + " " + request.target, answer.status, size, Clock::now() - started);
        ++m_shared.busy;
        m_busy = true;
        respond(std::move(res), keep_alive);
    }

    void respond(http::response<http::string_body>&& res, bool keep_alive) {
        m_response = std::make_shared<http::response<http::string_body>>(std::move(res));
        m_stream.expires_after(m_shared.options.limits.write_timeout);
        http::async_write(m_stream, *m_response,
                          [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                              self->m_response.reset();
                              self->done();
                              if (ec || !keep_alive) return self->close();
                              self->read();
                          });
    }

    /// A response is out (or failed): it no longer holds up a shutdown.
    void done() {
        if (m_busy) --m_shared.busy;
        m_busy = false;
    }

    void close() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        m_stream.socket().close(ec);
    }

    void log_line(const std::string& what, unsigned status, std::size_t bytes,
                  Clock::duration took = Clock::duration::zero()) {
        if (!m_shared.options.access_log) return;
        std::ostringstream line;
        line << m_peer << " \"" << what.substr(0, 512) << "\" " << status << ' ' << bytes << ' '
             << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << "us\n";
        std::lock_guard<std::mutex> lock(m_shared.log_mutex);
        std::cerr << line.str();
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::shared_ptr<http::response<http::string_body>> m_response;
    Shared& m_shared;
    std::string m_peer = "-";
    bool m_busy = false;
};

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    Listener(asio::io_context& ioc, const tcp::endpoint& endpoint, Shared& shared)
        : m_ioc(ioc), m_acceptor(asio::make_strand(ioc)), m_shared(shared) {
        m_acceptor.open(endpoint.protocol());
        m_acceptor.set_option(asio::socket_base::reuse_address(true));
        m_acceptor.bind(endpoint);
        m_acceptor.listen(asio::socket_base::max_listen_connections);
    }

    [[nodiscard]] tcp::endpoint local_endpoint() const { return m_acceptor.local_endpoint(); }

    void accept() {
        m_acceptor.async_accept(asio::make_strand(m_ioc), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
            if (ec == asio::error::operation_aborted || !self->m_acceptor.is_open()) return;
            if (!ec) {
                ++self->m_shared.connections;
                std::make_shared<Session>(std::move(s), self->m_shared)->start();
            }
            self->accept();
        });
    }

    void stop() {
        beast::error_code ec;
        m_acceptor.close(ec);
    }

  private:
    asio::io_context& m_ioc;
    tcp::acceptor m_acceptor;
    Shared& m_shared;
};

tcp::endpoint resolve_endpoint(asio::io_context& ioc, const std::string& host, unsigned short port) {
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    const auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty()) throw std::runtime_error("cannot resolve host '" + host + "': " + ec.message());
    return results.begin()->endpoint();
}

std::string url_of(const tcp::endpoint& ep) {
    const auto address = ep.address();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return "http://" + host + ":" + std::to_string(ep.port());
}

} // namespace

void run_server(const ServerOptions& options, Handler handler,
                const std::function<void(const std::string& url)>& on_listening) {
    const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Declared before the io_context: sessions still queued in it refer to it when it is destroyed.
    Shared shared;
    asio::io_context ioc{static_cast<int>(threads)};
    shared.handler = std::move(handler);
    shared.options = options;

    std::shared_ptr<Listener> listener;
    const auto endpoint = resolve_endpoint(ioc, options.host, options.port);
    try {
        listener = std::make_shared<Listener>(ioc, endpoint, shared);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("cannot listen on " + url_of(endpoint) + ": " + e.code().message());
    }
    listener->accept();

    // SIGINT/SIGTERM: stop accepting, let the responses under way go out (two seconds at most),
    // then stop; idle keep-alive connections are closed with the io_context.
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    asio::steady_timer poll(ioc);
    Clock::time_point stop_by;
    std::function<void()> wait_for_quiet = [&] {
        if (shared.busy == 0 || Clock::now() >= stop_by) return ioc.stop();
        poll.expires_after(std::chrono::milliseconds(20));
        poll.async_wait([&](beast::error_code) { wait_for_quiet(); });
    };
    signals.async_wait([&](beast::error_code ec, int) {
        if (ec) return;
        shared.stopping = true;
        listener->stop();
        stop_by = Clock::now() + std::chrono::seconds(2);
        wait_for_quiet();
    });
    // A client that goes away mid-response must not end the server.
    std::signal(SIGPIPE, SIG_IGN);

    on_listening(url_of(listener->local_endpoint()));

    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : pool) t.join();
}

} // namespace orglineage::serve
