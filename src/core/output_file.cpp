// SPDX-License-Identifier: MIT
// Outputs written whole or not at all: a temporary file beside the target, synced, then renamed
// (rename within a directory is atomic on POSIX file systems). A symbolic link is followed and its
// target replaced, the link kept; a descriptor of this process (/dev/stdout) is written where it stands.
#include <orglineage/error.hpp>
#include <orglineage/output_file.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <streambuf>
#include <string_view>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace orglineage {

namespace fs = std::filesystem;

namespace {

std::string system_reason(int err) { return std::strerror(err); }

/// A stream buffer over a file descriptor that remembers the first write error (errno), so that
/// the message says why ("No space left on device") rather than only that it failed.
class FdBuf : public std::streambuf {
  public:
    explicit FdBuf(int fd) : m_fd(fd), m_buf(1 << 16) { setp(m_buf.data(), m_buf.data() + m_buf.size()); }
    [[nodiscard]] int error() const noexcept { return m_error; }
    /// Writes what is buffered. @returns false on error
    bool drain() {
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && m_error == 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                m_error = n < 0 ? errno : EIO;
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(m_buf.data(), m_buf.data() + m_buf.size());
        return m_error == 0;
    }

  protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }

  private:
    int m_fd;
    std::vector<char> m_buf;
    int m_error = 0;
};

struct FileId {
    dev_t dev;
    ino_t ino;
};
std::optional<FileId> file_id(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

/// A path's identity: device and inode when it exists, else its resolved absolute name.
std::string identity(const std::string& path) {
    if (auto id = file_id(path)) return "#" + std::to_string(id->dev) + ":" + std::to_string(id->ino);
    std::error_code ec;
    auto p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? path : p.string();
}


/// Where an output really goes, once symbolic links are followed.
struct Target {
    std::string path;     ///< the final name (a link's target): what a temporary file is renamed over
    int descriptor = -1;  ///< an open descriptor to write in place (`/dev/stdout`, `/proc/self/fd/N`), else -1
};

/// `/proc/self/fd/N` or `/dev/fd/N`: a descriptor of this process. Opening the name would open
/// the file again at offset 0 (over what the process already wrote there); duplicating the
/// descriptor writes on where it stands, as a shell's `>&N` does.
std::optional<int> own_descriptor(const std::string& path) {
    for (const std::string prefix : {"/proc/self/fd/", "/dev/fd/"}) {
        if (path.rfind(prefix, 0) != 0) continue;
        const std::string n = path.substr(prefix.size());
        if (n.empty() || n.size() > 9 || n.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        return std::stoi(n);
    }
    return std::nullopt;
}

/// Follows the chain of symbolic links from `path` to the name a write lands on. Each hop is
/// checked for a descriptor of this process (`/dev/stdout` -> `/proc/self/fd/1`) before it is read
/// further, because reading that link would name the file behind the descriptor, which `stat`
/// then calls a regular file: renaming over it replaced the system's `/dev/stdout`.
Target resolve_target(const std::string& given) {
    fs::path current(given);
    for (int hops = 0; hops < 40; ++hops) {
        if (auto fd = own_descriptor(current.string())) {
            const int copy = ::fcntl(*fd, F_DUPFD_CLOEXEC, 3);
            if (copy < 0) throw IoError(given, "cannot write: descriptor " + std::to_string(*fd) + " is not open");
            return Target{current.string(), copy};
        }
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return Target{current.string(), -1};
        std::error_code ec;
        const fs::path next = fs::read_symlink(current, ec);
        if (ec) throw IoError(given, "cannot read the symbolic link (" + ec.message() + ")");
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    throw IoError(given, "cannot write: too many levels of symbolic links");
}

/// Temporary names: fixed length (a long target name cannot push them past NAME_MAX) and
/// carrying the writer's process id, so that a later run can tell a killed run's leftovers.
constexpr std::string_view temp_prefix = ".orglineage-";
constexpr std::string_view temp_suffix = ".tmp";

std::string temp_name(unsigned counter) {
    return std::string(temp_prefix) + std::to_string(::getpid()) + "-" + std::to_string(counter) +
           std::string(temp_suffix);
}

/// Removes the temporary files of runs that were killed before they could clean up: names of
/// ours whose process no longer exists.
void remove_leftovers(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(temp_prefix, 0) != 0 || name.size() <= temp_suffix.size() ||
            name.compare(name.size() - temp_suffix.size(), temp_suffix.size(), temp_suffix) != 0)
            continue;
        const std::string rest = name.substr(temp_prefix.size());
        const auto dash = rest.find('-');
        if (dash == std::string::npos || dash == 0 || dash > 10 ||
            rest.find_first_not_of("0123456789") != dash)
            continue;
        const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
        if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) {
            if (pid != ::getpid()) (void)::unlink(it->path().c_str());
        }
    }
}

