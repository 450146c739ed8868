// SPDX-License-Identifier: MIT
// orglineage serve — running Graphviz's dot over pipes, with a time limit.
#include "picture.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace orglineage::serve {

namespace {

using Clock = std::chrono::steady_clock;

/// Both ends of a pipe, closed on scope exit.
struct Pipe {
    int fd[2] = {-1, -1};
    Pipe() {
        if (pipe2(fd, O_CLOEXEC) != 0) fd[0] = fd[1] = -1;
    }
    ~Pipe() {
        close_end(0);
        close_end(1);
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    void close_end(int i) {
        if (fd[i] >= 0) ::close(fd[i]);
        fd[i] = -1;
    }
    [[nodiscard]] bool ok() const { return fd[0] >= 0; }
};

/// Feeds `input` to `to_child` and gathers `from_child` until it closes or `deadline` passes.
bool exchange(Pipe& in, Pipe& out, const std::string& input, std::string& output, Clock::time_point deadline) {
    std::size_t sent = 0;
    fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
    if (input.empty()) in.close_end(1);
    char buffer[65536];
    while (out.fd[0] >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return false;
        pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}};
        const nfds_t n = in.fd[1] >= 0 ? 2 : 1;
        if (poll(fds, n, static_cast<int>(left)) < 0 && errno != EINTR) return false;
        if (n == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t w = ::write(in.fd[1], input.data() + sent, input.size() - sent);
            if (w > 0) sent += static_cast<std::size_t>(w);
            if (w < 0 && errno != EAGAIN) sent = input.size(); // dot closed its input; its exit says why
            if (sent == input.size()) in.close_end(1);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t r = ::read(out.fd[0], buffer, sizeof buffer);
            if (r > 0) output.append(buffer, static_cast<std::size_t>(r));
            else if (r == 0 || errno != EINTR) out.close_end(0);
        }
    }
    return true;
}

} // namespace

std::optional<std::string> draw_svg(const std::string& dot, std::string& error, std::chrono::milliseconds limit) {
    Pipe in, out;
    if (!in.ok() || !out.ok()) {
        error = std::string("cannot make a pipe: ") + std::strerror(errno);
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    char arg0[] = "dot", arg1[] = "-Tsvg";
    char* argv[] = {arg0, arg1, nullptr};
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        error = "cannot run Graphviz's 'dot' (apt-get install graphviz): " + std::string(std::strerror(rc));
        return std::nullopt;
    }
    in.close_end(0);
    out.close_end(1);
    std::string svg;
    const bool in_time = exchange(in, out, dot, svg, Clock::now() + limit);
    if (!in_time) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!in_time) {
        error = "Graphviz's 'dot' took longer than " + std::to_string(limit.count()) + " ms";
        return std::nullopt;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        error = "Graphviz's 'dot' failed (status " + std::to_string(status) + ")";
        return std::nullopt;
    }
    return svg;
}

} // namespace orglineage::serve
