// SPDX-License-Identifier: MIT
// The caveats of a remap's mappings (orglineage/notes.hpp), as sets numbered by the run's
// NoteSets: how a row's code was read, how its holders were found, and each weight's own.
#pragma once

#include "remap/holders.hpp"

#include <orglineage/crosswalk.hpp>

#include <cstdint>

namespace orglineage::detail {

/// How the row's code was read: resolved to its nearest holder in time, the body's own record,
/// a date after the knowledge horizon.
[[nodiscard]] std::uint32_t resolution_notes(const RemapContext& ctx, const Resolved& resolved);

/// One weight of a part's crosswalk row: the notes of the figures of the part (or its holder)
/// dated `resolved.on` going to `weight.target` (orglineage::weight_notes).
[[nodiscard]] std::uint32_t weight_note_set(const RemapContext& ctx, const Resolved& resolved, const Part& part,
                                            const Weight& weight);

/// Figures of `whole` divided between `members` bodies by their populations on `on`.
[[nodiscard]] std::uint32_t population_note(const RemapContext& ctx, const Body& whole, std::size_t members,
                                            const Date& on);

} // namespace orglineage::detail
