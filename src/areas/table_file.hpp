// SPDX-License-Identifier: MIT
// A dataset table (CSV) read whole, with the positions its checks report. The area tables are a few
// MB at most; each file is read once however many `tables:` entries name its columns.
#pragma once

#include <orglineage/dataset.hpp>
#include <orglineage/error.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace orglineage::detail {

struct TableFile {
    std::string path;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;

    /// The index of a named column. @throws DataError naming the table when it is missing
    [[nodiscard]] std::size_t column(const std::string& name, const Table& t) const;
    [[nodiscard]] SourcePos pos(std::size_t row, std::size_t col) const {
        return SourcePos{path, static_cast<int>(lines[row]), static_cast<int>(col + 1)};
    }
};

/// Reads a CSV table: a header, then rows of the same width. @throws DataError with file:line
[[nodiscard]] TableFile read_table_file(const std::string& path);

/// True for a 9-character ONS code (a capital letter and eight digits).
[[nodiscard]] bool is_area_code(std::string_view s) noexcept;

} // namespace orglineage::detail
