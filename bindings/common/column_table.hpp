// SPDX-License-Identifier: MIT
// orglineage bindings — a table of typed columns built row by row (remap's output, rejects, notes
// and totals), which the Python and R packages turn into data frames.
#pragma once

#include <orglineage/date.hpp>
#include <orglineage/share.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage::bind {

/// One column: text (missing as nullopt), dates (ISO text, missing as nullopt) or numbers (NaN
/// for unknown). The bindings turn dates into datetime64 / Date.
struct Column {
    enum class Type { text, date, number };
    std::string name;
    Type type = Type::text;
    std::vector<std::optional<std::string>> text; ///< text and date columns
    std::vector<double> numbers;                  ///< number columns
};

/// A table of equal-length columns.
class Table {
  public:
    Table(std::initializer_list<std::pair<std::string_view, Column::Type>> columns);

    Table() = default;
    /// Adds a column (missing in the rows already there).
    void add_column(std::string name, Column::Type type);
    /// Starts a new row; cells not set stay missing.
    void new_row();
    void set(std::string_view column, std::optional<std::string> value);
    void set(std::string_view column, double value);
    void set(std::string_view column, const Share& share);
    void set_date(std::string_view column, const std::optional<Date>& date);

    [[nodiscard]] const std::vector<Column>& columns() const noexcept { return m_columns; }
    [[nodiscard]] std::size_t rows() const noexcept { return m_rows; }

  private:
    Column& column(std::string_view name);
    std::vector<Column> m_columns;
    std::size_t m_rows = 0;
};

} // namespace orglineage::bind
