// SPDX-License-Identifier: MIT
// orglineage — small areas: the LSOA index over the `tables:` of a dataset, and the postcode index.
#include "areas/pct_era.hpp"
#include "areas/table_file.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace orglineage {

namespace {

constexpr std::uint32_t none = ~std::uint32_t{0};
constexpr std::uint8_t in2011 = 1;
constexpr std::uint8_t in2021 = 2;
constexpr std::string_view commissioning = "commissioning";
/// The CCG era begins; before it, no LSOA table can stand in (PCTs are answered by LAD).
const Date ccg_era{2013, 4, 1};
const Date long_ago{1900, 1, 1};
constexpr std::array<int, 3> pop_years{2017, 2019, 2020};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

using detail::is_area_code;
using CsvFile = detail::TableFile;

std::uint8_t census_of(const CsvFile& f) {
    if (f.header[0] == "lsoa11") return in2011;
    if (f.header[0] == "lsoa21") return in2021;
    throw DataError(SourcePos{f.path, 1, 1},
                    "the first column must be 'lsoa11' or 'lsoa21', found '" + f.header[0] + "'");
}

} // namespace

std::string_view to_string(LsoaBasis b) noexcept {
    switch (b) {
    case LsoaBasis::sourced: return "sourced";
    case LsoaBasis::derived: return "derived";
    case LsoaBasis::correspondence: return "correspondence";
    case LsoaBasis::local_authority: return "local-authority";
    case LsoaBasis::district: return "district";
    case LsoaBasis::district_ccg: return "district-and-ccg";
    case LsoaBasis::ccg: return "ccg";
    }
    return "unknown";
}

struct SmallAreas::Impl {
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
    std::vector<std::array<double, 3>> pop;            ///< per code, pop_years
    std::size_t count2011 = 0, count2021 = 0;

    struct Pooled {
        std::vector<LsoaHolder> holders;
        bool correspondence = false;
        std::optional<LsoaBasis> basis; ///< set for answers before the CCGs (each has its own)
        std::vector<std::string> notes;
        std::string lad;
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
    };
    std::vector<Segment> segments; ///< by date, not overlapping

