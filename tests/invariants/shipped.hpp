// SPDX-License-Identifier: MIT
// Shared by the invariant tests: the shipped dataset, loaded once, and the grid of dates.
#pragma once

#include <orglineage/orglineage.hpp>

#include <string>
#include <vector>

namespace invariants {

inline const orglineage::Lineage& shipped() {
    static const orglineage::Lineage lin = orglineage::Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
    return lin;
}

inline orglineage::Date day(const char* s) { return *orglineage::parse_date(s); }

/// Every 1 April and 1 October from 2002 to the last one before 2026-12-01.
inline const std::vector<orglineage::Date>& grid() {
    static const std::vector<orglineage::Date> dates = [] {
        std::vector<orglineage::Date> out;
        for (unsigned short y = 2002; y <= 2026; ++y) {
            out.emplace_back(y, 4, 1);
            out.emplace_back(y, 10, 1);
        }
        return out;
    }();
    return dates;
}

/// "body share basis, ..." for compact comparisons.
inline std::string show(const std::vector<orglineage::Portion>& ps) {
    std::string out;
    for (const auto& p : ps) {
        if (!out.empty()) out += ", ";
        out += p.body->id + " " + (p.share ? std::to_string(*p.share).substr(0, 8) : "?") + " " +
               std::string(orglineage::to_string(p.basis));
    }
    return out;
}

} // namespace invariants
