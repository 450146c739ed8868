// SPDX-License-Identifier: MIT
// Successors of bodies with boundary transfers before the asked day, and of a PCT whose unknown
// shares re-converge, against the ONS lookups:
// - ONS "Lower Layer Super Output Area (2011) to Sub ICB Location to Integrated Care Board to
//   Local Authority District (July 2022) Lookup in England": every sub-ICB location (the former
//   CCG's code) lies in one ICB; 01H in E54000050, 01E and 01K in E54000048, 26A in E54000022,
//   16C (Middlesbrough's LSOAs) and 13T (Gateshead's) in E54000050.
// - ONS Code History Database (CCG to ICB, July 2022): the CCGs 01H, 01E, 01K, 26A, 16C and 13T
//   end on 30 June 2022 with those ICBs as their successors.
#include "shipped.hpp"

#include <doctest/doctest.h>

using namespace orglineage;
using invariants::day;
using invariants::shipped;
using invariants::show;

namespace {

const Body& ccg_on(const char* code, const char* on) {
    const auto found = shipped().resolve(code, day(on));
    REQUIRE(found.size() == 1);
    return *found.front();
}

const std::vector<const char*> k_after = {"2022-07-01", "2023-06-01", "2025-10-01"};

} // namespace

TEST_SUITE("ons cases") {

TEST_CASE("a CCG's earlier boundary transfers do not leak into what it held on 30 June 2022") {
    struct Case {
        const char* code;
        const char* icb;
    };
    for (const Case c : {Case{"01H", "icb/E54000050"}, Case{"01E", "icb/E54000048"}, Case{"01K", "icb/E54000048"}})
        for (const char* on : k_after) {
            CAPTURE(c.code);
            CAPTURE(on);
            const Body& ccg = ccg_on(c.code, "2022-06-30");
            const auto s = shipped().succession(ccg, day(on), "commissioning", day("2022-06-30"));
            CHECK(show(s.portions) == std::string(c.icb) + " 1.000000 whole");
            CHECK(s.gap == SuccessionGap::none);
        }
}

TEST_CASE("North Cumbria CCG in its first form went to two ICBs, as its 2017 transfer says") {
    // From its first form (2013, before it gave 117 LSOAs to Morecambe Bay CCG in 2017) part of it
    // is in Lancashire and South Cumbria: the 2017 transfer is what the data says moved.
    const auto s = shipped().succession(shipped().at("ccg/01H"), day("2022-07-01"), "commissioning");
    CHECK(s.since == day("2017-03-31"));
    REQUIRE(s.portions.size() == 2);
    CHECK(s.portions[0].body->id == "icb/E54000050");
    CHECK(*s.portions[1].share == doctest::Approx(0.369065));
}

TEST_CASE("South Norfolk CCG, after its 2017 transfer, went whole to Norfolk and Waveney ICB") {
    // 06Y merged into 26A on 1 April 2020 (ONS Code History Database); 26A is in E54000022.
    const Body& ccg = shipped().at("ccg/06Y");
    for (const char* on : k_after) {
        CHECK(show(shipped().successors(ccg, day(on), "commissioning", day("2019-06-01"))) ==
              "icb/E54000022 1.000000 whole");
        // From its first form too: what it gave 06W in 2017 also reached 26A, so all of it.
        CHECK(show(shipped().successors(ccg, day(on), "commissioning")) == "icb/E54000022 1.000000 whole");
    }
}

TEST_CASE("Middlesbrough PCT went whole to North East and North Cumbria ICB, before and after 2006") {
    // SI 2006/2074 gave part of Middlesbrough PCT to Redcar and Cleveland PCT; both areas are in
    // E54000050 in the July 2022 lookup (16C).
    const Body& pct = shipped().at("pct/5KM");
    for (const char* since : {"2005-01-01", "2012-06-01"})
        for (const char* on : k_after) {
            CAPTURE(since);
            CHECK(show(shipped().successors(pct, day(on), "commissioning", day(since))) ==
                  "icb/E54000050 1.000000 whole");
        }
}

TEST_CASE("Gateshead PCT went whole to North East and North Cumbria ICB") {
    // 5KF's commissioning went to NHS Gateshead CCG (00F), which merged into 13T in 2015; 13T is
    // in E54000050 in the July 2022 lookup. Where unknown shares re-converge, see
    // test_reconverge.cpp.
    const Body& pct = shipped().at("pct/5KF");
    const auto s = shipped().succession(pct, day("2023-01-01"), "commissioning");
    CHECK(show(s.portions) == "icb/E54000050 1.000000 whole");
    CHECK(s.gap == SuccessionGap::none);
}

TEST_CASE("predecessors back to a date are what successors since that date give") {
    const Body& surrey = shipped().at("icb/E54000052");
    const Body& sussex = shipped().at("icb/E54000053");
    // After the 2023 transfer, all of Surrey Heartlands as it was on 1 April 2025 is still in it.
    CHECK(show(shipped().predecessors(surrey, day("2025-10-01"), "commissioning", day("2025-04-01"))) ==
          "icb/E54000052 1.000000 whole");
    // Back to before it: what Surrey Heartlands kept, and the part it gave Sussex.
    CHECK(show(shipped().predecessors(surrey, day("2025-10-01"), "commissioning", day("2023-03-31"))) ==
          "icb/E54000052 0.993647 population");
    CHECK(show(shipped().predecessors(sussex, day("2025-10-01"), "commissioning", day("2023-03-31"))) ==
          "icb/E54000052 0.006353 population, icb/E54000053 1.000000 whole");
    CHECK(show(shipped().successors(surrey, day("2025-10-01"), "commissioning", day("2023-03-31"))) ==
          "icb/E54000052 0.993647 population, icb/E54000053 0.006353 population");
}

TEST_CASE("a body that never held the function has no predecessors for it") {
    for (const auto& b : shipped().dataset().bodies) {
        if (b.kind != "sha") continue;
        const Date on = b.period.from + boost::gregorian::days(1);
        CAPTURE(b.id);
        CHECK(shipped().predecessors(b, on, "commissioning").empty());
        CHECK(shipped().predecessors(b, on, "commissioning", b.period.from).empty());
    }
}

TEST_CASE("sub-ICB location figures map to their ICB in crosswalks") {
    // 11N is in E54000036 (Cornwall and the Isles of Scilly) in the July 2022 lookup.
    CrosswalkOptions o;
    o.kind = "sub-icb";
    const auto cw = Crosswalk::build(shipped(), day("2023-06-01"), day("2024-01-01"), o);
    CHECK(cw.rows().size() == 106);
    for (const auto& row : cw.rows()) {
        CAPTURE(row.body->id);
        CHECK_FALSE(row.weights.empty());
    }
    const auto* row = cw.row(shipped().at("sub-icb/11N"));
    REQUIRE(row);
    REQUIRE(row->weights.size() == 1);
    CHECK(row->weights[0].target->id == "icb/E54000036");
    CHECK(*row->weights[0].weight == 1.0);
    CHECK(row->weights[0].method == WeightMethod::via_group);
    CHECK(row->complete);
    // Before the 2023 Surrey Heartlands / Sussex transfer, 92A was all of its ICB (its only
    // sub-ICB location): its figures went where the ICB's went, in the ICB's proportions.
    const auto before = crosswalk_row(shipped(), shipped().at("sub-icb/92A"), day("2023-01-01"), day("2024-01-01"), o);
    CHECK(before.weights.size() == 2);
    CHECK(before.complete);
    // 70F was one of Sussex ICB's three; backwards its figures after the transfer (when it took in
    // part of Surrey Heartlands) fall to the CCGs in parts not recorded: unknown, not guessed.
    const auto sussex = crosswalk_row(shipped(), shipped().at("sub-icb/70F"), day("2023-06-01"), day("2021-06-01"), o);
    CHECK_FALSE(sussex.complete);
}

} // TEST_SUITE
