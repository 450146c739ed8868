// SPDX-License-Identifier: MIT
// Checking completeness claims: on every date a claim covers, the holders of its function
// partition every area of its kinds. Runs on a built Lineage, since holders() is the question.
#include "check/claims.hpp"
#include "check/messages.hpp"
#include "check/problems.hpp"
#include "core/rules.hpp"

#include <orglineage/error.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace orglineage::detail {

namespace {

/// Every date in a claim's period on which coverage, holdings or areas may change.
std::vector<Date> change_dates(const Dataset& ds, const Claim& c) {
    std::set<Date> dates{c.period.from};
    auto add = [&](const Period& p) {
        if (c.period.contains(p.from)) dates.insert(p.from);
        if (p.until && c.period.contains(*p.until)) dates.insert(*p.until);
    };
    for (const auto& b : ds.bodies) {
        add(b.period);
        for (const auto& cv : b.coverage) add(cv.period);
        for (const auto& h : b.holdings) add(h.period);
    }
    for (const auto& a : ds.areas) add(a.period);
    return {dates.begin(), dates.end()};
}

/// The note of the coverage entry that answered for a holder on a date, if it has one.
const std::string* coverage_note(const Holder& h, const Date& d) {
    for (const auto& cv : h.body->coverage)
        if (cv.area == h.via_area && cv.period.contains(d) && !cv.note.empty()) return &cv.note;
    return nullptr;
}

/// An unknown total is accepted only when every holder of unknown share answered through coverage whose
/// own share is recorded as unknown and whose note says why: the data then states what is not known.
bool unknown_shares_explained(const std::vector<Holder>& hs, const Date& d) {
    if (hs.empty()) return false;
    for (const auto& h : hs) {
        if (h.share) continue;
        if (h.basis != ShareBasis::unknown || !coverage_note(h, d)) return false;
    }
    return true;
}

} // namespace

void check_claims(const Lineage& lin, std::vector<std::string>* list) {
    const auto& ds = lin.dataset();
    Problems problems(list);
    for (const auto& c : ds.claims) {
        int reported = 0;
        for (const Date& d : change_dates(ds, c)) {
            for (const auto& a : ds.areas) {
                if (!a.period.contains(d) ||
                    std::find(c.area_kinds.begin(), c.area_kinds.end(), a.kind) == c.area_kinds.end())
                    continue;
                const auto hs = lin.holders(c.function, a.code, d, HolderMode::legal);
                Share sum = 0.0;
                std::string who;
                for (const auto& h : hs) {
                    sum = add(sum, h.share);
                    who += (who.empty() ? "" : ", ") + h.body->id;
                }
                if (sum && std::fabs(*sum - 1.0) <= share_sum_tolerance) continue;
                if (!sum && unknown_shares_explained(hs, d)) continue;
                std::string what = hs.empty() ? "nobody"
                                              : who + (sum ? " with shares summing to " + std::to_string(*sum)
                                                           : " with unknown shares that no coverage note explains");
                // Each claim reports 20 failures at most: one missing body fails it on every date.
                if (++reported <= 20 || !problems.collecting())
                    problems.fail(c.pos, msg::claim_fails(c.function, d, a.code, a.name, what));
            }
        }
        if (reported > 20) problems.fail(c.pos, msg::claim_more_failures(c.function, reported - 20));
    }
}

} // namespace orglineage::detail
