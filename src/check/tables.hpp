// SPDX-License-Identifier: MIT
// Internal: the table check of the checking pass (area and small-area CSV tables).
#pragma once

#include <orglineage/lineage.hpp>

#include <string>
#include <vector>

namespace orglineage::detail {

/**
 * Reads the dataset's area tables (`area-changes`, `area-population`) and LSOA tables (`lsoa-*`) as
 * the queries will and checks them: every row (codes, dates, shares, populations, no LSOA twice, every
 * district an area of the dataset, every LSOA one of the coverage tables'), and over the LSOA tables
 * one holder of the function they answer for per LSOA on every day they cover, with the LSOA shares
 * of each district summing to 1. With `problems`, failures are recorded there; without, the first is
 * thrown (DataError for a bad row, ValidationError otherwise).
 */
void check_tables(const Lineage& lin, std::vector<std::string>* problems);

} // namespace orglineage::detail
