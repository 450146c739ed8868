// SPDX-License-Identifier: MIT
// Internal: the checking pass over a directory with what it built handed on (see pipeline.cpp).
#pragma once

#include "check/tables.hpp"

#include <orglineage/lineage.hpp>

#include <functional>
#include <string>

namespace orglineage::detail {

/**
 * Reads, builds and checks a directory once, as load_sources does, and hands the Lineage and the
 * table indexes the check built to `use` (they point into the Lineage, which lives only for the
 * call). Announced changes are set aside, as in an image.
 * @throws DataError, ValidationError when the data does not check
 */
void with_checked_sources(const std::string& directory,
                          const std::function<void(const Lineage&, const TableIndexes&)>& use);

} // namespace orglineage::detail
