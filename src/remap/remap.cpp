// SPDX-License-Identifier: MIT
// Bulk remapping of CSV figures onto the bodies of one date: the driver. The steps are in their
// own files: row.cpp (read a row), published_date.cpp in src/core (parse its date),
// resolve_code.cpp and holders.cpp (resolve its code), weights.cpp, cells.cpp (aggregate),
// write.cpp; worker.cpp runs them per row, and here a file is split between threads.
#include "remap/worker.hpp"

#include <orglineage/remap.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <future>
#include <thread>

#if __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define ORGLINEAGE_HAVE_MMAP 1
#endif

namespace orglineage {

namespace {

using Clock = std::chrono::steady_clock;
using detail::Columns;
using detail::RemapContext;
using detail::Tally;
using detail::Worker;

/// An input stream over bytes in memory (a mapped file's range).
class MemoryBuf : public std::streambuf {
  public:
    MemoryBuf(const char* begin, const char* end) {
        char* b = const_cast<char*>(begin); // read only: the get area is never written
        setg(b, b, const_cast<char*>(end));
    }
};

/// Reads the header row. @throws Error when there is none or it is malformed
Columns read_header(CsvReader& reader, const RemapOptions& opt) {
    CsvRecord rec;
    if (!reader.next(rec)) throw Error("remap: the input is empty (no header row)");
    if (!rec.ok()) throw Error("remap: line " + std::to_string(rec.line) + ": malformed header: " + rec.error);
    detail::check_header_names(rec);
    return detail::find_columns(rec, opt);
}

RemapProgress progress_of(const Tally& t, std::uint64_t bytes, std::uint64_t total) {
    return RemapProgress{t.rows, t.mapped, t.rejected, bytes, total};
}

/// The summary from the merged tally and what was written.
RemapSummary summarise(const RemapContext& ctx, const Tally& t, const detail::Written& w, std::uint64_t bytes,
                       std::uint64_t total_bytes, unsigned threads) {
    RemapSummary s;
    const Dataset& ds = ctx.lin.dataset();
    s.data_version = ds.name + " " + ds.version;
    s.counts = progress_of(t, bytes, total_bytes);
    s.estimated = t.estimated;
    s.nearest = t.nearest;
    s.sized = t.sized;
    s.output_rows = w.rows;
    s.noted = t.noted;
    s.noted_output_rows = w.noted;
    s.threads = threads;
    s.sizes = t.sized ? ctx.sizes_description() : std::string{};
    for (const auto& kv : t.by_reason) s.rejects_by_reason.push_back(kv);
    for (std::size_t v = 0; v < t.read.size(); ++v) {
        ColumnTotals c;
        c.column = ctx.opt.value_columns[v];
        c.read = t.read[v].value();
        c.mapped = t.mapped_sum[v].value();
        c.output = w.totals[v].value();
        c.rejected = t.rejected_sum[v].value();
        c.blank = t.blank[v];
        c.scale = std::max({t.read[v].scale(), t.mapped_sum[v].scale(), t.rejected_sum[v].scale()});
        auto exact = [&](detail::ExactSum e) {
            e.set_scale(c.scale);
            return e.str();
        };
        c.read_exact = exact(t.read[v]);
        c.mapped_exact = exact(t.mapped_sum[v]);
        c.output_exact = exact(w.totals[v]);
        c.rejected_exact = exact(t.rejected_sum[v]);
        s.totals.push_back(std::move(c));
    }
    return s;
}

/// Writes the aggregated cells (or nothing more, row by row) and builds the summary.
RemapSummary finish(const RemapContext& ctx, Tally& t, std::ostream& out, std::uint64_t bytes,
                    std::uint64_t total_bytes, unsigned threads) {
    detail::Written w = ctx.opt.aggregate ? detail::write_aggregated(out, ctx, t.cells, t.dates, t.scale) : t.written;
    if (!ctx.opt.aggregate) out.flush();
    RemapSummary s = summarise(ctx, t, w, bytes, total_bytes, threads);
    if (ctx.opt.progress) ctx.opt.progress(s.counts);
    return s;
}

/// A tick that reports progress from the reading thread at most every `progress_interval`.
std::function<void()> progress_tick(const RemapOptions& opt, const Worker& w, const CsvReader& reader,
                                    std::uint64_t total) {
    if (!opt.progress) return {};
    return [&opt, &w, &reader, total, last = Clock::now()]() mutable {
        const auto now = Clock::now();
        if (now - last < opt.progress_interval) return;
        last = now;
        opt.progress(progress_of(w.tally, reader.bytes_read(), total));
    };
}

} // namespace

RemapSummary remap(const Lineage& lin, std::istream& in, std::ostream& out, const RemapOptions& opt,
                   const std::function<void(const Reject&)>& on_reject) {
    const RemapContext ctx(lin, opt);
    CsvReader reader(in, opt.delimiter);
    const Columns cols = read_header(reader, opt);
    Worker w(ctx, cols);
    w.on_reject = on_reject;
    std::unique_ptr<detail::RowWriter> rows;
    if (!opt.aggregate) {
        rows = std::make_unique<detail::RowWriter>(out, ctx);
        w.row_writer = rows.get();
    }
    w.tick = progress_tick(opt, w, reader, 0);
    w.run(reader, 0);
    if (rows) rows->flush();
    return finish(ctx, w.tally, out, reader.bytes_read(), 0, 1);
}

#ifdef ORGLINEAGE_HAVE_MMAP

namespace {

/// A file mapped read-only for the life of the object.
class MappedFile {
  public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0) throw Error("remap: cannot read '" + path + "': " + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            throw Error("remap: '" + path + "' is not a regular file");
        }
        m_size = static_cast<std::size_t>(st.st_size);
        if (m_size > 0) {
            void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p == MAP_FAILED) {
                ::close(fd);
                throw Error("remap: cannot map '" + path + "': " + std::strerror(errno));
            }
            m_data = static_cast<const char*>(p);
            ::madvise(p, m_size, MADV_SEQUENTIAL);
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    [[nodiscard]] const char* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    /// Lets the pages of [from, to) go from this process (they stay in the page cache, and read
    /// again if touched): memory stays flat however large the file.
    void release(std::size_t from, std::size_t to) const noexcept {
        static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        from = (from + page - 1) / page * page;
        to = to / page * page;
        if (m_data && to > from) ::madvise(const_cast<char*>(m_data) + from, to - from, MADV_DONTNEED);
    }

