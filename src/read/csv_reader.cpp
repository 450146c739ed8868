// SPDX-License-Identifier: MIT
// The streaming CSV reader: a record is parsed in place in a fixed buffer (views, no copies) and
// only a field with doubled quotes is unescaped into side storage.
#include <orglineage/csv.hpp>
#include <orglineage/error.hpp>

#include <algorithm>
#include <cstring>
#include <string>

namespace orglineage {

namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 20;

enum class Parse { done, more, bad };

struct FieldSpan {
    bool unescaped; ///< in CsvReader::m_unquoted rather than the buffer
    std::size_t off;
    std::size_t len;
};

struct ParseOut {
    std::vector<FieldSpan> fields;
    std::size_t consumed = 0; ///< bytes of the record including its line end
    std::size_t raw_len = 0;  ///< bytes of the record without its line end
    std::int64_t newlines = 0;
    bool quoted_first = false;
    const char* error = nullptr;
};

/// Line ends in s[from, to): LF, CRLF and a lone CR (old Mac files) each count once.
std::int64_t count_line_ends(const char* s, std::size_t from, std::size_t to) {
    std::int64_t n = 0;
    for (std::size_t k = from; k < to; ++k)
        if (s[k] == '\n' || (s[k] == '\r' && (k + 1 >= to || s[k + 1] != '\n'))) ++n;
    return n;
}

/// What a field's reader found: another field follows, the record ended, more input is needed,
/// or the record is malformed (`ParseOut::error` says why).
enum class Step { next_field, done, more, bad };

/// The closing quote of a quoted field opened at `start - 1`: `j` is left on it. `escaped` tells
/// whether the field holds a doubled quote.
Step find_closing_quote(const char* s, std::size_t n, bool eof, std::size_t start, std::size_t& j, bool& escaped,
                        ParseOut& out) {
    j = start;
    escaped = false;
    for (;;) {
        const void* q = j < n ? std::memchr(s + j, '"', n - j) : nullptr;
        if (!q) {
            if (!eof) return Step::more;
            out.error = "quote never closed";
            return Step::bad;
        }
        j = static_cast<std::size_t>(static_cast<const char*>(q) - s);
        if (j + 1 >= n && !eof) return Step::more; // is it a doubled quote? not known yet
        if (j + 1 < n && s[j + 1] == '"') {
            escaped = true;
            j += 2;
            continue;
        }
        return Step::next_field;
    }
}

/// After a closing quote at `i - 1`: a delimiter, a line end or the end of the input must follow.
Step after_closing_quote(const char* s, std::size_t n, bool eof, char delim, std::size_t& i, ParseOut& out) {
    if (i >= n) { // eof (otherwise `more` was returned before)
        out.raw_len = out.consumed = n;
        return Step::done;
    }
    if (s[i] == delim) {
        ++i;
        return Step::next_field;
    }
    if (s[i] == '\n') {
        out.raw_len = i;
        out.consumed = i + 1;
        ++out.newlines;
        return Step::done;
    }
    if (s[i] == '\r') {
        if (i + 1 >= n && !eof) return Step::more;
        out.raw_len = i;
        if (i + 1 >= n) {
            out.consumed = n;
            return Step::done;
        }
        out.consumed = s[i + 1] == '\n' ? i + 2 : i + 1; // CRLF, or a lone CR
        ++out.newlines;
        return Step::done;
    }
    out.error = "text after a closing quote";
    return Step::bad;
}

/// A quoted field starting at s[i] (the quote); doubled quotes are undone into `unq`.
Step quoted_field(const char* s, std::size_t n, bool eof, char delim, std::string& unq, ParseOut& out,
                  std::size_t& i) {
    const std::size_t start = i + 1;
    std::size_t j = start;
    bool escaped = false;
    if (const Step st = find_closing_quote(s, n, eof, start, j, escaped, out); st != Step::next_field) return st;
    out.newlines += count_line_ends(s, start, j);
    if (escaped) {
        const std::size_t off = unq.size();
        for (std::size_t k = start; k < j; ++k) {
            unq.push_back(s[k]);
            if (s[k] == '"') ++k; // the second of a doubled quote
        }
        out.fields.push_back({true, off, unq.size() - off});
    } else {
        out.fields.push_back({false, start, j - start});
    }
    i = j + 1;
    return after_closing_quote(s, n, eof, delim, i, out);
}

/// An unquoted field starting at s[i], up to a delimiter, a line end or the end of the input.
Step plain_field(const char* s, std::size_t n, bool eof, char delim, ParseOut& out, std::size_t& i) {
    std::size_t j = i;
    while (j < n) {
        const char c = s[j];
        if (c == delim || c == '\n' || c == '\r') break;
        if (c == '"') {
            out.error = "quote inside an unquoted field";
            return Step::bad;
        }
        ++j;
    }
    if (j >= n && !eof) return Step::more;
    if (j < n && s[j] == '\r' && j + 1 >= n && !eof) return Step::more; // CR, or CRLF?
    out.fields.push_back({false, i, j - i});
    if (j >= n) {
        out.raw_len = j;
        out.consumed = n;
        return Step::done;
    }
    if (s[j] == delim) {
        i = j + 1;
        return Step::next_field;
    }
    out.raw_len = j;
    out.consumed = j + 1 + (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n' ? 1 : 0);
    ++out.newlines;
    return Step::done;
}

/// Parses one record at the start of `s`. With `eof` false, `more` asks for more input.
Parse parse_record(const char* s, std::size_t n, bool eof, char delim, std::string& unq, ParseOut& out) {
    out.fields.clear();
    out.newlines = 0;
    out.error = nullptr;
    out.quoted_first = n > 0 && s[0] == '"';
    unq.clear();
    for (std::size_t i = 0;;) {
        const Step st = i < n && s[i] == '"' ? quoted_field(s, n, eof, delim, unq, out, i)
                                             : plain_field(s, n, eof, delim, out, i);
        switch (st) {
        case Step::next_field: continue;
        case Step::done: return Parse::done;
        case Step::more: return Parse::more;
        case Step::bad: return Parse::bad;
        }
    }
}

/// The first line end (LF or CR) in s[0, n), or nullptr.
const char* find_line_end(const char* s, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k)
        if (s[k] == '\n' || s[k] == '\r') return s + k;
    return nullptr;
}

} // namespace

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_record_bytes)
    : m_in(in), m_delim(delimiter), m_max(std::max<std::size_t>(max_record_bytes, 16)),
      m_buf(std::min(k_chunk, m_max + 4096)) {
    if (!usable_delimiter(delimiter))
        throw Error(std::string("the CSV delimiter cannot be ") +
                    (delimiter == '"' ? "'\"' (it is the quote character)" : "a line end or NUL"));
}

