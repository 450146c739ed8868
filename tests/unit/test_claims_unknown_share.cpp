// SPDX-License-Identifier: MIT
// Completeness claims and unknown shares: a claim accepts holders of unknown share only where the coverage
// that answered records the share as unknown and says why in a note.
#include <orglineage/export.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace orglineage;

namespace {
std::string fixture(const char* kind, const char* name) {
    return std::string(ORGLINEAGE_TEST_DATA_DIR) + "/" + kind + "/" + name;
}
} // namespace

TEST_SUITE("claims") {
    TEST_CASE("a claim holds where two trusts served an area in proportions the data says are not known") {
        const auto lin = Lineage::load(fixture("valid", "unknown_share_explained"));
        const auto hs = lin.holders("commissioning", "A1", *parse_date("2004-06-01"));
        REQUIRE(hs.size() == 2);
        for (const auto& h : hs) {
            CHECK_FALSE(h.share.has_value());
            CHECK(h.basis == ShareBasis::unknown);
        }
        CHECK(validate_directory(fixture("valid", "unknown_share_explained")).empty());
        // After the merge the one successor holds the whole area.
        const auto after = lin.holders("commissioning", "A1", *parse_date("2007-06-01"));
        REQUIRE(after.size() == 1);
        CHECK(after.front().body->id == "pct/c");
        CHECK(after.front().share == Share(1.0));
    }

    TEST_CASE("a claim fails where unknown shares carry no note") {
        CHECK_THROWS_WITH_AS((void)Lineage::load(fixture("invalid", "claim_unknown_share")),
                             "claim_unknown_share/data.yaml:9:5: claim for 'commissioning' fails on 2002-04-01: area "
                             "'A1' (Aston) is covered by pct/a, pct/b with unknown shares that no coverage note explains",
                             ValidationError);
    }

    TEST_CASE("an unknown coverage share and its note survive export and reload") {
        const auto lin = Lineage::load(fixture("valid", "unknown_share_explained"));
        const auto dir = std::filesystem::temp_directory_path() / "orglineage-unknown-share-export";
        std::filesystem::remove_all(dir);
        export_dataset(lin.dataset(), dir.string());
        const auto again = Lineage::load(dir.string());
        const auto* a = again.find("pct/a");
        REQUIRE(a != nullptr);
        REQUIRE(a->coverage.size() == 1);
        CHECK_FALSE(a->coverage.front().share.has_value());
        CHECK(a->coverage.front().basis == ShareBasis::unknown);
        CHECK(a->coverage.front().note == "Alpha and Beta together served Aston; the division is not sourced.");
        std::filesystem::remove_all(dir);
    }
}
