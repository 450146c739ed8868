// SPDX-License-Identifier: MIT
// Name search (search.hpp) on the hand-built world tests/data/valid/caveats: bodies Ayton PCT,
// "Ayton & Bee Town PCT", Bee Town Care Trust, NHS Ayton ICB, NHS Bee Town ICB; areas Ayton, Bee Town.
#include "show.hpp"

#include <orglineage/search.hpp>

#include <doctest/doctest.h>

using namespace orglineage;
using orglineage::test::day;

namespace {

const Lineage& world() {
    static const Lineage lin = Lineage::load(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/caveats");
    return lin;
}

/// "id:quality" of each hit, in rank order.
std::string shown(const std::vector<SearchHit>& hits) {
    std::string out;
    for (const auto& h : hits)
        out += (out.empty() ? "" : ", ") + (h.body ? h.body->id : h.area->code) + ":" + std::string(to_string(h.quality));
    return out;
}

} // namespace

TEST_SUITE("search") {
    TEST_CASE("normalise_name sets aside case, punctuation and ampersands") {
        CHECK(normalise_name("NHS  Kernow-CCG") == "nhs kernow ccg");
        CHECK(normalise_name("Ayton & Bee Town PCT") == "ayton and bee town pct");
        CHECK(normalise_name("St Helen's") == "st helens");
        CHECK(normalise_name(" ,. ").empty());
    }

    TEST_CASE("search ranks exact names, then every word, then word prefixes, then anywhere") {
        const auto& lin = world();
        CHECK(shown(search(lin, "ayton and bee town pct")) == "pct/n:exact");
        CHECK(shown(search(lin, "AYTON")) == "A1:exact, pct/a:words, icb/x:words, pct/n:words");
        CHECK(shown(search(lin, "bee tow")) == "A2:prefix, icb/y:prefix, pct/b:prefix, pct/n:prefix");
        CHECK(shown(search(lin, "yto")) == "A1:partial, pct/a:partial, icb/x:partial, pct/n:partial");
        CHECK(search(lin, "Zed").empty());
        CHECK(search(lin, "--").empty());
    }

    TEST_CASE("search keeps to a date and to kinds when asked") {
        const auto& lin = world();
        SearchOptions o;
        o.on = day("2010-01-01");
        CHECK(shown(search(lin, "ayton", o)) == "A1:exact, pct/n:words");
        o.on.reset();
        o.kinds = {"icb"};
        CHECK(shown(search(lin, "ayton", o)) == "icb/x:words");
        o.kinds.clear();
        o.areas = false;
        o.max = 1;
        CHECK(shown(search(lin, "ayton", o)) == "pct/a:words");
    }
}
