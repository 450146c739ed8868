// SPDX-License-Identifier: MIT
// Group and lineage facts of the shipped dataset (data/nhs-england) checked against sources the data does not
// cite: PCT annual reports, council and NHS pages and news that name a cluster, an area team or an STP and its
// members. Each source is named beside its check; none of them is a source of the data.
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

/// The members of a group on a date, as sorted ids.
std::vector<std::string> member_ids(const char* group, const char* on) {
    std::vector<std::string> out;
    for (const Body* m : nhs().members(nhs().at(group), day(on))) out.push_back(m->id);
    std::sort(out.begin(), out.end());
    return out;
}

/// The one group of a kind a body belonged to on a date ("" when none, "several" when more than one).
std::string group_of_kind(const char* body, const char* on, const char* kind) {
    std::vector<std::string> ids;
    for (const Body* g : nhs().groups(nhs().at(body), day(on)))
        if (g->kind == kind) ids.push_back(g->id);
    if (ids.empty()) return "";
    return ids.size() == 1 ? ids.front() : "several";
}

bool same_group(const char* a, const char* b, const char* on, const char* kind) {
    const std::string ga = group_of_kind(a, on, kind);
    return !ga.empty() && ga != "several" && ga == group_of_kind(b, on, kind);
}

} // namespace

TEST_SUITE("nhs-england group facts from further sources") {
    TEST_CASE("Calderdale, Kirklees and Wakefield District: one cluster board (NHS Kirklees annual report 2011-12)") {
        // "our joining together with NHS Calderdale and NHS Wakefield District, as a cluster of primary care trusts.
        // The cluster is led by one Board".
        CHECK(member_ids("pct-cluster/calderdale-kirklees-and-wakefield", "2012-03-01") ==
              std::vector<std::string>{"pct/5J6", "pct/5N2", "pct/5N3"});
    }

    TEST_CASE("Herefordshire PCT in the West Mercia cluster (Herefordshire PCT annual report 2012-13)") {
        // "All the emerging CCGs have been sub-committees of the West Mercia cluster of PCTs".
        CHECK(group_of_kind("pct/5CN", "2012-06-01", "pct-cluster") == "pct-cluster/west-mercia");
    }

    TEST_CASE("North Tyneside, Newcastle and Northumberland under one team (North Tyneside PCT annual report 2012-13)") {
        // "in 2006 we developed a shared management team with Newcastle PCT and Northumberland Care Trust".
        CHECK(same_group("pct/5D8", "pct/5D7", "2012-06-01", "pct-cluster"));
        CHECK(same_group("pct/5D8", "pct/TAC", "2012-06-01", "pct-cluster"));
    }

    TEST_CASE("Leicester City and Leicestershire County and Rutland: one cluster board, then the Leicestershire and "
              "Lincolnshire area team (Leicester City PCT annual report 2012-13)") {
        // The report carries a "Foreword by the Cluster Board Chair" for NHS Leicester City and NHS Leicestershire
        // County and Rutland, and an "Introduction by David Sharp, Area Director, NHS England, Leicestershire &
        // Lincolnshire".
        CHECK(same_group("pct/5PC", "pct/5PA", "2012-06-01", "pct-cluster"));
        CHECK(group_of_kind("ccg/04C", "2013-06-01", "nhs-cb-area-team") == "area-team/E39000016");
        CHECK(nhs().at("area-team/E39000016").name_on(day("2013-06-01")) == "Leicestershire and Lincolnshire");
    }

    TEST_CASE("Cambridgeshire PCT's commissioning went to Cambridgeshire and Peterborough CCG (its annual report "
              "2012-13)") {
        // "we have worked side by side with GPs to establish Cambridgeshire and Peterborough Clinical Commissioning
        // Group".
        CHECK(show(nhs().successors(nhs().at("pct/5PP"), day("2013-04-01"), "commissioning")) == "ccg/06H 1");
        CHECK(nhs().at("ccg/06H").name_on(day("2013-04-01")).find("Cambridgeshire and Peterborough") !=
              std::string::npos);
    }

    TEST_CASE("Luton, Bedford and Milton Keynes in one STP (HSJ 7013024, November 2016)") {
        // "The STP for Luton, Bedford and Milton Keynes".
        CHECK(member_ids("stp/E54000024", "2017-04-01") ==
              std::vector<std::string>{"ccg/04F", "ccg/06F", "ccg/06P"});
    }

    TEST_CASE("Cheshire and Merseyside STP: 12 CCGs (North West Boroughs Healthcare NHS FT, STP page)") {
        // "It covers 12 clinical commissioning groups, 20 providers and nine local authorities".
        CHECK(member_ids("stp/E54000008", "2017-04-01").size() == 12);
    }

    TEST_CASE("Wider Devon STP: two CCG areas (Torbay Council family information service, STP page)") {
        // "two clinical commissioning group areas (South Devon & Torbay; Northern, Eastern and Western Devon)".
        CHECK(member_ids("stp/E54000037", "2017-04-01") == std::vector<std::string>{"ccg/99P", "ccg/99Q"});
    }

    TEST_CASE("Bath, Swindon and Wiltshire STP (Marlborough News Online, November 2016)") {
        // "the NHS across Bath and North-East Somerset (BANES), Swindon and Wiltshire - an area known as BSW".
        CHECK(member_ids("stp/E54000040", "2017-04-01") ==
              std::vector<std::string>{"ccg/11E", "ccg/12D", "ccg/99N"});
    }

    TEST_CASE("Norfolk and Waveney STP: five CCGs (National Health Executive, 2 May 2019)") {
        // "The five CCGs in Norfolk and Waveney have appointed a new joint chief officer ... Melanie Craig, the
        // current chief officer of NHS Great Yarmouth and Waveney CCG and executive lead of the local Norfolk and
        // Waveney STP".
        const auto ccgs = member_ids("stp/E54000022", "2019-05-02");
        CHECK(ccgs.size() == 5);
        CHECK(std::find(ccgs.begin(), ccgs.end(), "ccg/06M") != ccgs.end());
    }

    TEST_CASE("Leeds West and Harrogate CCGs in the West Yorkshire and Harrogate STP (NHS Leeds West CCG annual "
              "report 2016-17)") {
        // The report places the CCG in the "West Yorkshire and Harrogate Sustainability Transformation Plan (STP)".
        CHECK(same_group("ccg/03C", "ccg/03E", "2017-04-01", "stp"));
        CHECK(group_of_kind("ccg/03C", "2017-04-01", "stp") == "stp/E54000005");
    }
}
