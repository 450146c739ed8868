// SPDX-License-Identifier: MIT
// The reorganisation of 1 April 2026 in the shipped dataset (data/nhs-england/ccg-icb-era/icb/
// reorganisation-2026.yaml) and the ICB clusters of 2025-26 (clusters-2025.yaml): 42 boards became 36
// (NHS Digital's practice mapping of 1 August 2026, the ODS succession records); shares are of ONS
// mid-2020 LSOA population, Frimley divided by the county of its LSOAs' districts (inferred).
#include <orglineage/lineage.hpp>
#include <orglineage/notes.hpp>
#include <orglineage/small_areas.hpp>

#include <doctest/doctest.h>

#include "../unit/show.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& nhs() {
    static const Lineage lin = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
    return lin;
}
const SmallAreas& lsoas() {
    static const SmallAreas sa = SmallAreas::load(nhs());
    return sa;
}
std::string succ(const char* id, const char* on = "2026-04-01") {
    return show(nhs().successors(nhs().at(id), day(on), "commissioning"));
}
std::string who(const char* area, const char* on, const char* f = "commissioning") {
    return show(nhs().holders(f, area, day(on)));
}
std::string lsoa(const char* code, const char* on) {
    std::string out;
    for (const auto& h : lsoas().holders("commissioning", code, day(on)).holders)
        out += (out.empty() ? "" : ", ") + h.body->id + (h.location ? " via " + h.location->id : std::string());
    return out;
}
bool has_note(const std::vector<Note>& notes, NoteKind kind) {
    return std::any_of(notes.begin(), notes.end(), [&](const Note& n) { return n.kind == kind; });
}

} // namespace

