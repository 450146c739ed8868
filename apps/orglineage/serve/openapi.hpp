// SPDX-License-Identifier: MIT
// orglineage serve — the OpenAPI 3 description of the endpoints, written from their declarations.
#pragma once

#include "endpoints.hpp"

#include <string>
#include <vector>

namespace orglineage::serve {

/// The OpenAPI 3.0 document (JSON) describing every endpoint, its parameters, formats and errors.
[[nodiscard]] std::string openapi_json(const std::vector<Endpoint>& endpoints, const std::string& version);

} // namespace orglineage::serve