    std::uint32_t code_id(const std::string& code) {
        auto [it, added] = index.emplace(code, static_cast<std::uint32_t>(codes.size()));
        if (added) {
            codes.push_back(code);
            census.push_back(0);
            other.emplace_back();
            lad_hist.emplace_back();
            pop.push_back({0, 0, 0});
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
    LsoaHolder resolve_code(const std::string& code, const Date& on, const SourcePos& pos,
                            std::map<std::string, LsoaHolder>& cache) const {
        auto it = cache.find(code);
        if (it != cache.end()) return it->second;
        const auto found = lin->resolve(code, on);
        if (found.empty())
            throw DataError(pos, "code '" + code + "' names no body on " + format_date(on));
        if (found.size() > 1)
            throw DataError(pos, "code '" + code + "' names " + std::to_string(found.size()) +
                                     " bodies on " + format_date(on));
        const Body* b = found.front();
        LsoaHolder h;
        if (lin->holds(*b, commissioning, on)) {
            h.body = b;
        } else {
            for (const Body* g : lin->groups(*b, on))
                if (lin->holds(*g, commissioning, on)) {
                    h.body = g;
                    h.location = b;
                    break;
                }
        }
        if (!h.body)
            throw DataError(pos, "code '" + code + "' names '" + b->id +
                                     "', which neither holds commissioning on " + format_date(on) +
                                     " nor belongs to a body that does");
        cache.emplace(code, h);
        return h;
    }

    /// The holders of commissioning for an LSOA whose holder on `base` was `h`, on `on`, from
    /// the dataset's events: the same body while it holds it, else its successors (forwards) or
    /// predecessors (backwards), narrowed to those the LSOA's LAD had.
    std::vector<LsoaHolder> carry(const LsoaHolder& h, const Date& base, const Date& on,
                                  std::uint32_t lad) const {
        if (h.body->active_on(on) && lin->holds(*h.body, commissioning, on)) {
            LsoaHolder out = h;
            if (out.location && !out.location->active_on(on)) out.location = nullptr;
            return {out};
        }
        std::vector<Portion> cand =
            on > base ? lin->successors(*h.body, on, commissioning)
                      : lin->predecessors(*h.body, base, commissioning, on);
        std::vector<const Body*> bodies;
        for (const auto& p : cand)
            if (p.body) bodies.push_back(p.body);
        if (bodies.size() > 1 && lad != none) {
            std::vector<const Body*> narrowed;
            try {
                for (const auto& lh : lin->holders(commissioning, lads[lad], on))
                    if (std::find(bodies.begin(), bodies.end(), lh.body) != bodies.end())
                        narrowed.push_back(lh.body);
            } catch (const LookupError&) {
            }
            if (!narrowed.empty()) bodies = narrowed;
        }
        std::vector<LsoaHolder> out;
        for (const Body* b : bodies) {
            LsoaHolder x;
            x.body = b;
            if (bodies.size() > 1) {
                x.share = std::nullopt;
                x.share_basis = ShareBasis::unknown;
            }
            out.push_back(x);
        }
        return out;
    }

    void derive(const Segment& base, Period window) {
        // Periods inside the window begin on the window's first day and on each event date.
        std::set<Date> starts{window.from};
        for (const auto& e : lin->dataset().events)
            if (window.contains(e.date)) starts.insert(e.date);
        std::vector<Date> st(starts.begin(), starts.end());
        for (std::size_t i = 0; i < st.size(); ++i) {
            Segment s;
            s.period.from = st[i];
            s.period.until = i + 1 < st.size() ? std::optional<Date>(st[i + 1]) : window.until;
            s.basis = LsoaBasis::derived;
            s.table = base.table;
            s.census = base.census;
            s.answer.assign(codes.size(), none);
            std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> done;
            for (std::uint32_t c = 0; c < codes.size(); ++c) {
                const std::uint32_t a = base.answer[c];
                if (a == none) continue;
                const auto& p = pool[a];
                const std::uint32_t lad = lad_on(c, s.period.from);
                auto [it, added] = done.emplace(std::make_pair(a, lad), none);
                if (added) {
                    std::vector<LsoaHolder> hs;
                    for (const auto& h : p.holders) {
                        for (auto x : carry(h, base.period.from, s.period.from, lad)) {
                            x.share = multiply(x.share, h.share);
                            if (h.share_basis != ShareBasis::whole) x.share_basis = h.share_basis;
                            hs.push_back(x);
                        }
                    }
                    it->second = hs.empty() ? none : intern(std::move(hs), p.correspondence);
                }
                s.answer[c] = it->second;
            }
            segments.push_back(std::move(s));
        }
    }

    void fill_other_census(Segment& s) {
        for (std::uint32_t c = 0; c < codes.size(); ++c) {
            if (s.answer[c] != none || other[c].empty()) continue;
            std::vector<const Body*> seen;
            std::vector<LsoaHolder> hs;
            for (std::uint32_t o : other[c]) {
                if (s.answer[o] == none || pool[s.answer[o]].correspondence) continue;
                for (const auto& h : pool[s.answer[o]].holders) {
                    if (std::find(seen.begin(), seen.end(), h.body) != seen.end()) continue;
                    seen.push_back(h.body);
                    hs.push_back(h);
                }
            }
            if (hs.empty()) continue;
            if (hs.size() > 1)
                for (auto& h : hs) {
                    h.share = std::nullopt;
                    h.share_basis = ShareBasis::unknown;
                }
            s.answer[c] = intern(std::move(hs), true);
        }
    }

    /// The CCG that commissioned an LSOA on the first CCG day (from the segment that day).
    [[nodiscard]] std::vector<const Body*> first_ccgs(std::uint32_t c) const {
        std::vector<const Body*> out;
        const Segment* s = segment_on(ccg_era);
        if (!s || s->answer[c] == none) return out;
        for (const auto& h : pool[s->answer[c]].holders) out.push_back(h.body);
        return out;
    }

    [[nodiscard]] detail::EraAnswer before_ccgs(std::string_view function, std::uint32_t c, const Date& on) const {
        const std::uint32_t lad = lad_on(c, on);
        if (lad == none) return {};
        return detail::answer_before_ccgs(*lin, *history, function, lads[lad], first_ccgs(c), ccg_era, on);
    }

    /// Commissioning before the CCGs, one period per day anything changed (an event, a coverage
    /// period, an area change), each answer worked out once per district and first CCG.
    void derive_before_ccgs() {
        std::set<Date> starts;
        for (const auto& e : lin->dataset().events)
            if (e.date < ccg_era) starts.insert(e.date);
        for (const auto& b : lin->dataset().bodies)
            for (const auto& cv : b.coverage) {
                if (cv.period.from < ccg_era) starts.insert(cv.period.from);
                if (cv.period.until && *cv.period.until < ccg_era) starts.insert(*cv.period.until);
            }
        for (const auto& ch : history->changes())
            if (ch.date < ccg_era) starts.insert(ch.date);
        starts.erase(starts.begin(), starts.lower_bound(Date{1990, 1, 1}));
        if (starts.empty()) return;
        const Segment* first = segment_on(ccg_era);
        std::vector<Date> st(starts.begin(), starts.end());
        std::vector<Segment> made;
        for (std::size_t i = 0; i < st.size(); ++i) {
            Segment s;
            s.period.from = st[i];
            s.period.until = i + 1 < st.size() ? st[i + 1] : ccg_era;
            s.basis = LsoaBasis::district;
            s.table = first ? first->table : nullptr;
            s.census = in2011 | in2021;
            s.lazy = std::make_shared<Lazy>();
            made.push_back(std::move(s));
        }
        segments.insert(segments.begin(), std::make_move_iterator(made.begin()), std::make_move_iterator(made.end()));
    }

    /// A period before the CCGs, its answers worked out once per district and first CCG.
    const Lazy& filled(const Segment& s) const {
        std::call_once(s.lazy->once, [&] {
            Lazy& lz = *s.lazy;
            const Segment* first = segment_on(ccg_era);
            lz.answer.assign(codes.size(), none);
            std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> done;
            for (std::uint32_t c = 0; c < codes.size(); ++c) {
                if (census[c] == 0) continue;
                const std::uint32_t lad = lad_on(c, s.period.from);
                if (lad == none) continue;
                const std::uint32_t ccg = first ? first->answer[c] : none;
                auto [it, added] = done.emplace(std::make_pair(lad, ccg), none);
                if (added) {
                    auto a = before_ccgs(commissioning, c, s.period.from);
                    if (!a.holders.empty()) {
                        it->second = static_cast<std::uint32_t>(lz.pool.size());
                        lz.pool.push_back(Pooled{std::move(a.holders), false, a.basis, std::move(a.notes), a.lad});
                    }
                }
                lz.answer[c] = it->second;
            }
        });
        return *s.lazy;
    }

    [[nodiscard]] static std::size_t year_slot(const Date& on) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < pop_years.size(); ++i)
            if (std::abs(pop_years[i] - on.year()) <= std::abs(pop_years[best] - on.year())) best = i;
        return best;
    }
};

