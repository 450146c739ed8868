// SPDX-License-Identifier: MIT
// Facts about the shipped dataset (data/nhs-england), each checked against a named source.
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include "../unit/show.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& nhs() {
    static const Lineage lin = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
    return lin;
}
std::size_t count(const char* on, std::initializer_list<const char*> kinds) {
    std::size_t n = 0;
    for (const char* k : kinds) n += nhs().snapshot(day(on), k).size();
    return n;
}
std::vector<Portion> succ(const char* id, const char* on, const char* f = "commissioning") {
    return nhs().successors(nhs().at(id), day(on), f);
}
std::string who(const char* f, const char* area, const char* on) { return show(nhs().holders(f, area, day(on))); }

} // namespace

TEST_SUITE("nhs-england") {
    TEST_CASE("the shipped dataset loads and validates with every claim proved") {
        const auto problems = validate_directory(ORGLINEAGE_SHIPPED_DATA_DIR);
        for (const auto& p : problems) MESSAGE(p);
        CHECK(problems.empty());
        CHECK(nhs().dataset().claims.size() >= 5);
    }

    TEST_CASE("every body and event cites a declared source, and SOURCES.md lists them all") {
        const auto& ds = nhs().dataset();
        for (const auto& b : ds.bodies) {
            CAPTURE(b.id);
            CHECK_FALSE(b.sources.empty());
        }
        for (const auto& e : ds.events) {
            CAPTURE(e.id);
            CHECK_FALSE(e.sources.empty());
        }
        std::ifstream in(std::string(ORGLINEAGE_SHIPPED_DATA_DIR) + "/SOURCES.md");
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        for (const auto& s : ds.sources) {
            CAPTURE(s.id);
            CHECK(text.str().find("| `" + s.id + "` |") != std::string::npos);
        }
    }

    TEST_CASE("counts of PCTs and SHAs on key dates (SI 2006/2072, SI 2006/1408, ONS)") {
        // ODS epcmem: 303 PCT and care-trust codes had practices on 2006-09-30 (Hansard 20 Jul 2009:
        // "303 to 152"); tests/dataset/test_pct_era.cpp checks the era.
        CHECK(count("2006-09-30", {"pct", "care-trust"}) == 303);
        CHECK(count("2006-10-01", {"pct", "care-trust"}) == 152);
        CHECK(count("2011-01-01", {"pct", "care-trust"}) == 151);
        CHECK(count("2012-01-01", {"pct", "care-trust"}) == 151);
        CHECK(count("2006-06-30", {"sha"}) == 28);
        CHECK(count("2006-07-01", {"sha"}) == 10);
        CHECK(count("2013-04-01", {"pct", "care-trust", "sha", "pct-cluster", "sha-cluster"}) == 0);
    }

    TEST_CASE("counts of CCGs on each 1 April and of ICBs (ONS Code History Database)") {
        CHECK(count("2013-04-01", {"ccg"}) == 211);
        CHECK(count("2015-04-01", {"ccg"}) == 209);
        CHECK(count("2017-04-01", {"ccg"}) == 207);
        CHECK(count("2018-04-01", {"ccg"}) == 195);
        CHECK(count("2019-04-01", {"ccg"}) == 191);
        CHECK(count("2020-04-01", {"ccg"}) == 135);
        CHECK(count("2021-04-01", {"ccg"}) == 106);
        CHECK(count("2022-06-30", {"ccg"}) == 106);
        CHECK(count("2022-07-01", {"ccg"}) == 0);
        CHECK(count("2022-07-01", {"icb"}) == 42);
        CHECK(count("2022-07-01", {"sub-icb"}) == 106);
    }

    TEST_CASE("PCT changes of 2009-2011 (ONS Code History Database)") {
        CHECK(show(succ("pct/5P3", "2010-04-01")) == "pct/5QV 1");
        CHECK(show(succ("pct/5P4", "2010-04-01")) == "pct/5QV 1");
        CHECK(nhs().at("pct/5HQ").name_on(day("2010-01-01")) == "Bolton Teaching PCT");
        CHECK(nhs().at("pct/5HQ").ons_on(day("2010-01-01")) == "E16000148");
        CHECK(show(succ("pct/E17000004", "2011-04-15")) == "pct/5QW 1");
        CHECK(nhs().at("pct/5QW").ons_on(day("2012-01-01")) == "E16000151");
    }

    TEST_CASE("the October 2006 reorganisation: merges, dividing PCTs and a boundary transfer") {
        // Hampshire's four PCTs merged into Hampshire PCT (SI 2006/2072; Hansard 27 Jan 2009).
        CHECK(show(succ("pct/5G6", "2007-01-01")) == "pct/5QC 1");
        // Manchester's three PCTs merged into Manchester PCT (Hansard 15 Mar 2010).
        CHECK(show(nhs().predecessors(nhs().at("pct/5NT"), day("2007-01-01"), "commissioning")) ==
              "pct/2002/central-manchester 1, pct/2002/north-manchester 1, pct/2002/south-manchester 1");
        // Two of the six dividing PCTs (SI 2006/2072 art. 1(2)): divided by the practices that went each way
        // (ODS epcmem): South Peterborough's 13, 3 and 2 of 18, Preston's 35 and 2 of 37.
        CHECK(show(succ("pct/2002/south-peterborough", "2007-01-01")) == "pct/5PN 0.7222, pct/5PP 0.1667, pct/5PD 0.1111");
        CHECK(show(succ("pct/2002/preston", "2007-01-01")) == "pct/5NG 0.9459, pct/5NH 0.05405");
        // Middlesbrough PCT continued, part of its area passing to Redcar and Cleveland (SI 2006/2074): 6 of its
        // 37 practices joined Redcar and Cleveland PCT.
        CHECK(show(succ("pct/5KM", "2007-01-01")) == "pct/5KM 0.8378, pct/5QR 0.1622");
        // A 2002 PCT followed to today: Uttlesford -> West Essex PCT (2006) -> ... -> one ICB.
        CHECK(show(succ("pct/2002/uttlesford", "2007-01-01")) == "pct/5PV 1");
        CHECK(nhs().successors(nhs().at("pct/2002/uttlesford"), day("2023-01-01"), "commissioning").front().body->kind == "icb");
        // The 28 SHAs of 2002 became the 10 of 1 July 2006 (SI 2006/1408).
        CHECK(show(nhs().successors(nhs().at("sha/2002/cumbria-and-lancashire"), day("2006-07-01"), "performance-management")) ==
              "sha/north-west 1");
    }

    TEST_CASE("who commissioned an area on a date, across the eras") {
        // Cornwall: Cornwall and Isles of Scilly PCT (SI 2006/2072), then Kernow CCG, then the ICB.
        CHECK(who("commissioning", "E06000052", "2010-06-01") == "pct/5QP 1");
        CHECK(who("commissioning", "E09000001", "2007-06-01") == "pct/5C3 1");
        CHECK(who("commissioning", "E07000103", "2008-01-01") == "pct/5P4 1");
        CHECK(who("commissioning", "E07000103", "2011-01-01") == "pct/5QV 1");
        CHECK(who("commissioning", "E06000047", "2017-06-01") == "ccg/00D 0.5243, ccg/00J 0.4757");
    }

    TEST_CASE("the 2013 transition sends each function to its own successor (HSCA 2012)") {
        CHECK(show(succ("pct/5QP", "2013-04-01")) == "ccg/11N 1");
        CHECK(show(succ("pct/5QP", "2013-04-01", "commissioning.primary-care.dental")) == "nhs-england 1");
        CHECK(show(succ("pct/5N6", "2013-04-01")) == "ccg/04J 0.417, ccg/04R 0.3263, ccg/03Y 0.1463, ccg/03X 0.1104");
        // Shares of every PCT's commissioning successors sum to 1 (ONS PCT -> CCG lookup).
        for (const Body* p : nhs().snapshot(day("2013-03-31"), "pct")) {
            double sum = 0;
            bool known = true;
            for (const auto& s : nhs().successors(*p, day("2013-04-01"), "commissioning")) {
                if (s.share) sum += *s.share;
                else known = false;
            }
            CAPTURE(p->id);
            if (known) CHECK(sum == doctest::Approx(1.0));
        }
    }

    TEST_CASE("CCG mergers and the 2022 split of CCGs between ICBs (ONS lookups)") {
        CHECK(show(succ("ccg/01Y", "2022-07-01")) == "icb/E54000057 0.8711, icb/E54000058 0.1289");
        CHECK(show(succ("ccg/D2P2L", "2022-07-01")) == "icb/E54000062 0.8709, icb/E54000055 0.1291");
        CHECK(show(succ("ccg/02Q", "2022-07-01")) == "icb/E54000060 1");
        CHECK(show(succ("ccg/09G", "2020-04-01")) == "ccg/70F 0.9866, ccg/92A 0.01335");
        // A CCG that merged twice: 05C (Dudley) into D2P2L in 2021, then into two ICBs in 2022.
        CHECK(show(succ("ccg/05C", "2023-01-01")) == "icb/E54000062 0.8709, icb/E54000055 0.1291");
    }

    TEST_CASE("public health passes to councils in 2013 and follows their reorganisations") {
        CHECK(who("public-health", "E07000112", "2015-06-01") == "la/E10000016 1");
        CHECK(show(succ("la/E10000021", "2021-04-01", "public-health")) == "la/E06000062 0.5372, la/E06000061 0.4628");
        CHECK(who("public-health", "E06000058", "2019-04-01") == "la/E06000058 1");
    }

    TEST_CASE("dental commissioning moved to ICBs by delegation in April 2023 (NHS England PRN00089)") {
        const auto before = nhs().holders("commissioning.primary-care.dental", "E06000052", day("2022-08-01"));
        REQUIRE(before.size() == 1);
        CHECK(before[0].body->id == "nhs-england");
        const auto after = nhs().holders("commissioning.primary-care.dental", "E06000052", day("2023-05-01"));
        REQUIRE(after.size() == 1);
        CHECK(after[0].body->kind == "icb");
        CHECK(after[0].delegated_by == "nhs-england");
        const auto legal = nhs().holders("commissioning.primary-care.dental", "E06000052", day("2023-05-01"), HolderMode::legal);
        CHECK(show(legal) == "nhs-england 1");
    }

    TEST_CASE("codes are resolved on their date: a CCG code reused by a sub-ICB location") {
        const auto before = nhs().resolve("01Y", day("2022-06-30"));
        REQUIRE(before.size() == 1);
        CHECK(before[0]->kind == "ccg");
        const auto after = nhs().resolve("01Y", day("2022-07-01"));
        REQUIRE(after.size() == 1);
        CHECK(after[0]->kind == "sub-icb");
    }

    TEST_CASE("cluster membership in 2012 (HSJ)") {
        const auto gs = nhs().groups(nhs().at("pct/5D7"), day("2012-01-01"));
        bool in_cluster = false;
        for (const auto* g : gs) in_cluster = in_cluster || g->id == "pct-cluster/north-of-tyne";
        CHECK(in_cluster);
    }
}
