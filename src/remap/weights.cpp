// SPDX-License-Identifier: MIT
// Weights of a row: crosswalk rows of its holders, combined, checked, and regrouped by kind.
#include "remap/weights.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace orglineage::detail {

namespace {

constexpr double k_sum_tolerance = 1e-6;

std::uint32_t index_of(const RemapContext& ctx, const Body* b) {
    return static_cast<std::uint32_t>(b - ctx.lin.dataset().bodies.data());
}

/// Why a crosswalk row cannot carry the figures; ok when it can.
Verdict check_row(const RemapContext& ctx, const CrosswalkRow& row, const Body& holder, const Date& on) {
    const std::string& f = ctx.opt.function;
    if (row.weights.empty())
        return Verdict::fail(RejectReason::no_successor,
                             holder.id + (ctx.lin.holds(holder, f, on)
                                              ? " held '" + f + "' on " + format_date(on) + " but nobody held it on " +
                                                    format_date(ctx.opt.to) + " (it ended)"
                                              : " did not hold '" + f + "' on " + format_date(on)));
    const bool unknown = std::any_of(row.weights.begin(), row.weights.end(), [](const Weight& w) { return !w.weight; });
    const bool estimated = std::any_of(row.weights.begin(), row.weights.end(),
                                       [](const Weight& w) { return w.method == WeightMethod::normalised; });
    if (unknown || (estimated && !ctx.opt.allow_estimates))
        return Verdict::fail(RejectReason::unknown_share,
                             holder.id + "'s figures went to " + std::to_string(row.weights.size()) +
                                 " bodies in proportions the data does not give" +
                                 (unknown ? "" : " (estimates not allowed)"));
    if (!row.complete)
        return Verdict::fail(RejectReason::incomplete, "the weights of " + holder.id + " sum to " +
                                                           std::to_string(row.sum) +
                                                           ", not 1 (part of what it held ended with no successor)");
    return {};
}

/// The body of `kind` on `to` that a target's figures belong to: itself, its group, or its
/// members by population.
Verdict regroup(const RemapContext& ctx, const Body& target, std::vector<Part>& out) {
    const std::string& kind = ctx.opt.to_kind;
    const Date& to = ctx.opt.to;
    out.clear();
    if (target.kind == kind) {
        out.push_back({&target, 1.0, ShareBasis::whole, false});
        return {};
    }
    for (const Body* g : ctx.lin.groups(target, to))
        if (g->kind == kind) {
            out.push_back({g, 1.0, ShareBasis::whole, false});
            return {};
        }
    std::vector<const Body*> members;
    for (const Body* m : ctx.lin.members(target, to))
        if (m->kind == kind) members.push_back(m);
    if (members.empty())
        return Verdict::fail(RejectReason::no_successor, "no body of kind '" + kind + "' on " + format_date(to) +
                                                             " contains or is part of " + target.id);
    return by_population(ctx, members, to, target, out);
}

void add_target(std::map<std::uint32_t, Target>& acc, const Target& t) {
    auto [it, fresh] = acc.try_emplace(t.body, t);
    if (fresh) return;
    it->second.weight += t.weight;
    it->second.basis = combine(it->second.basis, t.basis);
    it->second.sized = it->second.sized || t.sized;
    if (t.method == WeightMethod::normalised) it->second.method = t.method;
}

Verdict apply_kind(const RemapContext& ctx, Mapping& m) {
    std::map<std::uint32_t, Target> acc;
    std::vector<Part> groups;
    const auto& bodies = ctx.lin.dataset().bodies;
    for (const Target& t : m.targets) {
        if (Verdict v = regroup(ctx, bodies[t.body], groups); !v.ok) return v;
        for (const Part& g : groups)
            add_target(acc, {index_of(ctx, g.holder), t.weight * *g.share, combine(t.basis, g.basis), t.method,
                             t.sized || g.sized});
    }
    m.targets.clear();
    for (auto& kv : acc) m.targets.push_back(kv.second);
    return {};
}

/// A source body of `to_kind` still active on `to` keeps its figures (a sub-ICB location).
bool keeps_own(const RemapContext& ctx, const Resolved& r) {
    return r.body && !ctx.opt.to_kind.empty() && r.body->kind == ctx.opt.to_kind && r.body->period.contains(ctx.opt.to) &&
           ctx.lin.links_of(*r.body, true).empty();
}

} // namespace

