// SPDX-License-Identifier: MIT
// AreaHistory on a hand-built county that became two unitaries (data/places): the territory of an
// area out of force, worked out by hand, and the errors of a bad change table.
#include <doctest/doctest.h>

#include <orglineage/area_history.hpp>

#include <string>

using namespace orglineage;

namespace {

std::string dir(const char* name) { return std::string(ORGLINEAGE_SMALL_AREAS_TEST_DATA) + "/" + name; }
Date day(const char* s) { return *parse_date(s); }

/// "code part share" per part, in the order given ("?" for an unknown number).
std::string show(const Territory& t) {
    std::string out;
    auto num = [](const Share& s) {
        if (!s) return std::string("?");
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.3g", *s);
        return std::string(buf);
    };
    for (const auto& p : t.parts) out += (out.empty() ? "" : ", ") + p.area->code + " " + num(p.part_of_area) + " " + num(p.share);
    return out;
}
std::string show(const std::vector<Holder>& hs) {
    std::string out;
    for (const auto& h : hs) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.3g", h.share.value_or(-1));
        out += (out.empty() ? "" : ", ") + h.body->id + " " + (h.share ? buf : "?");
    }
    return out;
}

} // namespace

TEST_SUITE("area_history") {
    TEST_CASE("a unitary before it existed is the districts that formed it, with their shares") {
        const auto lin = Lineage::load(dir("places"));
        const auto h = AreaHistory::load(lin);
        CHECK(show(h.territory("E06000001", day("2005-06-01"))) == "E07000002 1 0.75, E07000001 1 0.25");
        const auto a = h.holders("commissioning", "E06000001", day("2005-06-01"));
        CHECK(a.basis == PlaceBasis::territory);
        CHECK(show(a.holders) == "pct/p 1");
        CHECK(a.notes.front() == "E06000001 (Upton) is not in force on 2005-06-01 (in force from 2009-04-01); answered "
                                 "for its territory on that date: Betaby (E07000002) 0.75, Alphaton (E07000001) 0.25; "
                                 "2 of the 3 districts of Shire (E10000001)");
    }

    TEST_CASE("a district after it ended is the part of the unitary it became") {
        const auto lin = Lineage::load(dir("places"));
        const auto h = AreaHistory::load(lin);
        CHECK(show(h.territory("E07000001", day("2010-06-01"))) == "E06000001 0.25 1");
        CHECK(show(h.holders("commissioning", "E07000001", day("2010-06-01")).holders) == "pct/p 1");
    }

    TEST_CASE("a county after it was abolished is its districts carried forward, weighed by population") {
        const auto lin = Lineage::load(dir("places"));
        const auto h = AreaHistory::load(lin);
        // Upton is wholly the county's (all its parts were Shire's districts), and so is Vale; their
        // populations (400, 100) weigh them.
        CHECK(show(h.territory("E10000001", day("2010-06-01"))) == "E06000001 1 0.8, E06000002 1 0.2");
        const auto a = h.holders("commissioning", "E10000001", day("2010-06-01"));
        CHECK(show(a.holders) == "pct/p 0.8, pct/q 0.2");
        CHECK(a.notes.at(1) == "the parts' shares are of their ONS mid-2020 populations (area-population table)");
    }

    TEST_CASE("an area in force is itself") {
        const auto lin = Lineage::load(dir("places"));
        const auto h = AreaHistory::load(lin);
        const auto t = h.territory("E07000003", day("2005-06-01"));
        CHECK(t.in_force);
        CHECK(t.explain().empty());
        CHECK_THROWS_AS((void)h.territory("E09999999", day("2005-06-01")), LookupError);
    }

    TEST_CASE("loading rejects area changes whose shares making an area do not sum to 1, with file and line") {
        const std::string file = dir("places_bad") + "/area-changes.csv";
        CHECK_THROWS_WITH_AS((void)Lineage::load(dir("places_bad")),
                             (file + ":2:1: the parts making 'E06000001' sum to 0.750000, not 1").c_str(), DataError);
    }
}
