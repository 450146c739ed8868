// SPDX-License-Identifier: MIT
// Remap of tables as they are published, on the shipped data: sub-ICB locations, CCG financial
// years, ICB codes, local authorities and LSOAs; backward weights by population; --to-kind.
// Each table is built here from the shipped data's own codes.
#include <orglineage/csv.hpp>
#include <orglineage/orglineage.hpp>
#include <orglineage/remap.hpp>

#include <doctest/doctest.h>

#include "shipped.hpp"

#include <map>
#include <memory>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace orglineage;

namespace {

Date day(const char* s) { return *parse_date(s); }

struct Run {
    RemapSummary summary;
    std::string output;
    std::vector<Reject> rejects;
};

Run run(const Lineage& lin, const std::string& csv, RemapOptions o) {
    std::istringstream in(csv);
    std::ostringstream out;
    Run r;
    r.summary = remap(lin, in, out, o, [&](const Reject& j) { r.rejects.push_back(j); });
    r.output = out.str();
    return r;
}

RemapOptions options(const char* to) {
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "period";
    o.value_columns = {"items", "cost"};
    o.to = day(to);
    return o;
}

/// A value with two decimals from a counter, as prescribing costs are published.
std::string cost(unsigned& x) {
    x = x * 1103515245u + 12345u;
    const unsigned pence = (x >> 4) % 10000000u;
    std::string s = std::to_string(pence / 100) + ".";
    s += static_cast<char>('0' + pence / 10 % 10);
    s += static_cast<char>('0' + pence % 10);
    return s;
}

/// Every row mapped, and each column's output equal to its input to the last digit.
void check_conserved(const Run& r, std::int64_t rows) {
    for (const auto& j : r.rejects) MESSAGE("line " << j.line << ": " << to_string(j.reason) << ": " << j.message);
    CHECK(r.summary.counts.rows == rows);
    CHECK(r.summary.counts.mapped == rows);
    CHECK(r.rejects.empty());
    for (const auto& t : r.summary.totals) {
        CHECK(t.output_exact == t.read_exact);
        CHECK(t.mapped_exact == t.read_exact);
    }
    CHECK(r.output.find("000000001") == std::string::npos); // no binary noise
    CHECK(r.output.find("999999999") == std::string::npos);
}

/// Column `name`'s values by the output's first column (the code), summed over dates.
std::map<std::string, double> by_code(const std::string& csv, const std::string& name) {
    std::istringstream in(csv);
    CsvReader reader(in);
    CsvRecord rec;
    reader.next(rec);
    std::size_t col = 0;
    while (col < rec.fields.size() && rec.fields[col] != name) ++col;
    std::map<std::string, double> out;
    while (reader.next(rec)) out[std::string(rec.fields[0])] += std::stod(std::string(rec.fields[col]));
    return out;
}

} // namespace

TEST_SUITE("remap-published") {

TEST_CASE("a sub-ICB location's row maps to its ICB (11N, June 2023)") {
    REQUIRE_SHIPPED();
    auto o = options("2024-07-01");
    o.value_columns = {"value"};
    o.date_column = "date";
    const auto r = run(lin, "code,date,value\n11N,2023-06-01,10\n", o);
    CHECK(r.rejects.empty());
    CHECK(r.output.find("\nQT6,NHS Cornwall and the Isles of Scilly Integrated Care Board,2023-06-01,10,1,whole,icb/E54000036,\n") !=
          std::string::npos);
}

TEST_CASE("a realistic 2022-2025 sub-ICB table maps every row, to ICBs and to sub-ICB locations") {
    REQUIRE_SHIPPED();
    std::string csv = "code,period,items,cost\n";
    unsigned x = 2022;
    std::int64_t rows = 0;
    std::map<std::string, int> sub_icbs;
    for (const auto& b : lin.dataset().bodies) {
        if (b.kind != "sub-icb") continue;
        for (const auto& code : b.ods)
            for (Date m(2022, 7, 1); m <= Date(2025, 3, 1); m += boost::gregorian::months(1)) {
                if (!code.period.contains(m)) continue;
                csv += code.value + "," + format_date(m).substr(0, 7) + "," + std::to_string(x % 5000) + "," + cost(x) + "\n";
                ++sub_icbs[code.value];
                ++rows;
            }
    }
    MESSAGE(rows << " rows of " << sub_icbs.size() << " sub-ICB locations");
    REQUIRE(sub_icbs.size() >= 100);
    const auto to_icbs = run(lin, csv, options("2025-04-01"));
    check_conserved(to_icbs, rows);
    CHECK(to_icbs.output.find(",2022-07,") != std::string::npos); // months stay months
    auto o = options("2025-04-01");
    o.to_kind = "sub-icb";
    const auto kept = run(lin, csv, o);
    check_conserved(kept, rows);
    // each sub-ICB location still open keeps exactly its own figures
    std::map<std::string, double> items_in;
    {
        std::istringstream in(csv);
        CsvReader reader(in);
        CsvRecord rec;
        reader.next(rec);
        while (reader.next(rec)) items_in[std::string(rec.fields[0])] += std::stod(std::string(rec.fields[2]));
    }
    const auto items_out = by_code(kept.output, "items");
    int same = 0;
    for (const auto& [code, v] : items_out)
        if (items_in.count(code) && items_in[code] == v) ++same;
    CHECK(same >= 100);
}

TEST_CASE("a 2014/15 CCG table maps every row onto today's ICBs, in both ways of writing the year") {
    REQUIRE_SHIPPED();
    const Date first(2014, 4, 1);
    for (const char* year : {"2014/15", "2014-15"}) {
        std::string csv = "code,period,items,cost\n";
        unsigned x = 1415;
        std::int64_t rows = 0;
        for (const Body* b : lin.snapshot(first, "ccg")) {
            csv += b->ods_on(first) + "," + year + "," + std::to_string(x % 90000) + "," + cost(x) + "\n";
            ++rows;
        }
        CHECK(rows == 211);
        auto o = options("2025-04-01");
        const auto r = run(lin, csv, o);
        check_conserved(r, rows);
        CHECK(r.output.find(",2014/15,") != std::string::npos);
        o.date_format = DateFormat::financial_year;
        check_conserved(run(lin, csv, o), rows);
    }
}

TEST_CASE("a financial year's ICB codes are taken on the first day the ICBs existed (2022/23)") {
    REQUIRE_SHIPPED();
    const auto r = run(lin, "code,period,items,cost\nQT6,2022/23,5,1.50\n00C,2022/23,7,2.25\n", options("2024-07-01"));
    // QT6 began 1 July 2022; 00C (Darlington CCG, merged in 2020) had no holder all year
    CHECK(r.summary.counts.mapped == 1);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].reason == RejectReason::inactive_code);
    CHECK(r.rejects[0].line == 3);
}