  private:
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

/// One byte range of the file and the worker that reads it.
struct Range {
    std::size_t begin = 0, end = 0;
    std::unique_ptr<MemoryBuf> buf;
    std::unique_ptr<std::istream> in;
    std::unique_ptr<CsvReader> reader;
    std::unique_ptr<Worker> worker;
    detail::LiveCounts live;
    std::size_t released = 0; ///< bytes from `begin` already let go (MappedFile::release)
    std::size_t counted = 0;  ///< bytes from `begin` whose line ends are in `newlines`
    std::int64_t newlines = 0;
};

/// The start of the line after `at` (or the end).
std::size_t next_line(const MappedFile& f, std::size_t at) {
    if (at >= f.size()) return f.size();
    const void* nl = std::memchr(f.data() + at, '\n', f.size() - at);
    return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - f.data()) + 1 : f.size();
}

unsigned threads_for(const RemapOptions& opt, std::size_t bytes) {
    if (!opt.aggregate) return 1; // row by row keeps the input's order in one stream
    if (opt.threads) return opt.threads;
    // a thread costs its own caches and a merge: worth it from a few MiB of input
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const auto by_size = static_cast<unsigned>(std::min<std::size_t>(bytes / (4 << 20) + 1, 64));
    return std::max(1u, std::min(cores, by_size));
}

/// Splits [from, size) into `n` ranges at line ends, each read by its own worker.
std::vector<std::unique_ptr<Range>> split(const MappedFile& f, std::size_t from, unsigned n, const RemapContext& ctx,
                                          const Columns& cols) {
    std::vector<std::unique_ptr<Range>> out;
    std::size_t begin = from;
    for (unsigned i = 0; i < n && begin < f.size(); ++i) {
        auto r = std::make_unique<Range>();
        r->begin = begin;
        r->end = i + 1 == n ? f.size() : std::max(begin, next_line(f, from + (f.size() - from) / n * (i + 1)));
        r->buf = std::make_unique<MemoryBuf>(f.data() + r->begin, f.data() + f.size());
        r->in = std::make_unique<std::istream>(r->buf.get());
        r->reader = std::make_unique<CsvReader>(*r->in, ctx.opt.delimiter);
        r->worker = std::make_unique<Worker>(ctx, cols);
        r->worker->live = &r->live;
        Range* range = r.get();
        r->worker->tick = [range, &f] {
            const std::size_t read = static_cast<std::size_t>(range->reader->bytes_read());
            if (read < range->released + (8u << 20)) return; // in steps of 8 MiB
            // The line ends are counted before the pages go, for the line numbers of later ranges.
            const std::size_t upto = std::min(read, range->end - range->begin);
            if (upto > range->counted) {
                range->newlines += std::count(f.data() + range->begin + range->counted, f.data() + range->begin + upto, '\n');
                range->counted = upto;
            }
            f.release(range->begin + range->released, range->begin + read);
            range->released = read;
        };
        begin = r->end;
        out.push_back(std::move(r));
    }
    return out;
}

/// Runs the ranges on threads, reporting progress from this one until all are done.
void run_all(std::vector<std::unique_ptr<Range>>& ranges, const RemapOptions& opt, std::uint64_t total) {
    std::vector<std::future<void>> done;
    for (auto& r : ranges)
        done.push_back(std::async(std::launch::async, [&r] { r->worker->run(*r->reader, r->end - r->begin); }));
    for (auto& d : done) {
        while (d.wait_for(opt.progress_interval) != std::future_status::ready) {
            if (!opt.progress) continue;
            RemapProgress p;
            p.total_bytes = total;
            for (auto& r : ranges) {
                p.rows += r->live.rows;
                p.mapped += r->live.mapped;
                p.rejected += r->live.rejected;
                p.bytes += r->live.bytes;
            }
            opt.progress(p);
        }
        d.get(); // rethrows a worker's exception
    }
}

/// The line ends before `at`: those the ranges below it counted as they went, the rest read again.
std::int64_t lines_before(const MappedFile& f, const std::vector<std::unique_ptr<Range>>& ranges, std::size_t at) {
    auto count = [&](std::size_t from, std::size_t to) {
        return static_cast<std::int64_t>(std::count(f.data() + from, f.data() + to, '\n'));
    };
    std::int64_t n = 0;
    std::size_t pos = 0;
    for (const auto& r : ranges) {
        if (r->begin < pos || r->begin + r->counted > at) break;
        n += count(pos, r->begin) + r->newlines;
        pos = r->begin + r->counted;
    }
    return n + count(pos, at);
}

/// Where range `r`'s reader stopped: the start of the first record it did not read.
std::size_t stop_of(const Range& r) { return r.begin + static_cast<std::size_t>(r.reader->bytes_read()); }

/// A range begins inside a quoted field that spans a line end when its predecessor read past
/// its start: from there on the file is read again by one worker.
void redo_from_overlap(std::vector<std::unique_ptr<Range>>& ranges, const MappedFile& f, const RemapContext& ctx,
                       const Columns& cols, bool keep) {
    for (std::size_t i = 1; i < ranges.size(); ++i) {
        if (stop_of(*ranges[i - 1]) == ranges[i]->begin) continue;
        auto r = std::make_unique<Range>();
        r->begin = stop_of(*ranges[i - 1]);
        r->end = f.size();
        r->buf = std::make_unique<MemoryBuf>(f.data() + r->begin, f.data() + f.size());
        r->in = std::make_unique<std::istream>(r->buf.get());
        r->reader = std::make_unique<CsvReader>(*r->in, ctx.opt.delimiter);
        r->worker = std::make_unique<Worker>(ctx, cols);
        r->worker->keep_rejects = keep;
        r->worker->run(*r->reader, 0);
        ranges.resize(i);
        ranges.push_back(std::move(r));
        return;
    }
}

RemapSummary merge_ranges(const RemapContext& ctx, const MappedFile& f, std::vector<std::unique_ptr<Range>>& ranges,
                          std::ostream& out, const std::function<void(const Reject&)>& on_reject, const Columns& cols) {
    redo_from_overlap(ranges, f, ctx, cols, static_cast<bool>(on_reject));
    Tally& all = ranges.front()->worker->tally;
    for (std::size_t i = 1; i < ranges.size(); ++i) {
        Worker& w = *ranges[i]->worker;
        const std::int64_t offset = lines_before(f, ranges, ranges[i]->begin);
        if (on_reject) w.kept_rejects.replay(offset, on_reject);
        all.merge(w.tally, ctx.opt);
    }
    return finish(ctx, all, out, f.size(), f.size(), static_cast<unsigned>(ranges.size()));
}

} // namespace