SmallAreas::SmallAreas() : m_impl(std::make_unique<Impl>()) {}
SmallAreas::~SmallAreas() = default;
SmallAreas::SmallAreas(SmallAreas&&) noexcept = default;
SmallAreas& SmallAreas::operator=(SmallAreas&&) noexcept = default;

SmallAreas SmallAreas::load(const Lineage& lineage) {
    SmallAreas out;
    Impl& m = *out.m_impl;
    m.lin = &lineage;
    m.history = std::make_unique<AreaHistory>(AreaHistory::load(lineage));
    const auto& tables = lineage.dataset().tables;
    std::map<std::string, CsvFile> files;
    auto file = [&](const Table& t) -> const CsvFile& {
        auto it = files.find(t.path);
        if (it == files.end()) it = files.emplace(t.path, detail::read_table_file(t.path)).first;
        return it->second;
    };
    auto check_code = [](const CsvFile& f, std::size_t r, std::size_t c) -> const std::string& {
        const auto& v = f.rows[r][c];
        if (!is_area_code(v)) throw DataError(f.pos(r, c), "not an area code '" + v + "'");
        return v;
    };

    // The LSOA sets come from the coverage tables' first column.
    for (const auto& t : tables) {
        if (t.kind != "lsoa-coverage") continue;
        const auto& f = file(t);
        const auto set = census_of(f);
        for (std::size_t r = 0; r < f.rows.size(); ++r)
            m.census[m.code_id(check_code(f, r, 0))] |= set;
    }
    for (std::uint8_t c : m.census) {
        if (c & in2011) ++m.count2011;
        if (c & in2021) ++m.count2021;
    }
    for (const auto& t : tables) {
        if (t.kind == "lsoa-lad") {
            const auto& f = file(t);
            census_of(f);
            const auto lad_col = f.column("lad", t), from_col = f.column("from", t);
            for (std::size_t r = 0; r < f.rows.size(); ++r) {
                const auto c = m.code_id(check_code(f, r, 0));
                const auto lad = m.lad_id(check_code(f, r, lad_col));
                Date from = long_ago;
                if (!f.rows[r][from_col].empty()) {
                    auto d = parse_date(f.rows[r][from_col]);
                    if (!d) throw DataError(f.pos(r, from_col), "bad date '" + f.rows[r][from_col] + "'");
                    from = *d;
                }
                auto& h = m.lad_hist[c];
                if (!h.empty() && h.back().first >= from)
                    throw DataError(f.pos(r, from_col), "LAD rows of '" + f.rows[r][0] + "' out of date order");
                h.emplace_back(from, lad);
                auto& members = m.lad_lsoas[lad];
                if (members.empty() || members.back() != c) members.push_back(c);
            }
        } else if (t.kind == "lsoa-correspondence") {
            const auto& f = file(t);
            const auto c11 = f.column("lsoa11", t), c21 = f.column("lsoa21", t);
            for (std::size_t r = 0; r < f.rows.size(); ++r) {
                const auto a = m.code_id(check_code(f, r, c11));
                const auto b = m.code_id(check_code(f, r, c21));
                if (a == b) continue;
                m.other[a].push_back(b);
                m.other[b].push_back(a);
            }
        } else if (t.kind == "lsoa-population") {
            const auto& f = file(t);
            std::array<std::size_t, 3> cols{};
            for (std::size_t i = 0; i < pop_years.size(); ++i)
                cols[i] = f.column(std::to_string(pop_years[i]), t);
            for (std::size_t r = 0; r < f.rows.size(); ++r) {
                const auto c = m.code_id(check_code(f, r, 0));
                for (std::size_t i = 0; i < cols.size(); ++i) {
                    const auto& v = f.rows[r][cols[i]];
                    char* end = nullptr;
                    const double x = std::strtod(v.c_str(), &end);
                    if (v.empty() || *end != '\0' || x < 0)
                        throw DataError(f.pos(r, cols[i]), "bad population '" + v + "'");
                    m.pop[c][i] = x;
                }
            }
        }
    }
    // Populations of the new 2021 codes: a split 2011 LSOA's people shared evenly between its parts.
    for (std::uint32_t c = 0; c < m.codes.size(); ++c) {
        if ((m.census[c] & in2011) || !(m.census[c] & in2021)) continue;
        for (std::uint32_t o : m.other[c]) {
            const double parts = static_cast<double>(m.other[o].size());
            for (std::size_t i = 0; i < 3; ++i) m.pop[c][i] += m.pop[o][i] / std::max(parts, 1.0);
        }
    }

    // Sourced periods, one per coverage table.
    std::map<std::string, LsoaHolder> cache;
    std::vector<Impl::Segment> sourced;
    for (const auto& t : tables) {
        if (t.kind != "lsoa-coverage") continue;
        const auto& f = file(t);
        const auto col = f.column(t.vintage, t);
        Impl::Segment s;
        s.period = t.period;
        s.table = &t;
        s.census = census_of(f);
        s.answer.assign(m.codes.size(), none);
        cache.clear();
        for (std::size_t r = 0; r < f.rows.size(); ++r) {
            const auto& code = f.rows[r][col];
            const auto h = m.resolve_code(code, t.period.from, f.pos(r, col), cache);
            s.answer[m.index.at(f.rows[r][0])] = m.intern({h}, false);
        }
        m.fill_other_census(s);
        sourced.push_back(std::move(s));
    }
    std::sort(sourced.begin(), sourced.end(),
              [](const Impl::Segment& a, const Impl::Segment& b) { return a.period.from < b.period.from; });
    for (std::size_t i = 0; i + 1 < sourced.size(); ++i)
        if (!sourced[i].period.until || *sourced[i].period.until > sourced[i + 1].period.from)
            throw DataError(sourced[i + 1].table->pos, "table '" + sourced[i + 1].table->id +
                                                          "' overlaps table '" + sourced[i].table->id + "'");
    m.build_dense();
    if (sourced.empty()) return out;

    // Before the first vintage (back to the start of the CCG era) and in each gap between
    // vintages, coverage is derived from the nearest earlier vintage (the first, backwards).
    if (ccg_era < sourced.front().period.from)
        m.derive(sourced.front(), Period{ccg_era, sourced.front().period.from});
    for (std::size_t i = 0; i < sourced.size(); ++i) {
        m.segments.push_back(sourced[i]);
        if (i + 1 < sourced.size() && *sourced[i].period.until < sourced[i + 1].period.from)
            m.derive(sourced[i], Period{*sourced[i].period.until, sourced[i + 1].period.from});
    }
    std::sort(m.segments.begin(), m.segments.end(),
              [](const Impl::Segment& a, const Impl::Segment& b) { return a.period.from < b.period.from; });
    for (auto& s : m.segments)
        if (s.basis == LsoaBasis::derived) m.fill_other_census(s);
    m.derive_before_ccgs();
    return out;
}