WeightCache::WeightCache(const RemapContext& ctx)
    : m_ctx(ctx), m_forward(ctx.lin.dataset().bodies.size()), m_backward(ctx.lin.dataset().bodies.size()) {}

const CrosswalkRow& WeightCache::row(const Body& holder, const Date& on) {
    // Forwards a row depends on which links out of the body are after the date; backwards on
    // which links into it are on or before it: one row per span between those dates.
    const bool fwd = on <= m_ctx.opt.to;
    BodyRows& br = (fwd ? m_forward : m_backward)[index_of(m_ctx, &holder)];
    if (!br.dates_known) {
        br.dates_known = true;
        for (const auto& l : m_ctx.lin.links_of(holder, fwd)) br.dates.push_back(l.event->date);
        br.dates.erase(std::unique(br.dates.begin(), br.dates.end()), br.dates.end());
        br.rows.resize(br.dates.size() + 1);
    }
    const auto span = static_cast<std::size_t>(std::upper_bound(br.dates.begin(), br.dates.end(), on) - br.dates.begin());
    auto& slot = br.rows[span];
    if (!slot)
        slot = std::make_unique<CrosswalkRow>(crosswalk_row(
            m_ctx.lin, holder, on, m_ctx.opt.to, fwd ? m_ctx.forward_options() : m_ctx.backward_options()));
    return *slot;
}

Mapping map_parts(const RemapContext& ctx, WeightCache& cache, const Resolved& r, const std::vector<Part>& parts) {
    Mapping m;
    m.nearest = r.nearest;
    if (keeps_own(ctx, r)) {
        m.targets.push_back({index_of(ctx, r.body), 1.0, ShareBasis::whole, WeightMethod::single_source, false});
        return m;
    }
    std::map<std::uint32_t, Target> acc;
    for (const Part& p : parts) {
        if (!p.share) {
            m.verdict = Verdict::fail(RejectReason::unknown_share, "the part of the row's area held by " + p.holder->id +
                                                                       " is not known");
            return m;
        }
        const CrosswalkRow* row = &cache.row(*p.holder, r.on);
        // A part of a group goes where the group went, by the crosswalk's own rule.
        CrosswalkRow part_row;
        if (p.part) {
            part_row = group_part_row(ctx.lin, *p.part, *p.holder, *row, r.on, ctx.opt.to);
            row = &part_row;
        }
        if (Verdict v = check_row(ctx, *row, p.part ? *p.part : *p.holder, r.on); !v.ok) {
            m.verdict = std::move(v);
            return m;
        }
        for (const Weight& w : row->weights) {
            const bool sized = p.sized || w.method == WeightMethod::sized;
            add_target(acc, {index_of(ctx, w.target), *p.share * *w.weight / row->sum, combine(p.basis, w.basis),
                             w.method, sized});
        }
    }
    for (auto& kv : acc) m.targets.push_back(kv.second);
    if (!ctx.opt.to_kind.empty())
        if (Verdict v = apply_kind(ctx, m); !v.ok) {
            m.verdict = std::move(v);
            return m;
        }
    double sum = 0;
    for (const Target& t : m.targets) sum += t.weight;
    if (std::fabs(sum - 1.0) > k_sum_tolerance) {
        m.verdict = Verdict::fail(RejectReason::incomplete, "the parts of the row's holders sum to " + std::to_string(sum) + ", not 1");
        return m;
    }
    for (Target& t : m.targets) {
        t.weight /= sum; // within 1e-6 of 1: divided out so that totals are conserved
        m.estimated = m.estimated || t.method == WeightMethod::normalised;
        m.sized = m.sized || t.sized;
    }
    return m;
}

} // namespace orglineage::detail
