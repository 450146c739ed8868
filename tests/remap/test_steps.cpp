// SPDX-License-Identifier: MIT
// The steps of remap one by one: published dates, exact decimals and the reconciliation of
// rounding, the resolution of published codes.
#include "helpers.hpp"
#include "remap/decimal.hpp"
#include "remap/write.hpp"

#include <orglineage/published_date.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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

TEST_CASE("every number form is read exactly or refused, and a refusal never keeps an earlier value") {
    auto status = [](const char* text) {
        detail::Decimal d{12345, 2}; // what a previous row left: never the answer
        const auto s = detail::parse_decimal(text, d);
        return s == detail::DecimalStatus::ok ? detail::format_units(d.units, d.scale)
               : s == detail::DecimalStatus::too_large ? std::string("too large")
               : s == detail::DecimalStatus::too_precise ? std::string("too precise")
                                                         : std::string("not a number");
    };
    SUBCASE("integers, signed, with leading zeros") {
        CHECK(status("0") == "0");
        CHECK(status("-0") == "0");
        CHECK(status("+0") == "0");
        CHECK(status("42") == "42");
        CHECK(status("-42") == "-42");
        CHECK(status("000042") == "42");
        CHECK(status("100") == "100");
    }
    SUBCASE("decimals keep their places, with or without a digit before or after the point") {
        CHECK(status("0.50") == "0.50");
        CHECK(status(".5") == "0.5");
        CHECK(status("-.5") == "-0.5");
        CHECK(status("5.") == "5");
        CHECK(status("0.000") == "0.000");
        CHECK(status("0.05") == "0.05");
        CHECK(status("0.30000000000000004") == "0.30000000000000004");
        CHECK(status("5234567890.12") == "5234567890.12");
    }
    SUBCASE("zero with any exponent is zero") {
        CHECK(status("0e100") == "0");
        CHECK(status("0E+40") == "0");
        CHECK(status("0e37") == "0");
        CHECK(status("-0e9999") == "0");
        CHECK(status("0.000e5") == "0");
        CHECK(status("0e-3") == "0.000");
        CHECK(status("0.0e-2") == "0.000");
        CHECK(status("0e-19") == "too precise");
    }
    SUBCASE("exponents, either case, either sign") {
        CHECK(status("1e3") == "1000");
        CHECK(status("1E3") == "1000");
        CHECK(status("1e+3") == "1000");
        CHECK(status("1.5E-2") == "0.015");
        CHECK(status("-2.5e1") == "-25");
        CHECK(status("123.456e2") == "12345.6");
        CHECK(status("1e0") == "1");
        CHECK(status("1e-0") == "1");
        CHECK(status("1e26") == "100000000000000000000000000");
        CHECK(status("1e27") == "1000000000000000000000000000");
        CHECK(status("1e30") == "1000000000000000000000000000000");
        CHECK(status("1e35") == "100000000000000000000000000000000000");
        CHECK(status("1e36") == "too large");
        CHECK(status("1e400") == "too large");
        CHECK(status("1e-18") == "0.000000000000000001");
        CHECK(status("1e-19") == "too precise");
        CHECK(status("1e-9999") == "too precise");
        CHECK(status("1e00001") == "not a number"); // an exponent of at most four digits
    }
    SUBCASE("36 significant digits are the most, whatever zeros lead or follow") {
        CHECK(status("123456789012345678901234567890123456") == "123456789012345678901234567890123456");
        CHECK(status("0000123456789012345678901234567890123456") == "123456789012345678901234567890123456");
        CHECK(status("1234567890123456789012345678901234567") == "too large");
        CHECK(status("0.000000000000000001") == "0.000000000000000001");
        CHECK(status("0.0000000000000000001") == "too precise");
        CHECK(status("0.0000000000000000000000000000000000000001") == "too precise");
    }
    SUBCASE("anything else is not a number") {
        for (const char* bad : {"", "+", "-", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1e5.5", "1.2.3", "--1",
                                "+-1", "1-", "1 000", "1,000", "0x10", "nan", "NaN", "inf", "-inf", "infinity",
                                "1d5", "1f", "12abc", "\xc2\xa0" "1"})
            CHECK_MESSAGE(status(bad) == "not a number", bad);
    }
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

TEST_CASE("reconcile spreads a residual of any size in one pass, as dealing it a unit at a time would") {
    // The former loop, kept here as the reference for residuals small enough to deal one by one.
    auto dealt = [](detail::Int128 total, const std::vector<long double>& approx) {
        std::vector<detail::Int128> parts;
        std::vector<std::size_t> order(approx.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        detail::Int128 sum = 0;
        parts.clear();
        for (long double a : approx) {
            parts.push_back(static_cast<detail::Int128>(std::llround(a)));
            sum += parts.back();
        }
        detail::Int128 residual = total - sum;
        const long double sign = residual > 0 ? 1 : -1;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return sign * (approx[a] - static_cast<long double>(parts[a])) >
                   sign * (approx[b] - static_cast<long double>(parts[b]));
        });
        const detail::Int128 step = residual > 0 ? 1 : -1;
        for (std::size_t k = 0; residual != 0; k = (k + 1) % order.size()) {
            parts[order[k]] += step;
            residual -= step;
        }
        return parts;
    };
    std::vector<detail::Int128> out;
    // ordinary figures: the residual of rounding is at most a unit a part
    int compared = 0;
    for (const std::vector<long double>& approx :
         {std::vector<long double>{1.0L, 2.5L, 3.49L, 4.51L}, std::vector<long double>{-3.5L, 0.2L, 0.7L},
          std::vector<long double>{100.4L}, std::vector<long double>{0.5L, 0.5L, 0.5L, 0.5L, 0.5L, 0.5L},
          std::vector<long double>{33.4L, 33.3L, 33.3L}, std::vector<long double>{-0.6L, -0.6L, 1.7L}})
        for (int off = -6; off <= 6; ++off) {
            long double sum = 0;
            long long rounded = 0;
            for (long double a : approx) {
                sum += a;
                rounded += std::llround(a);
            }
            const long long total = std::llround(sum) + off;
            const auto n = static_cast<long long>(approx.size());
            if (total - rounded > n || rounded - total > n) continue;
            CHECK(detail::reconcile(total, approx, out));
            CHECK(out == dealt(total, approx));
            ++compared;
        }
    CHECK(compared > 30);
}

