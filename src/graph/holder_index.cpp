// SPDX-License-Identifier: MIT
// The holders index (holder_index.hpp) and the holders rule over it: the most specific function
// wins, then the nearest area that answers at that depth; an area not covered itself is answered
// from the areas inside it, with shares unknown.
#include "graph/holder_index.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <limits>

namespace orglineage::detail {

namespace {

constexpr double k_eps = 1e-9;
constexpr std::uint32_t k_open = std::numeric_limits<std::uint32_t>::max(); ///< the end of an open period

std::uint32_t day(const Date& d) noexcept { return static_cast<std::uint32_t>(d.day_number()); }
std::uint32_t end_day(const std::optional<Date>& until) noexcept { return until ? day(*until) : k_open; }
Date from_day(std::uint32_t d) { return Date(Date::date_rep_type(d)); }

bool same(const std::vector<Holder>& a, const std::vector<Holder>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Holder& x, const Holder& y) {
        return x.body == y.body && x.share == y.share && x.basis == y.basis && x.function == y.function &&
               x.via_area == y.via_area && x.delegated_by == y.delegated_by;
    });
}

} // namespace

HolderIndex::HolderIndex(const Dataset& ds, const TextIndex& area_ix)
    : m_ds(ds), m_functions(ds.functions.all().size()) {
    const FunctionTable fns(ds.functions);
    for (const auto& fi : ds.functions.all()) m_function_id.push_back(fi.id);
    for (const auto& a : ds.areas) m_area_code.push_back(a.code);
    m_includes.assign(m_functions * m_functions, 0);
    for (std::uint32_t h = 0; h < m_functions; ++h)
        for (std::uint32_t f = 0; f < m_functions; ++f) m_includes[h * m_functions + f] = fns.includes(h, f);
    build_holdings(ds, fns);
    build_segments(ds, area_ix);
    const std::size_t slots = ds.areas.size() * m_functions * 2;
    m_tables.resize(slots);
    m_built = std::make_unique<std::once_flag[]>(slots);
}

void HolderIndex::build_holdings(const Dataset& ds, const FunctionTable& fns) {
    m_held_offset.reserve(ds.bodies.size() + 1);
    for (const Body& b : ds.bodies) {
        m_held_offset.push_back(static_cast<std::uint32_t>(m_held.size()));
        for (const Holding& h : b.holdings) {
            const auto f = fns.index(h.function);
            if (!f) continue; // an unknown function includes nothing
            m_held.push_back({day(h.period.from), end_day(h.period.until), *f, fns.depth(*f), &h, !h.delegated_by.empty()});
        }
    }
    m_held_offset.push_back(static_cast<std::uint32_t>(m_held.size()));
}

