// SPDX-License-Identifier: MIT
// Places through time on the shipped dataset: areas asked about on dates when their codes were not in
// force (answered for their territory), and LSOAs before the CCGs. Each case names the source of the
// territory it checks.
#include <orglineage/area_history.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/small_areas.hpp>

#include <doctest/doctest.h>

#include "../unit/show.hpp"

#include <memory>
#include <algorithm>
#include <string>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& nhs() {
    static const auto lin = std::make_unique<Lineage>(Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR));
    return *lin;
}
const AreaHistory& history() {
    static const auto h = std::make_unique<AreaHistory>(AreaHistory::load(nhs()));
    return *h;
}
const SmallAreas& small() {
    static const auto sa = std::make_unique<SmallAreas>(SmallAreas::load(nhs()));
    return *sa;
}

/// The territory's parts, codes sorted, joined by ",".
std::string parts(const char* area, const char* on) {
    std::vector<std::string> codes;
    for (const auto& p : history().territory(area, day(on)).parts) codes.push_back(p.area->code);
    std::sort(codes.begin(), codes.end());
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}
double share_sum(const char* area, const char* on) {
    double sum = 0;
    for (const auto& p : history().territory(area, day(on)).parts) sum += p.share.value_or(-100);
    return sum;
}
std::string who(const char* area, const char* on, const char* f = "commissioning") {
    return show(history().holders(f, area, day(on)).holders);
}
std::string lsoa(const char* code, const char* on) { return show(small().holders("commissioning", code, day(on)).holders); }
LsoaBasis lsoa_basis(const char* code, const char* on) { return small().holders("commissioning", code, day(on)).basis; }

} // namespace

