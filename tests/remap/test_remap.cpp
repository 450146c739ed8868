// SPDX-License-Identifier: MIT
// Remap on data/small: conservation of totals, the output forms, and every kind of bad row.
#include "helpers.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/remap.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
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

Run run(const std::string& csv, RemapOptions o) {
    std::istringstream in(csv);
    std::ostringstream out;
    Run r;
    r.summary = remap(small(), in, out, o, [&](const Reject& j) { r.rejects.push_back(j); });
    r.output = out.str();
    return r;
}

RemapOptions options(const char* to, bool aggregate = true) {
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = {"value"};
    o.to = day(to);
    o.aggregate = aggregate;
    return o;
}

/// The output rows as (code, date) → values, from the aggregated CSV.
std::map<std::pair<std::string, std::string>, double> cells(const std::string& csv) {
    std::istringstream in(csv);
    CsvReader r(in);
    CsvRecord rec;
    std::map<std::pair<std::string, std::string>, double> out;
    r.next(rec);
    while (r.next(rec)) out[{std::string(rec.fields[0]), std::string(rec.fields[2])}] = std::stod(std::string(rec.fields[3]));
    return out;
}

} // namespace

TEST_SUITE("remap") {

TEST_CASE("remap apportions rows onto the bodies of the target date and conserves the totals") {
    const std::string csv = "code,date,value\n"
                            "AAA,2005-06-01,100\n"
                            "BBB,2005-06-01,50\n"
                            "DDD,2005-06-01,200\n"
                            "CCC,2011-06-01,10\n"
                            "EEE,2011-06-01,40\n"   // after E's transfer: all of it to Y
                            "EEE,2008-06-01,40\n"   // before it: a quarter to Z
                            "0XX,2015-06-01,7\n";
    const auto r = run(csv, options("2015-01-01"));
    CHECK(r.rejects.empty());
    CHECK(r.summary.counts.rows == 7);
    CHECK(r.summary.counts.mapped == 7);
    CHECK(r.summary.counts.rejected == 0);
    REQUIRE(r.summary.totals.size() == 1);
    CHECK(r.summary.totals[0].read == doctest::Approx(447));
    CHECK(r.summary.totals[0].mapped == doctest::Approx(447));
    CHECK(r.summary.totals[0].output == doctest::Approx(447).epsilon(1e-12));
    const auto c = cells(r.output);
    // whole numbers in, whole numbers out: each date's total is conserved exactly
    CHECK(c.at({"0XX", "2005-06-01"}) == 105); // 0.7 × 150
    CHECK(c.at({"0YY", "2005-06-01"}) == 45 + 90); // 0.3 × 150 + 0.45 × 200
    CHECK(c.at({"GGG", "2005-06-01"}) == 110); // 0.55 × 200
    CHECK(c.at({"0YY", "2011-06-01"}) == 3 + 40);
    CHECK(c.at({"0YY", "2008-06-01"}) == 30);
    CHECK(c.at({"GGG", "2008-06-01"}) == 10);
    CHECK(c.at({"0XX", "2015-06-01"}) == 7);
    CHECK(r.summary.totals[0].output_exact == "447");
    CHECK(r.summary.totals[0].mapped_exact == "447");
    CHECK(r.output.rfind("code,name,date,value,rows,basis,body_id,notes\n", 0) == 0);
    CHECK(r.output.find("0XX,X CCG,2005-06-01,105,2,postcodes,ccg/X,derived\n") != std::string::npos);
}

TEST_CASE("remap row by row writes one line per input row and target, with weight and basis") {
    const auto r = run("code,date,value\nAAA,2005-06-01,100\n0XX,2015-06-01,\n", options("2015-01-01", false));
    CHECK(r.summary.output_rows == 3);
    CHECK(r.output.rfind("line,code,date,target_code,target_name,weight,basis,method,value,notes\n", 0) == 0);
    CHECK(r.output.find("2,AAA,2005-06-01,0XX,X CCG,0.7,postcodes,forward-share,70,derived\n") != std::string::npos);
    CHECK(r.output.find("2,AAA,2005-06-01,0YY,Y CCG,0.3,postcodes,forward-share,30,derived\n") != std::string::npos);
    // a blank value stays blank and is counted, the row still maps (backwards: dated after --to)
    CHECK(r.output.find("3,0XX,2015-06-01,0XX,X CCG,1,whole,single-source,,\n") != std::string::npos);
    CHECK(r.summary.totals[0].blank == 1);
    CHECK(r.summary.counts.mapped == 2);
}

TEST_CASE("remap resolves a reused code on the row's own date") {
    // GGG was pct/G until 2013 (its functions ended), then ccg/Z
    const auto r = run("code,date,value\nGGG,2016-01-01,5\nGGG,2010-01-01,5\n", options("2016-06-01"));
    CHECK(r.summary.counts.mapped == 1);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 3);
    CHECK(r.rejects[0].reason == RejectReason::no_successor);
    CHECK(r.rejects[0].message.find("pct/G") != std::string::npos);
}

