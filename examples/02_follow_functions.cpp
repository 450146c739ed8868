// SPDX-License-Identifier: MIT
/*
 * 02_follow_functions — where did each function of an abolished PCT go when it was abolished?
 *
 * Demonstrates: Lineage::resolve_nearest (a code no longer in use), Lineage::successors per function
 *               (commissioning to CCGs, primary care to the NHS Commissioning Board, public health to
 *               councils on 1 April 2013), shares and their basis.
 * Read first: 01_find_commissioners.cpp.
 *
 * Usage: 02_follow_functions [DATASET_DIR [PCT [DATE]]]   (default: the shipped data, 5QP, 2013-04-01)
 * Exit: 0 answered, 1 no such body, 2 usage error, 3 data error.
 */
#include <orglineage/orglineage.hpp>

#include <iostream>
#include <string>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 4) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR [PCT [DATE]]]\n";
        return 2;
    }
    const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const std::string code = argc > 2 ? argv[2] : "5QP";
    const auto on = orglineage::parse_date(argc > 3 ? argv[3] : "2013-04-01");
    if (!on) {
        std::cerr << "bad date (expected YYYY-MM-DD)\n";
        return 2;
    }
    try {
        const auto lin = orglineage::Lineage::load(dir);
        // The code names the body that had it on the date, else the nearest in time: an abolished
        // PCT's code resolves to the PCT that last had it.
        const auto r = lin.resolve_nearest(code, *on);
        if (r.bodies.size() != 1) {
            std::cerr << (r.bodies.empty() ? "no body has the code '" : "ambiguous code '") << code << "'\n";
            return 1;
        }
        const orglineage::Body& pct = *r.bodies.front();
        std::cout << pct.name() << " [" << pct.id << "], " << orglineage::format_period(pct.period) << '\n';
        for (const char* function : {"commissioning", "commissioning.primary-care", "commissioning.specialised",
                                     "public-health", "provision.community"}) {
            std::cout << "  " << function << " on " << orglineage::format_date(*on) << ":\n";
            const auto portions = lin.successors(pct, *on, function);
            if (portions.empty()) std::cout << "    (ended, or passed to nobody in this dataset)\n";
            for (const auto& p : portions) {
                std::cout << "    -> " << p.body->name_on(*on) << " [" << p.body->id << "]";
                if (p.share) std::cout << " " << *p.share * 100.0 << "%";
                else std::cout << " (share not known)";
                std::cout << " by " << orglineage::to_string(p.basis) << '\n';
            }
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
