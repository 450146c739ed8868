// SPDX-License-Identifier: MIT
// orglineage bindings — where a package finds the shipped dataset.
#pragma once

#include <string>
#include <vector>

namespace orglineage::bind {

/// Where the shipped dataset is: $ORGLINEAGE_DATA, else the first candidate directory that holds a
/// dataset.yaml. @throws DataError when there is none
[[nodiscard]] std::string default_data_dir(const std::vector<std::string>& candidates);

} // namespace orglineage::bind
