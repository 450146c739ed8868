// SPDX-License-Identifier: MIT
// orglineage — reading a dataset directory.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/dataset.hpp>

#include <string>
#include <vector>

namespace orglineage {

/**
 * Reads every `*.yaml` below `directory` (with `dataset.yaml` as the manifest), checks it and
 * normalises it (names and codes over time, functions held, memberships).
 * @throws DataError when a file cannot be read or parsed (file:line:column in the message)
 * @throws ValidationError when the data is inconsistent (first problem; see validate_directory)
 */
[[nodiscard]] ORGLINEAGE_API Dataset load_dataset(const std::string& directory, const LoadOptions& options = {});

/// Like load_dataset, but collects every problem instead of stopping at the first; announced
/// changes are checked both set aside and applied.
/// @returns the messages, each `file:line:column: what is wrong`; empty when the data is valid.
[[nodiscard]] ORGLINEAGE_API std::vector<std::string> validate_directory(const std::string& directory);

} // namespace orglineage
