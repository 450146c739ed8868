// SPDX-License-Identifier: MIT
/*
 * 00_validate_dataset — check a dataset directory and list every problem in it.
 *
 * Demonstrates: orglineage::validate_directory, error positions (file:line:column).
 * Read first: docs/data-format.md.
 *
 * Usage: orglineage-validate [DATASET_DIR]   (default: the shipped data/nhs-england)
 * Exit: 0 valid, 3 problems found, 2 usage error.
 */
#include <orglineage/orglineage.hpp>

#include <iostream>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 2) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR]\n";
        return 2;
    }
    const std::string dir = argc == 2 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const auto problems = orglineage::validate_directory(dir);
    for (const auto& p : problems) std::cout << p << '\n';
    if (!problems.empty()) {
        std::cerr << problems.size() << " problem(s) in " << dir << '\n';
        return 3;
    }
    const auto lin = orglineage::Lineage::load(dir);
    const auto& ds = lin.dataset();
    std::cout << dir << ": valid (" << ds.bodies.size() << " bodies, " << ds.events.size() << " events, "
              << ds.areas.size() << " areas, " << ds.sources.size() << " sources, " << ds.claims.size()
              << " claims proved)\n";
    return 0;
}
