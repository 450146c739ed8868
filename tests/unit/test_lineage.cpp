// SPDX-License-Identifier: MIT
// Queries on the hand-built toy dataset (tests/data/valid/toy), whose answers were worked out
// on paper: a merge (a+b -> ab), a split (c -> ab 0.25, d 0.75), a boundary transfer (e -> d 0.4),
// a rename and a recode of d, a cluster, the 2011 transfer of community provision, a per-function
// abolition in 2013 (commissioning to CCGs, primary care to the NHS CB, public health to councils),
// a CCG merger in 2018 and the CCGs' abolition into one ICB in 2022, whose sub-ICB reuses code 12X.
#include <orglineage/lineage.hpp>

#include <doctest/doctest.h>

#include "show.hpp"

#include <string>
#include <vector>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& toy() {
    static const Lineage lin = Lineage::load(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
    return lin;
}

std::vector<Portion> succ(const char* id, const char* on, const char* f = "commissioning") {
    return toy().successors(toy().at(id), day(on), f);
}

} // namespace

TEST_SUITE("lineage") {
    TEST_CASE("successors follow a merge") {
        CHECK(show(succ("p/a", "2007-01-01")) == "p/ab 1");
        CHECK(show(succ("p/b", "2006-10-01")) == "p/ab 1");
    }
    TEST_CASE("successors of a split carry its shares") {
        CHECK(show(succ("p/c", "2007-01-01")) == "p/d 0.75, p/ab 0.25");
        const auto s = succ("p/c", "2007-01-01");
        CHECK(s.front().basis == ShareBasis::population);
    }
    TEST_CASE("successors multiply shares along a chain of three changes") {
        CHECK(show(succ("p/a", "2014-01-01")) == "ccg/01 0.6, ccg/02 0.4");
        CHECK(show(succ("p/c", "2014-01-01")) == "ccg/03 0.75, ccg/01 0.15, ccg/02 0.1");
        CHECK(show(succ("p/a", "2019-01-01")) == "ccg/12 1");
        CHECK(show(succ("p/a", "2023-01-01")) == "icb/1 1");
    }
    TEST_CASE("successors of a per-function abolition depend on the function") {
        CHECK(show(succ("p/ab", "2013-04-01", "public-health")) == "la/1 1");
        CHECK(show(succ("p/ab", "2013-04-01", "commissioning.primary-care.dental")) == "nhscb 1");
        CHECK(show(succ("p/ab", "2013-04-01", "commissioning.acute")) == "ccg/01 0.6, ccg/02 0.4");
        CHECK(show(succ("p/e", "2013-04-01", "public-health")) == "la/2 1");
    }
    TEST_CASE("successors of a body that gave part of its area away keep the rest") {
        CHECK(show(succ("p/e", "2007-01-01")) == "p/e 0.6, p/d 0.4");
        CHECK(show(succ("p/e", "2006-09-30")) == "p/e 1");
    }
    TEST_CASE("successors on the day before and the day of an event") {
        CHECK(show(succ("p/ab", "2013-03-31")) == "p/ab 1");
        CHECK(show(succ("p/ab", "2013-04-01")) == "ccg/01 0.6, ccg/02 0.4");
        CHECK(show(succ("ccg/12", "2022-06-30")) == "ccg/12 1");
        CHECK(show(succ("ccg/12", "2022-07-01")) == "icb/1 1");
    }
    TEST_CASE("successors follow a transfer of function out of continuing bodies") {
        CHECK(show(succ("p/ab", "2011-03-31", "provision.community")) == "p/ab 1");
        CHECK(show(succ("p/ab", "2012-01-01", "provision.community")) == "prov/1 1");
        // Commissioning did not move with it.
        CHECK(show(succ("p/ab", "2012-01-01")) == "p/ab 1");
    }
    TEST_CASE("successors reject an unknown function") {
        CHECK_THROWS_AS((void)succ("p/a", "2007-01-01", "dentistry"), LookupError);
    }

    TEST_CASE("predecessors one step back give the forward shares") {
        CHECK(show(toy().predecessors(toy().at("p/ab"), day("2007-01-01"), "commissioning")) ==
              "p/a 1, p/b 1, p/c 0.25");
        CHECK(show(toy().predecessors(toy().at("p/d"), day("2007-01-01"), "commissioning")) == "p/c 0.75, p/e 0.4");
    }
    TEST_CASE("predecessors back to a date give what each old body passed on") {
        // Every PCT of 2005 ended up whole in the one ICB; p/e through two paths (0.4 + 0.6).
        CHECK(show(toy().predecessors(toy().at("icb/1"), day("2023-01-01"), "commissioning", day("2005-01-01"))) ==
              "p/a 1, p/b 1, p/c 1, p/e 1");
        CHECK(show(toy().predecessors(toy().at("p/d"), day("2007-01-01"), "commissioning", day("2005-01-01"))) ==
              "p/c 0.75, p/e 0.4");
        CHECK(show(toy().predecessors(toy().at("p/e"), day("2007-01-01"), "commissioning", day("2005-01-01"))) ==
              "p/e 0.6");
    }

    TEST_CASE("holders answer for an area on a date with shares") {
        auto h = toy().holders("commissioning", "A4", day("2006-09-30"));
        CHECK(show(h) == "p/c 0.5, p/e 0.5");
        h = toy().holders("commissioning", "A4", day("2006-10-01"));
        CHECK(show(h) == "p/d 1");
        CHECK(show(toy().holders("commissioning", "A1", day("2014-01-01"))) == "ccg/01 1");
        CHECK(show(toy().holders("public-health", "A1", day("2014-01-01"))) == "la/1 1");
        CHECK(show(toy().holders("public-health", "A1", day("2010-01-01"))) == "p/ab 1");
        CHECK(show(toy().holders("commissioning", "A1", day("2023-01-01"))) == "icb/1 1");
    }
    TEST_CASE("holders prefer the most specific function, found through a parent area") {
        const auto h = toy().holders("commissioning.primary-care.dental", "A1", day("2014-01-01"));
        REQUIRE(h.size() == 1);
        CHECK(h[0].body->id == "nhscb");
        CHECK(h[0].via_area == "EN");
        CHECK(h[0].function == "commissioning.primary-care");
        // Before 2013 the PCT held all commissioning, dental included.
        CHECK(show(toy().holders("commissioning.primary-care.dental", "A1", day("2012-01-01"))) == "p/ab 1");
    }
    TEST_CASE("holders tell the delegate from the legal holder") {
        auto h = toy().holders("commissioning.primary-care.medical", "A3", day("2016-01-01"), HolderMode::exercising);
        REQUIRE(h.size() == 1);
        CHECK(h[0].body->id == "ccg/03");
        CHECK(h[0].delegated_by == "nhscb");
        h = toy().holders("commissioning.primary-care.medical", "A3", day("2016-01-01"), HolderMode::legal);
        CHECK(show(h) == "nhscb 1");
        h = toy().holders("commissioning.primary-care.medical", "A3", day("2015-03-31"), HolderMode::exercising);
        CHECK(show(h) == "nhscb 1");
    }
    TEST_CASE("holders reject an unknown area or function") {
        CHECK_THROWS_WITH_AS((void)toy().holders("commissioning", "Z9", day("2014-01-01")), "unknown area 'Z9'", LookupError);
        CHECK_THROWS_AS((void)toy().holders("dentistry", "A1", day("2014-01-01")), LookupError);
    }

    TEST_CASE("resolve finds the body that had a code on the day, and codes reused later") {
        CHECK(ids(toy().resolve("5AA", day("2006-09-30"))) == "p/a");
        CHECK(toy().resolve("5AA", day("2006-10-01")).empty());
        const auto r = toy().resolve_nearest("5AA", day("2010-01-01"));
        CHECK_FALSE(r.exact);
        CHECK(ids(r.bodies) == "p/a");
        CHECK(ids(toy().resolve("12X", day("2022-06-30"))) == "ccg/12");
        CHECK(ids(toy().resolve("12X", day("2022-07-01"))) == "sub-icb/12X");
        CHECK(ids(toy().resolve_all("12X")) == "ccg/12, sub-icb/12X");
        CHECK(ids(toy().resolve_nearest("12X", day("2015-01-01")).bodies) == "ccg/12");
        CHECK(ids(toy().resolve("p/d", day("2007-01-01"))) == "p/d");
    }
    TEST_CASE("a rename and a recode change the name and code from their day") {
        const Body& d = toy().at("p/d");
        CHECK(d.name_on(day("2010-03-31")) == "Delta PCT");
        CHECK(d.name_on(day("2010-04-01")) == "Delta Teaching PCT");
        CHECK(ids(toy().resolve("E16000001", day("2011-03-31"))) == "p/d");
        CHECK(toy().resolve("E16000001", day("2011-04-01")).empty());
        CHECK(ids(toy().resolve("E16000099", day("2011-04-01"))) == "p/d");
        CHECK(d.ods_on(day("2012-01-01")) == "5EE");
    }
    TEST_CASE("groups follow cluster membership over time") {
        CHECK(ids(toy().groups(toy().at("p/e"), day("2011-05-31"))).empty());
        CHECK(ids(toy().groups(toy().at("p/e"), day("2011-06-01"))) == "cl/x");
        CHECK(ids(toy().groups(toy().at("p/e"), day("2012-04-01"))).empty());
        CHECK(ids(toy().groups(toy().at("p/d"), day("2011-06-01"))) == "cl/x");
        CHECK(ids(toy().members(toy().at("cl/x"), day("2011-07-01"))) == "p/ab, p/d, p/e");
        CHECK(ids(toy().members(toy().at("icb/1"), day("2023-01-01"))) == "sub-icb/12X");
    }
    TEST_CASE("snapshot and diff around the 2006 reorganisation") {
        CHECK(ids(toy().snapshot(day("2006-09-30"), "pct")) == "p/a, p/b, p/c, p/e");
        CHECK(ids(toy().snapshot(day("2006-10-01"), "pct")) == "p/ab, p/d, p/e");
        const auto d = toy().diff(day("2006-09-30"), day("2006-10-01"), "pct");
        CHECK(ids(d.appeared) == "p/ab, p/d");
        CHECK(ids(d.ended) == "p/a, p/b, p/c");
        CHECK(ids(toy().diff(day("2010-03-01"), day("2010-05-01"), "pct").renamed) == "p/d");
        CHECK(toy().snapshot(day("2013-04-01"), "pct").empty());
    }
    TEST_CASE("lineage gathers the connected bodies and the events with their sources") {
        const auto v = toy().lineage(toy().at("p/c"));
        CHECK(v.root->id == "p/c");
        std::vector<const Body*> bodies(v.bodies.begin(), v.bodies.end());
        const auto all = ids(bodies);
        CHECK(all.find("icb/1") != std::string::npos);
        CHECK(all.find("cl/x") == std::string::npos);       // membership is not succession
        CHECK(all.find("sub-icb/12X") == std::string::npos); // a reused code is not a successor
        CHECK(v.bodies.size() == 15);
        for (const auto& l : v.links) CHECK_FALSE(l.event->sources.empty());
        CHECK(v.links.front().event->date == day("2006-10-01"));
        CHECK(v.links.back().event->date == day("2022-07-01"));
    }
}
