// SPDX-License-Identifier: MIT
// The shipped dataset (data/nhs-england), loaded once per test process, for the remap tests that ask
// it real questions. A shipped dataset that does not load is a failure of every such test, not a skip:
// the tests would otherwise pass on a broken release.
#pragma once

#include <orglineage/orglineage.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace orglineage::test {

struct ShippedLoad {
    std::unique_ptr<Lineage> lineage;
    std::string error; ///< why it did not load ("" when it did)
};

inline const ShippedLoad& shipped_load() {
    static const ShippedLoad loaded = [] {
        ShippedLoad out;
        try {
            out.lineage = std::make_unique<Lineage>(Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR));
        } catch (const Error& e) {
            out.error = e.what();
        }
        return out;
    }();
    return loaded;
}

} // namespace orglineage::test

/// Declares `lin`, the shipped Lineage; fails the test case (with the load error) when it does not load.
#define REQUIRE_SHIPPED()                                                                                  \
    REQUIRE_MESSAGE(orglineage::test::shipped_load().lineage != nullptr,                                   \
                    ORGLINEAGE_SHIPPED_DATA_DIR " does not load: " << orglineage::test::shipped_load().error); \
    const Lineage& lin = *orglineage::test::shipped_load().lineage
