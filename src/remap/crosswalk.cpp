// SPDX-License-Identifier: MIT
// Crosswalks between the bodies of two dates, forwards (composed succession) and backwards.
#include <orglineage/crosswalk.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace orglineage {

namespace {

constexpr double k_eps = 1e-9;
constexpr double k_sum_tolerance = 1e-6;

struct Contribution {
    const Body* source;
    Share share;
    ShareBasis basis;
};

/// Backwards: the weights of a row from the forward shares of its contributors (see Crosswalk).
void apportion(CrosswalkRow& row, const std::vector<Contribution>& cs, const CrosswalkOptions& options) {
    row.weights.clear();
    if (cs.size() == 1) {
        row.weights.push_back({cs.front().source, 1.0, ShareBasis::whole, WeightMethod::single_source});
        return;
    }
    if (cs.empty()) return;
    const bool shares_known =
        std::all_of(cs.begin(), cs.end(), [](const Contribution& c) { return c.share.has_value(); });
    const bool sized = std::all_of(cs.begin(), cs.end(), [&](const Contribution& c) {
        auto it = options.sizes.find(c.source->id);
        return it != options.sizes.end() && it->second > 0;
    });
    double total = 0.0;
    for (const auto& c : cs)
        if (c.share) total += *c.share * (sized ? options.sizes.at(c.source->id) : 1.0);
    for (const auto& c : cs) {
        Weight w{c.source, std::nullopt, ShareBasis::unknown, sized ? WeightMethod::sized : WeightMethod::normalised};
        if (shares_known && total > 0) {
            w.weight = *c.share * (sized ? options.sizes.at(c.source->id) : 1.0) / total;
            if (sized) w.basis = combine(c.basis, options.sizes_basis);
        }
        row.weights.push_back(w);
    }
}

} // namespace

std::string_view to_string(WeightMethod m) noexcept {
    switch (m) {
    case WeightMethod::forward_share: return "forward-share";
    case WeightMethod::single_source: return "single-source";
    case WeightMethod::sized: return "sized";
    case WeightMethod::normalised: return "normalised";
    }
    return "unknown";
}

std::vector<Portion> successors_since(const Lineage& lin, const Body& body, const Date& since, const Date& to,
                                      std::string_view function) {
    return lin.successors(body, to, function, since);
}

void finish_row(CrosswalkRow& row) {
    std::sort(row.weights.begin(), row.weights.end(), [](const Weight& a, const Weight& b) {
        if (a.weight.value_or(-1) != b.weight.value_or(-1)) return a.weight.value_or(-1) > b.weight.value_or(-1);
        return a.target->id < b.target->id;
    });
    row.sum = 0.0;
    bool known = !row.weights.empty();
    for (const auto& w : row.weights) {
        if (w.weight) row.sum += *w.weight;
        else known = false;
    }
    row.complete = known && std::fabs(row.sum - 1.0) <= k_sum_tolerance;
}

Crosswalk Crosswalk::build(const Lineage& lin, const Date& from, const Date& to, const CrosswalkOptions& options) {
    Crosswalk cw;
    cw.m_from = from;
    cw.m_to = to;
    cw.m_options = options;
    const auto& ds = lin.dataset();
    if (!ds.functions.contains(options.function)) {
        std::string known;
        for (const auto& fi : ds.functions.all()) known += (known.empty() ? "" : ", ") + fi.id;
        throw LookupError("unknown function '" + options.function + "' (known: " + known + ")");
    }
    for (const Body* b : lin.snapshot(from, options.kind)) {
        if (options.kind.empty() && !lin.holds(*b, options.function, from)) continue;
        cw.m_index.emplace(b, cw.m_rows.size());
        cw.m_rows.push_back(CrosswalkRow{b, {}, 0.0, false});
    }
    if (from <= to) {
        for (auto& row : cw.m_rows)
            for (const auto& p : successors_since(lin, *row.body, from, to, options.function))
                row.weights.push_back({p.body, p.share, p.basis, WeightMethod::forward_share});
    } else {
        // Transpose the forward crosswalk of every body of the earlier date.
        std::vector<std::vector<Contribution>> contributions(cw.m_rows.size());
        for (const Body* p : lin.snapshot(to)) {
            if (!lin.holds(*p, options.function, to)) continue;
            for (const auto& s : successors_since(lin, *p, to, from, options.function))
                if (auto it = cw.m_index.find(s.body); it != cw.m_index.end())
                    contributions[it->second].push_back({p, s.share, s.basis});
        }
        for (std::size_t r = 0; r < cw.m_rows.size(); ++r) apportion(cw.m_rows[r], contributions[r], options);
    }
    for (auto& row : cw.m_rows) finish_row(row);
    return cw;
}

CrosswalkRow crosswalk_row(const Lineage& lin, const Body& body, const Date& on, const Date& to,
                           const CrosswalkOptions& options) {
    CrosswalkRow row{&body, {}, 0.0, false};
    if (on <= to) {
        for (const auto& p : successors_since(lin, body, on, to, options.function))
            row.weights.push_back({p.body, p.share, p.basis, WeightMethod::forward_share});
    } else {
        // Candidates: the bodies active on `to` from which links lead into `body` by `on`; the
        // forward walk from each then says which part of it arrived (zero for another function).
        std::vector<const Body*> candidates;
        std::set<const Body*> seen{&body};
        std::vector<const Body*> stack{&body};
        while (!stack.empty()) {
            const Body* b = stack.back();
            stack.pop_back();
            if (b->period.contains(to)) candidates.push_back(b);
            for (const auto& l : lin.links_of(*b, false)) {
                const Date d = l.event->date;
                if (d > on || d <= to) continue; // a wider net than needed: the forward walk decides
                if (seen.insert(l.from).second) stack.push_back(l.from);
            }
        }
        std::sort(candidates.begin(), candidates.end(), [](const Body* a, const Body* b) { return a->id < b->id; });
        std::vector<Contribution> cs;
        for (const Body* p : candidates) {
            if (!lin.holds(*p, options.function, to)) continue;
            for (const auto& s : successors_since(lin, *p, to, on, options.function))
                if (s.body == &body) cs.push_back({p, s.share, s.basis});
        }
        apportion(row, cs, options);
    }
    finish_row(row);
    return row;
}

const CrosswalkRow* Crosswalk::row(const Body& body) const noexcept {
    auto it = m_index.find(&body);
    return it == m_index.end() ? nullptr : &m_rows[it->second];
}

std::vector<const Body*> Crosswalk::targets() const {
    std::set<const Body*> seen;
    for (const auto& r : m_rows)
        for (const auto& w : r.weights) seen.insert(w.target);
    std::vector<const Body*> out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end(), [](const Body* a, const Body* b) { return a->id < b->id; });
    return out;
}

Share Crosswalk::weight(const Body& row_body, const Body& target) const {
    const CrosswalkRow* r = row(row_body);
    if (!r) return std::nullopt;
    for (const auto& w : r->weights)
        if (w.target == &target) return w.weight;
    return 0.0;
}

} // namespace orglineage
