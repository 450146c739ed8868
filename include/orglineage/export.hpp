// SPDX-License-Identifier: MIT
// orglineage — writing a loaded dataset back to YAML (docs/data-format.md), so that reloading it
// gives the same records.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/dataset.hpp>

#include <ostream>
#include <string>

namespace orglineage {

/**
 * Writes the whole dataset as one YAML document: a complete `dataset.yaml` (the manifest may hold
 * every section), in the format of docs/data-format.md. Loading a directory holding only that file
 * gives back the same kinds, functions, sources, areas, bodies (names, codes, coverage, holdings,
 * memberships), events, claims and tables; positions (file:line:column) are those of the new file.
 *
 * Names and codes are written as each body started with, and memberships that a `join` event
 * created are left to that event, so that reloading does not apply a change twice. A body's
 * functions are written out when they differ from its kind's defaults. Table paths are absolute.
 *
 * ```
 * auto lin = orglineage::Lineage::load("data/nhs-england");
 * orglineage::write_yaml(std::cout, lin.dataset());
 * ```
 */
ORGLINEAGE_API void write_yaml(std::ostream& out, const Dataset& dataset);

/// write_yaml into a string.
[[nodiscard]] ORGLINEAGE_API std::string to_yaml(const Dataset& dataset);

/**
 * Writes `directory/dataset.yaml` (creating the directory when needed), complete or not at all
 * (see OutputFile).
 * @throws Error when `directory` is the one the dataset was read from
 * @throws IoError when the directory or the file cannot be written
 */
ORGLINEAGE_API void export_dataset(const Dataset& dataset, const std::string& directory);

} // namespace orglineage
