// SPDX-License-Identifier: MIT
// orglineage — "did you mean" hints for codes and area names that a dataset does not have.
#pragma once

#include <orglineage/lineage.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// The ids, ODS and ONS codes closest to `text` (case-insensitive edit distance, then prefix),
/// at most `max` of them, closest first; empty when none is close.
[[nodiscard]] std::vector<std::string> similar_codes(const Lineage& lineage, std::string_view text,
                                                     std::size_t max = 5);

/// The area names and codes closest to `text` (containing it, else by edit distance), at most
/// `max`, each as `Name (CODE)`; with `in_force`, only areas in force on that date.
[[nodiscard]] std::vector<std::string> similar_areas(const Lineage& lineage, std::string_view text,
                                                     std::size_t max = 5,
                                                     std::optional<Date> in_force = std::nullopt);

} // namespace orglineage
