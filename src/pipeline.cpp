// SPDX-License-Identifier: MIT
// The one path from files to a checked dataset: read (YAML, CSV) -> build -> check.
// Every entry point that makes a dataset (load, validate, compile, a hand-built Dataset) goes
// through here and runs the same checking pass: the built records (check/dataset), then the
// questions to the built graph (check/claims) and the tables read as the queries read them
// (check/tables).
#include "pipeline.hpp"
#include "build/builder.hpp"
#include "check/claims.hpp"
#include "check/dataset.hpp"
#include "check/tables.hpp"
#include "graph/lineage_access.hpp"
#include "read/raw_dataset.hpp"

#include <orglineage/image.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <algorithm>

namespace orglineage {

namespace {

/// The checks that ask the indexed dataset: completeness claims (holders of an area), and the
/// tables (an LSOA's holder is resolved through the graph).
void check_indexed(const Lineage& lin, std::vector<std::string>* problems) {
    detail::check_claims(lin, problems);
    detail::check_tables(lin, problems);
}

} // namespace

Lineage::Lineage(Dataset dataset) : Lineage((detail::check_dataset(dataset, nullptr), std::move(dataset)), Checked{}) {
    check_indexed(*this, nullptr);
}

// An image compiled from the same files answers as the sources do (tests/image proves it), so it
// is taken whenever it is current; the sources stay the truth and are read otherwise. Images are
// compiled with announced changes set aside, so a query that applies them reads the sources.
Lineage Lineage::load(const std::string& path, const LoadOptions& options) {
    if (is_image_file(path)) {
        if (options.include_announced)
            throw DataError(SourcePos{path, 0, 0}, "a compiled image holds no announced changes to apply; "
                                                   "give the dataset directory instead");
        return open_image(path);
    }
    ImageStatus status;
    return load_preferring_image(path, image_beside(path), status, options);
}

void detail::with_checked_sources(const std::string& directory,
                                  const std::function<void(const Lineage&, const TableIndexes&)>& use) {
    const Lineage lin = detail::LineageAccess::checked(load_dataset(directory, LoadOptions{}));
    detail::check_claims(lin, nullptr);
    const TableIndexes tables = detail::check_tables(lin, nullptr);
    use(lin, tables);
}

Lineage load_sources(const std::string& directory, const LoadOptions& options) {
    Lineage lin(load_dataset(directory, options), Lineage::Checked{});
    check_indexed(lin, nullptr);
    return lin;
}

Dataset load_dataset(const std::string& directory, const LoadOptions& options) {
    auto raw = detail::read_directory(directory, nullptr);
    detail::take_announced(raw, options.include_announced);
    auto ds = detail::build_dataset(std::move(raw), nullptr);
    detail::check_dataset(ds, nullptr);
    return ds;
}

std::vector<std::string> validate_directory(const std::string& directory) {
    std::vector<std::string> problems;
    try {
        const auto raw = detail::read_directory(directory, &problems);
        if (!problems.empty()) {
            // A file that could not be read takes its bodies with it, and every reference to them
            // elsewhere fails too: count those rather than bury the cause under them.
            std::vector<std::string> follow_on;
            auto copy = raw;
            detail::take_announced(copy, false);
            (void)detail::build_dataset(std::move(copy), &follow_on);
            if (!follow_on.empty())
                problems.push_back("and " + std::to_string(follow_on.size()) +
                                   " further problems that may follow from " +
                                   (problems.size() == 1 ? std::string("the one above (fix it first)")
                                                         : "the " + std::to_string(problems.size()) +
                                                               " above (fix them first)"));
            return problems;
        }
        // Announced changes are checked as if in force too: a query may ask for them.
        const bool any_announced =
            std::any_of(raw.events.begin(), raw.events.end(), [](const auto& e) { return e.announced; });
        for (const bool include : {false, true}) {
            if (include && (!any_announced || !problems.empty())) break;
            auto copy = raw;
            detail::take_announced(copy, include);
            auto ds = detail::build_dataset(std::move(copy), &problems);
            // The checks of the built result repeat some of the builder's on records it let through
            // with a problem: run them on a dataset the builder found sound.
            if (problems.empty()) detail::check_dataset(ds, &problems);
            if (problems.empty()) {
                Lineage lin(std::move(ds), Lineage::Checked{});
                detail::check_claims(lin, &problems);
                // The tables name no announced body: checked once, on the dataset in force.
                if (!include) detail::check_tables(lin, &problems);
            }
        }
    } catch (const DataError& e) {
        problems.push_back(e.what());
    }
    return problems;
}

} // namespace orglineage
