// SPDX-License-Identifier: MIT
// Internal: the checking pass over a built dataset, the same for a loaded one and a hand-built one.
#pragma once

#include <orglineage/dataset.hpp>

#include <string>
#include <vector>

namespace orglineage::detail {

/**
 * Checks what every query relies on: ids unique and every reference resolved (kinds, areas, groups,
 * functions, link ends, event subjects), periods that do not end before they start, shares in
 * [0, 1] and not NaN, no code held by two bodies at once, no cycle of succession on one day.
 * With `problems`, every problem is recorded there; without, the first is thrown as ValidationError.
 */
void check_dataset(const Dataset& dataset, std::vector<std::string>* problems);

} // namespace orglineage::detail
