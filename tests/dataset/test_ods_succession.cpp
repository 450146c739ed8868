// SPDX-License-Identifier: MIT
// The NHS ODS succession file as a cross-check of the shipped data: every succession among the kinds the data
// models (tests/data/ods/successions.csv, written by tools/data/ods_successions.py) agrees with the data, or
// differs in the way its row says. A row whose status is no longer true fails, so the list cannot go stale.
#include <orglineage/csv.hpp>
#include <orglineage/lineage.hpp>

#include <doctest/doctest.h>

#include "../unit/show.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& data() {
    static const Lineage lin = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
    return lin;
}

const std::set<std::string> k_modelled{"pct", "care-trust", "ccg", "nhs-cb-area-team", "nhse-local-office", "icb", "sub-icb"};

struct Row {
    std::string from, to, status, data_date;
    Date date;
    std::int64_t line = 0;
};

std::vector<Row> rows() {
    std::ifstream in(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/ods/successions.csv");
    REQUIRE(in);
    CsvReader csv(in);
    CsvRecord r;
    std::vector<Row> out;
    REQUIRE(csv.next(r)); // header
    REQUIRE(r.fields.size() >= 5);
    CHECK(r.fields[0] == "from");
    CHECK(r.fields[3] == "status");
    while (csv.next(r)) {
        REQUIRE(r.ok());
        REQUIRE(r.fields.size() >= 5);
        const auto d = parse_date(r.fields[2]);
        REQUIRE(d);
        out.push_back({std::string(r.fields[0]), std::string(r.fields[1]), std::string(r.fields[3]),
                       std::string(r.fields[4]), *d, r.line});
    }
    return out;
}

/// The body of a modelled kind that held an ODS code on a date, or nullptr.
const Body* holder(const std::string& code, const Date& on) {
    for (const Body* b : data().resolve(code, on))
        if (k_modelled.count(b->kind)) return b;
    return nullptr;
}

/// The dates of the succession links from one body to another.
std::set<Date> link_dates(const Body& from, const Body& to) {
    std::set<Date> out;
    for (const auto& l : data().links_of(from, true))
        if (l.to == &to) out.insert(l.event->date);
    return out;
}

bool recoded_on(const Body& b, const Date& d) {
    for (const auto& e : data().dataset().events)
        if (e.kind == EventKind::recode && e.date == d && e.ods && !e.subjects.empty() && e.subjects.front() == b.id)
            return true;
    return false;
}

/// What the data says of one ODS succession, in the statuses of the CSV.
std::string status_of(const Row& r) {
    const Body* x = holder(r.from, (r.date - boost::gregorian::days(1)));
    const Body* y = holder(r.to, r.date);
    if (!x) return "from-absent";
    if (!y) return "to-absent";
    if (x == y) return recoded_on(*x, r.date) ? "agrees" : "no-link";
    const auto dates = link_dates(*x, *y);
    if (dates.count(r.date)) return "agrees";
    return dates.empty() ? "no-link" : "date";
}

} // namespace

TEST_SUITE("ods-succession") {
    TEST_CASE("every ODS succession among the modelled kinds agrees with the data or differs as its row says") {
        const auto all = rows();
        std::map<std::string, int> counts;
        for (const auto& r : all) {
            CAPTURE(r.line);
            CAPTURE(r.from);
            CAPTURE(r.to);
            CHECK(status_of(r) == r.status);
            if (r.status == "date") {
                const auto dd = parse_date(r.data_date);
                REQUIRE(dd);
                CHECK(link_dates(*holder(r.from, (r.date - boost::gregorian::days(1))), *holder(r.to, r.date)).count(*dd) == 1);
            }
            ++counts[r.status];
        }
        // Most of the file's successions are the CCG mergers of 2015-2021 and the area teams of 2015: the data has them.
        CHECK(counts["agrees"] > counts["from-absent"] + counts["to-absent"] + counts["no-link"] + counts["date"]);
    }

    TEST_CASE("named ODS successions the data agrees with") {
        // ODS succession file (processed 25 Sep 2023): TAM -> 5QW on 2011-04-15 (Solihull Care Trust to Solihull PCT),
        // 5P3 and 5P4 -> 5QV on 2010-04-01 (Hertfordshire), 5CC -> TAP on 2010-04-01 (Blackburn with Darwen).
        const Body* tam = holder("TAM", day("2011-04-14"));
        REQUIRE(tam != nullptr);
        CHECK(tam->name() == "Solihull Care Trust");
        CHECK(link_dates(*tam, *holder("5QW", day("2011-04-15"))).count(day("2011-04-15")) == 1);
        CHECK(link_dates(*holder("5P3", day("2010-03-31")), *holder("5QV", day("2010-04-01"))).count(day("2010-04-01")) == 1);
        CHECK(link_dates(*holder("5P4", day("2010-03-31")), *holder("5QV", day("2010-04-01"))).count(day("2010-04-01")) == 1);
        CHECK(link_dates(*holder("5CC", day("2010-03-31")), *holder("TAP", day("2010-04-01"))).count(day("2010-04-01")) == 1);
    }
}
