// SPDX-License-Identifier: MIT
// orglineage — an answer as an aligned text table or as CSV, with a notes column.
#include <orglineage/answer.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iomanip>
#include <sstream>

namespace orglineage {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// One cell: null as `-` (text) or empty (CSV), numbers to 4 significant digits, lists joined.
std::string cell(const Value& v, bool csv) {
    switch (v.type()) {
    case Value::Type::null: return csv ? "" : "-";
    case Value::Type::text: return v.text();
    case Value::Type::boolean: return v.boolean() ? "true" : "false";
    case Value::Type::integer: return std::to_string(v.integer());
    case Value::Type::number: {
        std::ostringstream os;
        os << std::setprecision(4) << v.number();
        return os.str();
    }
    case Value::Type::list: {
        std::string out;
        for (const auto& e : v.items()) out += (out.empty() ? "" : csv ? ";" : ", ") + cell(e, csv);
        return out;
    }
    case Value::Type::record: return dump_json(v);
    }
    return {};
}

/// The notes of a row as one CSV cell: `kind: text` joined by ` | `.
std::string notes_cell(const Value& notes) {
    std::string out;
    for (const auto& n : notes.items()) out += (out.empty() ? "" : " | ") + n.at("kind").text() + ": " + n.at("text").text();
    return out;
}

/// The kinds of a row's notes, for the text column.
std::string notes_kinds(const Value& notes) {
    std::vector<std::string> kinds;
    for (const auto& n : notes.items())
        if (std::find(kinds.begin(), kinds.end(), n.at("kind").text()) == kinds.end()) kinds.push_back(n.at("kind").text());
    return kinds.empty() ? "-" : join(kinds, ",");
}

/// Display width in characters (UTF-8 continuation bytes take no room).
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

/// A number with every digit (the shortest text that reads back as the same number).
std::string exact(const Value& v) {
    if (v.type() != Value::Type::number) return cell(v, true);
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.number());
    return ec == std::errc() ? std::string(buf, end) : cell(v, true);
}

/// The header and cells of every row, the notes last.
std::vector<std::vector<std::string>> cells(const Answer& a, bool csv) {
    std::vector<std::string> columns = a.columns;
    if (csv) columns.insert(columns.end(), a.csv_columns.begin(), a.csv_columns.end());
    std::vector<bool> exact_column;
    for (const auto& c : columns)
        exact_column.push_back(csv && std::find(a.exact_columns.begin(), a.exact_columns.end(), c) != a.exact_columns.end());
    std::vector<std::vector<std::string>> rows;
    rows.push_back(columns);
    rows.back().emplace_back("notes");
    for (const auto& r : a.rows) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < columns.size(); ++i)
            row.push_back(exact_column[i] ? exact(r.at(columns[i])) : cell(r.at(columns[i]), csv));
        row.push_back(csv ? notes_cell(r.at("notes")) : notes_kinds(r.at("notes")));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

std::string to_csv(const Answer& answer) {
    std::string out;
    for (const auto& row : cells(answer, true)) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
        out += '\n';
    }
    return out;
}

std::string to_text(const Answer& answer) {
    if (answer.rows.empty()) return {};
    const auto rows = cells(answer, false);
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            std::string c = rows[r][i];
            if (r == 0)
                std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            out += c;
            if (i + 1 < rows[r].size()) out += std::string(widths[i] - width(c) + 2, ' ');
        }
        out += '\n';
    }
    // Every distinct note once, in order of first appearance.
    std::vector<std::string> texts;
    for (const auto& r : answer.rows)
        for (const auto& n : r.at("notes").items()) {
            const auto t = "[" + n.at("kind").text() + "] " + n.at("text").text();
            if (std::find(texts.begin(), texts.end(), t) == texts.end()) texts.push_back(t);
        }
    if (!texts.empty()) {
        out += "\nNotes:\n";
        for (const auto& t : texts) out += "  " + t + '\n';
    }
    return out;
}

} // namespace orglineage
