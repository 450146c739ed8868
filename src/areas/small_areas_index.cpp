// SPDX-License-Identifier: MIT
// The LSOA index: codes, holders pooled, and the periods the tables do not cover worked out from the
// nearest table and the dataset's events (derived), or before the CCGs from each LSOA's district.
#include "areas/small_areas_index.hpp"
#include "check/messages.hpp"

#include <algorithm>
#include <set>

namespace orglineage {

LsoaHolder SmallAreas::Impl::resolve_code(const std::string& code, const Date& on, const SourcePos& pos,
                        std::map<std::string, LsoaHolder>& cache) const {
    auto it = cache.find(code);
    if (it != cache.end()) return it->second;
    const auto found = lin->resolve(code, on);
    if (found.empty()) throw DataError(pos, detail::msg::code_names_no_body(code, on));
    if (found.size() > 1) throw DataError(pos, detail::msg::code_names_bodies(code, found.size(), on));
    const Body* b = found.front();
    LsoaHolder h;
    if (lin->holds(*b, table_function, on)) {
        h.body = b;
    } else {
        for (const Body* g : lin->groups(*b, on))
            if (lin->holds(*g, table_function, on)) {
                h.body = g;
                h.location = b;
                break;
            }
    }
    if (!h.body)
        throw DataError(pos, detail::msg::code_not_holding(code, b->id, table_function, on));
    cache.emplace(code, h);
    return h;
}

std::vector<LsoaHolder> SmallAreas::Impl::carry(const LsoaHolder& h, const Date& base, const Date& on,
                              std::uint32_t lad) const {
    if (h.body->active_on(on) && lin->holds(*h.body, table_function, on)) {
        LsoaHolder out = h;
        if (out.location && !out.location->active_on(on)) out.location = nullptr;
        return {out};
    }
    std::vector<Portion> cand =
        on > base ? lin->successors(*h.body, on, table_function)
                  : lin->predecessors(*h.body, base, table_function, on);
    std::vector<const Body*> bodies;
    for (const auto& p : cand)
        if (p.body) bodies.push_back(p.body);
    if (bodies.size() > 1 && lad != none) {
        std::vector<const Body*> narrowed;
        try {
            for (const auto& lh : lin->holders(table_function, lads[lad], on))
                if (std::find(bodies.begin(), bodies.end(), lh.body) != bodies.end())
                    narrowed.push_back(lh.body);
        } catch (const LookupError&) {
        }
        if (!narrowed.empty()) bodies = narrowed;
    }
    return detail::unknown_shares(bodies);
}

void SmallAreas::Impl::derive(const Segment& base, Period window) {
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

void SmallAreas::Impl::fill_other_census(Segment& s) {
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

std::vector<const Body*> SmallAreas::Impl::first_ccgs(std::uint32_t c) const {
    std::vector<const Body*> out;
    const Segment* s = segment_on(ccg_era);
    if (!s || s->answer[c] == none) return out;
    for (const auto& h : pool[s->answer[c]].holders) out.push_back(h.body);
    return out;
}

detail::EraAnswer SmallAreas::Impl::before_ccgs(std::string_view asked, std::uint32_t c, const Date& on) const {
    const std::uint32_t lad = lad_on(c, on);
    if (lad == none) return {};
    return detail::answer_before_ccgs(*lin, *history, asked, table_function, lads[lad], first_ccgs(c), ccg_era, on);
}

void SmallAreas::Impl::derive_before_ccgs() {
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

const SmallAreas::Impl::Lazy& SmallAreas::Impl::filled(const Segment& s) const {
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
                auto a = before_ccgs(table_function, c, s.period.from);
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

} // namespace orglineage
