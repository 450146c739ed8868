// SPDX-License-Identifier: MIT
// orglineage serve — the endpoints that are not questions: the page, /health, /version and
// /openapi.json.
#pragma once

#include "endpoints.hpp"

#include <orglineage/lineage.hpp>

#include <string>
#include <vector>

namespace orglineage::serve {

/// What /version reports beside the library's version.
struct DataInfo {
    std::string name, version, horizon; ///< horizon "" when the dataset states none
    std::string image;                  ///< the compiled image opened, "" when read from sources
};

[[nodiscard]] DataInfo data_info(const Lineage& lineage, const std::string& image);

/// The page's files (`/` is index.html), /health and /version.
[[nodiscard]] std::vector<Endpoint> site_endpoints(const DataInfo& info);

/// /openapi.json, describing `endpoints` and itself.
[[nodiscard]] Endpoint openapi_endpoint(const std::vector<Endpoint>& endpoints);

} // namespace orglineage::serve