TEST_CASE("remap rejects every kind of bad row with its line and reason, and accounts for its values") {
    const std::string csv = "\xEF\xBB\xBF" "code,date,value\r\n"
                            "AAA,2005-06-01,1\r\n"                 // 2 ok
                            "AAA,2005-06-01\r\n"                   // 3 malformed: too few fields
                            "AAA,\"2005-06-01,1\r\n"               // 4 malformed: quote never closed
                            ",2005-06-01,2\r\n"                    // 5 missing code
                            "AAA,2005-02-30,4\r\n"                 // 6 bad date
                            "ZZZ,2005-06-01,8\r\n"                 // 7 unknown code
                            "0XX,2005-06-01,16\r\n"                // 8 code not in use then
                            "AAA,2005-06-01,12abc\r\n"             // 9 bad value
                            "GGG,2010-06-01,32\r\n"                // 10 no successor
                            "DDD,2005-06-01,64\r\n"                // 11 unknown share (Z's split)
                            "\r\n"                                 // 12 empty line: skipped
                            "\"A\"\"A\",2005-06-01,1\r\n"          // 13 unknown code A"A
                            "aaa,2005-06-01,1\r\n";                // 14 ok: codes are case-insensitive
    const auto r = run(csv, options("2023-01-01"));
    std::map<std::int64_t, RejectReason> got;
    for (const auto& j : r.rejects) got[j.line] = j.reason;
    const std::map<std::int64_t, RejectReason> want{
        {3, RejectReason::malformed},      {4, RejectReason::malformed},      {5, RejectReason::missing_code},
        {6, RejectReason::bad_date},       {7, RejectReason::unknown_code},   {8, RejectReason::inactive_code},
        {9, RejectReason::bad_value},      {10, RejectReason::no_successor},  {11, RejectReason::unknown_share},
        {13, RejectReason::unknown_code}};
    CHECK(got == want);
    CHECK(r.summary.counts.rows == 12);
    CHECK(r.summary.counts.mapped == 2);
    CHECK(r.summary.counts.rejected == 10);
    CHECK(r.summary.counts.rows == r.summary.counts.mapped + r.summary.counts.rejected);
    const auto& t = r.summary.totals[0];
    CHECK(t.mapped == doctest::Approx(2));
    CHECK(t.output == doctest::Approx(2));
    // values readable in rejected rows: 2 + 4 + 8 + 16 + 32 + 64 + 1
    CHECK(t.rejected == doctest::Approx(127));
    CHECK(t.read == doctest::Approx(t.mapped + t.rejected));
    CHECK(r.rejects[0].raw == "AAA,2005-06-01");
    CHECK(r.rejects[0].message == "expected 3 fields, found 2");
    std::int64_t by_reason = 0;
    for (const auto& kv : r.summary.rejects_by_reason) by_reason += kv.second;
    CHECK(by_reason == 10);
}

