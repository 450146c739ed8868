// SPDX-License-Identifier: MIT
/*
 * 04_compare_snapshots — which bodies were active on a date, and what changed between two dates?
 *
 * Demonstrates: Lineage::snapshot (counted by kind), Lineage::diff (appeared, ended, renamed or
 *               recoded), names and codes as they were on each date.
 * Read first: 01_find_commissioners.cpp.
 *
 * Usage: 04_compare_snapshots [DATASET_DIR [DATE1 [DATE2]]]
 *        (default: the shipped data, 2013-03-31 and 2013-04-01, the day the PCTs gave way to CCGs)
 * Exit: 0 answered, 2 usage error, 3 data error.
 */
#include <orglineage/orglineage.hpp>

#include <iostream>
#include <map>
#include <string>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 4) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR [DATE1 [DATE2]]]\n";
        return 2;
    }
    const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const auto d1 = orglineage::parse_date(argc > 2 ? argv[2] : "2013-03-31");
    const auto d2 = orglineage::parse_date(argc > 3 ? argv[3] : "2013-04-01");
    if (!d1 || !d2) {
        std::cerr << "bad date (expected YYYY-MM-DD)\n";
        return 2;
    }
    try {
        const auto lin = orglineage::Lineage::load(dir);
        for (const auto& d : {*d1, *d2}) {
            std::map<std::string, int> by_kind;
            const auto bodies = lin.snapshot(d);
            for (const auto* b : bodies) ++by_kind[b->kind];
            std::cout << "Active on " << orglineage::format_date(d) << ": " << bodies.size() << " bodies";
            for (const auto& [kind, n] : by_kind) std::cout << ", " << n << ' ' << kind;
            std::cout << '\n';
        }
        const auto diff = lin.diff(*d1, *d2);
        std::cout << "From " << orglineage::format_date(*d1) << " to " << orglineage::format_date(*d2) << ": "
                  << diff.appeared.size() << " appeared, " << diff.ended.size() << " ended, " << diff.renamed.size()
                  << " renamed or recoded\n";
        auto list = [](const char* what, const std::vector<const orglineage::Body*>& bodies, const orglineage::Date& d) {
            std::size_t shown = 0;
            for (const auto* b : bodies) {
                if (++shown > 5) {
                    std::cout << "  ... and " << bodies.size() - 5 << " more\n";
                    break;
                }
                std::cout << "  " << what << ' ' << b->id << ' ' << b->name_on(d) << '\n';
            }
        };
        list("appeared", diff.appeared, *d2);
        list("ended   ", diff.ended, *d1);
        for (const auto* b : diff.renamed)
            std::cout << "  changed  " << b->id << ' ' << b->name_on(*d1) << " " << b->ods_on(*d1) << " -> "
                      << b->name_on(*d2) << " " << b->ods_on(*d2) << '\n';
        return 0;
    } catch (const orglineage::DataError& e) {
        std::cerr << e.what() << '\n';
        return 3;
    }
}
