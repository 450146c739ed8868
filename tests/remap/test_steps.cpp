// SPDX-License-Identifier: MIT
// The steps of remap one by one: published dates, exact decimals and the reconciliation of
// rounding, the resolution of published codes.
#include "helpers.hpp"
#include "remap/decimal.hpp"
#include "remap/write.hpp"

#include <orglineage/published_date.hpp>

#include <doctest/doctest.h>

#include <numeric>

using namespace orglineage;
using remap_test::day;

namespace {

std::string label_of(const char* text, DateFormat f = DateFormat::automatic) {
    const auto d = parse_published_date(text, f);
    return d ? d->label() + " " + format_date(d->first) + ".." + format_date(d->last) : "none";
}

std::string exact(const char* text) {
    detail::Decimal d;
    if (detail::parse_decimal(text, d) != detail::DecimalStatus::ok) return "bad";
    return detail::format_units(d.units, d.scale);
}

} // namespace

TEST_SUITE("remap-steps") {

TEST_CASE("published dates: days, months and financial years as tables write them") {
    CHECK(label_of("2014-04-01") == "2014-04-01 2014-04-01..2014-04-01");
    CHECK(label_of("01/04/2014") == "2014-04-01 2014-04-01..2014-04-01");
    CHECK(label_of("2014-04") == "2014-04 2014-04-01..2014-04-30");
    CHECK(label_of("2016-02") == "2016-02 2016-02-01..2016-02-29");
    CHECK(label_of("2014/15") == "2014/15 2014-04-01..2015-03-31");
    CHECK(label_of("2014-15") == "2014/15 2014-04-01..2015-03-31");
    CHECK(label_of("1999/00") == "1999/00 1999-04-01..2000-03-31");
    CHECK(label_of(" 2014/15\t") == "2014/15 2014-04-01..2015-03-31");
    // 2011-12 is a month unless the format says financial years
    CHECK(label_of("2011-12") == "2011-12 2011-12-01..2011-12-31");
    CHECK(label_of("2011-12", DateFormat::financial_year) == "2011/12 2011-04-01..2012-03-31");
}

TEST_CASE("published dates: a format given is the only one accepted") {
    CHECK(label_of("2014-04-01", DateFormat::uk_day) == "none");
    CHECK(label_of("01/04/2014", DateFormat::iso_day) == "none");
    CHECK(label_of("2014-04-01", DateFormat::iso_month) == "none");
    CHECK(label_of("2014-04", DateFormat::financial_year) == "none");
    CHECK(parse_date_format("DD/MM/YYYY") == DateFormat::uk_day);
    CHECK(parse_date_format("YYYY/YY") == DateFormat::financial_year);
    CHECK_FALSE(parse_date_format("MM/DD/YYYY").has_value());
}

TEST_CASE("published dates: impossible days and days the library cannot represent are refused") {
    for (const char* bad : {"2014/16", "2014-13", "2014-00", "31/02/2014", "2015-02-29", "9999-12-31", "9999/00",
                            "9999-12", "1400-01-01", "14/15", "2014/2015", "", "April 2014"})
        CHECK_MESSAGE(label_of(bad) == "none", bad);
    CHECK(label_of("9999-11") == "9999-11 9999-11-01..9999-11-30");
}

TEST_CASE("decimals are read exactly, at their own precision") {
    CHECK(exact("11418155.63") == "11418155.63");
    CHECK(exact("+10") == "10");
    CHECK(exact("-0.50") == "-0.50");
    CHECK(exact("1e3") == "1000");
    CHECK(exact("1.5E-2") == "0.015");
    CHECK(exact(".5") == "0.5");
    CHECK(exact("007") == "7");
    for (const char* bad : {"nan", "inf", "-inf", "1,000", "12abc", "1e", "--1", ".", "e5", "0x10"})
        CHECK_MESSAGE(exact(bad) == "bad", bad);
    detail::Decimal d;
    CHECK(detail::parse_decimal("1e400", d) == detail::DecimalStatus::too_large);
    CHECK(detail::parse_decimal("1234567890123456789012345678901234567", d) == detail::DecimalStatus::too_large);
    CHECK(detail::parse_decimal("0.0000000000000000001", d) == detail::DecimalStatus::too_precise);
}

TEST_CASE("exact sums add values of different precision and refuse to overflow") {
    detail::ExactSum s;
    detail::Decimal a, b;
    REQUIRE(detail::parse_decimal("0.1", a) == detail::DecimalStatus::ok);
    REQUIRE(detail::parse_decimal("0.2", b) == detail::DecimalStatus::ok);
    CHECK(s.add(a));
    CHECK(s.add(b));
    CHECK(s.str() == "0.3"); // where 0.1 + 0.2 in binary is 0.30000000000000004
    detail::Decimal big;
    REQUIRE(detail::parse_decimal("99999999999999999999999999999999999", big) == detail::DecimalStatus::ok);
    detail::ExactSum t;
    int added = 0;
    while (t.add(big) && added < 10000) ++added;
    CHECK(added > 1000);
    CHECK(added < 10000); // refused before wrapping round
}

TEST_CASE("reconcile rounds parts to integers that sum to the exact total") {
    std::vector<detail::Int128> out;
    // a third each of 100: 33.33.. rounds to 33 three times; the lost unit goes to one of them
    detail::reconcile(100, {100.0L / 3, 100.0L / 3, 100.0L / 3}, out);
    CHECK(static_cast<long long>(std::accumulate(out.begin(), out.end(), detail::Int128{0})) == 100);
    CHECK(static_cast<long long>(out[0]) == 34);
    CHECK(static_cast<long long>(out[1]) == 33);
    // the unit goes to the part that lost most
    detail::reconcile(10, {2.4L, 3.45L, 4.15L}, out);
    CHECK(static_cast<long long>(out[0]) == 2);
    CHECK(static_cast<long long>(out[1]) == 4);
    CHECK(static_cast<long long>(out[2]) == 4);
    detail::reconcile(-7, {-3.5L, -3.5L}, out);
    CHECK(static_cast<long long>(out[0] + out[1]) == -7);
}

} // TEST_SUITE