void HolderIndex::build_segments(const Dataset& ds, const TextIndex& area_ix) {
    const std::size_t n = ds.areas.size();
    m_parent.assign(n, -1);
    m_children.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        if (const auto* p = area_ix.find(ds.areas[i].parent)) {
            m_parent[i] = *p;
            m_children[*p].push_back(static_cast<std::uint32_t>(i));
        }
    // Each coverage entry is in force while both it and its body are: one run of days.
    struct Entry {
        std::uint32_t from, until;
        Cover cover;
    };
    std::vector<std::vector<Entry>> entries(n);
    for (std::size_t v = 0; v < ds.bodies.size(); ++v) {
        const Body& b = ds.bodies[v];
        for (const Coverage& c : b.coverage) {
            const std::uint32_t from = std::max(day(c.period.from), day(b.period.from));
            const std::uint32_t until = std::min(end_day(c.period.until), end_day(b.period.until));
            const auto* a = area_ix.find(c.area); // a checked dataset names only known areas
            if (a && from < until) entries[*a].push_back({from, until, {static_cast<std::uint32_t>(v), *a, c.share, c.basis}});
        }
    }
    std::vector<std::uint32_t> days;
    for (std::size_t a = 0; a < n; ++a) {
        m_area_segment.push_back(static_cast<std::uint32_t>(m_segment_day.size()));
        days.clear();
        for (const Entry& e : entries[a]) {
            days.push_back(e.from);
            if (e.until != k_open) days.push_back(e.until);
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        // Between two consecutive days every entry is either in force throughout or not at all;
        // the entries keep the order of the bodies, as the answers' ties are broken by it.
        for (const std::uint32_t d : days) {
            m_segment_day.push_back(d);
            m_segment_cover.push_back(static_cast<std::uint32_t>(m_covers.size()));
            for (const Entry& e : entries[a])
                if (e.from <= d && d < e.until) m_covers.push_back(e.cover);
        }
    }
    m_area_segment.push_back(static_cast<std::uint32_t>(m_segment_day.size()));
    m_segment_cover.push_back(static_cast<std::uint32_t>(m_covers.size()));
}

std::pair<std::uint32_t, std::uint32_t> HolderIndex::covers_on(std::uint32_t area, std::uint32_t on) const noexcept {
    const auto* first = m_segment_day.data() + m_area_segment[area];
    const auto* last = m_segment_day.data() + m_area_segment[area + 1];
    const auto* it = std::upper_bound(first, last, on);
    if (it == first) return {0, 0};
    const auto s = static_cast<std::size_t>(it - 1 - m_segment_day.data());
    return {m_segment_cover[s], m_segment_cover[s + 1]};
}

const Holding* HolderIndex::best_holding(std::uint32_t v, std::uint32_t f, const Date& on,
                                         HolderMode mode) const noexcept {
    const Held* h = best_held(v, f, day(on), mode);
    return h ? h->holding : nullptr;
}

const HolderIndex::Held* HolderIndex::best_held(std::uint32_t v, std::uint32_t f, std::uint32_t on,
                                                HolderMode mode) const noexcept {
    const Held* best = nullptr;
    int best_depth = 0;
    for (auto i = m_held_offset[v]; i < m_held_offset[v + 1]; ++i) {
        const Held& h = m_held[i];
        if (on < h.from || on >= h.until || !m_includes[h.function * m_functions + f]) continue;
        if (mode == HolderMode::legal && h.delegated) continue;
        if (h.depth > best_depth) {
            best = &h;
            best_depth = h.depth;
        }
    }
    return best;
}

std::vector<Holder> HolderIndex::holders(std::uint32_t area, std::uint32_t f, const Date& on, HolderMode mode) const {
    const std::size_t slot = (static_cast<std::size_t>(area) * m_functions + f) * 2 + (mode == HolderMode::legal);
    std::call_once(m_built[slot], [&] { m_tables[slot] = build_table(area, f, mode); });
    const Table& t = m_tables[slot];
    const auto i = std::upper_bound(t.days.begin(), t.days.end(), day(on)) - t.days.begin();
    return t.answers[static_cast<std::size_t>(i)];
}

std::vector<Holder> HolderIndex::holders_direct(std::uint32_t area, std::uint32_t f, const Date& on,
                                                HolderMode mode) const {
    return holders_at(area, f, on, mode, 3);
}

void HolderIndex::change_days(std::uint32_t area, int depth_left, std::vector<std::uint32_t>& out) const {
    // The area and its parents: where their coverage changes, and where the covering bodies'
    // holdings do.
    std::uint32_t level = 0;
    for (std::int64_t a = area; a >= 0 && level <= m_ds.areas.size() + 1; a = m_parent[static_cast<std::size_t>(a)], ++level) {
        const auto first = m_area_segment[static_cast<std::size_t>(a)], last = m_area_segment[static_cast<std::size_t>(a) + 1];
        out.insert(out.end(), m_segment_day.begin() + first, m_segment_day.begin() + last);
        if (first == last) continue;
        for (auto i = m_segment_cover[first]; i < m_segment_cover[last]; ++i)
            for (auto h = m_held_offset[m_covers[i].body]; h < m_held_offset[m_covers[i].body + 1]; ++h) {
                out.push_back(m_held[h].from);
                if (m_held[h].until != k_open) out.push_back(m_held[h].until);
            }
    }
    // The areas inside it, which answer for it when nothing covers it (see from_children).
    if (depth_left <= 0) return;
    for (const std::uint32_t ch : m_children[area]) {
        const Period& p = m_ds.areas[ch].period;
        out.push_back(day(p.from));
        if (p.until) out.push_back(day(*p.until));
        change_days(ch, depth_left - 1, out);
    }
}

HolderIndex::Table HolderIndex::build_table(std::uint32_t area, std::uint32_t f, HolderMode mode) const {
    Table t;
    change_days(area, 3, t.days);
    std::sort(t.days.begin(), t.days.end());
    t.days.erase(std::unique(t.days.begin(), t.days.end()), t.days.end());
    // Between two change days the answer is that of the first; before them all, that of the day
    // before the first. Runs with the same answer are merged.
    auto answer = [&](std::uint32_t d) { return holders_at(area, f, from_day(d), mode, 3); };
    std::vector<std::uint32_t> days;
    t.answers.push_back(t.days.empty() ? answer(day(Date(2000, 1, 1))) : answer(t.days.front() - 1));
    for (const std::uint32_t d : t.days) {
        auto a = answer(d);
        if (same(a, t.answers.back())) continue;
        days.push_back(d);
        t.answers.push_back(std::move(a));
    }
    t.days = std::move(days);
    return t;
}

std::vector<Holder> HolderIndex::holders_at(std::uint32_t area, std::uint32_t f, const Date& on, HolderMode mode,
                                            int depth_left) const {
    // Every covering body holding a function that includes f, on the area and its parents.
    boost::container::small_vector<Candidate, 16> cands;
    const std::uint32_t d = day(on);
    std::uint32_t level = 0;
    for (std::int64_t a = area; a >= 0 && level <= m_ds.areas.size() + 1; a = m_parent[static_cast<std::size_t>(a)], ++level) {
        const auto [begin, end] = covers_on(static_cast<std::uint32_t>(a), d);
        for (auto i = begin; i < end; ++i) {
            const Cover& c = m_covers[i];
            if (const Held* h = best_held(c.body, f, d, mode)) cands.push_back({&c, h, level});
        }
    }
    if (cands.empty()) return from_children(area, f, on, mode, depth_left);
    // The most specific function wins; then the nearest area that answers at that depth.
    int best_depth = 0;
    for (const auto& c : cands) best_depth = std::max(best_depth, c.held->depth);
    std::uint32_t best_level = std::numeric_limits<std::uint32_t>::max();
    for (const auto& c : cands)
        if (c.held->depth == best_depth) best_level = std::min(best_level, c.level);
    auto wins = [&](const Candidate& c) { return c.held->depth == best_depth && c.level == best_level; };
    std::vector<Holder> out;
    out.reserve(static_cast<std::size_t>(std::count_if(cands.begin(), cands.end(), wins)));
    for (const auto& c : cands) {
        if (!wins(c)) continue;
        Share share = c.cover->share;
        ShareBasis basis = c.cover->basis;
        if (c.level > 0 && (!share || *share < 1.0 - k_eps)) {
            // Part of a larger area: which part of this one is not known.
            share = std::nullopt;
            basis = ShareBasis::unknown;
        }
        out.push_back(Holder{&m_ds.bodies[c.cover->body], share, basis, m_function_id[c.held->function],
                             m_area_code[c.cover->area], c.held->delegated ? c.held->holding->delegated_by : std::string()});
    }
    std::sort(out.begin(), out.end(), [](const Holder& a, const Holder& b) {
        if (a.share.value_or(-1) != b.share.value_or(-1)) return a.share.value_or(-1) > b.share.value_or(-1);
        return a.body->id < b.body->id;
    });
    return out;
}

std::vector<Holder> HolderIndex::from_children(std::uint32_t area, std::uint32_t f, const Date& on, HolderMode mode,
                                               int depth_left) const {
    // Not covered itself: answer from the areas inside it, shares unknown; each body once, with
    // the first area that named it.
    std::vector<Holder> out;
    if (depth_left <= 0 || m_children[area].empty()) return out;
    for (const std::uint32_t ch : m_children[area]) {
        if (!m_ds.areas[ch].period.contains(on)) continue;
        for (auto& h : holders_at(ch, f, on, mode, depth_left - 1)) {
            if (std::any_of(out.begin(), out.end(), [&](const Holder& o) { return o.body == h.body; })) continue;
            h.share = std::nullopt;
            h.basis = ShareBasis::unknown;
            h.via_area = m_ds.areas[ch].code;
            out.push_back(std::move(h));
        }
    }
    std::sort(out.begin(), out.end(), [](const Holder& a, const Holder& b) { return a.body < b.body; });
    if (out.size() == 1) {
        out.front().share = 1.0;
        out.front().basis = ShareBasis::whole;
    }
    return out;
}

} // namespace orglineage::detail
