// SPDX-License-Identifier: MIT
// Small areas: who commissioned an LSOA or a postcode on a date, and LAD population shares, checked
// against the ONS lookups (values read from the lookups themselves, see tools/data/small_areas.py).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <orglineage/orglineage.hpp>
#include <orglineage/small_areas.hpp>

#include <memory>
#include <string>

using namespace orglineage;

namespace {

const Lineage& nhs() {
    static const auto lin = std::make_unique<Lineage>(Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR));
    return *lin;
}
const SmallAreas& areas() {
    static const auto sa = std::make_unique<SmallAreas>(SmallAreas::load(nhs()));
    return *sa;
}
Date day(const char* s) { return *parse_date(s); }

/// The ODS code (on the date) of the one body commissioning an LSOA.
std::string commissioner(const char* lsoa, const char* date) {
    const auto a = areas().holders("commissioning", lsoa, day(date));
    REQUIRE(a.holders.size() == 1);
    return a.holders.front().body->ods_on(day(date));
}
std::string location(const char* lsoa, const char* date) {
    const auto a = areas().holders("commissioning", lsoa, day(date));
    REQUIRE(a.holders.size() == 1);
    return a.holders.front().location ? a.holders.front().location->ods_on(day(date)) : "";
}
std::string data(const char* name) { return std::string(ORGLINEAGE_SMALL_AREAS_TEST_DATA) + "/" + name; }

} // namespace

