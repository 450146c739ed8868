// SPDX-License-Identifier: MIT
// Internal: the steps of a crosswalk row (src/remap/crosswalk.cpp), tested one by one.
#pragma once

#include <orglineage/crosswalk.hpp>

#include <string_view>
#include <vector>

namespace orglineage {

/**
 * The bodies that hold on `to` what `body` held on `since` for `function`:
 * `Lineage::successors(body, to, function, since)` (a transfer out of a body before `since` does
 * not concern a figure the body reported on `since`).
 * @throws LookupError for an unknown function
 */
[[nodiscard]] std::vector<Portion> successors_since(const Lineage& lineage, const Body& body, const Date& since,
                                                    const Date& to, std::string_view function);

/// Fills `row.sum` and `row.complete` from its weights and sorts them (largest first).
void finish_row(CrosswalkRow& row);

} // namespace orglineage