bool SmallAreas::is_lsoa(std::string_view code) const noexcept {
    const auto c = m_impl->find(code);
    return c != none && m_impl->census[c] != 0;
}

std::size_t SmallAreas::lsoa_count(int c) const noexcept {
    return c == 2011 ? m_impl->count2011 : c == 2021 ? m_impl->count2021 : 0;
}

std::string SmallAreas::lad_of(std::string_view lsoa, const Date& on) const {
    auto it = m_impl->index.find(std::string(lsoa));
    if (it == m_impl->index.end()) return {};
    const auto lad = m_impl->lad_on(it->second, on);
    return lad == none ? std::string{} : m_impl->lads[lad];
}

std::vector<std::string> SmallAreas::corresponding(std::string_view lsoa) const {
    std::vector<std::string> out;
    auto it = m_impl->index.find(std::string(lsoa));
    if (it == m_impl->index.end()) return out;
    for (auto o : m_impl->other[it->second]) out.push_back(m_impl->codes[o]);
    return out;
}

const AreaHistory& SmallAreas::history() const noexcept { return *m_impl->history; }

Period SmallAreas::span() const noexcept {
    if (m_impl->segments.empty()) return Period{ccg_era, ccg_era};
    return Period{m_impl->segments.front().period.from, m_impl->segments.back().period.until};
}