TEST_SUITE("nhs-england 2026") {
    TEST_CASE("42 boards on 31 March 2026, 36 from 1 April 2026, 106 sub-ICB locations on both days") {
        CHECK(nhs().snapshot(day("2026-03-31"), "icb").size() == 42);
        CHECK(nhs().snapshot(day("2026-04-01"), "icb").size() == 36);
        CHECK(nhs().snapshot(day("2026-06-01"), "icb").size() == 36);
        CHECK(nhs().snapshot(day("2026-03-31"), "sub-icb").size() == 106);
        CHECK(nhs().snapshot(day("2026-06-01"), "sub-icb").size() == 106);
    }

    TEST_CASE("each of the 36 boards of June 2026 resolves by its ODS and its ONS code") {
        const Date on = day("2026-06-01");
        for (const Body* b : nhs().snapshot(on, "icb")) {
            CAPTURE(b->id);
            for (const std::string& code : {b->ods_on(on), b->ons_on(on)}) {
                REQUIRE_FALSE(code.empty());
                const auto r = nhs().resolve(code, on);
                REQUIRE(r.size() == 1);
                CHECK(r[0] == b);
            }
        }
        // The six new boards (5-character ODS codes) and QRL's new ONS code.
        const std::vector<std::pair<const char*, const char*>> expect = {
            {"S1Y5D", "icb/E54000065"}, {"D7T5G", "icb/E54000066"}, {"T6Y0W", "icb/E54000068"},
            {"S9B9J", "icb/E54000069"}, {"S0E4D", "icb/E54000070"}, {"Z9B2Z", "icb/E54000071"},
            {"E54000065", "icb/E54000065"}, {"E54000066", "icb/E54000066"}, {"E54000067", "icb/E54000042"},
            {"E54000068", "icb/E54000068"}, {"E54000069", "icb/E54000069"}, {"E54000070", "icb/E54000070"},
            {"E54000071", "icb/E54000071"}, {"QRL", "icb/E54000042"}};
        // A pair, not a structured binding: CAPTURE's lambda may not name a binding in C++17 (clang refuses).
        for (const auto& code_and_id : expect) {
            const char* code = code_and_id.first;
            CAPTURE(code);
            const auto r = nhs().resolve(code, on);
            REQUIRE(r.size() == 1);
            CHECK(r[0]->id == code_and_id.second);
        }
        CHECK(nhs().at("icb/E54000070").name_on(on) == "NHS Thames Valley Integrated Care Board");
        CHECK(nhs().at("icb/E54000042").ons_on(day("2026-03-31")) == "E54000042");
        CHECK(nhs().resolve("E54000042", on).empty());
    }

    TEST_CASE("the 16 succession links of 1 April 2026, each with its share") {
        // Nine boards went whole.
        CHECK(succ("icb/E54000024") == "icb/E54000065 1");  // Bedfordshire, Luton and Milton Keynes
        CHECK(succ("icb/E54000056") == "icb/E54000065 1");  // Cambridgeshire and Peterborough
        CHECK(succ("icb/E54000026") == "icb/E54000066 1");  // Mid and South Essex
        CHECK(succ("icb/E54000022") == "icb/E54000068 1");  // Norfolk and Waveney
        CHECK(succ("icb/E54000044") == "icb/E54000070 1");  // Buckinghamshire, Oxfordshire and Berkshire West
        CHECK(succ("icb/E54000052") == "icb/E54000069 1");  // Surrey Heartlands
        CHECK(succ("icb/E54000053") == "icb/E54000069 1");  // Sussex
        CHECK(succ("icb/E54000027") == "icb/E54000071 1");  // North West London
        CHECK(succ("icb/E54000028") == "icb/E54000071 1");  // North Central London
        // Two divided by whole sub-ICB locations (06K, 06N / 07H; 06L, 07K / 06T).
        CHECK(succ("icb/E54000025") == "icb/E54000065 0.7902, icb/E54000066 0.2098");
        CHECK(succ("icb/E54000023") == "icb/E54000068 0.651, icb/E54000066 0.349");
        // Frimley three ways, by LSOA; Hampshire and Isle of Wight continues and takes a part.
        CHECK(succ("icb/E54000034") == "icb/E54000070 0.5692, icb/E54000042 0.2244, icb/E54000069 0.2064");
        CHECK(succ("icb/E54000042") == "icb/E54000042 1");
        const auto f = nhs().successors(nhs().at("icb/E54000034"), day("2026-04-01"), "commissioning");
        double sum = 0;
        for (const auto& p : f) sum += *p.share;
        CHECK(std::abs(sum - 1) < 1e-9);
        // The day before, every board is its own successor.
        CHECK(succ("icb/E54000034", "2026-03-31") == "icb/E54000034 1");
    }

    TEST_CASE("a district of each divided board, before and after") {
        // Suffolk and North East Essex: Babergh to Norfolk and Suffolk, Colchester to Essex.
        CHECK(who("E07000200", "2026-03-31") == "icb/E54000023 1");
        CHECK(who("E07000200", "2026-06-01") == "icb/E54000068 1");
        CHECK(who("E07000071", "2026-06-01") == "icb/E54000066 1");
        // Hertfordshire and West Essex: Watford to Central East, Harlow to Essex.
        CHECK(who("E07000103", "2026-03-31") == "icb/E54000025 1");
        CHECK(who("E07000103", "2026-06-01") == "icb/E54000065 1");
        CHECK(who("E07000073", "2026-06-01") == "icb/E54000066 1");
        // Frimley: Slough to Thames Valley, Rushmoor to Hampshire and Isle of Wight, Surrey Heath to Surrey
        // and Sussex; Hart, divided before, is whole in one board after.
        CHECK(who("E06000039", "2026-03-31") == "icb/E54000034 1");
        CHECK(who("E06000039", "2026-06-01") == "icb/E54000070 1");
        CHECK(who("E07000092", "2026-06-01") == "icb/E54000042 1");
        CHECK(who("E07000214", "2026-06-01") == "icb/E54000069 1");
        CHECK(who("E07000089", "2026-03-31") == "icb/E54000034 0.75, icb/E54000042 0.25");
        CHECK(who("E07000089", "2026-06-01") == "icb/E54000042 1");
        // A district already divided between boards stays divided: Buckinghamshire.
        CHECK(who("E06000060", "2026-06-01") == "icb/E54000070 0.988, icb/E54000065 0.01204");
    }

    TEST_CASE("an LSOA of each of Frimley's three parts answers its new board through its sub-ICB location") {
        CHECK(lsoa("E01016180", "2026-03-31") == "icb/E54000034 via sub-icb/D4U1Y");  // Bracknell Forest
        CHECK(lsoa("E01016180", "2026-06-01") == "icb/E54000070 via sub-icb/U2G6B");
        CHECK(lsoa("E01022846", "2026-06-01") == "icb/E54000042 via sub-icb/D9Y0V");  // Hart
        CHECK(lsoa("E01030421", "2026-06-01") == "icb/E54000069 via sub-icb/92A");    // Guildford
    }

    TEST_CASE("sub-ICB locations re-parented and renamed as ODS names them, D4U1Y ended, U2G6B begun") {
        const Date on = day("2026-06-01");
        CHECK(nhs().at("sub-icb/93C").name_on(on) == "NHS West and North London ICB - 93C");
        CHECK(nhs().at("sub-icb/93C").name_on(day("2026-03-31")) == "NHS North Central London ICB - 93C");
        CHECK(ids(nhs().groups(nhs().at("sub-icb/93C"), on)) == "icb/E54000071");
        CHECK(ids(nhs().groups(nhs().at("sub-icb/93C"), day("2026-03-31"))) == "icb/E54000028");
        CHECK(nhs().at("sub-icb/D9Y0V").ons_on(on) == "E38000266");
        CHECK(nhs().at("sub-icb/92A").ons_on(on) == "E38000267");
        CHECK(nhs().at("sub-icb/U2G6B").ons_on(on) == "E38000268");
        CHECK(nhs().resolve("D4U1Y", on).empty());
        // D4U1Y's split, as its links record it (a sub-ICB location holds no function of its own).
        std::string links;
        for (const auto& e : nhs().dataset().events)
            if (e.id == "2026-04-01/split/D4U1Y")
                for (const auto& l : e.links) links += (links.empty() ? "" : ", ") + l.to + " " + std::to_string(*l.share);
        CHECK(links == "sub-icb/U2G6B 0.569162, sub-icb/D9Y0V 0.224433, sub-icb/92A 0.206405");
    }

    TEST_CASE("June 2026 is within the knowledge horizon and carries no announced note") {
        const auto hs = nhs().holders("commissioning", "E07000200", day("2026-06-01"));
        REQUIRE(hs.size() == 1);
        const auto notes = holder_notes(nhs(), hs[0], "E07000200", day("2026-06-01"));
        CHECK_FALSE(has_note(notes, NoteKind::announced));
        CHECK_FALSE(has_note(notes, NoteKind::after_horizon));
        const auto later = holder_notes(nhs(), nhs().holders("commissioning", "E07000200", day("2026-10-01"))[0],
                                        "E07000200", day("2026-10-01"));
        CHECK(has_note(later, NoteKind::after_horizon));
    }

    TEST_CASE("the ICB clusters of 2025-26 are groups with no legal effect") {
        std::vector<std::string> members;
        for (const Body* m : nhs().members(nhs().at("icb-cluster/cornwall-and-devon"), day("2025-12-01")))
            members.push_back(m->id);
        std::sort(members.begin(), members.end());
        CHECK(members == std::vector<std::string>{"icb/E54000036", "icb/E54000037"});
        CHECK(nhs().members(nhs().at("icb-cluster/cornwall-and-devon"), day("2025-06-01")).empty());
        // A cluster passes nothing on: Cornwall's board is still its own successor.
        CHECK(succ("icb/E54000036", "2025-12-01") == "icb/E54000036 1");
        // Thames Valley ICB Partners ended with the abolition of its boards.
        CHECK(nhs().at("icb-cluster/thames-valley-icb-partners").period.last_day() == day("2026-03-31"));
        // The planned Derby, Nottingham and Lincolnshire cluster is marked deduced.
        for (const auto& m : nhs().at("icb/E54000013").memberships)
            if (m.group == "icb-cluster/derbyshire-nottinghamshire-lincolnshire") CHECK(m.deduced);
    }
}

