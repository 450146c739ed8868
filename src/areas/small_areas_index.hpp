// SPDX-License-Identifier: MIT
// Internal: the LSOA index behind SmallAreas (include/orglineage/small_areas.hpp). Built from the
// tables by small_areas_read.cpp, derived between and before the tables' periods by
// small_areas_index.cpp, asked by small_areas.cpp, checked by src/check/small_areas.cpp and kept in
// a compiled image by small_areas_image.cpp.
#pragma once

#include "areas/pct_era.hpp"
#include "image/format.hpp"
#include "image/records.hpp"

#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace orglineage {

namespace detail {
struct TableFile;
} // namespace detail

// Hidden: the exported SmallAreas would otherwise export its implementation with it.
struct ORGLINEAGE_NO_EXPORT SmallAreas::Impl {
    static constexpr std::uint32_t none = ~std::uint32_t{0};
    static constexpr std::uint8_t in2011 = 1;
    static constexpr std::uint8_t in2021 = 2;
    static inline const Date long_ago{1900, 1, 1};

    // The dataset's `small-areas:` settings (Dataset::small_areas), set by configure().
    /// The function the coverage tables answer for.
    std::string table_function;
    /// The first day the tables' holders can be carried back to (in England, the CCG era); before
    /// it, answers come from each LSOA's district of the day.
    Date ccg_era;
    /// From this day every LSOA has a holder on every day (SmallAreas::validate).
    Date complete_from;
    /// The mid-years of the population table's columns.
    std::vector<int> pop_years;
    void configure(const Dataset& ds) {
        if (!ds.small_areas) return; // no coverage table (the checking pass requires the settings with one)
        table_function = ds.small_areas->function;
        ccg_era = ds.small_areas->derive_from;
        complete_from = ds.small_areas->complete_from;
        pop_years = ds.small_areas->population_years;
    }

    const Lineage* lin = nullptr;
    std::unique_ptr<AreaHistory> history;

    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::uint32_t> dense; ///< `E01nnnnnn` -> code id by its number (every English LSOA code)
    std::vector<std::string> codes;
    std::vector<std::uint8_t> census;                 ///< in2011 | in2021
    std::vector<std::vector<std::uint32_t>> other;    ///< corresponding codes of the other set
    std::vector<std::vector<std::pair<Date, std::uint32_t>>> lad_hist; ///< (from, lad) per code
    std::vector<std::string> lads;
    std::unordered_map<std::string, std::uint32_t> lad_index;
    std::vector<std::vector<std::uint32_t>> lad_lsoas; ///< every code ever in the LAD
    std::vector<std::vector<double>> pop;              ///< per code, one per pop_years
    std::size_t count2011 = 0, count2021 = 0;

    struct Pooled {
        std::vector<LsoaHolder> holders;
        bool correspondence = false;
        std::optional<LsoaBasis> basis; ///< set for answers before the CCGs (each has its own)
        std::vector<std::string> notes;
        std::string lad;
        template <class Io, class T, detail::if_record<T, Pooled> = 0> friend void fields(Io& io, T& p) {
            io(p.holders);
            io(p.correspondence);
            io(p.basis);
            io(p.notes);
            io(p.lad);
        }
    };
    std::vector<Pooled> pool;
    std::map<std::string, std::uint32_t> pool_index;

    /// The answers of a period before the CCGs, worked out on first use (most runs ask one date):
    /// its own pool, so that filling one period never moves another's answers.
    struct Lazy {
        std::once_flag once;
        std::vector<Pooled> pool;
        std::vector<std::uint32_t> answer; ///< per code: into `pool`, or `none`
    };
    struct Segment {
        Period period;
        LsoaBasis basis = LsoaBasis::sourced;
        const Table* table = nullptr;
        std::uint8_t census = in2011;
        std::vector<std::uint32_t> answer; ///< per code: into pool, or `none`
        std::shared_ptr<Lazy> lazy;        ///< set for the periods before the CCGs
        template <class Io, class T, detail::if_record<T, Segment> = 0> friend void fields(Io& io, T& x) {
            io(x.period);
            io(x.basis);
            io(x.table);
            io(x.census);
            io(x.answer);
            // A period before the CCGs is stored as such and worked out again on first use.
            bool lazy = x.lazy != nullptr;
            io(lazy);
            if constexpr (!std::is_const_v<T>) {
                if (lazy && !x.lazy) x.lazy = std::make_shared<Lazy>();
            }
        }
    };
    std::vector<Segment> segments; ///< by date, not overlapping

    /// What a compiled image keeps of the index (src/image); the hash maps are rebuilt from it and
    /// `pool_index` is needed only while building.
    template <class Io, class T, detail::if_record<T, Impl> = 0> friend void fields(Io& io, T& m) {
        io(m.dense);
        io(m.codes);
        io(m.census);
        io(m.other);
        io(m.lad_hist);
        io(m.lads);
        io(m.lad_lsoas);
        io(m.pop);
        io(m.count2011);
        io(m.count2021);
        io(m.pool);
        io(m.segments);
    }
    /// The indexes a decoded image holds, checked before any query follows them.
    void check_decoded(detail::ImageReader& r) const;
    void rebuild_maps();

