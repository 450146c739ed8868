// SPDX-License-Identifier: MIT
/*
 * 03_trace_successors — what became of a 2002 PCT, date by date: the 2006 mergers, the 2013 CCGs,
 * the CCG mergers and the 2022 ICBs.
 *
 * Demonstrates: Lineage::lineage (the dates on which the answer can change), Lineage::successors on
 *               each of them, shares multiplied along the way.
 * Read first: 02_follow_functions.cpp.
 *
 * Usage: 03_trace_successors [DATASET_DIR [BODY [FUNCTION]]]
 *        (default: the shipped data; the first PCT of 1 Oct 2002 in it, else of 2007; commissioning)
 * Exit: 0 answered, 1 no such body, 2 usage error, 3 data error.
 */
#include <orglineage/orglineage.hpp>

#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 4) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR [BODY [FUNCTION]]]\n";
        return 2;
    }
    const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const std::string function = argc > 3 ? argv[3] : "commissioning";
    try {
        const auto lin = orglineage::Lineage::load(dir);
        const orglineage::Body* body = nullptr;
        if (argc > 2) {
            const auto all = lin.resolve_all(argv[2]);
            if (all.size() != 1) {
                std::cerr << (all.empty() ? "no body has the id or code '" : "ambiguous code '") << argv[2] << "'\n";
                return 1;
            }
            body = all.front();
        } else {
            for (const char* d : {"2002-10-01", "2007-01-01"}) {
                const auto pcts = lin.snapshot(*orglineage::parse_date(d), "pct");
                if (!pcts.empty()) {
                    body = pcts.front();
                    break;
                }
            }
            if (!body) {
                std::cerr << "no PCT in " << dir << '\n';
                return 1;
            }
        }
        std::cout << body->name() << " [" << body->id << "], " << orglineage::format_period(body->period) << ", "
                  << function << ":\n";
        // The answer can only change on the date of an event in the body's lineage.
        std::set<orglineage::Date> dates{body->period.from};
        for (const auto& l : lin.lineage(*body).links)
            if (l.event->date > body->period.from) dates.insert(l.event->date);
        std::string previous;
        for (const auto& d : dates) {
            std::string line;
            for (const auto& p : lin.successors(*body, d, function)) {
                line += "  " + p.body->name_on(d) + " [" + p.body->id + "]";
                std::ostringstream share;
                if (p.share) share << ' ' << std::setprecision(3) << *p.share * 100.0 << '%';
                else share << " (share unknown)";
                line += share.str();
            }
            if (line.empty()) line = "  (none)";
            if (line == previous) continue;
            previous = line;
            std::cout << orglineage::format_date(d) << ':' << line << '\n';
        }
        return 0;
    } catch (const orglineage::DataError& e) {
        std::cerr << e.what() << '\n';
        return 3;
    } catch (const orglineage::Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
