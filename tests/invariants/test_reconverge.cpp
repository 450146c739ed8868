// SPDX-License-Identifier: MIT
// Unknown shares that provably add up to a known part, on a hand-built world
// (tests/invariants/data/reconverge): P split 0.6 / 0.4 into Q1 and Q2; Q1 split in unknown
// proportions into A and B, which merged into AB; AB went to ICB I, Q2 to ICB J. K gave an
// unknown part of itself to L; both merged into I.
#include <orglineage/orglineage.hpp>

#include <doctest/doctest.h>

using namespace orglineage;

namespace {

const Lineage& world() {
    static const Lineage lin = Lineage::load(ORGLINEAGE_INVARIANT_TEST_DATA_DIR "/reconverge");
    return lin;
}

Date day(const char* s) { return *parse_date(s); }

Succession succ(const char* id, const char* on) { return world().succession(world().at(id), day(on), "commissioning"); }

} // namespace

TEST_SUITE("reconverge") {

TEST_CASE("unknown parts of a known share are resolved where they meet again") {
    // Before the merge, A and B each hold an unknown part of Q1's 0.6.
    const auto split = succ("pct/P", "2016-01-01");
    CHECK(split.gap == SuccessionGap::unknown_share);
    REQUIRE(split.portions.size() == 3);
    CHECK(split.portions[0].body->id == "ccg/Q2");
    CHECK(*split.portions[0].share == doctest::Approx(0.4));
    CHECK_FALSE(split.portions[1].share);
    // x + (0.6 - x) = 0.6 once A and B merge: the shares are known again, on P's basis.
    const auto merged = succ("pct/P", "2019-01-01");
    CHECK(merged.gap == SuccessionGap::none);
    REQUIRE(merged.portions.size() == 2);
    CHECK(merged.portions[0].body->id == "ccg/AB");
    CHECK(*merged.portions[0].share == doctest::Approx(0.6));
    CHECK(merged.portions[0].basis == ShareBasis::population);
    CHECK(*merged.portions[1].share == doctest::Approx(0.4));
    const auto icbs = succ("pct/P", "2023-01-01");
    REQUIRE(icbs.portions.size() == 2);
    CHECK(icbs.portions[0].body->id == "icb/I");
    CHECK(*icbs.portions[0].share == doctest::Approx(0.6));
    CHECK(icbs.portions[1].body->id == "icb/J");
}

TEST_CASE("what a continuing body kept and what it gave meet again in one body: share 1") {
    const auto apart = succ("ccg/K", "2020-01-01");
    CHECK(apart.gap == SuccessionGap::unknown_share);
    CHECK(apart.portions.size() == 2);
    const auto together = succ("ccg/K", "2023-01-01");
    REQUIRE(together.portions.size() == 1);
    CHECK(together.portions[0].body->id == "icb/I");
    CHECK(*together.portions[0].share == 1.0);
    CHECK(together.portions[0].basis == ShareBasis::whole);
    CHECK(together.gap == SuccessionGap::none);
}

TEST_CASE("predecessors of the meeting body give the resolved shares too") {
    const auto preds = world().predecessors(world().at("icb/I"), day("2023-01-01"), "commissioning", day("2013-06-01"));
    REQUIRE(preds.size() == 3); // K, L and Q1 (P had ended by 2013-06-01)
    CHECK(preds[0].body->id == "ccg/K");
    CHECK(*preds[0].share == 1.0);
    CHECK(preds[1].body->id == "ccg/L");
    CHECK(*preds[1].share == 1.0);
    CHECK(preds[2].body->id == "ccg/Q1");
    CHECK(*preds[2].share == 1.0);
}

} // TEST_SUITE
