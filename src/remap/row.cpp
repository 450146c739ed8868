// SPDX-License-Identifier: MIT
// Header columns and value cells.
#include "remap/row.hpp"

#include "remap/printable.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace orglineage::detail {

namespace {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view why(DecimalStatus s) {
    switch (s) {
    case DecimalStatus::too_precise: return "has more than 18 decimal places";
    case DecimalStatus::too_large: return "is too large to add exactly (over 36 digits)";
    default: return "is not a number";
    }
}

} // namespace

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::size_t named_columns(const CsvRecord& header) noexcept {
    std::size_t n = header.fields.size();
    while (n > 0 && trim(header.fields[n - 1]).empty()) --n;
    return n;
}

void check_header_names(const CsvRecord& header) {
    // One pass with a hash of the names: 238,000 columns took 80 s compared pair by pair.
    const std::size_t n = named_columns(header);
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> seen; // first, second place
    seen.reserve(n);
    std::size_t first = n, second = n; // the earliest name that repeats, and where it comes again
    for (std::size_t k = 0; k < n; ++k) {
        auto [it, fresh] = seen.try_emplace(header.fields[k], k, n);
        if (fresh || it->second.second != n) continue;
        it->second.second = k;
        if (it->second.first < first) {
            first = it->second.first;
            second = k;
        }
    }
    if (first == n) return;
    const std::string_view name = header.fields[first];
    const auto times = std::count(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(n), name);
    throw Error("remap: column '" + printable(name) + "' appears " + std::to_string(times) +
                " times in the header (columns " + std::to_string(first + 1) + " and " + std::to_string(second + 1) +
                ")");
}

Columns find_columns(const CsvRecord& header, const RemapOptions& o) {
    auto column = [&](const std::string& name) -> std::size_t {
        for (std::size_t i = 0; i < header.fields.size(); ++i)
            if (trim(header.fields[i]) == name) return i;
        for (std::size_t i = 0; i < header.fields.size(); ++i)
            if (same_name(trim(header.fields[i]), name)) return i;
        std::string known;
        for (std::size_t i = 0; i < named_columns(header); ++i)
            known += (known.empty() ? "'" : ", '") + printable(header.fields[i]) + "'";
        throw Error("remap: no column '" + name + "' in the header (columns: " + known + ")");
    };
    Columns c;
    c.fields = header.fields.size();
    c.code = column(o.code_column);
    c.date = column(o.date_column);
    for (const auto& v : o.value_columns) c.values.push_back(column(v));
    return c;
}

Verdict read_values(const CsvRecord& rec, const Columns& cols, const RemapOptions& o, RowValues& out) {
    const std::size_t nv = cols.values.size();
    out.exact.resize(nv);
    out.value.resize(nv);
    out.present.assign(nv, 0);
    for (std::size_t v = 0; v < nv; ++v) {
        const std::string_view cell = trim(rec.fields[cols.values[v]]);
        if (cell.empty()) continue;
        const DecimalStatus s = parse_decimal(cell, out.exact[v]);
        if (s != DecimalStatus::ok) {
            // the other cells stay readable for the totals of rejected rows
            for (std::size_t w = v + 1; w < nv; ++w) {
                const std::string_view c = trim(rec.fields[cols.values[w]]);
                out.present[w] = !c.empty() && parse_decimal(c, out.exact[w]) == DecimalStatus::ok;
            }
            return Verdict::fail(RejectReason::bad_value, "'" + std::string(cell) + "' in column '" + o.value_columns[v] +
                                                              "' " + std::string(why(s)));
        }
        out.present[v] = 1;
        out.value[v] = to_double(out.exact[v]);
    }
    return {};
}

} // namespace orglineage::detail
