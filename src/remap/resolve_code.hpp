// SPDX-License-Identifier: MIT
// The step from a row's code and date to what the code named then: a body, an area or an LSOA.
#pragma once

#include "remap/context.hpp"

#include <orglineage/published_date.hpp>

#include <string>
#include <string_view>

namespace orglineage::detail {

/// What a code named on a row's date.
struct Resolved {
    const Body* body = nullptr; ///< the body, or nullptr for an area
    std::string area;           ///< the area's code when the code is an area's (local authority, LSOA)
    bool lsoa = false;          ///< `area` is an LSOA (answered from the small-area tables)
    Date on;                    ///< the day the code is taken on
    bool nearest = false;       ///< nobody had it on the date; its nearest holder in time was taken
};

/**
 * Resolves a code on a row's date with Lineage::resolve. A month or a financial year is taken on
 * its first day, or where the code was not in use then, on the first day of the period it was.
 * With `nearest`, a code not in use resolves to its nearest holder, taken on its nearest active day.
 */
Verdict resolve_code(const RemapContext& ctx, std::string_view code, const PublishedDate& date, Resolved& out);

} // namespace orglineage::detail
