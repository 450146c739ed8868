// SPDX-License-Identifier: MIT
// Building the LSOA index from a dataset's `lsoa-*` tables, every row checked as it is read (with
// its file:line:column): LSOA sets, districts over time, the 2011<->2021 correspondence, populations,
// then one period per coverage table and the periods derived around them.
#include "areas/small_areas_index.hpp"
#include "areas/table_file.hpp"
#include "check/messages.hpp"
#include "graph/lineage_access.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace orglineage {

namespace {

using detail::TableFile;
using Files = std::map<std::string, TableFile>;

/// Each CSV is read once, however many tables name its columns.
const TableFile& table_file(Files& files, const Table& t) {
    auto it = files.find(t.path);
    if (it == files.end()) it = files.emplace(t.path, detail::read_table_file(t.path)).first;
    return it->second;
}

const std::string& area_code(const TableFile& f, std::size_t r, std::size_t c) {
    const auto& v = f.rows[r][c];
    if (!detail::is_area_code(v)) throw DataError(f.pos(r, c), detail::msg::not_area_code(v));
    return v;
}

/// Rows of one LSOA at most: `first` maps each code to the row that gave it first.
void once_per_lsoa(const TableFile& f, std::size_t r, std::unordered_map<std::string, std::size_t>& first) {
    const auto [it, fresh] = first.emplace(f.rows[r][0], r);
    if (!fresh) throw DataError(f.pos(r, 0), detail::msg::repeated_lsoa(f.rows[r][0], f.lines[it->second]));
}

} // namespace

std::uint8_t SmallAreas::Impl::census_of(const TableFile& f) {
    if (f.header[0] == "lsoa11") return in2011;
    if (f.header[0] == "lsoa21") return in2021;
    throw DataError(SourcePos{f.path, 1, 1}, detail::msg::bad_lsoa_column(f.header[0]));
}

std::uint32_t SmallAreas::Impl::known_lsoa(const TableFile& f, std::size_t r, std::size_t c) const {
    const auto& code = area_code(f, r, c);
    const auto it = index.find(code);
    if (it == index.end()) throw DataError(f.pos(r, c), detail::msg::unknown_lsoa(code));
    return it->second;
}

void SmallAreas::Impl::read_lsoa_sets(const TableFile& f) {
    const auto set = census_of(f);
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        census[code_id(area_code(f, r, 0))] |= set;
        once_per_lsoa(f, r, first);
    }
}

void SmallAreas::Impl::read_lads(const Table& t, const TableFile& f) {
    census_of(f);
    const auto lad_col = f.column("lad", t), from_col = f.column("from", t);
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto c = known_lsoa(f, r, 0);
        const auto& lad_code = area_code(f, r, lad_col);
        if (!lin->find_area(lad_code)) throw DataError(f.pos(r, lad_col), detail::msg::unknown_district(lad_code));
        const auto lad = lad_id(lad_code);
        Date from = long_ago;
        if (!f.rows[r][from_col].empty()) {
            auto d = parse_date(f.rows[r][from_col]);
            if (!d) throw DataError(f.pos(r, from_col), detail::msg::bad_date(f.rows[r][from_col]));
            from = *d;
        }
        auto& h = lad_hist[c];
        if (!h.empty() && h.back().first >= from)
            throw DataError(f.pos(r, from_col), detail::msg::lad_rows_out_of_order(f.rows[r][0]));
        h.emplace_back(from, lad);
        auto& members = lad_lsoas[lad];
        if (members.empty() || members.back() != c) members.push_back(c);
    }
}

void SmallAreas::Impl::read_correspondence(const Table& t, const TableFile& f) {
    const auto c11 = f.column("lsoa11", t), c21 = f.column("lsoa21", t);
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto a = known_lsoa(f, r, c11);
        const auto b = known_lsoa(f, r, c21);
        if (a == b) continue;
        other[a].push_back(b);
        other[b].push_back(a);
    }
}

void SmallAreas::Impl::read_population(const Table& t, const TableFile& f) {
    std::vector<std::size_t> cols;
    for (const int year : pop_years) cols.push_back(f.column(std::to_string(year), t));
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto c = known_lsoa(f, r, 0);
        once_per_lsoa(f, r, first);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const auto& v = f.rows[r][cols[i]];
            char* end = nullptr;
            const double x = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || !std::isfinite(x) || x < 0)
                throw DataError(f.pos(r, cols[i]), detail::msg::bad_population(v));
            pop[c][i] = x;
        }
    }
}

