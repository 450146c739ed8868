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

const Body* holding_group(const Lineage& lin, const Body& body, const Date& on, std::string_view function) {
    if (lin.holds(body, function, on)) return nullptr;
    const Body* found = nullptr;
    for (const Body* g : lin.groups(body, on)) {
        if (!lin.holds(*g, function, on)) continue;
        if (found) return nullptr; // two groups: which one answers is not said
        found = g;
    }
    return found;
}

namespace {

/// The areas a body covered on a date, with their shares, in a comparable order.
std::vector<std::pair<std::string, double>> covered(const Body& b, const Date& on) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& c : b.coverage)
        if (c.period.contains(on)) out.push_back({c.area, c.share.value_or(-1.0)});
    std::sort(out.begin(), out.end());
    return out;
}

/// The one target of a group's row whose area on `to` held all of what the part covered on `on`:
/// each of the part's areas covered by the target wholly, or in the same share (a sub-ICB
/// location and the CCG whose code and area it kept); nullptr when none or several.
const Body* containing_target(const Body& part, const Date& on, const CrosswalkRow& group_row, const Date& to) {
    const auto mine = covered(part, on);
    if (mine.empty()) return nullptr;
    const Body* found = nullptr;
    for (const auto& w : group_row.weights) {
        const auto theirs = covered(*w.target, to);
        const bool holds_all = std::all_of(mine.begin(), mine.end(), [&](const auto& a) {
            return std::any_of(theirs.begin(), theirs.end(), [&](const auto& t) {
                return t.first == a.first && a.second >= 0 &&
                       (std::fabs(t.second - 1.0) <= k_eps || std::fabs(t.second - a.second) <= k_eps);
            });
        });
        if (!holds_all) continue;
        if (found) return nullptr;
        found = w.target;
    }
    return found;
}

} // namespace

CrosswalkRow group_part_row(const Lineage& lin, const Body& part, const Body& group, const CrosswalkRow& group_row,
                            const Date& on, const Date& to) {
    CrosswalkRow row{&part, {}, 0.0, false};
    const bool whole = group_row.weights.size() == 1 && group_row.complete;
    const auto members = lin.members(group, on);
    const bool all_of_group = members.size() == 1 && members.front() == &part;
    if (!whole && !all_of_group)
        if (const Body* same = containing_target(part, on, group_row, to)) {
            row.weights.push_back({same, Share(1.0), ShareBasis::whole, WeightMethod::via_group});
            finish_row(row);
            return row;
        }
    for (const auto& w : group_row.weights) {
        if (whole) row.weights.push_back({w.target, Share(1.0), ShareBasis::whole, WeightMethod::via_group});
        else if (all_of_group) row.weights.push_back(w); // the group's own weights, and how they were had
        else row.weights.push_back({w.target, Share(), ShareBasis::unknown, WeightMethod::via_group});
    }
    finish_row(row);
    return row;
}

CrosswalkRow crosswalk_row(const Lineage& lin, const Body& body, const Date& on, const Date& to,
                           const CrosswalkOptions& options) {
    if (const Body* group = holding_group(lin, body, on, options.function))
        return group_part_row(lin, body, *group, crosswalk_row(lin, *group, on, to, options), on, to);
    CrosswalkRow row{&body, {}, 0.0, false};
    if (on <= to) {
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