LsoaAnswer SmallAreas::holders(std::string_view function, std::string_view lsoa, const Date& on) const {
    const Impl& m = *m_impl;
    const std::uint32_t c = m.find(lsoa);
    if (c == none || m.census[c] == 0)
        throw LookupError("unknown LSOA '" + std::string(lsoa) + "' (an English LSOA of 2011 or 2021)");
    LsoaAnswer out;
    const auto lad = m.lad_on(c, on);
    if (lad != none) out.lad = m.lads[lad];
    const Impl::Segment* s = m.segment_on(on);
    if (s && s->lazy && function == commissioning) {
        // Before the CCGs: each answer carries its own derivation.
        const auto& lz = m.filled(*s);
        if (const auto la = lz.answer[c]; la != none) {
            out.basis = *lz.pool[la].basis;
            out.notes = lz.pool[la].notes;
            out.lad = lz.pool[la].lad;
            out.holders = lz.pool[la].holders;
            return out;
        }
    }
    const std::uint32_t a = s && !s->lazy ? s->answer[c] : none;
    if (a != none) {
        out.table = s->table;
        out.correspondence = m.pool[a].correspondence;
        out.basis = s->basis == LsoaBasis::sourced && out.correspondence ? LsoaBasis::correspondence : s->basis;
        if (function == commissioning) {
            out.holders = m.pool[a].holders;
            return out;
        }
    }
    if (!m.lin->dataset().functions.contains(function))
        throw LookupError("unknown function '" + std::string(function) + "'");
    if (on < ccg_era) {
        auto e = m.before_ccgs(function, c, on);
        out.holders = std::move(e.holders);
        out.basis = e.basis;
        out.notes = std::move(e.notes);
        out.lad = e.lad;
        out.table = nullptr;
        return out;
    }
    // Another function (or a date no table speaks for): the LAD's holders, narrowed to the LSOA's
    // commissioner when it is one of them.
    out.basis = LsoaBasis::local_authority;
    if (lad == none) return out;
    for (const auto& h : m.lin->holders(function, out.lad, on)) {
        LsoaHolder x;
        x.body = h.body;
        x.share = h.share;
        x.share_basis = h.basis;
        out.holders.push_back(x);
    }
    if (a != none && out.holders.size() > 1) {
        for (const auto& ch : m.pool[a].holders)
            for (const auto& x : out.holders)
                if (x.body == ch.body) {
                    LsoaHolder y = x;
                    y.share = 1.0;
                    y.share_basis = ShareBasis::whole;
                    out.holders = {y};
                    return out;
                }
    }
    return out;
}

