// SPDX-License-Identifier: MIT
// orglineage — areas named as people name them, and "did you mean" hints for codes and names.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>
#include <orglineage/text.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// The areas a name or code stood for on a date (see find_area_on).
struct ORGLINEAGE_API AreaMatch {
    std::vector<const Area*> areas; ///< one unless the text is ambiguous; empty when nothing matches
    bool exact = true;              ///< false when taken by name prefix (the exact match was not in force)
};

/**
 * The area that `text` (an ONS code or a name, any case) stood for on `on`: the exact matches in
 * force on that date; else, when an exact match exists but is not in force then, the areas in force
 * whose name begins with the text and a space (`Cornwall` on 2007-06-01 is the county
 * `Cornwall and Isles of Scilly`, the unitary `Cornwall` only began on 2009-04-01). Empty when the
 * text names no area at any time, or when only an area out of force matches.
 */
[[nodiscard]] ORGLINEAGE_API AreaMatch find_area_on(const Lineage& lineage, std::string_view text, const Date& on);

/// The ids, ODS and ONS codes closest to `text` (case-insensitive edit distance, then prefix),
/// at most `max` of them, closest first; empty when none is close.
[[nodiscard]] ORGLINEAGE_API std::vector<std::string> similar_codes(const Lineage& lineage, std::string_view text,
                                                     std::size_t max = 5);

/// The area names and codes closest to `text` (containing it, else by edit distance), at most
/// `max`, each as `Name (CODE)`; with `in_force`, only areas in force on that date.
[[nodiscard]] ORGLINEAGE_API std::vector<std::string> similar_areas(const Lineage& lineage, std::string_view text,
                                                     std::size_t max = 5,
                                                     std::optional<Date> in_force = std::nullopt);

} // namespace orglineage