RemapSummary remap_file(const Lineage& lin, const std::string& path, std::ostream& out, const RemapOptions& opt,
                        const std::function<void(const Reject&)>& on_reject) {
    const MappedFile file(path);
    const unsigned n = threads_for(opt, file.size());
    if (n <= 1) {
        MemoryBuf buf(file.data(), file.data() + file.size());
        std::istream in(&buf);
        return remap(lin, in, out, opt, on_reject);
    }
    const RemapContext ctx(lin, opt);
    MemoryBuf head_buf(file.data(), file.data() + file.size());
    std::istream head_in(&head_buf);
    CsvReader head(head_in, opt.delimiter);
    const Columns cols = read_header(head, opt);
    auto ranges = split(file, static_cast<std::size_t>(head.bytes_read()), n, ctx, cols);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        ranges[i]->worker->on_reject = i == 0 ? on_reject : nullptr;
        ranges[i]->worker->keep_rejects = i > 0 && on_reject;
    }
    if (!ranges.empty()) ranges.front()->worker->line_offset = lines_before(file, {}, ranges.front()->begin);
    run_all(ranges, opt, file.size());
    if (ranges.empty()) { // a header and nothing else
        Tally none(cols.values.size());
        return finish(ctx, none, out, file.size(), file.size(), 1);
    }
    return merge_ranges(ctx, file, ranges, out, on_reject, cols);
}

#else

RemapSummary remap_file(const Lineage& lin, const std::string& path, std::ostream& out, const RemapOptions& opt,
                        const std::function<void(const Reject&)>& on_reject) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("remap: cannot read '" + path + "'");
    return remap(lin, in, out, opt, on_reject);
}

#endif

} // namespace orglineage