TEST_SUITE("small_areas") {
    TEST_CASE("SmallAreas loads both LSOA sets from the shipped tables") {
        CHECK(areas().lsoa_count(2011) == 32844);
        CHECK(areas().lsoa_count(2021) == 33755);
        CHECK(areas().is_lsoa("E01000001"));
        CHECK_FALSE(areas().is_lsoa("W01000001"));
        CHECK(areas().lad_of("E01000001", day("2019-06-01")) == "E09000001");
    }

    TEST_CASE("SmallAreas gives the commissioner of named LSOAs as in the ONS lookups") {
        // City of London 001A: City and Hackney CCG (07T) in the April 2016 and April 2019 lookups,
        // North East London CCG (A3A8R) in April 2021, and North East London ICB (QMF) by 2023.
        CHECK(commissioner("E01000001", "2016-06-01") == "07T");
        CHECK(commissioner("E01000001", "2019-06-01") == "07T");
        CHECK(commissioner("E01000001", "2021-06-01") == "A3A8R");
        CHECK(commissioner("E01000001", "2023-06-01") == "QMF");
        // Halton 007A: Halton CCG (01F), then Cheshire and Merseyside ICB (QYG), sub-ICB 01F.
        CHECK(commissioner("E01012367", "2016-06-01") == "01F");
        CHECK(commissioner("E01012367", "2019-06-01") == "01F");
        CHECK(commissioner("E01012367", "2021-06-01") == "01F");
        CHECK(commissioner("E01012367", "2023-06-01") == "QYG");
        CHECK(location("E01012367", "2022-07-01") == "01F");
    }

    TEST_CASE("SmallAreas flags dates between vintages as derived and says from what") {
        const auto sourced = areas().holders("commissioning", "E01000001", day("2019-06-01"));
        CHECK(sourced.basis == LsoaBasis::sourced);
        REQUIRE(sourced.table);
        CHECK(sourced.table->vintage == "2019-04");
        const auto a2023 = areas().holders("commissioning", "E01000001", day("2023-06-01"));
        CHECK(a2023.basis == LsoaBasis::derived);
        REQUIRE(a2023.table);
        CHECK(a2023.table->vintage == "2022-07");
        CHECK(a2023.explain().find("derived from lsoa11-commissioning-2022-07") != std::string::npos);
        const auto a2014 = areas().holders("commissioning", "E01012367", day("2014-06-01"));
        CHECK(a2014.basis == LsoaBasis::derived);
        CHECK(a2014.table->vintage == "2015-07");
        REQUIRE(a2014.holders.size() == 1);
        CHECK(a2014.holders.front().body->ods_on(day("2014-06-01")) == "01F");
    }

    TEST_CASE("SmallAreas moves a Glossop LSOA from Tameside and Glossop to Derby and Derbyshire on 1 Jul 2022") {
        // High Peak 004A: CCG 01Y in April 2021; sub-ICB 15M of Derby and Derbyshire ICB (QJ2) in July 2022.
        CHECK(commissioner("E01019727", "2022-06-30") == "01Y");
        CHECK(commissioner("E01019727", "2022-07-01") == "QJ2");
        CHECK(location("E01019727", "2022-07-01") == "15M");
        CHECK(commissioner("E01019727", "2024-06-01") == "QJ2");
    }

    TEST_CASE("SmallAreas moves a West Birmingham LSOA from Black Country and West Birmingham to Birmingham and Solihull") {
        // Birmingham 039H: CCG D2P2L in April 2021; sub-ICB 15E of Birmingham and Solihull ICB (QHL).
        CHECK(commissioner("E01033635", "2022-06-30") == "D2P2L");
        CHECK(commissioner("E01033635", "2022-07-01") == "QHL");
        CHECK(location("E01033635", "2022-07-01") == "15E");
    }

    TEST_CASE("SmallAreas answers a 2011 LSOA on a 2024 date through the 2011-2021 correspondence") {
        const auto cw = areas().corresponding("E01000010");
        REQUIRE(cw.size() >= 2);
        const auto a = areas().holders("commissioning", "E01000010", day("2024-06-01"));
        CHECK(a.basis == LsoaBasis::correspondence);
        REQUIRE(a.holders.size() == 1);
        CHECK(a.holders.front().body->ods_on(day("2024-06-01")) == "QMF");
    }

    TEST_CASE("SmallAreas shares a LAD covered by two CCGs by LSOA population") {
        // Cheshire East, ONS mid-2019 LSOA populations over the April 2019 lookup:
        // Eastern Cheshire (01C) 198,166; South Cheshire (01R) 185,986.
        const auto s = areas().lad_shares("commissioning", "E06000049", day("2019-06-01"));
        CHECK(s.year == 2019);
        REQUIRE(s.shares.size() == 2);
        CHECK(s.shares[0].body->ods_on(day("2019-06-01")) == "01C");
        CHECK(s.shares[0].share == doctest::Approx(0.515853).epsilon(1e-5));
        CHECK(s.shares[1].body->ods_on(day("2019-06-01")) == "01R");
        CHECK(s.shares[1].share == doctest::Approx(0.484147).epsilon(1e-5));
        CHECK(s.population == doctest::Approx(198166 + 185986));
        CHECK(s.explain().find("mid-2019") != std::string::npos);
    }

    TEST_CASE("SmallAreas validates: one holder per LSOA per date from 2015-07-01, LAD shares summing to 1") {
        const auto problems = areas().validate();
        for (const auto& p : problems) MESSAGE(p);
        CHECK(problems.empty());
    }

    TEST_CASE("SmallAreas answers another function from the LSOA's LAD") {
        const auto a = areas().holders("commissioning.specialised", "E01000001", day("2019-06-01"));
        CHECK(a.basis == LsoaBasis::local_authority);
        CHECK_FALSE(a.holders.empty());
    }

    TEST_CASE("SmallAreas rejects an unknown LSOA and an unknown function") {
        CHECK_THROWS_WITH_AS(areas().holders("commissioning", "E01999999", day("2019-06-01")),
                             "unknown LSOA 'E01999999' (an English LSOA of 2011 or 2021)", LookupError);
        CHECK_THROWS_WITH_AS(areas().holders("dentistry", "E01000001", day("2019-06-01")),
                             "unknown function 'dentistry'", LookupError);
    }

    TEST_CASE("SmallAreas reads a hand-made dataset's tables: holders per vintage and population shares") {
        const auto lin = Lineage::load(data("toy"));
        const auto sa = SmallAreas::load(lin);
        CHECK(sa.lsoa_count(2011) == 3);
        auto ods = [&](const char* lsoa, const char* date) {
            const auto a = sa.holders("commissioning", lsoa, day(date));
            REQUIRE(a.holders.size() == 1);
            return a.holders.front().body->ods_on(day(date));
        };
        CHECK(ods("E01000002", "2015-07-01") == "AAA");
        CHECK(ods("E01000002", "2016-03-31") == "AAA");
        CHECK(ods("E01000002", "2016-04-01") == "BBB");
        CHECK(ods("E01000002", "2014-01-01") == "AAA"); // derived backwards: Alpha already held it
        CHECK(sa.holders("commissioning", "E01000002", day("2014-01-01")).basis == LsoaBasis::derived);
        CHECK(sa.holders("commissioning", "E01000002", day("2030-01-01")).basis == LsoaBasis::sourced);
        const auto s2015 = sa.lad_shares("commissioning", "E06000001", day("2015-08-01"));
        REQUIRE(s2015.shares.size() == 2);
        CHECK(s2015.year == 2017);
        CHECK(s2015.shares[0].body->id == "ccg/a");
        CHECK(s2015.shares[0].share == doctest::Approx(0.5));
        const auto s2016 = sa.lad_shares("commissioning", "E06000001", day("2016-08-01"));
        CHECK(s2016.shares[0].body->id == "ccg/b");
        CHECK(s2016.shares[0].share == doctest::Approx(2000.0 / 3000.0));
        CHECK(s2016.shares[0].lsoas == 2);
        CHECK(sa.validate().empty());
    }

    TEST_CASE("the manifest's small-areas settings say how far back the LSOA tables are carried") {
        // toy carries its tables back to 2013-04-01, toy_late (the same tables) only to 2014-06-01.
        const auto early = Lineage::load(data("toy"));
        const auto late = Lineage::load(data("toy_late"));
        const auto sa_early = SmallAreas::load(early);
        const auto sa_late = SmallAreas::load(late);
        CHECK(sa_early.holders("commissioning", "E01000002", day("2014-01-01")).basis == LsoaBasis::derived);
        CHECK(sa_late.holders("commissioning", "E01000002", day("2014-07-01")).basis == LsoaBasis::derived);
        CHECK(sa_late.holders("commissioning", "E01000002", day("2014-01-01")).basis != LsoaBasis::derived);
        REQUIRE(late.dataset().small_areas);
        CHECK(late.dataset().small_areas->derive_from == day("2014-06-01"));
        CHECK(late.dataset().small_areas->population_years == std::vector<int>{2017, 2019, 2020});
    }

    TEST_CASE("loading rejects lsoa-coverage tables without the manifest's small-areas settings") {
        const std::string dir = data("invalid/no_settings");
        // Positions in YAML files name the file from the dataset's own directory name.
        const std::string expected =
            "no_settings/data.yaml:23:5: table 'cov-2015' is an lsoa-coverage table: dataset.yaml must say how to read it "
                  "(small-areas: function, derive-from, complete-from, population-years)";
        CHECK_THROWS_WITH_AS((void)Lineage::load(dir), expected.c_str(), ValidationError);
        const auto problems = validate_directory(dir);
        REQUIRE(problems.size() == 2);
        CHECK(problems.front() == expected);
    }

    TEST_CASE("loading rejects a table code that names no body, with the CSV file and line") {
        const std::string file = data("bad_code") + "/coverage.csv";
        CHECK_THROWS_WITH_AS((void)Lineage::load(data("bad_code")),
                             (file + ":3:2: code 'ZZZ' names no body on 2015-07-01").c_str(), DataError);
    }

    TEST_CASE("loading and validating reject a broken small-area table, with the CSV file, line and reason") {
        struct Broken {
            const char* fixture;
            const char* file;
            const char* where_and_why;
        };
        for (const Broken& b : {
                 Broken{"duplicate_lsoa", "coverage.csv", ":5:1: LSOA 'E01000003' repeated (first on line 4)"},
                 Broken{"unknown_lsoa", "lad.csv",
                        ":4:1: unknown LSOA 'E01000009' (in no lsoa-coverage table of the dataset)"},
                 Broken{"unknown_district", "lad.csv",
                        ":3:2: unknown district 'E06000099' (no area of the dataset has that code)"},
                 Broken{"bad_population", "population.csv", ":3:3: bad population '-5'"},
                 Broken{"bad_share", "area-changes.csv", ":2:4: bad share '1.5' (a number in (0, 1], or empty)"},
             }) {
            CAPTURE(b.fixture);
            const std::string dir = data("invalid/") + b.fixture;
            const std::string expected = dir + "/" + b.file + b.where_and_why;
            CHECK_THROWS_WITH_AS((void)Lineage::load(dir), expected.c_str(), DataError);
            CHECK(validate_directory(dir) == std::vector<std::string>{expected});
        }
    }

    TEST_CASE("PostcodeIndex finds a postcode however it is written, and its commissioner") {
        const auto pc = PostcodeIndex::load(data("postcodes.csv"));
        CHECK(pc.size() == 5);
        CHECK(pc.rejects().empty());
        CHECK(PostcodeIndex::normalise("sk138aa") == "SK13 8AA");
        CHECK(PostcodeIndex::normalise(" EC1A  1BB ") == "EC1A 1BB");
        CHECK(PostcodeIndex::normalise("12345").empty());
        const auto l = pc.lsoas("sk13 8aa");
        REQUIRE(l.size() == 1);
        CHECK(l.front() == "E01019727");
        CHECK(areas().holders("commissioning", l.front(), day("2022-07-01")).holders.front().body->ods_on(
                  day("2022-07-01")) == "QJ2");
        CHECK(pc.lsoas("ZZ1 1ZZ").empty());
    }

    TEST_CASE("PostcodeIndex rejects bad rows with their line numbers and keeps the good ones") {
        const auto pc = PostcodeIndex::load(data("bad_postcodes.csv"));
        const auto& r = pc.rejects();
        REQUIRE(r.size() == 5);
        CHECK(pc.size() == 2);
        CHECK(r[0].line == 3);
        CHECK(r[0].reason == "not a postcode 'NOT A POSTCODE'");
        CHECK(r[1].line == 4);
        CHECK(r[1].reason == "no LSOA for SK13 8AA");
        CHECK(r[2].line == 5);
        CHECK(r[2].reason == "not an LSOA code 'E0103363' for B66 1AA");
        CHECK(r[3].line == 6);
        CHECK(r[3].reason == "quote never closed");
        CHECK(r[4].line == 7);
        CHECK(r[4].reason == "postcode repeated (first on line 2)");
        CHECK(pc.lsoas("SK13 8AB") == std::vector<std::string>{"E01019727"});
        CHECK(pc.lsoas("EC1A 1BB") == std::vector<std::string>{"E01000001"});
    }

    TEST_CASE("PostcodeIndex rejects a file without an LSOA column") {
        CHECK_THROWS_WITH_AS(PostcodeIndex::load(data("no_lsoa_column.csv")),
                             (data("no_lsoa_column.csv") +
                              ":1:1: no LSOA column (expected one of lsoa21, lsoa11, lsoa21cd, lsoa11cd, lsoa, lsoa_code)")
                                 .c_str(),
                             DataError);
    }
}
