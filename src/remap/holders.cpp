// SPDX-License-Identifier: MIT
// Tables as published: sub-ICB locations, groups and areas to the bodies holding the function.
#include "remap/holders.hpp"

namespace orglineage::detail {

namespace {

Verdict area_holders(const RemapContext& ctx, const std::string& area, const Date& on, std::vector<Part>& out) {
    for (const Holder& h : ctx.lin.holders(ctx.opt.function, area, on)) out.push_back({h.body, h.share, h.basis, false});
    if (out.empty())
        return Verdict::fail(RejectReason::no_successor,
                             "nobody held '" + ctx.opt.function + "' for the area " + area + " on " + format_date(on));
    return {};
}

Verdict lsoa_holders(const RemapContext& ctx, const std::string& lsoa, const Date& on, std::vector<Part>& out) {
    const LsoaAnswer a = ctx.small_areas()->holders(ctx.opt.function, lsoa, on);
    for (const LsoaHolder& h : a.holders) out.push_back({h.body, h.share, h.share_basis, false});
    if (out.empty())
        return Verdict::fail(RejectReason::no_successor,
                             "nobody held '" + ctx.opt.function + "' for the LSOA " + lsoa + " on " + format_date(on));
    return {};
}

/// The members of `group` on `on` that held the function then.
std::vector<const Body*> holding_members(const RemapContext& ctx, const Body& group, const Date& on) {
    std::vector<const Body*> out;
    for (const Body* m : ctx.lin.members(group, on))
        if (ctx.lin.holds(*m, ctx.opt.function, on)) out.push_back(m);
    return out;
}

/// The one area a body covered on `on`, wholly ("" when none or several).
std::string single_area(const Body& body, const Date& on) {
    std::string area;
    for (const auto& c : body.coverage) {
        if (!c.period.contains(on)) continue;
        if (!area.empty() || !c.share || *c.share < 1.0) return {};
        area = c.area;
    }
    return area;
}

} // namespace

Verdict by_population(const RemapContext& ctx, const std::vector<const Body*>& members, const Date& on,
                      const Body& whole, std::vector<Part>& out) {
    if (members.size() == 1) {
        out.push_back({members.front(), 1.0, ShareBasis::whole, false});
        return {};
    }
    std::vector<double> sizes;
    double total = 0;
    for (const Body* m : members) {
        const auto pop = ctx.opt.populations ? ctx.population(*m, on) : std::nullopt;
        if (!pop)
            return Verdict::fail(RejectReason::unknown_share,
                                 whole.id + "'s figures belong to " + std::to_string(members.size()) +
                                     " bodies whose populations on " + format_date(on) + " are not known (" + m->id + ")");
        sizes.push_back(*pop);
        total += *pop;
    }
    for (std::size_t i = 0; i < members.size(); ++i)
        out.push_back({members[i], sizes[i] / total, ShareBasis::population, true});
    return {};
}

Verdict holders_of(const RemapContext& ctx, const Resolved& r, std::vector<Part>& out) {
    out.clear();
    const Lineage& lin = ctx.lin;
    const std::string& f = ctx.opt.function;
    if (!r.body) return r.lsoa ? lsoa_holders(ctx, r.area, r.on, out) : area_holders(ctx, r.area, r.on, out);
    const Body& b = *r.body;
    if (lin.holds(b, f, r.on)) {
        out.push_back({&b, 1.0, ShareBasis::whole, false});
        return {};
    }
    if (const Body* g = holding_group(lin, b, r.on, f)) {
        out.push_back({g, 1.0, ShareBasis::whole, false, &b});
        return {};
    }
    const auto members = holding_members(ctx, b, r.on);
    if (!members.empty()) return by_population(ctx, members, r.on, b, out);
    if (const std::string area = single_area(b, r.on); !area.empty()) return area_holders(ctx, area, r.on, out);
    return Verdict::fail(RejectReason::no_successor, b.id + " did not hold '" + f + "' on " + format_date(r.on) +
                                                         ", nor a group it belonged to, nor its members");
}

} // namespace orglineage::detail
