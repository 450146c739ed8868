// SPDX-License-Identifier: MIT
// Checking the LSOA index against the dataset (part of the checking pass, src/check/tables.cpp):
// from the day the tables are complete, one holder per LSOA, each holding the function over the
// whole period, and the LSOA shares of every district summing to 1.
#include "areas/small_areas_index.hpp"
#include "check/messages.hpp"
#include "core/rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace orglineage {

std::vector<std::string> SmallAreas::validate() const {
    const Impl& m = *m_impl;
    std::vector<std::string> problems;
    auto fail = [&](const Table& t, const std::string& message) {
        problems.push_back(ValidationError(t.pos, message).what());
    };
    std::optional<Date> prev_until;
    for (const auto& s : m.segments) {
        if (s.period.from < m.complete_from) continue;
        if (prev_until && *prev_until != s.period.from)
            fail(*s.table, detail::msg::lsoa_gap(*prev_until, s.period.from));
        prev_until = s.period.until;
        if (s.basis != LsoaBasis::sourced) continue;
        const std::string where = s.table->id + " (" + format_period(s.period) + ")";
        // Every LSOA of the table's set has one holder.
        std::size_t missing = 0;
        for (std::uint32_t c = 0; c < m.codes.size(); ++c) {
            if (!(m.census[c] & s.census)) continue;
            if (s.answer[c] == Impl::none) {
                if (++missing <= 5) fail(*s.table, detail::msg::lsoa_without_holder(where, m.codes[c]));
            } else if (const auto n = m.pool[s.answer[c]].holders.size(); n != 1) {
                fail(*s.table, detail::msg::lsoa_holders(where, m.codes[c], n));
            }
        }
        if (missing > 5) fail(*s.table, detail::msg::lsoas_without_holder(where, missing));
        // Every distinct holder is active and holds the function on both ends of the period.
        const Date last = s.period.until ? detail::last_day_before(*s.period.until) : s.period.from;
        std::set<const Body*> checked;
        for (std::uint32_t c = 0; c < m.codes.size(); ++c) {
            if (!(m.census[c] & s.census) || s.answer[c] == Impl::none) continue;
            for (const auto& h : m.pool[s.answer[c]].holders) {
                if (!checked.insert(h.body).second) continue;
                for (const Date& d : {s.period.from, last})
                    if (!h.body->active_on(d) || !m.lin->holds(*h.body, m.table_function, d))
                        fail(*s.table, detail::msg::lsoa_holder_not_holding(where, h.body->id, m.table_function, d));
            }
        }
        // The LSOA shares of every district with LSOAs of the table's set sum to 1.
        for (std::uint32_t l = 0; l < m.lads.size(); ++l) {
            const auto& members = m.lad_lsoas[l];
            if (std::none_of(members.begin(), members.end(), [&](std::uint32_t c) {
                    return (m.census[c] & s.census) && m.lad_on(c, s.period.from) == l;
                }))
                continue;
            double sum = 0;
            for (const auto& x : lad_shares(m.table_function, m.lads[l], s.period.from).shares) sum += x.share;
            if (std::fabs(sum - 1.0) > detail::share_sum_tolerance)
                fail(*s.table, detail::msg::lad_shares_sum(where, m.lads[l], sum));
        }
    }
    return problems;
}
} // namespace orglineage
