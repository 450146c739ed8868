// SPDX-License-Identifier: MIT
// orglineage bindings — a table of typed columns built row by row.
#include "column_table.hpp"

#include <cstdlib>

namespace orglineage::bind {

Table::Table(std::initializer_list<std::pair<std::string_view, Column::Type>> columns) {
    for (const auto& [name, type] : columns) m_columns.push_back(Column{std::string(name), type, {}, {}});
}

void Table::new_row() {
    ++m_rows;
    for (auto& c : m_columns) {
        if (c.type == Column::Type::number) c.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        else c.text.emplace_back();
    }
}

void Table::add_column(std::string name, Column::Type type) {
    m_columns.push_back(Column{std::move(name), type, {}, {}});
    if (type == Column::Type::number) m_columns.back().numbers.resize(m_rows, std::numeric_limits<double>::quiet_NaN());
    else m_columns.back().text.resize(m_rows);
}

Column& Table::column(std::string_view name) {
    for (auto& c : m_columns)
        if (c.name == name) return c;
    add_column(std::string(name), Column::Type::text); // first met on a later row: missing above
    return m_columns.back();
}

void Table::set(std::string_view name, std::optional<std::string> value) {
    Column& c = column(name);
    if (c.type == Column::Type::number) {
        c.numbers.back() = value ? std::strtod(value->c_str(), nullptr) : std::numeric_limits<double>::quiet_NaN();
        return;
    }
    c.text.back() = std::move(value);
}

void Table::set(std::string_view name, double value) { column(name).numbers.back() = value; }

void Table::set(std::string_view name, const Share& share) {
    set(name, share ? *share : std::numeric_limits<double>::quiet_NaN());
}

void Table::set_date(std::string_view name, const std::optional<Date>& date) {
    column(name).text.back() = date ? std::optional<std::string>(format_date(*date)) : std::nullopt;
}

} // namespace orglineage::bind
