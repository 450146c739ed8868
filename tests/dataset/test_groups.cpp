// SPDX-License-Identifier: MIT
// Groups in the shipped dataset (data/nhs-england): the PCT clusters (2011-2013), the NHS Commissioning Board's
// area teams (2013-2015) and their 2015 successors, the STPs (2016-2022), and the Newcastle and Gateshead CCGs
// of 2013-2015; each fact is checked against the source named beside it.
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include "../unit/show.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace orglineage;
using namespace orglineage::test;

namespace {

const Lineage& nhs() {
    static const Lineage lin = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
    return lin;
}

/// The groups of one kind a body belonged to on a date, as ids.
std::vector<std::string> groups_of_kind(const char* body, const char* on, const char* kind) {
    std::vector<std::string> out;
    for (const Body* g : nhs().groups(nhs().at(body), day(on)))
        if (g->kind == kind) out.push_back(g->id);
    return out;
}

/// The members of a group on a date, as sorted ids.
std::vector<std::string> member_ids(const char* group, const char* on) {
    std::vector<std::string> out;
    for (const Body* m : nhs().members(nhs().at(group), day(on))) out.push_back(m->id);
    std::sort(out.begin(), out.end());
    return out;
}

/// The bodies a body's succession links lead to, as "to@date" strings.
std::vector<std::string> successor_links(const char* body) {
    std::vector<std::string> out;
    for (const auto& l : nhs().links_of(nhs().at(body), true)) out.push_back(l.to->id + "@" + format_date(l.event->date));
    return out;
}

std::string ods_on(const char* body, const char* on) { return nhs().at(body).ods_on(day(on)); }

} // namespace