/// A regular file that renaming would damage: refused rather than replaced.
void refuse_unsafe_replacement(const std::string& given, const std::string& target, const struct stat& st) {
    const std::string where = given == target ? "" : " (the link's target '" + target + "')";
    // By the mode bits as well as access(): root may write anything, yet a file marked read-only
    // says its owner wants it kept.
    if ((st.st_mode & 0222) == 0 || (::access(target.c_str(), W_OK) != 0 && errno == EACCES))
        throw IoError(given, "cannot write: the file" + where +
                                 " is read-only; it is not replaced (make it writable or choose another name)");
    if (st.st_nlink > 1)
        throw IoError(given, "cannot write: the file" + where + " has " + std::to_string(st.st_nlink - 1) +
                                 " other hard link(s) that replacing it would break (remove them or choose another name)");
}

} // namespace

struct OutputFile::Impl {
    std::string path;   ///< as given
    std::string target; ///< where the data lands (a link followed)
    std::string temp;   ///< empty when writing the target directly
    int fd = -1;
    std::unique_ptr<FdBuf> buf;
    std::ostream stream{nullptr};
    bool committed = false;

    [[noreturn]] void fail(const std::string& what, int err) const {
        throw IoError(path, what + " (" + system_reason(err) + ")");
    }
    void open_in_place() {
        fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) fail("cannot open for writing", errno);
    }
    void create_temporary(const struct stat* existing) {
        static std::atomic<unsigned> counter{0};
        const fs::path t(target);
        const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
        remove_leftovers(dir);
        for (int attempt = 0; fd < 0; ++attempt) {
            temp = (dir / temp_name(counter++)).string();
            fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd < 0 && (errno != EEXIST || attempt > 100))
                fail("cannot create a file in '" + dir.string() + "'", errno);
        }
        // A file replaced keeps its permissions.
        if (existing) (void)::fchmod(fd, existing->st_mode & 07777);
    }
};

OutputFile::OutputFile(std::string path) : m_impl(std::make_unique<Impl>()) {
    Impl& m = *m_impl;
    m.path = std::move(path);
    Target t = resolve_target(m.path);
    m.target = t.path;
    m.fd = t.descriptor;
    if (m.fd < 0) {
        struct stat st {};
        const bool exists = ::stat(m.target.c_str(), &st) == 0;
        if (exists && S_ISDIR(st.st_mode)) throw IoError(m.path, "cannot write: it is a directory");
        if (exists && !S_ISREG(st.st_mode)) {
            m.open_in_place(); // a device or a pipe cannot be replaced by a rename
        } else {
            if (exists) refuse_unsafe_replacement(m.path, m.target, st);
            m.create_temporary(exists ? &st : nullptr);
        }
    }
    m.buf = std::make_unique<FdBuf>(m.fd);
    m.stream.rdbuf(m.buf.get());
}

OutputFile::~OutputFile() {
    Impl& m = *m_impl;
    if (m.fd >= 0) ::close(m.fd);
    if (!m.committed && !m.temp.empty()) ::unlink(m.temp.c_str());
}

std::ostream& OutputFile::stream() noexcept { return m_impl->stream; }
const std::string& OutputFile::path() const noexcept { return m_impl->path; }

void OutputFile::commit() {
    Impl& m = *m_impl;
    if (m.committed) return;
    m.stream.flush();
    if (m.buf->error() != 0) m.fail("cannot write", m.buf->error());
    if (!m.stream) m.fail("cannot write", EIO);
    // Data before name: a crash after the rename must not leave an empty or partial file.
    if (!m.temp.empty() && ::fsync(m.fd) != 0) m.fail("cannot write", errno);
    const int fd = m.fd;
    m.fd = -1;
    if (::close(fd) != 0) m.fail("cannot write", errno);
    // Over the link's target, not the link: a link written through stays a link.
    if (!m.temp.empty() && ::rename(m.temp.c_str(), m.target.c_str()) != 0) m.fail("cannot replace the file", errno);
    m.committed = true;
}

void check_distinct_files(const std::vector<std::pair<std::string, std::string>>& inputs,
                          const std::vector<std::pair<std::string, std::string>>& outputs) {
    auto skipped = [](const std::string& p) { return p.empty() || p == "-"; };
    std::vector<std::pair<std::string, std::string>> seen; // (identity, option)
    for (const auto& [what, path] : inputs)
        if (!skipped(path)) seen.emplace_back(identity(path), what);
    for (const auto& [what, path] : outputs) {
        if (skipped(path)) continue;
        const auto id = identity(path);
        for (const auto& [other_id, other] : seen)
            if (other_id == id)
                throw Error(what + " '" + path + "' is the same file as " + other +
                            " (writing it would destroy what is read or written there)");
        seen.emplace_back(id, what);
    }
}

} // namespace orglineage
