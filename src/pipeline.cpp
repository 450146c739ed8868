// SPDX-License-Identifier: MIT
// The one path from files to a checked dataset: read (YAML, CSV) -> build -> check.
// Every entry point that makes a dataset (load, validate) goes through here.
#include "build/builder.hpp"
#include "check/claims.hpp"
#include "read/raw_dataset.hpp"

#include <orglineage/image.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

namespace orglineage {

// An image compiled from the same files answers as the sources do (tests/image proves it), so it
// is taken whenever it is current; the sources stay the truth and are read otherwise.
Lineage Lineage::load(const std::string& path) {
    if (is_image_file(path)) return open_image(path);
    const std::string beside = image_beside(path);
    if (image_is_current(beside, path)) return open_image(beside);
    return load_sources(path);
}

Lineage load_sources(const std::string& directory) {
    Lineage lin(load_dataset(directory));
    detail::check_claims(lin, nullptr);
    return lin;
}

Dataset load_dataset(const std::string& directory) {
    return detail::build_dataset(detail::read_directory(directory, nullptr), nullptr);
}

std::vector<std::string> validate_directory(const std::string& directory) {
    std::vector<std::string> problems;
    try {
        auto raw = detail::read_directory(directory, &problems);
        auto ds = detail::build_dataset(std::move(raw), &problems);
        if (problems.empty()) {
            Lineage lin(std::move(ds));
            detail::check_claims(lin, &problems);
        }
    } catch (const DataError& e) {
        problems.push_back(e.what());
    }
    return problems;
}

} // namespace orglineage
