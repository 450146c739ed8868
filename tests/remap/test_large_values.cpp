// SPDX-License-Identifier: MIT
// Remap of values at the edges of exact decimals: very large values, zeros with exponents, and
// 17-digit floats beside large figures (the residual a double leaves on a 27-digit total). Each
// ran for seconds to minutes, or took another row's value, before reconcile and parse_decimal
// were fixed (issue 26); each output here is exact and was read digit by digit.
#include "helpers.hpp"

#include <orglineage/remap.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace orglineage;
using remap_test::day;
using remap_test::small;

namespace {

struct Run {
    RemapSummary summary;
    std::string output;
    std::vector<Reject> rejects;
};

Run run(const std::string& csv, bool aggregate = true) {
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = {"value"};
    o.to = day("2015-01-01");
    o.aggregate = aggregate;
    std::istringstream in(csv);
    std::ostringstream out;
    Run r;
    r.summary = remap(small(), in, out, o, [&](const Reject& j) { r.rejects.push_back(j); });
    r.output = out.str();
    return r;
}

/// The output without its header line.
std::string body(const std::string& out) { return out.substr(out.find('\n') + 1); }

} // namespace

TEST_SUITE("remap-large-values") {

TEST_CASE("remap of one row of 1e27 splits it exactly and at once") {
    // AAA went 0.7 to X CCG and 0.3 to Y CCG. The parts are exact sums, right to the 17th digit (a
    // weight is a double: 0.7 is 0.69999999999999995559), the total to the last.
    const auto r = run("code,date,value\nAAA,2005-06-01,1e27\n");
    CHECK(r.rejects.empty());
    CHECK(body(r.output) == "0XX,X CCG,2005-06-01,699999999999999996564026163,1,postcodes,ccg/X,derived\n"
                            "0YY,Y CCG,2005-06-01,300000000000000003435973837,1,postcodes,ccg/Y,derived\n");
    CHECK(r.summary.totals[0].output_exact == "1000000000000000000000000000");
    const auto rows = run("code,date,value\nAAA,2005-06-01,1e27\n", false);
    CHECK(body(rows.output) == "2,AAA,2005-06-01,0XX,X CCG,0.7,postcodes,forward-share,699999999999999994446741503,derived\n"
                               "2,AAA,2005-06-01,0YY,Y CCG,0.3,postcodes,forward-share,300000000000000005553258497,derived\n");
    CHECK(rows.summary.totals[0].output_exact == "1000000000000000000000000000");
}

TEST_CASE("remap of 1e30 and of 1e35, the largest power of ten read, conserves them to the unit") {
    const auto r = run("code,date,value\nAAA,2005-06-01,1e30\nDDD,2005-06-01,1e35\n");
    CHECK(r.rejects.empty());
    CHECK(body(r.output) == "0XX,X CCG,2005-06-01,699999999999999951504457530503,1,postcodes,ccg/X,derived\n"
                            "0YY,Y CCG,2005-06-01,45000299999999994827339718551362650,2,unknown,ccg/Y,derived\n"
                            "GGG,Z CCG,2005-06-01,55000000000000005172708776991106847,1,unknown,ccg/Z,derived\n");
    CHECK(r.summary.totals[0].output_exact == "100001000000000000000000000000000000");
}

TEST_CASE("remap reads a zero with a large exponent as zero, not as the row before's value") {
    const auto r = run("code,date,value\nAAA,2005-06-01,40\nBBB,2005-06-01,0e100\nDDD,2005-06-01,0E+40\n"
                       "EEE,2011-06-01,0e37\nAAA,2005-06-01,60\n");
    CHECK(r.rejects.empty());
    CHECK(r.summary.counts.mapped == 5);
    CHECK(body(r.output) == "0XX,X CCG,2005-06-01,70,3,postcodes,ccg/X,derived\n"
                            "0YY,Y CCG,2005-06-01,30,4,unknown,ccg/Y,derived\n"
                            "GGG,Z CCG,2005-06-01,0,1,unknown,ccg/Z,derived\n"
                            "0YY,Y CCG,2011-06-01,0,1,whole,ccg/Y,\n");
    CHECK(r.summary.totals[0].read_exact == "100");
    CHECK(r.summary.totals[0].output_exact == "100");
}

TEST_CASE("remap of a 17-digit float beside a large figure keeps all 27 digits of the total") {
    // Exact: X 0.210000000000000028, Y 2355555550.644000000000000012, Z 2879012339.566. The cells
    // are doubles: the 10^10 units they miss of the 27-digit total go by size, none to X's 0.21.
    const auto r = run("code,date,value\nAAA,2005-06-01,0.30000000000000004\nDDD,2005-06-01,5234567890.12\n");
    CHECK(r.rejects.empty());
    CHECK(body(r.output) == "0XX,X CCG,2005-06-01,0.21000000000000001,1,postcodes,ccg/X,derived\n"
                            "0YY,Y CCG,2005-06-01,2355555550.64400003630787790,2,unknown,ccg/Y,derived\n"
                            "GGG,Z CCG,2005-06-01,2879012339.56599996369212213,1,unknown,ccg/Z,derived\n");
    CHECK(r.summary.totals[0].output_exact == "5234567890.42000000000000004");
}

TEST_CASE("remap stops with an error when a date's figures cannot be written at the column's precision") {
    // The column's running total is back at 0 when the 18 decimals come, so each row is read; but
    // 1e30 written with 18 decimals needs 49 digits.
    CHECK_THROWS_WITH_AS(run("code,date,value\nAAA,2005-06-01,1e30\nAAA,2005-07-01,-1e30\n"
                             "EEE,2011-06-01,0.000000000000000001\n"),
                         "remap: the figures of column 'value' on 2005-06-01 are too large to write exactly with 18 "
                         "decimal places (38 digits at most)",
                         Error);
}

} // TEST_SUITE