TEST_CASE("local authority and LSOA codes map through their holders") {
    REQUIRE_SHIPPED();
    const auto r = run(lin, "code,period,items,cost\nE06000052,2019-05-01,11,1.10\nE01012367,2019-05,2,0.20\n",
                       options("2024-07-01"));
    CHECK(r.rejects.empty());
    CHECK(r.summary.counts.mapped == 2);
    CHECK(r.summary.totals[0].output_exact == "13");
}

TEST_CASE("an ICB's figures mapped back onto CCGs are weighted by population, not split equally (Greater Manchester)") {
    REQUIRE_SHIPPED();
    auto o = options("2021-06-01");
    const auto r = run(lin, "code,period,items,cost\nQOP,2023-06,1000000,1000000.00\n", o);
    CHECK(r.rejects.empty());
    const auto items = by_code(r.output, "items");
    REQUIRE(items.size() == 10);
    double lo = 1e18, hi = 0, sum = 0;
    for (const auto& kv : items) {
        lo = std::min(lo, kv.second);
        hi = std::max(hi, kv.second);
        sum += kv.second;
    }
    CHECK(sum == 1000000);
    CHECK(hi > 1.5 * lo); // Manchester is not Bury
    CHECK(r.summary.sized == 1);
    CHECK(r.summary.estimated == 0);
    CHECK(r.summary.sizes.find("mid-20") != std::string::npos);
    CHECK(r.output.find("population mid-20") != std::string::npos);
    o.populations = false; // the old estimate, for comparison
    const auto eq = run(lin, "code,period,items,cost\nQOP,2023-06,1000000,1000000.00\n", o);
    CHECK(eq.summary.estimated == 1);
}

TEST_CASE("remap_file with two threads gives the output of one stream, rejects in order") {
    REQUIRE_SHIPPED();
    std::string csv = "code,period,items,cost\n";
    unsigned x = 99;
    const auto ccgs = lin.snapshot(Date(2019, 6, 1), "ccg");
    for (int i = 0; i < 60000; ++i) {
        x = x * 1103515245u + 12345u;
        const Body* b = ccgs[x % ccgs.size()];
        csv += (i % 997 == 0 ? std::string("ZZZ") : b->ods_on(Date(2019, 6, 1))) + ",2019-06-01," +
               std::to_string(x % 100) + "," + cost(x) + "\n";
        if (i == 29000) { // a quoted field over many lines, across the middle of the file
            csv += "\"00C";
            for (int k = 0; k < 8000; ++k) csv += "\nquoted line " + std::to_string(k);
            csv += "\",2019-06-01,1,1.00\n";
        }
    }
    const std::string path = "remap_threads_test.csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << csv;
    }
    auto o = options("2024-07-01");
    const auto one = run(lin, csv, o);
    o.threads = 2;
    std::ostringstream out;
    std::vector<Reject> rejects;
    const auto s = remap_file(lin, path, out, o, [&](const Reject& j) { rejects.push_back(j); });
    std::remove(path.c_str());
    CHECK(s.threads == 2);
    CHECK(out.str() == one.output);
    REQUIRE(rejects.size() == one.rejects.size());
    for (std::size_t i = 0; i < rejects.size(); ++i) {
        CHECK(rejects[i].line == one.rejects[i].line);
        CHECK(rejects[i].raw == one.rejects[i].raw);
    }
    CHECK(s.totals[1].output_exact == one.summary.totals[1].output_exact);
}

} // TEST_SUITE
