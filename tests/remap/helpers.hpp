// SPDX-License-Identifier: MIT
// Shared by the remap tests: the hand-built dataset, loaded once.
#pragma once

#include <orglineage/orglineage.hpp>

#include <string>

namespace remap_test {

inline const orglineage::Lineage& small() {
    static const orglineage::Lineage lin = orglineage::Lineage::load(ORGLINEAGE_REMAP_TEST_DATA_DIR "/small");
    return lin;
}

inline orglineage::Date day(const char* s) { return *orglineage::parse_date(s); }

} // namespace remap_test
