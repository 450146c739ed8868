// SPDX-License-Identifier: MIT
// Small areas before the CCGs. No ONS lookup puts LSOAs in PCTs, so an LSOA's PCT is derived from two
// things that are sourced: the district it lay in (through the area history, in the districts of the
// day) and the PCT coverage of that district; where a district was split between PCTs, the CCG that
// commissioned the LSOA on the first CCG day, whose predecessors are the PCTs it came from (most CCGs
// came from one PCT).
#include "areas/pct_era.hpp"

#include <algorithm>
#include <map>

namespace orglineage::detail {

namespace {

constexpr double k_whole = 1 - 1e-9;

std::string names(const std::vector<const Body*>& bodies) {
    std::string out;
    for (const Body* b : bodies) out += (out.empty() ? "" : ", ") + b->id;
    return out;
}

/// The bodies active on `on` whose `function` flowed into the CCGs on `ccg_start`.
std::vector<const Body*> ccg_origins(const Lineage& lin, std::string_view function, const std::vector<const Body*>& ccgs,
                                     const Date& ccg_start, const Date& on) {
    std::vector<const Body*> out;
    auto add = [&](const Body* b) {
        if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
    };
    for (const Body* ccg : ccgs)
        for (const auto& pct : lin.predecessors(*ccg, ccg_start, function)) {
            if (pct.body->active_on(on)) {
                add(pct.body);
                continue;
            }
            const auto last = pct.body->period.last_day();
            if (!last || *last < on) continue;
            for (const auto& p : lin.predecessors(*pct.body, *last, function, on))
                if (p.body->active_on(on)) add(p.body);
        }
    return out;
}

/// The holders of the district's territory on the date: shares of the district where it is one.
std::vector<LsoaHolder> district_holders(const PlaceAnswer& place) {
    std::vector<LsoaHolder> out;
    for (const auto& h : place.holders) {
        LsoaHolder x;
        x.body = h.body;
        x.share = h.share;
        x.share_basis = h.basis;
        out.push_back(x);
    }
    return out;
}

} // namespace

std::vector<LsoaHolder> unknown_shares(const std::vector<const Body*>& bodies) {
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


EraAnswer answer_before_ccgs(const Lineage& lin, const AreaHistory& history, std::string_view function,
                             std::string_view table_function, const std::string& lad, const std::vector<const Body*>& ccgs, const Date& ccg_start,
                             const Date& on) {
    EraAnswer out;
    const PlaceAnswer place = history.holders(function, lad, on);
    const auto& parts = place.territory.parts;
    if (parts.size() == 1) out.lad = parts.front().area->code;
    std::string district = out.lad.empty() ? "one of " + std::to_string(parts.size()) + " districts" : out.lad;
    if (!place.territory.in_force) out.notes.push_back("its district " + lad + ": " + place.territory.explain());
    std::vector<const Body*> held;
    for (const auto& h : place.holders) held.push_back(h.body);
    std::vector<const Body*> origins;
    for (const Body* b : ccg_origins(lin, table_function, ccgs, ccg_start, on))
        if (lin.holds(*b, function, on)) origins.push_back(b);
    const std::string ccg_text = ccgs.empty() ? "" : "its CCG of " + format_date(ccg_start) + " (" + names(ccgs) + ")";

    if (held.size() == 1 && place.holders.front().share.value_or(0) > k_whole) {
        out.holders = district_holders(place);
        out.basis = LsoaBasis::district;
        out.notes.push_back("its district (" + district + ") lay wholly in " + held.front()->id);
        return out;
    }
    std::vector<const Body*> both;
    for (const Body* b : held)
        if (std::find(origins.begin(), origins.end(), b) != origins.end()) both.push_back(b);
    if (!held.empty() && !both.empty() && both.size() < held.size()) {
        out.holders = unknown_shares(both);
        out.basis = LsoaBasis::district_ccg;
        out.notes.push_back("its district (" + district + ") was divided between " +
                            names(held) + "; " + ccg_text + " came from " + names(origins) + ", which leaves " +
                            names(both));
        return out;
    }
    if (!held.empty()) {
        out.holders = district_holders(place);
        out.basis = LsoaBasis::local_authority;
        out.notes.push_back("its district (" + district + ") was divided between " +
                            names(held) + (ccg_text.empty() ? "" : " and " + ccg_text + " does not narrow them") +
                            ": the shares are of the district, not of the LSOA");
        return out;
    }
    if (!origins.empty()) {
        out.holders = unknown_shares(origins);
        out.basis = LsoaBasis::ccg;
        out.notes.push_back("no holder of its district (" + district + ") is in the data for that date; " + ccg_text +
                            " came from " + names(origins));
    }
    return out;
}

} // namespace orglineage::detail