LadShares SmallAreas::lad_shares(std::string_view function, std::string_view lad, const Date& on) const {
    const Impl& m = *m_impl;
    LadShares out;
    out.lad = std::string(lad);
    auto li = m.lad_index.find(out.lad);
    if (li == m.lad_index.end())
        throw LookupError("no LSOAs for local authority '" + out.lad + "'");
    const Impl::Segment* s = m.segment_on(on);
    const std::uint8_t set = s ? s->census : in2011;
    const std::size_t slot = Impl::year_slot(on);
    out.year = pop_years[slot];
    out.table = s ? s->table : nullptr;
    out.basis = s ? s->basis : LsoaBasis::local_authority;
    std::map<const Body*, LadShare> acc;
    std::vector<const Body*> order;
    for (auto c : m.lad_lsoas[li->second]) {
        if (!(m.census[c] & set) || m.lad_on(c, on) != li->second) continue;
        const double p = m.pop[c][slot];
        out.population += p;
        const auto ans = holders(function, m.codes[c], on);
        if (ans.basis == LsoaBasis::local_authority) out.basis = LsoaBasis::local_authority;
        // An LSOA shared between bodies in unknown parts is counted for none of them: an even split
        // would be a guess.
        const bool unknown = ans.holders.size() > 1 &&
                             std::any_of(ans.holders.begin(), ans.holders.end(), [](const LsoaHolder& h) { return !h.share; });
        if (unknown) out.unknown_population += p;
        for (const auto& h : ans.holders) {
            auto& x = acc[h.body];
            if (!x.body) order.push_back(h.body);
            x.body = h.body;
            if (unknown) x.unallocated += p;
            else x.population += p * h.share.value_or(1.0);
            x.lsoas += 1;
        }
    }
    if (out.population <= 0 && acc.empty())
        throw LookupError("no LSOAs in local authority '" + out.lad + "' on " + format_date(on));
    for (const Body* b : order) {
        auto x = acc[b];
        x.share = out.population > 0 ? x.population / out.population : 0;
        out.shares.push_back(x);
    }
    std::stable_sort(out.shares.begin(), out.shares.end(),
                     [](const LadShare& a, const LadShare& b) { return a.share > b.share; });
    return out;
}

