// SPDX-License-Identifier: MIT
// Crosswalks and remap on the shipped data (data/nhs-england); a shipped dataset that does not load
// fails every case (shipped.hpp).
#include <orglineage/crosswalk.hpp>
#include <orglineage/orglineage.hpp>
#include <orglineage/remap.hpp>

#include <doctest/doctest.h>

#include "shipped.hpp"

#include <map>
#include <memory>
#include <sstream>
#include <vector>

using namespace orglineage;

namespace {

Date day(const char* s) { return *parse_date(s); }

CrosswalkOptions of_kind(const char* kind) {
    CrosswalkOptions o;
    o.kind = kind;
    return o;
}

const Body* find(const Lineage& lin, const char* id) {
    const Body* b = lin.find(id);
    if (!b) MESSAGE("not in the shipped data: " << id);
    return b;
}

} // namespace

TEST_SUITE("crosswalk-shipped") {

TEST_CASE("shipped crosswalk: a CCG merger sends all of each CCG to the merged one (North East London 2021)") {
    REQUIRE_SHIPPED();
    const Body* target = find(lin, "ccg/A3A8R");
    if (!target) return;
    const auto cw = Crosswalk::build(lin, day("2021-01-01"), day("2021-06-01"), of_kind("ccg"));
    for (const char* id : {"ccg/07L", "ccg/07T", "ccg/08F", "ccg/08M", "ccg/08N", "ccg/08V", "ccg/08W"}) {
        const Body* b = find(lin, id);
        if (!b) continue;
        CHECK(*cw.weight(*b, *target) == doctest::Approx(1.0));
        CHECK(cw.row(*b)->complete);
    }
}

TEST_CASE("shipped crosswalk: a dividing PCT of 2006 is shared out by its practices (Poole, ODS epcmem)") {
    // Poole PCT's practices went 24 of 25 to Bournemouth and Poole, 1 to Dorset (ODS epcmem): shares
    // known now, where before the data had the parts without their proportions.
    REQUIRE_SHIPPED();
    const Body* poole = find(lin, "pct/5KV");
    if (!poole) return;
    const auto cw = Crosswalk::build(lin, day("2006-06-01"), day("2006-11-01"), of_kind("pct"));
    const auto* row = cw.row(*poole);
    REQUIRE(row != nullptr);
    CHECK(row->weights.size() == 2);
    CHECK(row->complete);
    CHECK(*cw.weight(*poole, *find(lin, "pct/5QN")) == doctest::Approx(0.96));
    CHECK(*cw.weight(*poole, *find(lin, "pct/5QM")) == doctest::Approx(0.04));
    // and remap shares the figures out by those weights, conserving the total
    std::istringstream in("code,date,v\n5KV,2006-05-01,10\n");
    std::ostringstream out;
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = {"v"};
    o.to = day("2006-11-01");
    std::vector<Reject> rejects;
    const auto s = remap(lin, in, out, o, [&](const Reject& r) { rejects.push_back(r); });
    CHECK(rejects.empty());
    CHECK(s.totals[0].rejected == doctest::Approx(0));
    CHECK(s.totals[0].output == doctest::Approx(10));
}

TEST_CASE("shipped crosswalk: a PCT split between CCGs in 2013 (Hertfordshire, postcodes)") {
    REQUIRE_SHIPPED();
    const Body* herts = find(lin, "pct/5QV");
    const Body* hv = find(lin, "ccg/06N");
    const Body* enh = find(lin, "ccg/06K");
    const Body* cp = find(lin, "ccg/06H");
    if (!herts || !hv || !enh || !cp) return;
    const auto cw = Crosswalk::build(lin, day("2012-06-01"), day("2014-06-01"), of_kind("pct"));
    CHECK(*cw.weight(*herts, *hv) == doctest::Approx(0.507));
    CHECK(*cw.weight(*herts, *enh) == doctest::Approx(0.4746));
    CHECK(*cw.weight(*herts, *cp) == doctest::Approx(0.0184));
    CHECK(cw.row(*herts)->complete);
    CHECK(cw.row(*herts)->weights.front().basis == ShareBasis::postcodes);
}

TEST_CASE("shipped crosswalk: a CCG split between ICBs in 2022 (Tameside and Glossop, population)") {
    REQUIRE_SHIPPED();
    const Body* tg = find(lin, "ccg/01Y");
    const Body* gm = find(lin, "icb/E54000057");
    const Body* dd = find(lin, "icb/E54000058");
    if (!tg || !gm || !dd) return;
    const auto cw = Crosswalk::build(lin, day("2022-06-01"), day("2022-08-01"), of_kind("ccg"));
    CHECK(*cw.weight(*tg, *gm) == doctest::Approx(0.871111));
    CHECK(*cw.weight(*tg, *dd) == doctest::Approx(0.128889));
    CHECK(cw.row(*tg)->complete);
    CHECK(cw.row(*tg)->weights.front().basis == ShareBasis::population);
}

TEST_CASE("shipped crosswalk: a boundary transfer between ICBs concerns only figures dated before it (Surrey to Sussex)") {
    REQUIRE_SHIPPED();
    const Body* surrey = find(lin, "icb/E54000052");
    const Body* sussex = find(lin, "icb/E54000053");
    if (!surrey || !sussex) return;
    const auto before = Crosswalk::build(lin, day("2022-08-01"), day("2024-06-01"), of_kind("icb"));
    CHECK(*before.weight(*surrey, *surrey) == doctest::Approx(0.993647));
    CHECK(*before.weight(*surrey, *sussex) == doctest::Approx(0.006353));
    CHECK(before.row(*surrey)->complete);
    const auto after = Crosswalk::build(lin, day("2023-06-01"), day("2024-06-01"), of_kind("icb"));
    CHECK(*after.weight(*surrey, *surrey) == doctest::Approx(1.0));
    CHECK(*after.weight(*surrey, *sussex) == doctest::Approx(0.0));
}

// Sub-ICB locations hold nothing themselves: remap's reading of a published code and the crosswalk
// row follow one rule (group_part_row). 92A was all of Surrey Heartlands ICB (which passed 0.6353%
// to Sussex on 2023-04-01, SI 2023 variation order); 70F is one of Sussex ICB's three and kept West
// Sussex CCG's area until 2023-04-01 (sub-icb-locations.yaml).
TEST_CASE("shipped remap and crosswalk give a sub-ICB location's figures the same weights (70F, 92A)") {
    REQUIRE_SHIPPED();
    struct Case {
        const char* code;
        const char* date;
        const char* to;
    };
    for (const Case c : {Case{"70F", "2022-08-01", "2021-06-01"}, Case{"92A", "2022-08-01", "2021-06-01"},
                         Case{"70F", "2022-08-01", "2023-06-01"}, Case{"92A", "2022-08-01", "2023-06-01"},
                         Case{"70F", "2023-08-01", "2021-06-01"}, Case{"92A", "2023-08-01", "2024-06-01"}}) {
        CAPTURE(c.code);
        CAPTURE(c.date);
        CAPTURE(c.to);
        const auto bodies = lin.resolve(c.code, day(c.date));
        REQUIRE(bodies.size() == 1);
        CrosswalkOptions co;
        const auto row = crosswalk_row(lin, *bodies.front(), day(c.date), day(c.to), co);
        std::map<std::string, double> expected;
        for (const auto& w : row.weights)
            if (w.weight) expected[w.target->id] = *w.weight / row.sum;
        std::istringstream in(std::string("code,date,v\n") + c.code + "," + c.date + ",1000000\n");
        std::ostringstream out;
        RemapOptions o;
        o.code_column = "code";
        o.date_column = "date";
        o.value_columns = {"v"};
        o.to = day(c.to);
        o.aggregate = false;
        const auto s = remap(lin, in, out, o);
        if (!row.complete) { // unknown weights: the crosswalk says so and remap refuses the row
            CHECK(s.counts.rejected == 1);
            continue;
        }
        REQUIRE(s.counts.mapped == 1);
        std::map<std::string, double> got;
        std::istringstream lines(out.str());
        std::string line;
        std::getline(lines, line); // header
        while (std::getline(lines, line)) {
            // line,code,date,target_code,target_name,weight,...: the target by its code on `to`
            std::vector<std::string> f;
            std::stringstream ss(line);
            for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
            REQUIRE(f.size() >= 6);
            const auto t = lin.resolve(f[3], day(c.to));
            REQUIRE(t.size() == 1);
            got[t.front()->id] = std::stod(f[5]);
        }
        REQUIRE(got.size() == expected.size());
        for (const auto& [id, w] : expected) CHECK(got[id] == doctest::Approx(w));
    }
    // The rule's answers themselves: 70F kept West Sussex CCG's area, 92A was all of its ICB.
    const auto back = crosswalk_row(lin, lin.at("sub-icb/70F"), day("2022-08-01"), day("2021-06-01"), CrosswalkOptions{});
    REQUIRE(back.weights.size() == 1);
    CHECK(back.weights.front().target->id == "ccg/70F");
    const auto fwd = crosswalk_row(lin, lin.at("sub-icb/92A"), day("2022-08-01"), day("2023-06-01"), CrosswalkOptions{});
    REQUIRE(fwd.weights.size() == 2);
    CHECK(*fwd.weights.front().weight == doctest::Approx(0.993647));
    CHECK(fwd.complete);
    // 70F after 2023-04-01 also took in part of Surrey Heartlands: backwards, its part is not known.
    CHECK_FALSE(crosswalk_row(lin, lin.at("sub-icb/70F"), day("2023-08-01"), day("2021-06-01"), CrosswalkOptions{}).complete);
}

TEST_CASE("shipped crosswalk composes: PCTs 2012 to ICBs 2023 equals PCTs to CCGs times CCGs to ICBs") {
    REQUIRE_SHIPPED();
    const Date a = day("2012-06-01"), b = day("2016-06-01"), c = day("2023-06-01");
    const auto ab = Crosswalk::build(lin, a, b, {});
    const auto bc = Crosswalk::build(lin, b, c, {});
    const auto ac = Crosswalk::build(lin, a, c, {});
    int compared = 0;
    for (const auto& row : ac.rows()) {
        const auto* first = ab.row(*row.body);
        REQUIRE(first != nullptr);
        if (!row.complete || !first->complete) continue;
        std::map<const Body*, double> product;
        bool known = true;
        for (const auto& w1 : first->weights) {
            const auto* mid = bc.row(*w1.target);
            REQUIRE(mid != nullptr);
            for (const auto& w2 : mid->weights) {
                if (!w2.weight) known = false;
                else product[w2.target] += *w1.weight * *w2.weight;
            }
        }
        if (!known) continue;
        for (const auto& w : row.weights) CHECK(product[w.target] == doctest::Approx(*w.weight));
        ++compared;
    }
    MESSAGE(compared << " complete rows compared");
    CHECK(compared > 50);
}

TEST_CASE("shipped remap conserves totals over rows drawn from every code and many dates") {
    REQUIRE_SHIPPED();
    std::string csv = "code,date,a,b\n";
    unsigned x = 7;
    double sum_a = 0;
    int n = 0;
    for (const auto& body : lin.dataset().bodies) {
        for (const auto& code : body.ods)
            for (int k = 0; k < 3; ++k) {
                x = x * 1103515245u + 12345u;
                const Date d = code.period.from + boost::gregorian::days(static_cast<long>(x % 2000));
                csv += code.value + "," + format_date(d) + "," + std::to_string(x % 1000) + ",1\n";
                sum_a += x % 1000;
                ++n;
            }
    }
    for (const char* to : {"2008-01-01", "2016-01-01", "2024-01-01"}) {
        std::istringstream in(csv);
        std::ostringstream out;
        RemapOptions o;
        o.code_column = "code";
        o.date_column = "date";
        o.value_columns = {"a", "b"};
        o.to = day(to);
        const auto s = remap(lin, in, out, o);
        CHECK(s.counts.rows == n);
        CHECK(s.counts.mapped + s.counts.rejected == n);
        CHECK(s.counts.mapped > n / 4);
        CHECK(s.totals[0].read == doctest::Approx(sum_a));
        CHECK(s.totals[0].output == doctest::Approx(s.totals[0].mapped).epsilon(1e-12));
        CHECK(s.totals[1].output == doctest::Approx(s.totals[1].mapped).epsilon(1e-12));
        CHECK(s.totals[0].read == doctest::Approx(s.totals[0].mapped + s.totals[0].rejected));
    }
}

} // TEST_SUITE
