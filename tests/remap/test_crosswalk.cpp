// SPDX-License-Identifier: MIT
// Crosswalk weights on data/small, each worked out by hand:
//   2006-10-01  A + B merge into C;  D splits 0.6 → E, 0.4 → F (population)
//   2010-04-01  E transfers 0.25 of itself to F (postcodes); both continue
//   2013-04-01  C: commissioning 0.7 → X, 0.3 → Y (postcodes), public health → L
//               E: commissioning → Y, public health → L;  F: commissioning → Z, public health → M
//               G: abolished, its functions end
//   2022-07-01  X + Y merge into I;  Z splits between I and J, shares unknown
#include "helpers.hpp"

#include <orglineage/crosswalk.hpp>

#include <doctest/doctest.h>

#include "remap/crosswalk_steps.hpp"

using namespace orglineage;
using remap_test::day;
using remap_test::of_kind;
using remap_test::small;

namespace {

const CrosswalkRow& row_of(const Crosswalk& cw, const char* id) {
    const CrosswalkRow* r = cw.row(small().at(id));
    REQUIRE(r != nullptr);
    return *r;
}

double w(const Crosswalk& cw, const char* from, const char* to) {
    const Share s = cw.weight(small().at(from), small().at(to));
    REQUIRE(s.has_value());
    return *s;
}

const Weight& cell(const CrosswalkRow& r, const char* to) {
    for (const auto& x : r.weights)
        if (x.target->id == to) return x;
    FAIL("no weight to " << to);
    return r.weights.front();
}

} // namespace

