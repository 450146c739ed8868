// SPDX-License-Identifier: MIT
// orglineage — small areas: the questions asked of the LSOA index (small_areas_index.hpp).
#include "areas/small_areas_index.hpp"

#include <algorithm>
#include <cmath>

namespace orglineage {

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

SmallAreas::SmallAreas() : m_impl(std::make_unique<Impl>()) {}
SmallAreas::~SmallAreas() = default;
SmallAreas::SmallAreas(SmallAreas&&) noexcept = default;
SmallAreas& SmallAreas::operator=(SmallAreas&&) noexcept = default;

bool SmallAreas::is_lsoa(std::string_view code) const noexcept {
    const auto c = m_impl->find(code);
    return c != Impl::none && m_impl->census[c] != 0;
}

std::size_t SmallAreas::lsoa_count(int c) const noexcept {
    return c == 2011 ? m_impl->count2011 : c == 2021 ? m_impl->count2021 : 0;
}

std::string SmallAreas::lad_of(std::string_view lsoa, const Date& on) const {
    auto it = m_impl->index.find(std::string(lsoa));
    if (it == m_impl->index.end()) return {};
    const auto lad = m_impl->lad_on(it->second, on);
    return lad == Impl::none ? std::string{} : m_impl->lads[lad];
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
    if (m_impl->segments.empty()) return Period{m_impl->ccg_era, m_impl->ccg_era}; // no tables: an empty span
    return Period{m_impl->segments.front().period.from, m_impl->segments.back().period.until};
}

LsoaAnswer SmallAreas::holders(std::string_view function, std::string_view lsoa, const Date& on) const {
    const Impl& m = *m_impl;
    const std::uint32_t c = m.find(lsoa);
    if (c == Impl::none || m.census[c] == 0)
        throw LookupError("unknown LSOA '" + std::string(lsoa) + "' (an English LSOA of 2011 or 2021)");
    LsoaAnswer out;
    const auto lad = m.lad_on(c, on);
    if (lad != Impl::none) out.lad = m.lads[lad];
    const Impl::Segment* s = m.segment_on(on);
    if (s && s->lazy && function == m.table_function) {
        // Before the CCGs: each answer carries its own derivation.
        const auto& lz = m.filled(*s);
        if (const auto la = lz.answer[c]; la != Impl::none) {
            out.basis = *lz.pool[la].basis;
            out.notes = lz.pool[la].notes;
            out.lad = lz.pool[la].lad;
            out.holders = lz.pool[la].holders;
            return out;
        }
    }
    const std::uint32_t a = s && !s->lazy ? s->answer[c] : Impl::none;
    if (a != Impl::none) {
        out.table = s->table;
        out.correspondence = m.pool[a].correspondence;
        out.basis = s->basis == LsoaBasis::sourced && out.correspondence ? LsoaBasis::correspondence : s->basis;
        if (function == m.table_function) {
            out.holders = m.pool[a].holders;
            return out;
        }
    }
    if (!m.lin->dataset().functions.contains(function))
        throw LookupError("unknown function '" + std::string(function) + "'");
    if (on < m.ccg_era) {
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
    if (lad == Impl::none) return out;
    for (const auto& h : m.lin->holders(function, out.lad, on)) {
        LsoaHolder x;
        x.body = h.body;
        x.share = h.share;
        x.share_basis = h.basis;
        out.holders.push_back(x);
    }
    if (a != Impl::none && out.holders.size() > 1) {
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
    const std::uint8_t set = s ? s->census : Impl::in2011;
    const std::size_t slot = m.year_slot(on);
    out.year = m.pop_years[slot];
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

} // namespace orglineage
