// SPDX-License-Identifier: MIT
// orglineage bindings — where a package finds the shipped dataset.
#include "data_dir.hpp"

#include <orglineage/error.hpp>

#include <cstdlib>
#include <filesystem>

namespace orglineage::bind {

std::string default_data_dir(const std::vector<std::string>& candidates) {
    if (const char* env = std::getenv("ORGLINEAGE_DATA"); env && *env) return env;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!c.empty() && std::filesystem::exists(std::filesystem::path(c) / "dataset.yaml", ec)) return c;
    }
    throw DataError(SourcePos{}, "no orglineage dataset found: set ORGLINEAGE_DATA or pass a path");
}

} // namespace orglineage::bind
