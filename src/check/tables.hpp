// SPDX-License-Identifier: MIT
// Internal: the table check of the checking pass (area and small-area CSV tables).
#pragma once

#include <orglineage/area_history.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/small_areas.hpp>

#include <memory>
#include <string>
#include <vector>

namespace orglineage::detail {

/**
 * The indexes the table check built, handed on (a compile writes them into the image rather than
 * reading the tables again). Each is null when the dataset has none of its tables. A table compiled
 * into the image is one more member here.
 */
struct TableIndexes {
    std::unique_ptr<AreaHistory> area_history; ///< when there are area tables and no LSOA tables
    std::unique_ptr<SmallAreas> small_areas;   ///< when there are LSOA tables (it holds the area history)

    /// The area history, wherever it was built; nullptr when there are no area tables.
    [[nodiscard]] const AreaHistory* history() const noexcept {
        return small_areas ? &small_areas->history() : area_history.get();
    }
};

/**
 * Reads the dataset's area tables (`area-changes`, `area-population`) and LSOA tables (`lsoa-*`) as
 * the queries will and checks them: every row (codes, dates, shares, populations, no LSOA twice, every
 * district an area of the dataset, every LSOA one of the coverage tables'), and over the LSOA tables
 * one holder of the function they answer for per LSOA on every day they cover, with the LSOA shares
 * of each district summing to 1. With `problems`, failures are recorded there; without, the first is
 * thrown (DataError for a bad row, ValidationError otherwise).
 * @returns the indexes built (while `lin` lives, for they point into it)
 */
TableIndexes check_tables(const Lineage& lin, std::vector<std::string>* problems);

} // namespace orglineage::detail
