// SPDX-License-Identifier: MIT
/*
 * 01_find_commissioners — who commissioned health services for a local authority area on a date?
 *
 * Demonstrates: Lineage::load, Lineage::find_areas, Lineage::holders (shares of the area),
 *               areas that only exist from a later date (the unitary Cornwall began in 2009).
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

namespace {

/// The area called `text` that was in force on `on`. Names outlive areas: before the unitary
/// Cornwall (2009) the name led to the county "Cornwall and Isles of Scilly", so when the area
/// with that exact name was not yet (or no longer) in force, an area in force whose name starts
/// with the text is taken instead, and the program says so.
const orglineage::Area* area_on(const orglineage::Lineage& lin, const std::string& text, const orglineage::Date& on) {
    const orglineage::Area* fallback = nullptr;
    for (const orglineage::Area* a : lin.find_areas(text)) {
        if (a->period.contains(on)) return a;
        fallback = a;
    }
    for (const auto& a : lin.dataset().areas) {
        if (!a.period.contains(on) || a.name.size() < text.size()) continue;
        bool prefix = true;
        for (std::size_t i = 0; i < text.size() && prefix; ++i)
            prefix = std::tolower(static_cast<unsigned char>(a.name[i])) == std::tolower(static_cast<unsigned char>(text[i]));
        if (prefix) {
            if (fallback)
                std::cout << "(" << fallback->name << " " << fallback->code << " is in force "
                          << orglineage::format_period(fallback->period) << "; on " << orglineage::format_date(on)
                          << " the area was " << a.name << ")\n";
            return &a;
        }
    }
    return fallback;
}

} // namespace

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
        const orglineage::Area* area = area_on(lin, area_text, *on);
        if (!area) {
            std::cerr << "unknown area '" << area_text << "'\n";
            return 1;
        }
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