void SmallAreas::Impl::spread_population() {
    // Populations of the new 2021 codes: a split 2011 LSOA's people shared evenly between its parts.
    for (std::uint32_t c = 0; c < codes.size(); ++c) {
        if ((census[c] & in2011) || !(census[c] & in2021)) continue;
        for (std::uint32_t o : other[c]) {
            const double parts = static_cast<double>(other[o].size());
            for (std::size_t i = 0; i < pop_years.size(); ++i) pop[c][i] += pop[o][i] / std::max(parts, 1.0);
        }
    }
}

SmallAreas::Impl::Segment SmallAreas::Impl::read_coverage(const Table& t, const TableFile& f,
                                                          std::map<std::string, LsoaHolder>& cache) {
    const auto col = f.column(t.vintage, t);
    Segment s;
    s.period = t.period;
    s.table = &t;
    s.census = census_of(f);
    s.answer.assign(codes.size(), none);
    cache.clear();
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto h = resolve_code(f.rows[r][col], t.period.from, f.pos(r, col), cache);
        s.answer[index.at(f.rows[r][0])] = intern({h}, false);
    }
    fill_other_census(s);
    return s;
}

void SmallAreas::Impl::add_periods(std::vector<Segment> sourced) {
    std::sort(sourced.begin(), sourced.end(),
              [](const Segment& a, const Segment& b) { return a.period.from < b.period.from; });
    for (std::size_t i = 0; i + 1 < sourced.size(); ++i)
        if (!sourced[i].period.until || *sourced[i].period.until > sourced[i + 1].period.from)
            throw DataError(sourced[i + 1].table->pos,
                            detail::msg::tables_overlap(sourced[i + 1].table->id, sourced[i].table->id));
    if (sourced.empty()) return;
    // Before the first vintage (back to the start of the CCG era) and in each gap between
    // vintages, coverage is derived from the nearest earlier vintage (the first, backwards).
    if (ccg_era < sourced.front().period.from) derive(sourced.front(), Period{ccg_era, sourced.front().period.from});
    for (std::size_t i = 0; i < sourced.size(); ++i) {
        segments.push_back(sourced[i]);
        if (i + 1 < sourced.size() && *sourced[i].period.until < sourced[i + 1].period.from)
            derive(sourced[i], Period{*sourced[i].period.until, sourced[i + 1].period.from});
    }
    std::sort(segments.begin(), segments.end(),
              [](const Segment& a, const Segment& b) { return a.period.from < b.period.from; });
    for (auto& s : segments)
        if (s.basis == LsoaBasis::derived) fill_other_census(s);
    derive_before_ccgs();
}

void SmallAreas::Impl::read_tables(const Lineage& lineage) {
    lin = &lineage;
    configure(lineage.dataset());
    history = std::make_unique<AreaHistory>(AreaHistory::load(lineage));
    const auto& tables = lineage.dataset().tables;
    Files files;
    // The LSOA sets come from the coverage tables' first column; every other table names LSOAs of them.
    std::set<std::string> set_files;
    for (const auto& t : tables)
        if (t.kind == "lsoa-coverage" && set_files.insert(t.path).second) read_lsoa_sets(table_file(files, t));
    for (std::uint8_t c : census) {
        if (c & in2011) ++count2011;
        if (c & in2021) ++count2021;
    }
    for (const auto& t : tables) {
        if (t.kind == "lsoa-lad") read_lads(t, table_file(files, t));
        else if (t.kind == "lsoa-correspondence") read_correspondence(t, table_file(files, t));
        else if (t.kind == "lsoa-population") read_population(t, table_file(files, t));
    }
    spread_population();
    std::map<std::string, LsoaHolder> cache;
    std::vector<Segment> sourced;
    for (const auto& t : tables)
        if (t.kind == "lsoa-coverage") sourced.push_back(read_coverage(t, table_file(files, t), cache));
    build_dense();
    add_periods(std::move(sourced));
}

SmallAreas SmallAreas::load(const Lineage& lineage) {
    if (const auto* image = detail::LineageAccess::image(lineage))
        if (const auto* section = image->find(detail::SectionId::small_areas))
            return detail::SmallAreasImage::read(lineage, *image, *section);
    SmallAreas out;
    out.m_impl->read_tables(lineage);
    return out;
}

} // namespace orglineage
