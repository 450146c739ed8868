// SPDX-License-Identifier: MIT
/*
 * 01_find_commissioners — who commissioned health services for a local authority area on a date?
 *
 * Demonstrates: Lineage::load, orglineage::find_area_on (a name as it stood on a date: the unitary
 *               Cornwall began in 2009, before it the county was "Cornwall and Isles of Scilly"),
 *               Lineage::holders (who held a function, with the part of the area each served).
 * Read first: docs/data-format.md ("Who holds a function").
 *
 * Usage: 01_find_commissioners [DATASET_DIR [AREA [DATE [FUNCTION]]]]
 *        (default: the shipped data, Cornwall, 2007-06-01, commissioning)
 * Exit: 0 answered, 1 nobody found, 2 usage error, 3 data error.
 */
#include <orglineage/orglineage.hpp>

#include <iostream>
#include <string>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 5) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR [AREA [DATE [FUNCTION]]]]\n";
        return 2;
    }
    const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const std::string area_text = argc > 2 ? argv[2] : "Cornwall";
    const auto on = orglineage::parse_date(argc > 3 ? argv[3] : "2007-06-01");
    const std::string function = argc > 4 ? argv[4] : "commissioning";
    if (!on) {
        std::cerr << "bad date '" << argv[3] << "' (expected YYYY-MM-DD)\n";
        return 2;
    }
    try {
        const auto lin = orglineage::Lineage::load(dir);
        const auto match = orglineage::find_area_on(lin, area_text, *on);
        if (match.areas.size() != 1) {
            std::cerr << (match.areas.empty() ? "no area called '" : "ambiguous area '") << area_text << "' on "
                      << orglineage::format_date(*on) << '\n';
            return 1;
        }
        const orglineage::Area* area = match.areas.front();
        if (!match.exact)
            std::cout << "(no area called " << area_text << " on " << orglineage::format_date(*on)
                      << "; the area of that name then was " << area->name << ")\n";
        const auto holders = lin.holders(function, area->code, *on);
        std::cout << "Who held " << function << " for " << area->name << " (" << area->code << ") on "
                  << orglineage::format_date(*on) << ":\n";
        for (const auto& h : holders) {
            std::cout << "  " << h.body->name_on(*on) << " [" << h.body->id << "]";
            if (auto ods = h.body->ods_on(*on); !ods.empty()) std::cout << " ODS " << ods;
            if (h.share) std::cout << ", " << *h.share * 100.0 << "% of the area";
            else std::cout << ", an unknown part of the area";
            if (!h.delegated_by.empty()) std::cout << " (delegated by " << h.delegated_by << ")";
            std::cout << '\n';
        }
        if (holders.empty()) {
            std::cout << "  nobody in this dataset\n";
            return 1;
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