TEST_SUITE("nhs-england 2026 functions and caveats") {
    TEST_CASE("specialised commissioning in Cornwall: NHS England, then the ICB by delegation for part of it") {
        // Before delegation (NHS England Board papers of 7 Dec 2023 and 2025/26): NHS England.
        CHECK(who("E06000052", "2023-06-01", "commissioning.specialised") == "nhs-england 1");
        // The South West took the 70 services in April 2025, not the 59 of April 2024.
        CHECK(who("E06000052", "2024-06-01", "commissioning.specialised") == "nhs-england 1");
        const auto hs = nhs().holders("commissioning.specialised", "E06000052", day("2025-06-01"));
        REQUIRE(hs.size() == 1);
        CHECK(hs[0].body->id == "icb/E54000036");
        CHECK(hs[0].delegated_by == "nhs-england");
        const auto notes = holder_notes(nhs(), hs[0], "E06000052", day("2025-06-01"));
        REQUIRE(has_note(notes, NoteKind::incomplete));
        // In law NHS England stays the commissioner.
        CHECK(show(nhs().holders("commissioning.specialised", "E06000052", day("2025-06-01"), HolderMode::legal)) ==
              "nhs-england 1");
        // Norfolk (East of England) took the first 59 services in April 2024.
        CHECK(who("E07000148", "2024-06-01", "commissioning.specialised") == "icb/E54000022 1");
        // The boards of April 2026 hold it from their first day.
        CHECK(who("E07000200", "2026-06-01", "commissioning.specialised") == "icb/E54000068 1");
    }

    TEST_CASE("Frimley's shares say that the rule behind them is inferred") {
        const Body& frimley = nhs().at("icb/E54000034");
        const auto ps = nhs().successors(frimley, day("2026-06-01"), "commissioning");
        REQUIRE(ps.size() == 3);
        for (const auto& p : ps) {
            CAPTURE(p.body->id);
            const auto notes = portion_notes(nhs(), frimley, p, day("2026-06-01"), "commissioning", true);
            CHECK(has_note(notes, NoteKind::deduced));
        }
        // The boards divided by whole sub-ICB locations rest on no inferred rule.
        const Body& herts = nhs().at("icb/E54000025");
        for (const auto& p : nhs().successors(herts, day("2026-06-01"), "commissioning"))
            CHECK_FALSE(has_note(portion_notes(nhs(), herts, p, day("2026-06-01"), "commissioning", true),
                                 NoteKind::deduced));
    }

    TEST_CASE("an LSOA answered from the derived table of April 2026 says it is derived") {
        const auto a = lsoas().holders("commissioning", "E01016180", day("2026-06-01"));
        REQUIRE(a.holders.size() == 1);
        CHECK(has_note(lsoa_notes(nhs(), a, a.holders[0], day("2026-06-01")), NoteKind::derived));
        const auto b = lsoas().holders("commissioning", "E01016180", day("2025-06-01"));
        REQUIRE(b.holders.size() == 1);
        CHECK_FALSE(has_note(lsoa_notes(nhs(), b, b.holders[0], day("2025-06-01")), NoteKind::derived));
    }

    TEST_CASE("a cluster known from news only says so") {
        const auto notes = body_notes(nhs(), nhs().at("icb-cluster/cornwall-and-devon"));
        CHECK(has_note(notes, NoteKind::secondary));
    }
}