    std::uint32_t code_id(const std::string& code) {
        auto [it, added] = index.emplace(code, static_cast<std::uint32_t>(codes.size()));
        if (added) {
            codes.push_back(code);
            census.push_back(0);
            other.emplace_back();
            lad_hist.emplace_back();
            pop.emplace_back(pop_years.size(), 0.0);
        }
        return it->second;
    }
    std::uint32_t lad_id(const std::string& lad) {
        auto [it, added] = lad_index.emplace(lad, static_cast<std::uint32_t>(lads.size()));
        if (added) {
            lads.push_back(lad);
            lad_lsoas.emplace_back();
        }
        return it->second;
    }

    std::uint32_t intern(std::vector<LsoaHolder> holders, bool corr) {
        std::string key = corr ? "c" : "s";
        for (const auto& h : holders) {
            key += h.body->id + "|" + (h.location ? h.location->id : "") + "|" +
                   (h.share ? std::to_string(*h.share) : "?") + ";";
        }
        auto [it, added] = pool_index.emplace(key, static_cast<std::uint32_t>(pool.size()));
        if (added) pool.push_back(Pooled{std::move(holders), corr, std::nullopt, {}, {}});
        return it->second;
    }

    [[nodiscard]] std::uint32_t lad_on(std::uint32_t code, const Date& on) const {
        const auto& h = lad_hist[code];
        std::uint32_t found = none;
        for (const auto& [from, lad] : h)
            if (from <= on) found = lad;
        return found;
    }

    /// The code id of an LSOA code, or `none`: a direct array read for `E01` codes.
    [[nodiscard]] std::uint32_t find(std::string_view code) const {
        if (code.size() == 9 && code[0] == 'E' && code[1] == '0' && code[2] == '1') {
            std::size_t n = 0;
            for (std::size_t i = 3; i < 9; ++i) {
                if (code[i] < '0' || code[i] > '9') return none;
                n = n * 10 + static_cast<std::size_t>(code[i] - '0');
            }
            return n < dense.size() ? dense[n] : none;
        }
        auto it = index.find(std::string(code));
        return it == index.end() ? none : it->second;
    }
    void build_dense() {
        for (std::uint32_t c = 0; c < codes.size(); ++c) {
            const auto& code = codes[c];
            if (code.compare(0, 3, "E01") != 0) continue;
            const auto n = static_cast<std::size_t>(std::stoul(code.substr(3)));
            if (n >= dense.size()) dense.resize(n + 1, none);
            dense[n] = c;
        }
    }

    [[nodiscard]] const Segment* segment_on(const Date& on) const {
        auto it = std::upper_bound(segments.begin(), segments.end(), on,
                                   [](const Date& d, const Segment& s) { return d < s.period.from; });
        if (it == segments.begin()) return nullptr;
        --it;
        return it->period.contains(on) ? &*it : nullptr;
    }

    /// The body a table's code stands for, and the holder of commissioning it implies.
    LsoaHolder resolve_code(const std::string& code, const Date& on, const SourcePos& pos, std::map<std::string, LsoaHolder>& cache) const;

    /// The holders of commissioning for an LSOA whose holder on `base` was `h`, on `on`, from
    /// the dataset's events: the same body while it holds it, else its successors (forwards) or
    /// predecessors (backwards), narrowed to those the LSOA's LAD had.
    std::vector<LsoaHolder> carry(const LsoaHolder& h, const Date& base, const Date& on, std::uint32_t lad) const;

    void derive(const Segment& base, Period window);

    void fill_other_census(Segment& s);

    /// The CCG that commissioned an LSOA on the first CCG day (from the segment that day).
    [[nodiscard]] std::vector<const Body*> first_ccgs(std::uint32_t c) const;

    [[nodiscard]] detail::EraAnswer before_ccgs(std::string_view asked, std::uint32_t c, const Date& on) const;

    /// Commissioning before the CCGs, one period per day anything changed (an event, a coverage
    /// period, an area change), each answer worked out once per district and first CCG.
    void derive_before_ccgs();

    /// A period before the CCGs, its answers worked out once per district and first CCG.
    const Lazy& filled(const Segment& s) const;

    // Reading the tables (small_areas_read.cpp): the LSOA sets first, as every other table names
    // LSOAs of them; then districts, the correspondence and populations; then the coverage periods.
    void read_tables(const Lineage& lineage);
    static std::uint8_t census_of(const detail::TableFile& f);
    /// The code id of an LSOA a row names. @throws DataError when no coverage table has it
    std::uint32_t known_lsoa(const detail::TableFile& f, std::size_t row, std::size_t col) const;
    void read_lsoa_sets(const detail::TableFile& f);
    void read_lads(const Table& t, const detail::TableFile& f);
    void read_correspondence(const Table& t, const detail::TableFile& f);
    void read_population(const Table& t, const detail::TableFile& f);
    void spread_population();
    Segment read_coverage(const Table& t, const detail::TableFile& f, std::map<std::string, LsoaHolder>& cache);
    /// The sourced periods in date order, with the periods derived between, before and around them.
    void add_periods(std::vector<Segment> sourced);

    [[nodiscard]] std::size_t year_slot(const Date& on) const {
        std::size_t best = 0;
        for (std::size_t i = 1; i < pop_years.size(); ++i)
            if (std::abs(pop_years[i] - on.year()) <= std::abs(pop_years[best] - on.year())) best = i;
        return best;
    }
};

} // namespace orglineage
