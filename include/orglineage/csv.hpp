// SPDX-License-Identifier: MIT
// orglineage — a streaming CSV reader (RFC 4180 and the files people actually write).
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// One record read by CsvReader. Its views stay valid until the next call to CsvReader::next.
struct ORGLINEAGE_API CsvRecord {
    std::vector<std::string_view> fields;
    std::int64_t line = 0;  ///< 1-based line on which the record starts
    std::string_view raw;   ///< the record's text as read, without its line end
    std::string error;      ///< non-empty when the record is malformed (then `fields` is incomplete)
    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

/**
 * Reads CSV from a stream record by record in a fixed-size buffer, never the whole input.
 *
 * Handles quoted fields with embedded delimiters, doubled quotes and line breaks, LF, CRLF and
 * CR-only line ends, a UTF-8 byte-order mark, and empty lines (skipped). A malformed record (a quote
 * inside an unquoted field, text after a closing quote, a quote never closed, a record longer
 * than `max_record_bytes`) comes back with `error` set and its line number; reading resumes
 * at the next line, so one bad row never stops the run (a line of any length is one record).
 */
class ORGLINEAGE_API CsvReader {
  public:
    /// @throws Error when `delimiter` is the quote character, a line end or NUL
    explicit CsvReader(std::istream& in, char delimiter = ',', std::size_t max_record_bytes = 1 << 20);

    /// False for the characters that cannot separate fields (`"`, CR, LF, NUL).
    [[nodiscard]] static bool usable_delimiter(char delimiter) noexcept;

    /// Reads the next non-empty record. @returns false at the end of the input.
    bool next(CsvRecord& record);

    /// Bytes consumed so far (for progress).
    [[nodiscard]] std::uint64_t bytes_read() const noexcept { return m_consumed; }

  private:
    bool fill();
    void skip_line(); ///< discards input up to and including the next line end
    std::istream& m_in;
    char m_delim;
    std::size_t m_max;
    std::vector<char> m_buf;
    std::size_t m_begin = 0; ///< start of unread data in m_buf
    std::size_t m_end = 0;   ///< end of valid data in m_buf
    bool m_eof = false;
    bool m_first = true;
    std::int64_t m_line = 1;
    std::uint64_t m_consumed = 0;
    std::string m_unquoted; ///< storage for fields that needed unescaping
    std::string m_long_raw; ///< the start of a line too long for the buffer
    std::vector<std::pair<std::size_t, std::size_t>> m_spans; ///< field offsets into m_unquoted
};

} // namespace orglineage
