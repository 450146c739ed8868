// SPDX-License-Identifier: MIT
// Shared by the remap tests: the hand-built dataset, loaded once.
#pragma once

#include <orglineage/crosswalk.hpp>
#include <orglineage/orglineage.hpp>

#include <string>

namespace remap_test {

inline const orglineage::Lineage& small() {
    static const orglineage::Lineage lin = orglineage::Lineage::load(ORGLINEAGE_REMAP_TEST_DATA_DIR "/small");
    return lin;
}

inline orglineage::Date day(const char* s) { return *orglineage::parse_date(s); }

/// Crosswalk options for the bodies of one kind (commissioning).
inline orglineage::CrosswalkOptions of_kind(const char* kind) {
    orglineage::CrosswalkOptions o;
    o.kind = kind;
    return o;
}

} // namespace remap_test