TEST_SUITE("nhs-england groups") {
    TEST_CASE("PCT clusters on 2011-04-01, 2011-06-01 and 2012-06-01: counts and PCTs in none") {
        // The four with a sourced April 2011 start (Novell/Bexley Care Trust, NHS Sussex, The Guardian, Wikipedia);
        // the others from 1 June 2011, the date by which DH required clusters (HC 796); NHS North East London
        // and the City from 1 April 2012 (Newham Recorder).
        CHECK(nhs().snapshot(day("2011-04-01"), "pct-cluster").size() == 4);
        CHECK(nhs().snapshot(day("2011-06-01"), "pct-cluster").size() == 39);
        CHECK(nhs().snapshot(day("2012-06-01"), "pct-cluster").size() == 40);
        std::size_t in_none = 0;
        for (const Body* p : nhs().snapshot(day("2012-06-01"), "pct"))
            if (groups_of_kind(p->id.c_str(), "2012-06-01", "pct-cluster").empty()) ++in_none;
        for (const Body* p : nhs().snapshot(day("2012-06-01"), "care-trust"))
            if (groups_of_kind(p->id.c_str(), "2012-06-01", "pct-cluster").empty()) ++in_none;
        // 151 PCTs and care trusts; 16 in no cluster, as no source at hand states their cluster (NEWS.md lists them).
        CHECK(in_none == 16);
        CHECK(groups_of_kind("pct/5D9", "2012-06-01", "pct-cluster").empty()); // Hartlepool: Tees not sourced
    }

    TEST_CASE("PCT clusters' members on 2012-06-01 (PCT annual reports 2012-13, HSJ, council minutes)") {
        // North Lancashire Teaching PCT 2012-13 annual report: NHS Lancashire was Blackburn with Darwen Care Trust
        // Plus, Blackpool, Central Lancashire, East Lancashire and North Lancashire.
        CHECK(member_ids("pct-cluster/lancashire", "2012-06-01") ==
              std::vector<std::string>{"pct/5HP", "pct/5NF", "pct/5NG", "pct/5NH", "pct/TAP"});
        // NHS South of Tyne and Wear PCTs 2012-13 annual report: Gateshead, South Tyneside, Sunderland Teaching.
        CHECK(member_ids("pct-cluster/south-of-tyne-and-wear", "2012-06-01") ==
              std::vector<std::string>{"pct/5KF", "pct/5KG", "pct/5KL"});
        // HSJ 5039357: Norfolk and Great Yarmouth and Waveney forecast a surplus "across the cluster".
        CHECK(groups_of_kind("pct/5PR", "2012-06-01", "pct-cluster") ==
              std::vector<std::string>{"pct-cluster/norfolk-and-great-yarmouth-and-waveney"});
        // Halton council minutes: the Merseyside cluster's chief executive covered four PCTs.
        CHECK(member_ids("pct-cluster/merseyside", "2012-06-01").size() == 4);
        // South Yorkshire and Bassetlaw: the four South Yorkshire PCTs and Bassetlaw (HSJ 5028980, The Guardian).
        CHECK(member_ids("pct-cluster/south-yorkshire-and-bassetlaw", "2012-06-01") ==
              std::vector<std::string>{"pct/5ET", "pct/5H8", "pct/5JE", "pct/5N4", "pct/5N5"});
        // HSJ 5035420 names the Nottinghamshire PCT cluster; Bassetlaw went to South Yorkshire (HSJ 5028980).
        CHECK(member_ids("pct-cluster/nottinghamshire", "2012-06-01") ==
              std::vector<std::string>{"pct/5EM", "pct/5N8"});
        // Milton Keynes Citizen: the Northamptonshire and Milton Keynes cluster "was officially formed in June" 2011.
        CHECK(member_ids("pct-cluster/milton-keynes-and-northamptonshire", "2011-05-31").empty());
        CHECK(member_ids("pct-cluster/milton-keynes-and-northamptonshire", "2011-06-01").size() == 2);
        // HSJ 5044587 names the Devon, Plymouth and Torbay cluster board; its members are deduced from the name,
        // and the cluster's note says so.
        std::vector<std::string> tal_sources;
        for (const auto& m : nhs().at("pct/TAL").memberships)
            if (m.group == "pct-cluster/devon-plymouth-and-torbay") tal_sources = m.sources;
        CHECK(tal_sources == std::vector<std::string>{"hsj-5044587-devon-plymouth-torbay"});
        CHECK(nhs().at("pct-cluster/devon-plymouth-and-torbay").note.find("deduced") != std::string::npos);
    }

    TEST_CASE("the 27 area teams of 2014 carry the ODS codes Q44-Q70 (HSCIC registered patients, Apr-Jun 2014)") {
        const auto teams = nhs().snapshot(day("2014-06-01"), "nhs-cb-area-team");
        CHECK(teams.size() == 27);
        std::vector<std::string> codes;
        for (const Body* t : teams) codes.push_back(t->ods_on(day("2014-06-01")));
        std::sort(codes.begin(), codes.end());
        std::vector<std::string> expected;
        for (int q = 44; q <= 70; ++q) expected.push_back("Q" + std::to_string(q));
        CHECK(codes == expected);
        // London as three teams; ONS's single London code is the London office above them.
        CHECK(nhs().at("area-team/Q62").name_on(day("2014-06-01")) == "North West London Area Team");
        CHECK(nhs().at("nhse-office/E39000018").kind == "nhse-local-office");
        CHECK(ods_on("nhse-office/E39000018", "2014-06-01") == "Q71");
        CHECK(nhs().snapshot(day("2015-04-01"), "nhs-cb-area-team").empty());
    }

    TEST_CASE("CCGs belong to their area team on 2014-06-01 (HSCIC registered patients, Apr-Jun 2014)") {
        CHECK(member_ids("area-team/Q61", "2014-06-01") ==
              std::vector<std::string>{"ccg/07L", "ccg/07M", "ccg/07R", "ccg/07T", "ccg/07X", "ccg/08D",
                                       "ccg/08F", "ccg/08H", "ccg/08M", "ccg/08N", "ccg/08V", "ccg/08W"});
        CHECK(member_ids("area-team/Q62", "2014-06-01").size() == 8);
        CHECK(member_ids("area-team/Q63", "2014-06-01").size() == 12);
        CHECK(groups_of_kind("ccg/08K", "2014-06-01", "nhs-cb-area-team") == std::vector<std::string>{"area-team/Q63"});
        CHECK(groups_of_kind("ccg/08K", "2014-06-01", "nhse-local-office") ==
              std::vector<std::string>{"nhse-office/E39000018"});
        // Newcastle's CCGs were in Cumbria, Northumberland, Tyne and Wear (Q49, ONS E39000006).
        CHECK(groups_of_kind("ccg/00G", "2014-06-01", "nhs-cb-area-team") ==
              std::vector<std::string>{"area-team/E39000006"});
        CHECK(ods_on("area-team/E39000006", "2014-06-01") == "Q49");
        // Every CCG of that day is in exactly one area team.
        for (const Body* c : nhs().snapshot(day("2014-06-01"), "ccg")) {
            CAPTURE(c->id);
            CHECK(groups_of_kind(c->id.c_str(), "2014-06-01", "nhs-cb-area-team").size() == 1);
        }
    }

    TEST_CASE("the area teams went into the local offices on 2015-04-01 (ODS successor file, ODS CCG file 2016)") {
        // Q44 Cheshire, Warrington and Wirral and Q48 Merseyside -> Q75 Cheshire and Merseyside.
        CHECK(successor_links("area-team/E39000001") == std::vector<std::string>{"nhse-office/E39000026@2015-04-01"});
        CHECK(successor_links("area-team/E39000005") == std::vector<std::string>{"nhse-office/E39000026@2015-04-01"});
        CHECK(ods_on("nhse-office/E39000026", "2015-06-01") == "Q75");
        // Q64 Bath, Gloucestershire, Swindon and Wiltshire -> Q82, which the 2016 ODS CCG file places in South Central.
        CHECK(successor_links("area-team/E39000019") == std::vector<std::string>{"nhse-office/E39000034@2015-04-01"});
        CHECK(ods_on("nhse-office/E39000034", "2015-06-01") == "Q82");
        CHECK(successor_links("area-team/Q61") == std::vector<std::string>{"nhse-office/E39000018@2015-04-01"});
        const auto q73 = nhs().resolve("Q73", day("2015-06-01"));
        REQUIRE(q73.size() == 1);
        CHECK(q73[0]->id == "nhse-office/E39000028");
    }

    TEST_CASE("STPs on 2017-04-01 and 2021-04-01 (ONS Code History Database, ONS CCG-STP lookups)") {
        CHECK(nhs().snapshot(day("2017-04-01"), "stp").size() == 44);
        CHECK(nhs().snapshot(day("2021-04-01"), "stp").size() == 42);
        CHECK(member_ids("stp/E54000008", "2017-04-01") ==
              std::vector<std::string>{"ccg/01C", "ccg/01F", "ccg/01J", "ccg/01R", "ccg/01T", "ccg/01V",
                                       "ccg/01X", "ccg/02D", "ccg/02E", "ccg/02F", "ccg/12F", "ccg/99A"});
        CHECK(groups_of_kind("ccg/13T", "2017-04-01", "stp") == std::vector<std::string>{"stp/E54000046"});
        CHECK(groups_of_kind("ccg/13T", "2021-04-01", "stp") == std::vector<std::string>{"stp/E54000050"});
        CHECK(member_ids("stp/E54000050", "2021-04-01").size() == 8);
        for (const char* on : {"2017-04-01", "2018-04-01", "2019-04-01", "2020-04-01", "2021-04-01"}) {
            for (const Body* c : nhs().snapshot(day(on), "ccg")) {
                CAPTURE(on);
                CAPTURE(c->id);
                CHECK(groups_of_kind(c->id.c_str(), on, "stp").size() == 1);
            }
        }
    }

    TEST_CASE("an STP's ODS code (April 2020 lookup) passes to the ICB of its area in 2022") {
        CHECK(ods_on("stp/E54000007", "2021-04-01") == "QOP");
        const auto before = nhs().resolve("QOP", day("2022-06-30"));
        REQUIRE(before.size() == 1);
        CHECK(before[0]->id == "stp/E54000007");
        const auto after = nhs().resolve("QOP", day("2022-07-01"));
        REQUIRE(after.size() == 1);
        CHECK(after[0]->kind == "icb");
        // Three codes of 2017 ended together and their CCGs were all in Cumbria and North East in 2018; the ODS
        // successor file has three STP codes -> QHM on that day, the code ONS's April 2020 lookup gives it.
        CHECK(successor_links("stp/E54000046") == std::vector<std::string>{"stp/E54000049@2018-04-01"});
        const auto qhm = nhs().resolve("QHM", day("2019-06-01"));
        REQUIRE(qhm.size() == 1);
        CHECK(qhm[0]->id == "stp/E54000049");
    }

    TEST_CASE("Newcastle and Gateshead in 2013-2015 (ONS CCG codes 2013, HSCIC registered patients)") {
        CHECK(show(nhs().holders("commissioning", "E08000021", day("2014-06-01"))) == "ccg/00G 0.5447, ccg/00H 0.4553");
        CHECK(show(nhs().holders("commissioning", "E08000021", day("2013-04-01"))) == "ccg/00G 0.5409, ccg/00H 0.4591");
        CHECK(show(nhs().holders("commissioning", "E08000037", day("2014-06-01"))) == "ccg/00F 1");
        CHECK(nhs().at("ccg/00G").ons_on(day("2014-06-01")) == "E38000111");
        CHECK(nhs().at("ccg/00H").name_on(day("2014-06-01")) == "NHS Newcastle West");
        CHECK(show(nhs().successors(nhs().at("pct/5D7"), day("2013-04-01"), "commissioning")) ==
              "ccg/00G 0.5409, ccg/00H 0.4591");
        CHECK(show(nhs().successors(nhs().at("pct/5KF"), day("2013-04-01"), "commissioning")) == "ccg/00F 1");
    }

    TEST_CASE("00F, 00G and 00H became Newcastle Gateshead CCG (13T) on 2015-04-01 (ODS successor file)") {
        for (const char* id : {"ccg/00F", "ccg/00G", "ccg/00H"}) {
            CAPTURE(id);
            CHECK(show(nhs().successors(nhs().at(id), day("2015-04-01"), "commissioning")) == "ccg/13T 1");
        }
        CHECK(show(nhs().holders("commissioning", "E08000021", day("2015-04-01"))) == "ccg/13T 1");
    }
}
