// SPDX-License-Identifier: MIT
/*
 * 01_find_commissioners — who commissioned health services for a local authority area on a date?
 *
 * Demonstrates: the answers layer (orglineage/ask.hpp): Answers::who takes the user's words — an
 *               area's name or ONS code of any date, an LSOA — and gives the whole answer: the
 *               holders with the part of the area each served, their notes, how the question was
 *               read (the unitary Cornwall began in 2009; before it the county of that name was
 *               "Cornwall and Isles of Scilly"), or why it could not be answered.
 *               Lineage::holders is the low-level call underneath (area codes in force only).
 * Read first: docs/data-format.md ("Who holds a function").
 *
 * Usage: 01_find_commissioners [DATASET_DIR [AREA [DATE [FUNCTION]]]]
 *        (default: the shipped data, Cornwall, 2007-06-01, commissioning)
 * Exit: 0 answered, 1 nobody found, 2 usage error, 3 data error (the CLI's exit codes).
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
    orglineage::WhoQuestion q;
    q.area = argc > 2 ? argv[2] : "Cornwall";
    q.on = argc > 3 ? argv[3] : "2007-06-01";
    if (argc > 4) q.function = argv[4];
    try {
        const auto lin = orglineage::Lineage::load(dir);
        const orglineage::Answers answers(lin);
        const orglineage::Answer a = answers.who(q);
        if (!a.answered()) {
            std::cerr << a.problem->message << '\n';
            return a.problem->exit_code;
        }
        for (const auto& r : a.remarks)
            if (r.kind == orglineage::RemarkKind::reading) std::cout << "(" << r.text << ")\n";
        std::cout << "Who held " << q.function << " for " << a.query.at("area_name").text() << " ("
                  << a.query.at("area").text() << ") on " << q.on << ":\n";
        for (const auto& row : a.rows) {
            std::cout << "  " << row.at("name").text() << " [" << row.at("id").text() << "]";
            if (!row.at("ods").is_null()) std::cout << " ODS " << row.at("ods").text();
            if (!row.at("share").is_null()) std::cout << ", " << row.at("share").number() * 100.0 << "% of the area";
            else std::cout << ", an unknown part of the area";
            if (!row.at("delegated_by").is_null()) std::cout << " (delegated by " << row.at("delegated_by").text() << ")";
            std::cout << '\n';
            for (const auto& note : orglineage::notes_of(row))
                std::cout << "    [" << orglineage::to_string(note.kind) << "] " << note.text << '\n';
        }
        if (a.rows.empty()) std::cout << "  nobody in this dataset\n";
        return a.exit_code;
    } catch (const orglineage::DataError& e) {
        std::cerr << e.what() << '\n';
        return 3;
    } catch (const orglineage::Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
