// SPDX-License-Identifier: MIT
// orglineage — the postcode index: postcode -> LSOA, read once from a user's postcode directory.
#include "areas/table_file.hpp"
#include "core/strings.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <unordered_map>
#include <variant>

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

struct PostcodeIndex::Impl {
    std::string path;
    std::vector<std::uint64_t> keys;                             ///< packed postcodes, sorted
    std::vector<std::pair<std::uint32_t, std::uint32_t>> values; ///< lsoa21, lsoa11 (into codes; `none`: none)
    std::vector<std::string> codes;
    std::vector<PostcodeReject> rejects;
};

namespace {

constexpr std::size_t absent = ~std::size_t{0};

/// The columns of a postcode file, found by the names the ONS and others give them.
struct Columns {
    std::size_t postcode = absent, lsoa21 = absent, lsoa11 = absent;
    [[nodiscard]] std::size_t needed() const {
        return std::max({postcode, lsoa21 == absent ? 0 : lsoa21, lsoa11 == absent ? 0 : lsoa11}) + 1;
    }
};

Columns find_columns(const CsvRecord& header, const std::string& path) {
    Columns cols;
    auto pick = [&](std::size_t& col, std::initializer_list<std::string_view> names) {
        for (auto want : names)
            for (std::size_t i = 0; i < header.fields.size(); ++i)
                if (col == absent && lower(header.fields[i]) == want) col = i;
    };
    pick(cols.postcode, {"pcds", "pcd", "pcd7", "pcd8", "postcode"});
    pick(cols.lsoa21, {"lsoa21", "lsoa21cd", "lsoa21_code"});
    pick(cols.lsoa11, {"lsoa11", "lsoa11cd", "lsoa11_code"});
    if (cols.lsoa21 == absent && cols.lsoa11 == absent) pick(cols.lsoa21, {"lsoa", "lsoa_code", "lsoacd"});
    if (cols.postcode == absent)
        throw DataError(SourcePos{path, 1, 1}, "no postcode column (expected one of pcds, pcd, pcd7, pcd8, postcode)");
    if (cols.lsoa21 == absent && cols.lsoa11 == absent)
        throw DataError(SourcePos{path, 1, 1},
                        "no LSOA column (expected one of lsoa21, lsoa11, lsoa21cd, lsoa11cd, lsoa, lsoa_code)");
    return cols;
}

/// LSOA codes interned: each distinct code stored once.
class CodeIds {
  public:
    explicit CodeIds(std::vector<std::string>& codes) : m_codes(codes) {}
    std::uint32_t operator()(std::string_view v) {
        if (v.empty()) return none;
        auto [it, added] = m_ids.emplace(std::string(v), static_cast<std::uint32_t>(m_codes.size()));
        if (added) m_codes.emplace_back(v);
        return it->second;
    }

  private:
    std::vector<std::string>& m_codes;
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

struct Row {
    std::uint64_t key;
    std::int64_t line;
    std::uint32_t lsoa21, lsoa11;
};

/// One data row, or why it is rejected.
std::variant<Row, std::string> read_row(const CsvRecord& rec, const Columns& cols, CodeIds& code_id) {
    if (!rec.ok()) return rec.error;
    if (rec.fields.size() < cols.needed())
        return "expected at least " + std::to_string(cols.needed()) + " fields, found " +
               std::to_string(rec.fields.size());
    const auto norm = PostcodeIndex::normalise(rec.fields[cols.postcode]);
    if (norm.empty()) return "not a postcode '" + std::string(rec.fields[cols.postcode]) + "'";
    const std::string_view a = cols.lsoa21 == absent ? std::string_view{} : rec.fields[cols.lsoa21];
    const std::string_view b = cols.lsoa11 == absent ? std::string_view{} : rec.fields[cols.lsoa11];
    for (auto v : {a, b})
        if (!v.empty() && !is_area_code(v)) return "not an LSOA code '" + std::string(v) + "' for " + norm;
    if (a.empty() && b.empty()) return "no LSOA for " + norm;
    return Row{pack(norm), rec.line, code_id(a), code_id(b)};
}

/// Sorted by postcode; a postcode given again is rejected, the first kept.
void index_rows(std::vector<Row> rows, std::vector<std::uint64_t>& keys,
                std::vector<std::pair<std::uint32_t, std::uint32_t>>& values, std::vector<PostcodeReject>& rejects) {
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.key < y.key; });
    keys.reserve(rows.size());
    values.reserve(rows.size());
    std::int64_t first_line = 0;
    for (const auto& r : rows) {
        if (!keys.empty() && keys.back() == r.key) {
            rejects.push_back({r.line, "postcode repeated (first on line " + std::to_string(first_line) + ")"});
            continue;
        }
        first_line = r.line;
        keys.push_back(r.key);
        values.emplace_back(r.lsoa21, r.lsoa11);
    }
}

} // namespace

PostcodeIndex::PostcodeIndex(std::shared_ptr<const Impl> impl) noexcept : m_impl(std::move(impl)) {}

PostcodeIndex PostcodeIndex::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourcePos{path, 0, 0}, "cannot open postcode file '" + path + "'");
    auto out = std::make_shared<Impl>();
    out->path = path;
    CsvReader reader(in);
    CsvRecord rec;
    if (!reader.next(rec)) throw DataError(SourcePos{path, 1, 1}, "empty postcode file");
    if (!rec.ok()) throw DataError(SourcePos{path, static_cast<int>(rec.line), 1}, rec.error);
    const Columns cols = find_columns(rec, path);
    CodeIds code_id(out->codes);
    std::vector<Row> rows;
    while (reader.next(rec)) {
        auto row = read_row(rec, cols, code_id);
        if (auto* r = std::get_if<Row>(&row)) rows.push_back(*r);
        else out->rejects.push_back({rec.line, std::move(std::get<std::string>(row))});
    }
    index_rows(std::move(rows), out->keys, out->values, out->rejects);
    std::sort(out->rejects.begin(), out->rejects.end(),
              [](const PostcodeReject& x, const PostcodeReject& y) { return x.line < y.line; });
    return PostcodeIndex(std::move(out));
}

std::vector<std::string> PostcodeIndex::lsoas(std::string_view postcode) const {
    std::vector<std::string> out;
    const auto norm = normalise(postcode);
    if (norm.empty()) return out;
    const auto key = pack(norm);
    const auto& m = *m_impl;
    auto it = std::lower_bound(m.keys.begin(), m.keys.end(), key);
    if (it == m.keys.end() || *it != key) return out;
    const auto& v = m.values[static_cast<std::size_t>(it - m.keys.begin())];
    if (v.first != none) out.push_back(m.codes[v.first]);
    if (v.second != none && (v.first == none || m.codes[v.second] != m.codes[v.first]))
        out.push_back(m.codes[v.second]);
    return out;
}

std::size_t PostcodeIndex::size() const noexcept { return m_impl->keys.size(); }
const std::vector<PostcodeReject>& PostcodeIndex::rejects() const noexcept { return m_impl->rejects; }
const std::string& PostcodeIndex::path() const noexcept { return m_impl->path; }

} // namespace orglineage
