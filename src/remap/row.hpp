// SPDX-License-Identifier: MIT
// The first step of a remap: the header's columns, and a row's cells checked and read.
#pragma once

#include "remap/context.hpp"
#include "remap/decimal.hpp"

#include <orglineage/csv.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace orglineage::detail {

/// Where the named columns are.
struct Columns {
    std::size_t code = 0;
    std::size_t date = 0;
    std::vector<std::size_t> values;
    std::size_t fields = 0; ///< the header's number of fields: every row must have as many
};

/// The header's fields up to its last named one: Excel writes blank names for trailing empty columns.
[[nodiscard]] std::size_t named_columns(const CsvRecord& header) noexcept;

/// A repeated name would make "the column 'value'" mean whichever came first: refused, in time
/// linear in the header. Trailing blank names (named_columns) are not names.
/// @throws Error naming the first repeated name, how often and where it appears
void check_header_names(const CsvRecord& header);

/// @throws Error naming the missing column and the header's columns
[[nodiscard]] Columns find_columns(const CsvRecord& header, const RemapOptions& options);

/// A row's value cells.
struct RowValues {
    std::vector<Decimal> exact;
    std::vector<double> value;         ///< `exact` as doubles, for apportioning
    std::vector<unsigned char> present; ///< 0 for a blank cell
};

/// Reads the value cells of a record whose field count is right; a failure names the cell.
Verdict read_values(const CsvRecord& rec, const Columns& cols, const RemapOptions& options, RowValues& out);

/// Blanks and tabs trimmed from both ends.
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

} // namespace orglineage::detail
