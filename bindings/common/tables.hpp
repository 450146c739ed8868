// SPDX-License-Identifier: MIT
// orglineage bindings — answers of the library as column tables, shared by the Python and R
// packages so that both give the same columns as the CLI's CSV. No query is computed here: each
// function calls one library query and lays its answer out in columns.
#pragma once

#include <orglineage/orglineage.hpp>

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

/// The standard columns of a body (`id kind name ods ons from to`), names and codes as on `as_of`.
void set_body(Table& t, const Body& b, std::optional<Date> as_of);

/// Where a body named by an id, ODS or ONS code (as on `on`) is found. @throws LookupError
[[nodiscard]] const Body& pick_body(const Lineage& lin, std::string_view text, std::optional<Date> on);

/// The area a code or name stood for on a date (as the CLI's `who --area`). @throws LookupError
[[nodiscard]] const Area* pick_area(const Lineage& lin, std::string_view text, const Date& on);

[[nodiscard]] Table who(const Lineage& lin, std::string_view area, const Date& on, std::string_view function,
                        bool legal);
[[nodiscard]] Table successors(const Lineage& lin, std::string_view body, const Date& on,
                               std::string_view function, std::optional<Date> since);
[[nodiscard]] Table predecessors(const Lineage& lin, std::string_view body, const Date& on,
                                 std::string_view function, std::optional<Date> back_to);
[[nodiscard]] Table resolve(const Lineage& lin, std::string_view code, std::optional<Date> on);
[[nodiscard]] Table snapshot(const Lineage& lin, const Date& on, std::string_view kind);
[[nodiscard]] Table diff(const Lineage& lin, const Date& d1, const Date& d2, std::string_view kind);
[[nodiscard]] Table groups(const Lineage& lin, std::string_view body, const Date& on);
[[nodiscard]] Table members(const Lineage& lin, std::string_view group, const Date& on);
/// The bodies (first) and links (second) of a body's lineage.
[[nodiscard]] std::pair<Table, Table> lineage(const Lineage& lin, std::string_view body);
[[nodiscard]] Table crosswalk(const Lineage& lin, const Date& from, const Date& to, std::string_view kind,
                              std::string_view function);

/// Figures to remap, by column: codes and dates as text, values as numbers (NaN for a blank).
struct RemapInput {
    std::vector<std::string> codes;
    std::vector<std::string> dates;
    std::vector<std::string> value_names;
    std::vector<std::vector<double>> values; ///< one vector per value name
};

/// The mapped table, the rejects (line, reason, message, raw) and the totals of each value column.
struct RemapResult {
    Table mapped{};
    Table rejects{};
    Table totals{};
};

/// Remaps columns through the library's streaming remap (the same code as `orglineage remap`).
[[nodiscard]] RemapResult remap(const Lineage& lin, const RemapInput& input, const Date& to,
                                std::string_view function);

/// Where the shipped dataset is: $ORGLINEAGE_DATA, else the installed one, else the source tree's.
[[nodiscard]] std::string default_data_dir(const std::vector<std::string>& candidates);

} // namespace orglineage::bind
