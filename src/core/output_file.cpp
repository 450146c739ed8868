// SPDX-License-Identifier: MIT
// Outputs written whole or not at all: a temporary file beside the target, synced, then renamed
// (rename within a directory is atomic on POSIX file systems).
#include <orglineage/error.hpp>
#include <orglineage/output_file.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <streambuf>

#include <fcntl.h>
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

} // namespace

struct OutputFile::Impl {
    std::string path;
    std::string temp; ///< empty when writing the target directly
    int fd = -1;
    std::unique_ptr<FdBuf> buf;
    std::ostream stream{nullptr};
    bool committed = false;

    [[noreturn]] void fail(const std::string& what, int err) const {
        throw IoError(path, what + " (" + system_reason(err) + ")");
    }
};

OutputFile::OutputFile(std::string path) : m_impl(std::make_unique<Impl>()) {
    Impl& m = *m_impl;
    m.path = std::move(path);
    struct stat st {};
    const bool exists = ::stat(m.path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) throw IoError(m.path, "cannot write: it is a directory");
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or a pipe cannot be replaced by a rename: write it in place.
        m.fd = ::open(m.path.c_str(), O_WRONLY | O_CLOEXEC);
        if (m.fd < 0) m.fail("cannot open for writing", errno);
    } else {
        static std::atomic<unsigned> counter{0};
        const fs::path target(m.path);
        const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
        for (int attempt = 0; m.fd < 0; ++attempt) {
            m.temp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++)))
                         .string();
            m.fd = ::open(m.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m.fd < 0 && (errno != EEXIST || attempt > 100))
                m.fail("cannot create a file in '" + dir.string() + "'", errno);
        }
        // A file replaced keeps its permissions.
        if (exists) (void)::fchmod(m.fd, st.st_mode & 07777);
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
    if (!m.temp.empty() && ::rename(m.temp.c_str(), m.path.c_str()) != 0) m.fail("cannot replace the file", errno);
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
