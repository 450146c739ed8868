// SPDX-License-Identifier: MIT
// The one path from files to a checked dataset: read (YAML, CSV) -> build -> check.
// Every entry point that makes a dataset (load, validate) goes through here.
#include "build/builder.hpp"
#include "check/claims.hpp"
#include "read/raw_dataset.hpp"

#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <algorithm>

namespace orglineage {

Lineage Lineage::load(const std::string& directory, const LoadOptions& options) {
    Lineage lin(load_dataset(directory, options));
    detail::check_claims(lin, nullptr);
    return lin;
}

Dataset load_dataset(const std::string& directory, const LoadOptions& options) {
    auto raw = detail::read_directory(directory, nullptr);
    detail::take_announced(raw, options.include_announced);
    return detail::build_dataset(std::move(raw), nullptr);
}

std::vector<std::string> validate_directory(const std::string& directory) {
    std::vector<std::string> problems;
    try {
        // Announced changes are checked as if in force too: a query may ask for them.
        const auto raw = detail::read_directory(directory, &problems);
        const bool any_announced =
            std::any_of(raw.events.begin(), raw.events.end(), [](const auto& e) { return e.announced; });
        for (const bool include : {false, true}) {
            if (include && (!any_announced || !problems.empty())) break;
            auto copy = raw;
            detail::take_announced(copy, include);
            auto ds = detail::build_dataset(std::move(copy), &problems);
            if (problems.empty()) {
                Lineage lin(std::move(ds));
                detail::check_claims(lin, &problems);
            }
        }
    } catch (const DataError& e) {
        problems.push_back(e.what());
    }
    return problems;
}

} // namespace orglineage