bool CsvReader::usable_delimiter(char delimiter) noexcept {
    return delimiter != '"' && delimiter != '\n' && delimiter != '\r' && delimiter != '\0';
}

bool CsvReader::fill() {
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buf.size()) m_buf.resize(m_buf.size() * 2);
    m_in.read(m_buf.data() + m_end, static_cast<std::streamsize>(m_buf.size() - m_end));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    m_end += got;
    if (got == 0) m_eof = true;
    if (m_first && m_end >= 3) {
        m_first = false;
        if (std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0) {
            m_begin = 3;
            m_consumed += 3;
        }
    } else if (m_first && m_eof) {
        m_first = false;
    }
    return got > 0;
}

bool CsvReader::next(CsvRecord& record) {
    static thread_local ParseOut out;
    for (;;) {
        if (m_begin == m_end && !m_eof) fill();
        if (m_begin == m_end && m_eof) return false;
        const char* s = m_buf.data() + m_begin;
        const std::size_t n = m_end - m_begin;
        Parse r = parse_record(s, n, m_eof, m_delim, m_unquoted, out);
        if (r == Parse::more) {
            if (n > m_max) {
                r = Parse::bad;
                out.error = "record too long (a quote never closed?)";
            } else {
                fill();
                continue;
            }
        }
        record.line = m_line;
        if (r == Parse::bad) {
            // Resume at the next line: a bad row must not swallow the good rows after it.
            const char* nl = find_line_end(s, n);
            if (!nl && !m_eof && n <= m_max) {
                fill();
                continue;
            }
            record.fields.clear();
            record.error = out.error;
            if (!nl && !m_eof) {
                // A line longer than the buffer: it is one bad record however long it is, so skip
                // to its end rather than report each buffer-full as a record of its own.
                m_long_raw.assign(s, std::min<std::size_t>(n, 4096));
                record.raw = m_long_raw;
                skip_line();
                return true;
            }
            const std::size_t line_len = nl ? static_cast<std::size_t>(nl - s) : n;
            record.raw = std::string_view(s, std::min<std::size_t>(line_len, 4096));
            std::size_t consumed = n;
            if (nl) consumed = line_len + 1 + (*nl == '\r' && line_len + 1 < n && nl[1] == '\n' ? 1 : 0);
            m_begin += consumed;
            m_consumed += consumed;
            m_line += nl ? 1 : 0;
            return true;
        }
        m_begin += out.consumed;
        m_consumed += out.consumed;
        m_line += out.newlines;
        if (out.raw_len > m_max) {
            // Whole in the buffer (it grew while the record was incomplete) yet over the limit: one
            // bad record, its end known, so reading goes on after it rather than inside it.
            record.fields.clear();
            record.error = "record longer than " + std::to_string(m_max) + " bytes";
            record.raw = std::string_view(s, std::min<std::size_t>(out.raw_len, 4096));
            return true;
        }
        if (out.fields.size() == 1 && out.fields[0].len == 0 && !out.quoted_first) continue; // empty line
        record.error.clear();
        record.raw = std::string_view(s, out.raw_len);
        record.fields.resize(out.fields.size());
        for (std::size_t k = 0; k < out.fields.size(); ++k) {
            const auto& f = out.fields[k];
            record.fields[k] = f.unescaped ? std::string_view(m_unquoted.data() + f.off, f.len)
                                           : std::string_view(s + f.off, f.len);
        }
        return true;
    }
}

void CsvReader::skip_line() {
    for (;;) {
        const char* s = m_buf.data() + m_begin;
        const std::size_t n = m_end - m_begin;
        if (const char* nl = find_line_end(s, n)) {
            std::size_t consumed = static_cast<std::size_t>(nl - s) + 1;
            if (*nl == '\r') {
                if (consumed >= n && !m_eof) { // is the CR the first half of a CRLF?
                    m_begin += consumed - 1;
                    m_consumed += consumed - 1;
                    fill();
                    continue;
                }
                if (consumed < n && nl[1] == '\n') ++consumed;
            }
            m_begin += consumed;
            m_consumed += consumed;
            ++m_line;
            return;
        }
        m_consumed += n;
        m_begin = m_end;
        if (m_eof) return;
        fill();
        if (m_begin == m_end && m_eof) return;
    }
}

} // namespace orglineage
