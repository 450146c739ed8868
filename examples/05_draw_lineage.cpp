// SPDX-License-Identifier: MIT
/*
 * 05_draw_lineage — the lineage of a body as a Graphviz picture.
 *
 * Demonstrates: orglineage::ancestry (the bodies a body came from and went to, with the events),
 *               orglineage::write_dot; render with `dot -Tsvg lineage.dot -o lineage.svg`.
 * Read first: 03_trace_successors.cpp.
 *
 * Usage: 05_draw_lineage [DATASET_DIR [BODY [OUTPUT.dot]]]
 *        (default: the shipped data, 5QP, standard output)
 * Exit: 0 written, 1 no such body, 2 usage error, 3 data error.
 */
#include <orglineage/orglineage.hpp>

#include <fstream>
#include <iostream>
#include <string>

#ifndef ORGLINEAGE_EXAMPLE_DATA
#define ORGLINEAGE_EXAMPLE_DATA "data/nhs-england"
#endif

int main(int argc, char* argv[]) {
    if (argc > 4) {
        std::cerr << "usage: " << argv[0] << " [DATASET_DIR [BODY [OUTPUT.dot]]]\n";
        return 2;
    }
    const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_EXAMPLE_DATA;
    const std::string code = argc > 2 ? argv[2] : "5QP";
    try {
        const auto lin = orglineage::Lineage::load(dir);
        // An id names one body for ever; a code may have been reused, so it must name only one.
        const auto all = lin.resolve_all(code);
        if (all.size() != 1) {
            std::cerr << (all.empty() ? "no body has the id or code '" : "ambiguous code '") << code << "'\n";
            return 1;
        }
        const auto view = orglineage::ancestry(lin, *all.front());
        if (argc > 3) {
            std::ofstream out(argv[3]);
            orglineage::write_dot(out, lin, view);
            if (!out) {
                std::cerr << "cannot write '" << argv[3] << "'\n";
                return 2;
            }
            std::cerr << "wrote " << view.bodies.size() << " bodies and " << view.links.size() << " links to "
                      << argv[3] << '\n';
        } else {
            orglineage::write_dot(std::cout, lin, view);
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