std::vector<std::string> SmallAreas::validate() const {
    const Impl& m = *m_impl;
    std::vector<std::string> problems;
    const Date complete_from{2015, 7, 1};
    std::optional<Date> prev_until;
    for (const auto& s : m.segments) {
        if (s.period.from < complete_from) continue;
        if (prev_until && *prev_until != s.period.from)
            problems.push_back("no LSOA table covers " + format_date(*prev_until) + " to " +
                               format_date(s.period.from - boost::gregorian::days(1)));
        prev_until = s.period.until;
        const std::string where = s.table->id + " (" + format_period(s.period) + ")";
        if (s.basis != LsoaBasis::sourced) continue;
        const Date last = s.period.until ? *s.period.until - boost::gregorian::days(1) : s.period.from;
        std::size_t missing = 0;
        for (std::uint32_t c = 0; c < m.codes.size(); ++c) {
            if (!(m.census[c] & s.census)) continue;
            if (s.answer[c] == none) {
                if (++missing <= 5) problems.push_back(where + ": LSOA " + m.codes[c] + " has no holder");
                continue;
            }
            const auto& hs = m.pool[s.answer[c]].holders;
            if (hs.size() != 1) {
                problems.push_back(where + ": LSOA " + m.codes[c] + " has " + std::to_string(hs.size()) +
                                   " holders");
                continue;
            }
        }
        if (missing > 5) problems.push_back(where + ": " + std::to_string(missing) + " LSOAs have no holder");
        // Every distinct holder must be active and hold commissioning on both ends of the period.
        std::set<const Body*> checked;
        for (std::uint32_t c = 0; c < m.codes.size(); ++c) {
            if (!(m.census[c] & s.census) || s.answer[c] == none) continue;
            for (const auto& h : m.pool[s.answer[c]].holders) {
                if (!checked.insert(h.body).second) continue;
                for (const Date& d : {s.period.from, last})
                    if (!h.body->active_on(d) || !m.lin->holds(*h.body, commissioning, d))
                        problems.push_back(where + ": " + h.body->id + " does not hold commissioning on " +
                                           format_date(d));
            }
        }
        for (const auto& lad : m.lads) {
            bool any = false;
            for (auto c : m.lad_lsoas[m.lad_index.at(lad)])
                if ((m.census[c] & s.census) && m.lad_on(c, s.period.from) == m.lad_index.at(lad)) {
                    any = true;
                    break;
                }
            if (!any) continue;
            const auto sh = lad_shares(commissioning, lad, s.period.from);
            double sum = 0;
            for (const auto& x : sh.shares) sum += x.share;
            if (std::fabs(sum - 1.0) > 1e-9)
                problems.push_back(where + ": LSOA shares of " + lad + " sum to " + std::to_string(sum));
        }
    }
    return problems;
}

std::string LsoaAnswer::explain() const {
    if (basis == LsoaBasis::district || basis == LsoaBasis::district_ccg || basis == LsoaBasis::ccg ||
        (!table && !notes.empty())) {
        std::string s = "derived (no LSOA table before the CCGs): ";
        for (std::size_t i = 0; i < notes.size(); ++i) s += (i ? "; " : "") + notes[i];
        return s;
    }
    if (!table) return "from the local authority's holders (no LSOA table for this date)";
    std::string t = table->id + " (vintage " + table->vintage + ")";
    std::string s;
    switch (basis) {
    case LsoaBasis::sourced: s = "sourced: " + t; break;
    case LsoaBasis::correspondence: s = "sourced: " + t + ", through the ONS LSOA 2011-2021 correspondence"; break;
    case LsoaBasis::derived:
        s = "derived from " + t + " and the dataset's events (no ONS lookup for this date)";
        if (correspondence) s += ", through the ONS LSOA 2011-2021 correspondence";
        break;
    case LsoaBasis::local_authority:
        s = "from the holders of local authority " + lad + " (the LSOA tables answer for commissioning only)";
        break;
    case LsoaBasis::district:
    case LsoaBasis::district_ccg:
    case LsoaBasis::ccg: break;
    }
    return s;
}

std::string LadShares::explain() const {
    std::string s = "shares of the ONS mid-" + std::to_string(year) + " population of the LSOAs in " + lad;
    if (basis == LsoaBasis::district || basis == LsoaBasis::district_ccg || basis == LsoaBasis::ccg) {
        s += ", holders derived before the CCGs from each LSOA's district of the day and first CCG";
    } else if (table) {
        s += basis == LsoaBasis::derived ? ", holders derived from " : ", holders from ";
        s += table->id;
    }
    if (basis == LsoaBasis::local_authority) s += ", holders from the local authority's";
    return s;
}

// ---------------------------------------------------------------------------------------------
// Postcodes

namespace {

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
