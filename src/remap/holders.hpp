// SPDX-License-Identifier: MIT
// The step from what a code named to the bodies that held the function for it on the row's date.
#pragma once

#include "remap/resolve_code.hpp"

#include <vector>

namespace orglineage::detail {

/// A body holding the function on the row's date, with the part of the row's figures that is its.
struct Part {
    const Body* holder = nullptr;
    Share share = 1.0;
    ShareBasis basis = ShareBasis::whole;
    bool sized = false; ///< the share comes from populations
    /// The part of `holder` whose figures these are (a sub-ICB location of its ICB), mapped by
    /// group_part_row (orglineage/crosswalk.hpp); nullptr when the figures are the holder's own.
    const Body* part = nullptr;
};

/**
 * The holders of the row's figures on `resolved.on`:
 * - a body holding the function: itself;
 * - a body that does not, but belongs to a group that does (a sub-ICB location, part of its
 *   ICB): the group, with the body as its `part` (mapped as a crosswalk row maps it);
 * - a group whose members hold it (an SHA, a PCT cluster, a region): the members, by population;
 * - a body covering one area (a local authority), an area, an LSOA: the area's holders, each
 *   with its part of the area.
 */
Verdict holders_of(const RemapContext& ctx, const Resolved& resolved, std::vector<Part>& out);

/// `members` apportioned by population on `on` (all of them known, else a failure naming one).
Verdict by_population(const RemapContext& ctx, const std::vector<const Body*>& members, const Date& on,
                      const Body& whole, std::vector<Part>& out);

} // namespace orglineage::detail
