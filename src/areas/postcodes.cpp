// SPDX-License-Identifier: MIT
// orglineage — the postcode index: postcode -> LSOA, read once from a user's postcode directory.
#include "areas/table_file.hpp"
#include "core/strings.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <fstream>
#include <unordered_map>

namespace orglineage {

namespace {

constexpr std::uint32_t none = ~std::uint32_t{0}; ///< no LSOA code

using detail::is_area_code;
using detail::lower;

int pc_char(char c) {
    if (c >= '0' && c <= '9') return c - '0' + 1;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 11;
    return -1;
}

/// A normalised postcode (`TR7 1AA`) in 42 bits: six per character, the space left out (the
/// inward code is always the last three characters).
std::uint64_t pack(const std::string& norm) {
    std::uint64_t k = 0;
    for (char c : norm) {
        if (c == ' ') continue;
        k = (k << 6) | static_cast<std::uint64_t>(pc_char(c));
    }
    return k;
}

} // namespace

std::string PostcodeIndex::normalise(std::string_view pc) {
    std::string s;
    for (char c : pc) {
        if (c == ' ' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (pc_char(c) < 0) return {};
        s += c;
    }
    if (s.size() < 5 || s.size() > 7) return {};
    const auto n = s.size();
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (!letter(s[0]) || !digit(s[n - 3]) || !letter(s[n - 2]) || !letter(s[n - 1])) return {};
    return s.substr(0, n - 3) + " " + s.substr(n - 3);
}

PostcodeIndex PostcodeIndex::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourcePos{path, 0, 0}, "cannot open postcode file '" + path + "'");
    PostcodeIndex out;
    out.m_path = path;
    CsvReader reader(in);
    CsvRecord rec;
    if (!reader.next(rec)) throw DataError(SourcePos{path, 1, 1}, "empty postcode file");
    if (!rec.ok()) throw DataError(SourcePos{path, static_cast<int>(rec.line), 1}, rec.error);
    constexpr std::size_t absent = ~std::size_t{0};
    std::size_t pc_col = absent, l21 = absent, l11 = absent;
    auto pick = [&](std::size_t& col, std::initializer_list<std::string_view> names) {
        for (auto want : names)
            for (std::size_t i = 0; i < rec.fields.size(); ++i)
                if (col == absent && lower(rec.fields[i]) == want) col = i;
    };
    pick(pc_col, {"pcds", "pcd", "pcd7", "pcd8", "postcode"});
    pick(l21, {"lsoa21", "lsoa21cd", "lsoa21_code"});
    pick(l11, {"lsoa11", "lsoa11cd", "lsoa11_code"});
    if (l21 == absent && l11 == absent) pick(l21, {"lsoa", "lsoa_code", "lsoacd"});
    if (pc_col == absent)
        throw DataError(SourcePos{path, 1, 1},
                        "no postcode column (expected one of pcds, pcd, pcd7, pcd8, postcode)");
    if (l21 == absent && l11 == absent)
        throw DataError(SourcePos{path, 1, 1},
                        "no LSOA column (expected one of lsoa21, lsoa11, lsoa21cd, lsoa11cd, lsoa, lsoa_code)");

    std::unordered_map<std::string, std::uint32_t> code_ids;
    auto code_id = [&](std::string_view v) -> std::uint32_t {
        if (v.empty()) return none;
        auto [it, added] = code_ids.emplace(std::string(v), static_cast<std::uint32_t>(out.m_codes.size()));
        if (added) out.m_codes.emplace_back(v);
        return it->second;
    };
    struct Row {
        std::uint64_t key;
        std::int64_t line;
        std::uint32_t a, b;
    };
    std::vector<Row> rows;
    while (reader.next(rec)) {
        auto reject = [&](std::string why) { out.m_rejects.push_back({rec.line, std::move(why)}); };
        if (!rec.ok()) {
            reject(rec.error);
            continue;
        }
        const std::size_t need = std::max({pc_col, l21 == absent ? 0 : l21, l11 == absent ? 0 : l11}) + 1;
        if (rec.fields.size() < need) {
            reject("expected at least " + std::to_string(need) + " fields, found " +
                   std::to_string(rec.fields.size()));
            continue;
        }
        const auto norm = normalise(rec.fields[pc_col]);
        if (norm.empty()) {
            reject("not a postcode '" + std::string(rec.fields[pc_col]) + "'");
            continue;
        }
        std::string_view a = l21 == absent ? std::string_view{} : rec.fields[l21];
        std::string_view b = l11 == absent ? std::string_view{} : rec.fields[l11];
        bool bad = false;
        for (auto v : {a, b})
            if (!v.empty() && !is_area_code(v)) {
                reject("not an LSOA code '" + std::string(v) + "' for " + norm);
                bad = true;
                break;
            }
        if (bad) continue;
        if (a.empty() && b.empty()) {
            reject("no LSOA for " + norm);
            continue;
        }
        rows.push_back({pack(norm), rec.line, code_id(a), code_id(b)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.key < y.key; });
    out.m_keys.reserve(rows.size());
    out.m_values.reserve(rows.size());
    std::int64_t first_line = 0;
    for (const auto& r : rows) {
        if (!out.m_keys.empty() && out.m_keys.back() == r.key) {
            out.m_rejects.push_back({r.line, "postcode repeated (first on line " + std::to_string(first_line) + ")"});
            continue;
        }
        first_line = r.line;
        out.m_keys.push_back(r.key);
        out.m_values.emplace_back(r.a, r.b);
    }
    std::sort(out.m_rejects.begin(), out.m_rejects.end(),
              [](const PostcodeReject& x, const PostcodeReject& y) { return x.line < y.line; });
    return out;
}

std::vector<std::string> PostcodeIndex::lsoas(std::string_view postcode) const {
    std::vector<std::string> out;
    const auto norm = normalise(postcode);
    if (norm.empty()) return out;
    const auto key = pack(norm);
    auto it = std::lower_bound(m_keys.begin(), m_keys.end(), key);
    if (it == m_keys.end() || *it != key) return out;
    const auto& v = m_values[static_cast<std::size_t>(it - m_keys.begin())];
    if (v.first != none) out.push_back(m_codes[v.first]);
    if (v.second != none && (v.first == none || m_codes[v.second] != m_codes[v.first]))
        out.push_back(m_codes[v.second]);
    return out;
}

} // namespace orglineage
