// SPDX-License-Identifier: MIT
// Internal: the completeness-claim check of the checking pass.
#pragma once

#include <orglineage/lineage.hpp>

#include <string>
#include <vector>

namespace orglineage::detail {

/// Checks every claim of the dataset. With `problems`, failures are recorded there (at most 20
/// a claim, then a count); without, the first is thrown as ValidationError.
void check_claims(const Lineage& lin, std::vector<std::string>* problems);

} // namespace orglineage::detail