TEST_CASE("reconcile shares a residual of more units than parts by the parts' sizes") {
    std::vector<detail::Int128> out;
    // 10^27 units of which doubles kept 16 digits: 10^11 units short, shared 7 : 3, none to the
    // small part (a part of 21 beside these would otherwise take a third of them)
    const detail::Int128 e27 = static_cast<detail::Int128>(1000000000000000000LL) * 1000000000;
    CHECK(detail::reconcile(e27 + 21, {7e26L * (1 - 1e-16L), 3e26L * (1 - 1e-16L), 21.0L}, out));
    CHECK(out[0] + out[1] + out[2] == e27 + 21);
    // (the long doubles themselves hold 7e26 - 7e10 to 2^26: that much, not 10^10, is the error)
    const detail::Int128 error0 = out[0] - e27 / 10 * 7;
    CHECK(error0 < 100000000);
    CHECK(error0 > -100000000);
    CHECK(static_cast<long long>(out[2]) == 21);
    // a residual far larger than its parts, in one pass: 10^30 units over three parts of 1
    const detail::Int128 e30 = e27 * 1000;
    CHECK(detail::reconcile(e30, {1.0L, 1.0L, 1.0L}, out));
    CHECK(out[0] + out[1] + out[2] == e30);
    CHECK(out[0] - out[2] <= 1);
    // parts beyond 128 bits are refused, not wrapped
    CHECK_FALSE(detail::reconcile(0, {1e38L, 1e38L}, out));
    CHECK_FALSE(detail::reconcile(0, {1e39L}, out));
}

} // TEST_SUITE