TEST_CASE("remap with nearest takes the closest holder of a code not in use on the date") {
    auto o = options("2015-01-01");
    o.nearest = true;
    const auto r = run("code,date,value\n0XX,2012-06-01,10\n", o); // X began in 2013
    CHECK(r.summary.counts.mapped == 1);
    CHECK(r.summary.nearest == 1);
}

TEST_CASE("remap backwards uses estimated weights, or rejects them when told to") {
    const std::string csv = "code,date,value\n0XX,2015-06-01,100\nGGG,2015-06-01,10\n";
    const auto r = run(csv, options("2005-01-01"));
    CHECK(r.summary.counts.mapped == 2);
    CHECK(r.summary.estimated == 1); // X's split between A and B; Z's came from D alone
    const auto c = cells(r.output);
    CHECK(c.at({"AAA", "2015-06-01"}) == doctest::Approx(50));
    CHECK(c.at({"DDD", "2015-06-01"}) == doctest::Approx(10));
    CHECK(r.summary.totals[0].output == doctest::Approx(110));
    auto strict = options("2005-01-01");
    strict.allow_estimates = false;
    const auto s = run(csv, strict);
    CHECK(s.summary.counts.mapped == 1);
    REQUIRE(s.rejects.size() == 1);
    CHECK(s.rejects[0].reason == RejectReason::unknown_share);
}

TEST_CASE("remap fails on a header without the named columns") {
    std::istringstream in("code,when,value\nAAA,2005-06-01,1\n");
    std::ostringstream out;
    CHECK_THROWS_WITH_AS(remap(small(), in, out, options("2015-01-01")),
                         "remap: no column 'date' in the header (columns: 'code', 'when', 'value')", Error);
    std::istringstream empty("");
    CHECK_THROWS_AS(remap(small(), empty, out, options("2015-01-01")), Error);
}

TEST_CASE("remap reports progress while it runs and at the end") {
    std::string csv = "code,date,value\n";
    for (int i = 0; i < 25000; ++i) csv += "AAA,2005-06-01,1\n";
    auto o = options("2015-01-01");
    o.progress_interval = std::chrono::milliseconds(0);
    std::vector<std::int64_t> seen;
    o.progress = [&](const RemapProgress& p) { seen.push_back(p.rows); };
    const auto r = run(csv, o);
    REQUIRE(seen.size() >= 2); // at least once while reading, and at the end
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.back() == 25000);
    CHECK(seen.front() < 25000);
    CHECK(r.summary.counts.bytes == csv.size());
    CHECK(r.summary.totals[0].output_exact == "25000");
}

TEST_CASE("remap conserves totals over many random rows") {
    const char* codes[] = {"AAA", "BBB", "DDD", "CCC", "EEE", "FFF", "0XX", "0YY", "GGG"};
    const char* dates[] = {"2003-01-01", "2006-09-30", "2006-10-01", "2009-05-05", "2010-04-01", "2014-01-01"};
    std::string csv = "date,value,code,other\n";
    unsigned x = 12345;
    double expect = 0;
    for (int i = 0; i < 5000; ++i) {
        x = x * 1103515245u + 12345u;
        const double v = static_cast<double>(x % 100000) / 7.0;
        csv += std::string(dates[(x >> 8) % 6]) + "," + std::to_string(v) + "," + codes[(x >> 16) % 9] + ",z\n";
    }
    const auto r = run(csv, options("2016-01-01"));
    const auto& t = r.summary.totals[0];
    CHECK(r.summary.counts.rows == 5000);
    CHECK(r.summary.counts.mapped + r.summary.counts.rejected == 5000);
    CHECK(r.summary.counts.mapped > 1000);
    CHECK(t.output == doctest::Approx(t.mapped).epsilon(1e-12));
    CHECK(t.read == doctest::Approx(t.mapped + t.rejected).epsilon(1e-12));
    (void)expect;
    double out_sum = 0;
    for (const auto& kv : cells(r.output)) out_sum += kv.second;
    CHECK(out_sum == doctest::Approx(t.output).epsilon(1e-9));
}

} // TEST_SUITE