TEST_SUITE("places") {
    TEST_CASE("an area in force on the date is answered as read, without a note") {
        const auto a = history().holders("commissioning", "E06000052", day("2010-06-01"));
        CHECK(a.basis == PlaceBasis::read);
        CHECK(a.notes.empty());
        CHECK(show(a.holders) == "pct/5QP 1");
    }

    TEST_CASE("Cornwall by today's code in 2007 is its six districts of Cornwall county (SI 2008/491)") {
        // SI 2008/491, explanatory note: the districts of Caradon, Carrick, Kerrier, North Cornwall,
        // Penwith and Restormel are abolished and the new unitary has the county's area; the Isles
        // of Scilly kept their own council.
        CHECK(parts("E06000052", "2007-06-01") == "E07000019,E07000020,E07000021,E07000022,E07000023,E07000024");
        const auto a = history().holders("commissioning", "E06000052", day("2007-06-01"));
        CHECK(a.basis == PlaceBasis::territory);
        CHECK(show(a.holders) == "pct/5QP 1");
        REQUIRE(!a.notes.empty());
        CHECK(a.notes.front().rfind("E06000052 (Cornwall) is not in force on 2007-06-01", 0) == 0);
        CHECK(a.notes.front().find("Cornwall and Isles of Scilly (E10000005)") != std::string::npos);
        // After the change, the county of 2007 is the two unitaries, weighed by their populations.
        CHECK(parts("E10000005", "2010-06-01") == "E06000052,E06000053");
        CHECK(share_sum("E10000005", "2010-06-01") == doctest::Approx(1.0));
    }

    TEST_CASE("Wiltshire E06000054 in 2007 is Kennet, North Wiltshire, Salisbury and West Wiltshire (SI 2008/490)") {
        CHECK(parts("E06000054", "2007-06-01") == "E07000230,E07000231,E07000232,E07000233");
        CHECK(who("E06000054", "2007-06-01") == "pct/5QK 1");
    }

    TEST_CASE("Cheshire East in 2008 is Congleton, Crewe and Nantwich and Macclesfield (SI 2008/634 art. 3)") {
        CHECK(parts("E06000049", "2008-06-01") == "E07000014,E07000015,E07000017");
        // The PCTs' coverage of 2006-2009 is of the county: which PCT held which district is unknown.
        for (const auto& h : history().holders("commissioning", "E06000049", day("2008-06-01")).holders)
            CHECK_FALSE(h.share.has_value());
    }

    TEST_CASE("the recodes of 2012-2013 map to the same-named area of the other code (ONS Code History Database)") {
        CHECK(parts("E07000240", "2010-06-01") == "E07000100"); // St Albans, recoded 2012-04-01
        CHECK(parts("E08000037", "2010-06-01") == "E08000020"); // Gateshead, recoded 2013-04-01
        CHECK(who("E08000037", "2010-06-01") == "pct/5KF 1");
        CHECK(parts("E08000020", "2014-06-01") == "E08000037");
        CHECK(parts("E06000057", "2012-06-01") == "E06000048"); // Northumberland
    }

    TEST_CASE("Dorset E06000059 in 2018 is the five districts of Dorset county, by population (SI 2018/648, ONS LAD lookups)") {
        CHECK(parts("E06000059", "2018-06-01") == "E07000049,E07000050,E07000051,E07000052,E07000053");
        CHECK(share_sum("E06000059", "2018-06-01") == doctest::Approx(1.0).epsilon(1e-5));
        CHECK(who("E06000059", "2018-06-01") == "ccg/11J 1");
        // Christchurch after 2019 lies in part of Bournemouth, Christchurch and Poole.
        const auto t = history().territory("E07000048", day("2020-01-01"));
        REQUIRE(t.parts.size() == 1);
        CHECK(t.parts.front().area->code == "E06000058");
        CHECK(*t.parts.front().part_of_area == doctest::Approx(0.1254).epsilon(1e-3));
    }

    TEST_CASE("Buckinghamshire E06000060 in 2019 is its four districts (SI 2019/957)") {
        CHECK(parts("E06000060", "2019-06-01") == "E07000004,E07000005,E07000006,E07000007");
        CHECK(share_sum("E06000060", "2019-06-01") == doctest::Approx(1.0).epsilon(1e-5));
        CHECK(parts("E07000005", "2021-06-01") == "E06000060");
    }

    TEST_CASE("North Northamptonshire E06000061 in 2020 is Corby, East Northamptonshire, Kettering and Wellingborough (SI 2020/156)") {
        CHECK(parts("E06000061", "2020-06-01") == "E07000150,E07000152,E07000153,E07000156");
        CHECK(parts("E07000150", "2022-06-01") == "E06000061"); // Corby after the change
        CHECK(*history().territory("E07000150", day("2022-06-01")).parts.front().part_of_area < 1);
    }

    TEST_CASE("Cumberland E06000063 in 2016 is Allerdale, Carlisle and Copeland (SI 2022/331)") {
        CHECK(parts("E06000063", "2016-06-01") == "E07000026,E07000028,E07000029");
        CHECK(who("E06000063", "2016-06-01") == "ccg/01H 1");
        // The other way: Cumbria county in 2024 is the two new councils, each holding public health.
        CHECK(parts("E10000006", "2024-06-01") == "E06000063,E06000064");
        CHECK(who("E10000006", "2024-06-01", "public-health") ==
              show(history().holders("public-health", "E10000006", day("2024-06-01")).holders));
        CHECK(history().holders("public-health", "E10000006", day("2024-06-01")).holders.size() == 2);
    }

    TEST_CASE("Somerset E06000066 in 2010 is all of Somerset county, through Somerset West and Taunton (SI 2022/329, SI 2018/649)") {
        CHECK(parts("E06000066", "2010-06-01") == "E07000187,E07000188,E07000189,E07000190,E07000191");
        CHECK(share_sum("E06000066", "2010-06-01") == doctest::Approx(1.0).epsilon(1e-5));
        CHECK(who("E06000066", "2010-06-01") == "pct/5QL 1");
        CHECK(parts("E07000187", "2024-06-01") == "E06000066"); // Mendip after the change
        CHECK(parts("E10000027", "2024-06-01") == "E06000066"); // and Somerset county
        CHECK(history().holders("commissioning", "E06000066", day("2010-06-01")).notes.front().find("all of Somerset (E10000027)") !=
              std::string::npos);
    }

    TEST_CASE("Glossop's LSOAs answer Tameside and Glossop PCT alone before the CCGs") {
        // ONS LSOA (2011) to CCG (July 2015): E01019727 (High Peak) lay in 01Y Tameside and Glossop
        // CCG, whose commissioning came from Tameside and Glossop PCT alone (the 2013 transition);
        // High Peak itself was divided between two PCTs.
        CHECK(lsoa("E01019727", "2010-06-01") == "pct/5LH 1");
        CHECK(lsoa_basis("E01019727", "2010-06-01") == LsoaBasis::district_ccg);
        CHECK(lsoa("E01019727", "2008-06-01") == "pct/5LH 1");
        CHECK(lsoa("E01019727", "2011-06-01") == "pct/5LH 1");
        CHECK(lsoa("E01019727", "2004-06-01") == "pct/5LH 1");
        CHECK_FALSE(small().holders("commissioning", "E01019727", day("2010-06-01")).notes.empty());
        // A High Peak LSOA of North Derbyshire CCG (04J, the same lookup) lay in Derbyshire County PCT.
        CHECK(lsoa("E01019710", "2008-06-01") == "pct/5N6 1");
        CHECK(lsoa("E01019710", "2011-06-01") == "pct/5N6 1");
    }

    TEST_CASE("an LSOA whose district lay in one PCT answers that PCT, through the district's territory") {
        // A Cornwall LSOA (LAD E06000052 in the ONS lookups) in 2007 lay in one of the six districts,
        // all of Cornwall and Isles of Scilly PCT.
        const auto a = small().holders("commissioning", "E01018938", day("2007-06-01"));
        CHECK(show(a.holders) == "pct/5QP 1");
        CHECK(a.basis == LsoaBasis::district);
        CHECK(a.explain().find("E06000052 (Cornwall) is not in force") != std::string::npos);
    }
}
