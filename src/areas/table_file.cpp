// SPDX-License-Identifier: MIT
// Reading the CSV tables of a dataset (see table_file.hpp).
#include "areas/table_file.hpp"

#include <orglineage/csv.hpp>

#include <algorithm>
#include <fstream>

namespace orglineage::detail {

std::size_t TableFile::column(const std::string& name, const Table& t) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    throw DataError(SourcePos{path, 1, 1}, "no column '" + name + "' for table '" + t.id + "' (" + t.pos.str() + ")");
}

TableFile read_table_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourcePos{path, 0, 0}, "cannot open table '" + path + "'");
    TableFile f;
    f.path = path;
    CsvReader reader(in);
    CsvRecord rec;
    bool first = true;
    while (reader.next(rec)) {
        if (!rec.ok()) throw DataError(SourcePos{path, static_cast<int>(rec.line), 1}, rec.error);
        std::vector<std::string> fields(rec.fields.begin(), rec.fields.end());
        if (first) {
            f.header = std::move(fields);
            first = false;
            continue;
        }
        if (fields.size() != f.header.size())
            throw DataError(SourcePos{path, static_cast<int>(rec.line), 1},
                            "expected " + std::to_string(f.header.size()) + " fields, found " +
                                std::to_string(fields.size()));
        f.rows.push_back(std::move(fields));
        f.lines.push_back(rec.line);
    }
    if (f.header.empty()) throw DataError(SourcePos{path, 1, 1}, "empty table");
    return f;
}

bool is_area_code(std::string_view s) noexcept {
    if (s.size() != 9 || s[0] < 'A' || s[0] > 'Z') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace orglineage::detail