TEST_SUITE("nhs-england 2026 districts") {
    TEST_CASE("every district in force on 1 June 2026 is answered, its boards' shares summing to 1") {
        const Date on = day("2026-06-01");
        std::size_t n = 0;
        for (const auto& a : nhs().dataset().areas) {
            if (!a.period.contains(on)) continue;
            if (a.kind != "la-district" && a.kind != "la-unitary" && a.kind != "la-metropolitan" &&
                a.kind != "la-london-borough")
                continue;
            CAPTURE(a.code);
            const auto hs = nhs().holders("commissioning", a.code, on);
            REQUIRE_FALSE(hs.empty());
            double sum = 0;
            for (const auto& h : hs) {
                REQUIRE(h.share.has_value());
                CHECK(h.body->kind == "icb");
                sum += *h.share;
            }
            CHECK(std::abs(sum - 1) < 1e-9);
            ++n;
        }
        // 296 lower-tier areas of April 2023, with Barnsley and Sheffield under their 2025 codes.
        CHECK(n == 296);
    }

    TEST_CASE("Barnsley and Sheffield recoded on 1 April 2025 (SI 2024/1328), the board unchanged") {
        CHECK(who("E08000016", "2025-03-31") == "icb/E54000061 1");
        CHECK(who("E08000038", "2025-04-01") == "icb/E54000061 1");
        CHECK(who("E08000039", "2026-06-01") == "icb/E54000061 1");
        CHECK(who("E08000038", "2026-06-01", "public-health") == "la/E08000016 1");
        // The old code covers nothing after it ended (the answers layer answers it for its territory: CLI tests).
        CHECK(who("E08000019", "2025-03-31") == "icb/E54000061 1");
        CHECK(who("E08000019", "2026-06-01").empty());
        CHECK(nhs().resolve("E08000038", day("2026-06-01")).size() == 1);
        CHECK(nhs().at("la/E08000019").ons_on(day("2026-06-01")) == "E08000039");
        CHECK(nhs().at("la/E08000019").ons_on(day("2025-03-31")) == "E08000019");
        // Their LSOAs are in the new codes.
        CHECK(lsoas().holders("commissioning", "E01007317", day("2026-06-01")).lad == "E08000038");
        CHECK(lsoas().holders("commissioning", "E01007317", day("2025-03-31")).lad == "E08000016");
    }
}
