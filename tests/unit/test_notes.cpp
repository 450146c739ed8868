// SPDX-License-Identifier: MIT
// The caveats of answers (notes.hpp) and announced changes, on the hand-built world
// tests/data/valid/caveats: pct/a and pct/b merged into pct/n on 2006-10-01 (pct/b's link deduced,
// the predecessor set incomplete, pct/b known from an encyclopaedia only, pct/a's code inferred); pct/n split into icb/x and
// icb/y in 2013 in unknown shares; the data's horizon is 2020-12-31; icb/x and icb/y are announced to
// merge into icb/xy on 2021-04-01, and every ICB is directed to merge again from 2022-04-01.
#include "show.hpp"

#include <orglineage/load.hpp>
#include <orglineage/notes.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace orglineage;
using orglineage::test::day;

namespace {

const std::string k_dir = std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/caveats";

const Lineage& world() {
    static const Lineage lin = Lineage::load(k_dir);
    return lin;
}

/// The kinds of the notes, in order, joined by spaces.
std::string kinds(const std::vector<Note>& notes) {
    std::string out;
    for (const auto& n : notes) out += (out.empty() ? "" : " ") + std::string(to_string(n.kind));
    return out;
}

const Portion& portion_of(const std::vector<Portion>& ps, const char* id) {
    auto it = std::find_if(ps.begin(), ps.end(), [&](const Portion& p) { return p.body->id == id; });
    REQUIRE(it != ps.end());
    return *it;
}

} // namespace

TEST_SUITE("notes") {
    TEST_CASE("predecessors of a merged body say which link is deduced and that the set is incomplete") {
        const auto& lin = world();
        const Body& n = lin.at("pct/n");
        const auto ps = lin.predecessors(n, day("2006-10-01"), "commissioning");
        CHECK(test::show(ps) == "pct/a 1, pct/b 1");
        const auto a = portion_notes(lin, n, portion_of(ps, "pct/a"), day("2006-10-01"), "commissioning", false);
        CHECK(kinds(a) == "incomplete deduced");
        CHECK(a.back().text == "the record of Ayton PCT (pct/a) is partly inferred: its code is matched to the name by "
                               "its successor");
        CHECK(a.front().text ==
              "the predecessors of Ayton & Bee Town PCT (pct/n) in event 2006-10-01/merge/n are those found in the "
              "sources read; it may have had others");
        const auto b = portion_notes(lin, n, portion_of(ps, "pct/b"), day("2006-10-01"), "commissioning", false);
        CHECK(kinds(b) == "deduced incomplete secondary-source");
        CHECK(kinds(incomplete_notes(lin, n, day("2010-01-01"))) == "incomplete");
        CHECK(incomplete_notes(lin, n, day("2006-09-30")).empty());
    }

    TEST_CASE("successors carry the unknown share of a split, not the merge's incompleteness") {
        const auto& lin = world();
        const Body& a = lin.at("pct/a");
        const auto ss = lin.successors(a, day("2015-01-01"), "commissioning");
        CHECK(test::show(ss) == "icb/x ?, icb/y ?");
        const auto notes = portion_notes(lin, a, portion_of(ss, "icb/x"), day("2015-01-01"), "commissioning", true);
        // pct/a's own record is partly inferred (its code), and every answer naming it says so.
        CHECK(kinds(notes) == "unknown-share deduced");
        CHECK(notes.front().about == "2013-04-01/split/n");
    }

    TEST_CASE("path_links are the links between two bodies up to a date, in date order") {
        const auto& lin = world();
        const auto links = path_links(lin, lin.at("pct/b"), lin.at("icb/y"), day("2015-01-01"));
        REQUIRE(links.size() == 2);
        CHECK(links[0].event->id == "2006-10-01/merge/n");
        CHECK(links[1].event->id == "2013-04-01/split/n");
        CHECK(links[1].to->id == "icb/y");
        CHECK(path_links(lin, lin.at("pct/b"), lin.at("icb/y"), day("2010-01-01")).empty());
    }

    TEST_CASE("answers after the knowledge horizon, and after an announced change touching them, say so") {
        const auto& lin = world();
        const Body* x = &lin.at("icb/x");
        CHECK(date_notes(lin, day("2020-12-31"), {x}).empty());
        CHECK(kinds(date_notes(lin, day("2021-01-01"), {x})) == "after-horizon");
        const auto on = date_notes(lin, day("2021-04-01"), {x});
        CHECK(kinds(on) == "after-horizon announced");
        CHECK(on.back().text ==
              "announced for 2021-04-01, not confirmed in force (not applied): the Ayton and Bee Town boards to "
              "merge [A ministerial statement invented for the tests]");
        CHECK(kinds(date_notes(lin, day("2022-04-01"), {x})) == "after-horizon announced announced");
        // An announced change is not applied: icb/x is still in force and its own successor.
        CHECK(test::show(lin.successors(*x, day("2021-06-01"), "commissioning")) == "icb/x 1");
        CHECK(lin.find("icb/xy") == nullptr);
    }

    TEST_CASE("a dataset loaded with announced changes applies them and still notes them") {
        LoadOptions o;
        o.include_announced = true;
        const auto lin = Lineage::load(k_dir, o);
        const Body& x = lin.at("icb/x");
        CHECK(format_period(x.period) == "2013-04-01..2021-03-31");
        CHECK(test::show(lin.successors(x, day("2021-06-01"), "commissioning")) == "icb/xy 1");
        const auto notes = date_notes(lin, day("2021-06-01"), {&x});
        CHECK(kinds(notes) == "after-horizon announced");
        CHECK(notes.back().text.find("(applied as asked)") != std::string::npos);
        CHECK(kinds(body_notes(lin, lin.at("icb/xy"))) == "announced");
        CHECK(validate_directory(k_dir).empty());
    }

    TEST_CASE("the loader reads the caveat keys, the horizon and kind families") {
        const auto& ds = world().dataset();
        CHECK(format_date(*ds.horizon) == "2020-12-31");
        CHECK(ds.kinds.at("care-trust").family == "pct");
        CHECK(ds.kinds.at("icb").family.empty());
        const Event& merge = ds.events.front();
        CHECK(merge.incomplete);
        CHECK(merge.deduced == std::vector<std::string>{"pct/b"});
        CHECK(world().at("pct/b").secondary_only);
        CHECK(world().at("pct/a").inferred == "its code is matched to the name by its successor");
        CHECK(world().at("pct/b").inferred.empty());
        REQUIRE(ds.announcements.size() == 2);
        CHECK(ds.announcements[0].id == "2021-04-01/merge/xy");
        CHECK(ds.announcements[0].bodies == std::vector<std::string>{"icb/x", "icb/y"});
        CHECK_FALSE(ds.announcements[0].applied);
        CHECK(ds.announcements[1].kinds == std::vector<std::string>{"icb"});
    }
}
