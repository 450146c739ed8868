// SPDX-License-Identifier: MIT
// Crosswalks between the bodies of two dates, forwards (composed succession) and backwards.
#include "remap/crosswalk_steps.hpp"

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
    case WeightMethod::via_group: return "via-group";
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
        cw.m_rows.push_back(crosswalk_row(lin, *b, from, to, options));
    }
    return cw;
}

namespace {

/// The one group a body belongs to on a date that holds the function then, when the body does
/// not hold it itself (a sub-ICB location and its ICB); nullptr otherwise.
const Body* holding_group(const Lineage& lin, const Body& body, const Date& on, const std::string& function) {
    if (lin.holds(body, function, on)) return nullptr;
    const Body* found = nullptr;
    for (const Body* g : lin.groups(body, on)) {
        if (!lin.holds(*g, function, on)) continue;
        if (found) return nullptr; // two groups: which one answers is not said
        found = g;
    }
    return found;
}

/// A part of the group goes where the group went: all of it when the group went whole to one
/// body, else in proportions the data does not give for the part.
void part_of_group(CrosswalkRow& row, const CrosswalkRow& group_row) {
    const bool whole = group_row.weights.size() == 1 && group_row.complete;
    for (const auto& w : group_row.weights)
        row.weights.push_back({w.target, whole ? Share(1.0) : Share(), whole ? ShareBasis::whole : ShareBasis::unknown,
                               WeightMethod::via_group});
}

} // namespace

CrosswalkRow crosswalk_row(const Lineage& lin, const Body& body, const Date& on, const Date& to,
                           const CrosswalkOptions& options) {
    CrosswalkRow row{&body, {}, 0.0, false};
    if (const Body* group = holding_group(lin, body, on, options.function)) {
        part_of_group(row, crosswalk_row(lin, *group, on, to, options));
    } else if (on <= to) {
        for (const auto& p : lin.successors(body, to, options.function, on))
            row.weights.push_back({p.body, p.share, p.basis, WeightMethod::forward_share});
    } else {
        std::vector<Contribution> cs;
        for (const auto& p : lin.predecessors(body, on, options.function, to)) cs.push_back({p.body, p.share, p.basis});
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
