// SPDX-License-Identifier: MIT
// Remap on input made to hurt (issue 26, item 5): a header of hundreds of thousands of columns,
// Excel's trailing blank columns, control bytes that would reach a terminal, a quoted field over
// the reader's limit, and more rejected rows than memory should hold.
#include "helpers.hpp"
#include "remap/reject_spool.hpp"

#include <orglineage/csv.hpp>
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

Run run(const std::string& csv) {
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = {"value"};
    o.to = day("2015-01-01");
    std::istringstream in(csv);
    std::ostringstream out;
    Run r;
    r.summary = remap(small(), in, out, o, [&](const Reject& j) { r.rejects.push_back(j); });
    r.output = out.str();
    return r;
}

std::string reject_csv(const Reject& r) {
    std::ostringstream s;
    write_reject_csv(s, r);
    return s.str();
}

} // namespace

TEST_SUITE("remap-hostile-input") {

TEST_CASE("remap names the first repeated column of a header of 200,000 columns") {
    // (compared pair by pair, 238,000 names took 80 s; the header must fit in the reader's 1 MiB)
    std::string header = "code,date,value";
    for (int i = 0; i < 200000; ++i) {
        header += ',';
        for (int k = i; k > 0 || header.back() == ','; k /= 62)
            header += "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[k % 62];
    }
    header += ",5,7,5\n"; // "5" (column 9) is the first name to come again, at column 200004
    REQUIRE(header.size() < 1000000);
    CHECK_THROWS_WITH_AS(run(header + "AAA,2005-06-01,1\n"),
                         "remap: column '5' appears 3 times in the header (columns 9 and 200004)", Error);
}

TEST_CASE("remap takes a header with Excel's trailing blank columns, and its rows") {
    const auto r = run("code,date,value,,\nAAA,2005-06-01,100,,\nBBB,2005-06-01,50,,\n");
    CHECK(r.rejects.empty());
    CHECK(r.summary.counts.mapped == 2);
    CHECK(r.output == "code,name,date,value,rows,basis,body_id,notes\n"
                      "0XX,X CCG,2005-06-01,105,2,postcodes,ccg/X,derived\n"
                      "0YY,Y CCG,2005-06-01,45,2,postcodes,ccg/Y,derived\n");
    // a blank name before the last named column is a name, and two of them are a repeat
    CHECK_THROWS_WITH_AS(run("code,,date,,value\n"), "remap: column '' appears 2 times in the header (columns 2 and 4)",
                         Error);
}

TEST_CASE("remap escapes control bytes of the input in reject messages and in the rejects file") {
    const std::string nul_code("AA\0A", 4);
    const auto r = run("code,date,value\nAAA,2005-06-01,1\x1b[2J\n" + nul_code + ",2005-06-01,2\n"
                       "\"AAA\r\x07\",2005-06-01,3\n");
    REQUIRE(r.rejects.size() == 3);
    CHECK(r.rejects[0].message == "'1\\x1b[2J' in column 'value' is not a number");
    CHECK(reject_csv(r.rejects[0]) ==
          "2,bad-value,'1\\x1b[2J' in column 'value' is not a number,\"AAA,2005-06-01,1\\x1b[2J\"\n");
    CHECK(r.rejects[1].message.find("'AA\\x00A'") != std::string::npos);
    CHECK(r.rejects[1].raw == "AA\\x00A,2005-06-01,2");
    // in a message every control byte is escaped; in the raw row a line end inside quotes is kept
    CHECK(r.rejects[2].message.find("'AAA\\x0d\\x07'") != std::string::npos);
    CHECK(r.rejects[2].raw == "\"AAA\r\\x07\",2005-06-01,3");
    CHECK_THROWS_WITH_AS(run("code,date,val\x1bue\n"),
                         "remap: no column 'value' in the header (columns: 'code', 'date', 'val\\x1bue')", Error);
}

TEST_CASE("CsvReader refuses a quoted field over its 1 MiB limit, then reads on after it") {
    const std::string big(1100000, 'x'); // 1.1 MB, in one quoted field
    const auto r = run("code,date,value\nAAA,2005-06-01,\"" + big + "\"\nBBB,2005-06-01,\"5\"\n");
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 2);
    CHECK(r.rejects[0].reason == RejectReason::malformed);
    CHECK(r.rejects[0].message == "record longer than 1048576 bytes");
    CHECK(r.rejects[0].raw.size() == 4096);
    CHECK(r.summary.counts.mapped == 1);
    CHECK(r.summary.counts.rows == 2);
}

TEST_CASE("RejectSpool keeps rejects in bounded memory and gives them back in order") {
    detail::RejectSpool spool(4096); // a few rejects in memory, the rest in its temporary file
    Reject r;
    r.reason = RejectReason::unknown_code;
    for (int i = 0; i < 20000; ++i) {
        r.line = i + 2;
        r.message = "no body had the code 'X" + std::to_string(i) + "'";
        r.raw = std::string(static_cast<std::size_t>(i % 50), 'r');
        spool.push(r);
    }
    CHECK_FALSE(spool.empty());
    std::vector<Reject> back;
    spool.replay(100, [&](const Reject& j) { back.push_back(j); });
    REQUIRE(back.size() == 20000);
    bool in_order = true;
    for (int i = 0; i < 20000; ++i) {
        const Reject& j = back[static_cast<std::size_t>(i)];
        in_order = in_order && j.line == i + 102 && j.reason == RejectReason::unknown_code &&
                   j.message == "no body had the code 'X" + std::to_string(i) + "'" &&
                   j.raw == std::string(static_cast<std::size_t>(i % 50), 'r');
    }
    CHECK(in_order);
    CHECK(spool.empty());
}

} // TEST_SUITE