TEST_SUITE("crosswalk") {

TEST_CASE("crosswalk forwards composes a merge and then a per-function abolition") {
    const auto cw = Crosswalk::build(small(), day("2005-01-01"), day("2015-01-01"), of_kind("pct"));
    CHECK(cw.forward());
    REQUIRE(cw.rows().size() == 4); // A, B, D, G
    // A → C (whole) → X 0.7, Y 0.3 (postcodes)
    CHECK(w(cw, "pct/A", "ccg/X") == doctest::Approx(0.7));
    CHECK(w(cw, "pct/A", "ccg/Y") == doctest::Approx(0.3));
    CHECK(cell(row_of(cw, "pct/A"), "ccg/X").basis == ShareBasis::postcodes);
    CHECK(w(cw, "pct/B", "ccg/X") == doctest::Approx(0.7));
    CHECK(row_of(cw, "pct/A").complete);
    CHECK(row_of(cw, "pct/A").sum == doctest::Approx(1.0));
}

TEST_CASE("crosswalk forwards composes a split with shares and a later transfer between its parts") {
    const auto cw = Crosswalk::build(small(), day("2005-01-01"), day("2015-01-01"), of_kind("pct"));
    const auto& d = row_of(cw, "pct/D");
    // D → E 0.6 of which 0.75 stays → Y: 0.45;  F 0.4 + 0.6 × 0.25 = 0.55 → Z
    CHECK(w(cw, "pct/D", "ccg/Y") == doctest::Approx(0.45));
    CHECK(w(cw, "pct/D", "ccg/Z") == doctest::Approx(0.55));
    CHECK(w(cw, "pct/D", "ccg/X") == doctest::Approx(0.0));
    CHECK(d.complete);
    CHECK(d.weights.front().target->id == "ccg/Z"); // largest first
    // 0.6 on population times what E kept (one minus a postcode share): no single basis
    CHECK(cell(d, "ccg/Y").basis == ShareBasis::unknown);
    // 0.4 on population plus 0.15 on population × postcodes: no single basis
    CHECK(cell(d, "ccg/Z").basis == ShareBasis::unknown);
    CHECK(cell(d, "ccg/Z").method == WeightMethod::forward_share);
}

TEST_CASE("crosswalk row of a body whose functions ended is empty and not complete") {
    const auto cw = Crosswalk::build(small(), day("2005-01-01"), day("2015-01-01"), of_kind("pct"));
    const auto& g = row_of(cw, "pct/G");
    CHECK(g.weights.empty());
    CHECK_FALSE(g.complete);
    CHECK(g.sum == 0.0);
}

TEST_CASE("crosswalk follows a chain of merges, splits and abolitions to the ICBs") {
    const auto cw = Crosswalk::build(small(), day("2005-01-01"), day("2023-01-01"), of_kind("pct"));
    // A → C → X 0.7 + Y 0.3 → I: all of it
    CHECK(w(cw, "pct/A", "icb/I") == doctest::Approx(1.0));
    CHECK(row_of(cw, "pct/A").complete);
    // D's part in Z went on in unknown proportions: the row is not complete
    const auto& d = row_of(cw, "pct/D");
    CHECK_FALSE(d.complete);
    CHECK_FALSE(cw.weight(small().at("pct/D"), small().at("icb/J")).has_value());
    const auto targets = cw.targets();
    REQUIRE(targets.size() == 2);
    CHECK(targets[0]->id == "icb/I");
    CHECK(targets[1]->id == "icb/J");
}

TEST_CASE("crosswalk from a date after a transfer does not send the transferred part again") {
    const auto cw = Crosswalk::build(small(), day("2011-01-01"), day("2015-01-01"), of_kind("pct"));
    REQUIRE(cw.rows().size() == 4); // C, E, F, G
    CHECK(w(cw, "pct/E", "ccg/Y") == doctest::Approx(1.0));
    CHECK(w(cw, "pct/E", "ccg/Z") == doctest::Approx(0.0));
    CHECK(w(cw, "pct/F", "ccg/Z") == doctest::Approx(1.0));
    // whereas from before the transfer a quarter of E goes to Z (through F)
    const auto before = Crosswalk::build(small(), day("2008-01-01"), day("2015-01-01"), of_kind("pct"));
    CHECK(w(before, "pct/E", "ccg/Y") == doctest::Approx(0.75));
    CHECK(w(before, "pct/E", "ccg/Z") == doctest::Approx(0.25));
}

TEST_CASE("crosswalk of a per-function abolition sends each function its own way") {
    auto o = of_kind("pct");
    o.function = "public-health";
    const auto cw = Crosswalk::build(small(), day("2011-01-01"), day("2015-01-01"), o);
    CHECK(w(cw, "pct/C", "la/L") == doctest::Approx(1.0));
    CHECK(w(cw, "pct/E", "la/L") == doctest::Approx(1.0));
    CHECK(w(cw, "pct/F", "la/M") == doctest::Approx(1.0));
    CHECK(w(cw, "pct/C", "ccg/X") == doctest::Approx(0.0));
    CHECK(row_of(cw, "pct/G").weights.empty());
}

TEST_CASE("crosswalk to the same date maps each body to itself") {
    const auto cw = Crosswalk::build(small(), day("2015-01-01"), day("2015-01-01"), of_kind("ccg"));
    CHECK(w(cw, "ccg/X", "ccg/X") == doctest::Approx(1.0));
    CHECK(row_of(cw, "ccg/Z").complete);
}

TEST_CASE("crosswalk backwards from a single source gives weight 1") {
    const auto cw = Crosswalk::build(small(), day("2015-01-01"), day("2005-01-01"), of_kind("ccg"));
    CHECK_FALSE(cw.forward());
    const auto& z = row_of(cw, "ccg/Z");
    REQUIRE(z.weights.size() == 1);
    CHECK(z.weights[0].target->id == "pct/D");
    CHECK(z.weights[0].method == WeightMethod::single_source);
    CHECK(*z.weights[0].weight == doctest::Approx(1.0));
    CHECK(z.complete);
}

TEST_CASE("crosswalk backwards without sizes normalises the forward shares and says it is an estimate") {
    const auto cw = Crosswalk::build(small(), day("2015-01-01"), day("2005-01-01"), of_kind("ccg"));
    // X came from A (0.7 of A) and B (0.7 of B): equal
    CHECK(w(cw, "ccg/X", "pct/A") == doctest::Approx(0.5));
    CHECK(w(cw, "ccg/X", "pct/B") == doctest::Approx(0.5));
    // Y from A 0.3, B 0.3, D 0.45 (of each): normalised over 1.05
    CHECK(w(cw, "ccg/Y", "pct/A") == doctest::Approx(0.3 / 1.05));
    CHECK(w(cw, "ccg/Y", "pct/D") == doctest::Approx(0.45 / 1.05));
    const auto& y = row_of(cw, "ccg/Y");
    CHECK(y.complete);
    for (const auto& x : y.weights) {
        CHECK(x.method == WeightMethod::normalised);
        CHECK(x.basis == ShareBasis::unknown);
    }
}

TEST_CASE("crosswalk backwards with sizes apportions by forward share times size") {
    auto o = of_kind("ccg");
    o.sizes = {{"pct/A", 100.0}, {"pct/B", 300.0}, {"pct/D", 200.0}};
    const auto cw = Crosswalk::build(small(), day("2015-01-01"), day("2005-01-01"), o);
    // X: A 0.7 × 100 = 70, B 0.7 × 300 = 210
    CHECK(w(cw, "ccg/X", "pct/A") == doctest::Approx(0.25));
    CHECK(w(cw, "ccg/X", "pct/B") == doctest::Approx(0.75));
    // Y: A 30, B 90, D 0.45 × 200 = 90
    CHECK(w(cw, "ccg/Y", "pct/A") == doctest::Approx(30.0 / 210));
    CHECK(w(cw, "ccg/Y", "pct/D") == doctest::Approx(90.0 / 210));
    CHECK(cell(row_of(cw, "ccg/Y"), "pct/A").method == WeightMethod::sized);
    // D's part reached Y through E's split share (population) and what E kept after its 2010
    // transfer (one minus a postcode share); A's through postcodes: neither has a single basis
    CHECK(cell(row_of(cw, "ccg/Y"), "pct/D").basis == ShareBasis::unknown);
    CHECK(cell(row_of(cw, "ccg/Y"), "pct/A").basis == ShareBasis::unknown);
}

TEST_CASE("crosswalk backwards over a transfer counts the receiving body's own part") {
    const auto cw = Crosswalk::build(small(), day("2015-01-01"), day("2011-01-01"), of_kind("ccg"));
    CHECK(w(cw, "ccg/X", "pct/C") == doctest::Approx(1.0));
    // Y from C (0.3 of C) and E (all of E, after its transfer)
    CHECK(w(cw, "ccg/Y", "pct/C") == doctest::Approx(0.3 / 1.3));
    CHECK(w(cw, "ccg/Y", "pct/E") == doctest::Approx(1.0 / 1.3));
    CHECK(w(cw, "ccg/Z", "pct/F") == doctest::Approx(1.0));
}

TEST_CASE("crosswalk backwards row by row agrees with the transposed matrix") {
    for (const char* to : {"2005-01-01", "2008-01-01", "2011-01-01"}) {
        const auto cw = Crosswalk::build(small(), day("2023-01-01"), day(to), of_kind("icb"));
        for (const auto& r : cw.rows()) {
            const auto one = crosswalk_row(small(), *r.body, day("2023-01-01"), day(to), of_kind("icb"));
            REQUIRE(one.weights.size() == r.weights.size());
            for (std::size_t i = 0; i < one.weights.size(); ++i) {
                CHECK(one.weights[i].target == r.weights[i].target);
                CHECK(one.weights[i].weight.has_value() == r.weights[i].weight.has_value());
                if (one.weights[i].weight) CHECK(*one.weights[i].weight == doctest::Approx(*r.weights[i].weight));
            }
        }
    }
}

TEST_CASE("crosswalk backwards through a split of unknown shares leaves the weights unknown") {
    const auto cw = Crosswalk::build(small(), day("2023-01-01"), day("2015-01-01"), of_kind("icb"));
    // J came from Z alone: whatever the share, all of J came from Z
    CHECK(w(cw, "icb/J", "ccg/Z") == doctest::Approx(1.0));
    // I from X (all), Y (all) and an unknown part of Z
    const auto& i = row_of(cw, "icb/I");
    CHECK_FALSE(i.complete);
    CHECK_FALSE(cw.weight(small().at("icb/I"), small().at("ccg/X")).has_value());
}

TEST_CASE("successors_since from before any link is Lineage::successors") {
    for (const auto& b : small().dataset().bodies)
        for (const char* on : {"2008-01-01", "2015-01-01", "2023-01-01"}) {
            const auto a = small().successors(b, day(on), "commissioning");
            const auto c = successors_since(small(), b, b.period.from, day(on), "commissioning");
            REQUIRE(a.size() == c.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                CHECK(a[i].body == c[i].body);
                CHECK(a[i].share.has_value() == c[i].share.has_value());
                if (a[i].share) CHECK(*a[i].share == doctest::Approx(*c[i].share));
                CHECK(a[i].basis == c[i].basis);
            }
        }
}

TEST_CASE("crosswalk rejects an unknown function") {
    auto o = of_kind("pct");
    o.function = "dentistry";
    CHECK_THROWS_AS((void)Crosswalk::build(small(), day("2005-01-01"), day("2015-01-01"), o), LookupError);
}

} // TEST_SUITE
