// SPDX-License-Identifier: MIT
#include <orglineage/date.hpp>
#include <orglineage/share.hpp>

#include <doctest/doctest.h>

using namespace orglineage;

TEST_SUITE("date") {
    TEST_CASE("parse_date reads only real ISO days") {
        CHECK(parse_date("2006-10-01") == Date(2006, 10, 1));
        CHECK(parse_date("2008-02-29") == Date(2008, 2, 29));
        CHECK_FALSE(parse_date("2006-02-29"));
        CHECK_FALSE(parse_date("2006-13-01"));
        CHECK_FALSE(parse_date("01/10/2006"));
        CHECK_FALSE(parse_date("2006-10-1"));
        CHECK_FALSE(parse_date("2006-10-01 "));
        CHECK_FALSE(parse_date(""));
    }
    TEST_CASE("Period contains its start but not its end") {
        const Period p{Date(2006, 10, 1), Date(2013, 4, 1)};
        CHECK(p.contains(Date(2006, 10, 1)));
        CHECK(p.contains(Date(2013, 3, 31)));
        CHECK_FALSE(p.contains(Date(2013, 4, 1)));
        CHECK_FALSE(p.contains(Date(2006, 9, 30)));
        CHECK(p.last_day() == Date(2013, 3, 31));
        CHECK(format_period(p) == "2006-10-01..2013-03-31");
    }
    TEST_CASE("an open Period runs on and overlaps what starts later") {
        const Period open{Date(2022, 7, 1), std::nullopt};
        CHECK(open.contains(Date(2100, 1, 1)));
        CHECK(open.overlaps(Period{Date(2030, 1, 1), Date(2031, 1, 1)}));
        CHECK_FALSE(open.overlaps(Period{Date(2020, 1, 1), Date(2022, 7, 1)}));
        CHECK(format_period(open) == "2022-07-01..");
    }
    TEST_CASE("unknown shares stay unknown when multiplied") {
        CHECK(multiply(0.5, 0.5) == doctest::Approx(0.25));
        CHECK_FALSE(multiply(0.5, std::nullopt));
        CHECK(combine(ShareBasis::whole, ShareBasis::population) == ShareBasis::population);
        CHECK(combine(ShareBasis::postcodes, ShareBasis::population) == ShareBasis::unknown);
        CHECK(parse_share_basis("practices") == ShareBasis::practices);
        CHECK_FALSE(parse_share_basis("guess"));
    }
}
