// SPDX-License-Identifier: MIT
// Internal: case folding for codes and names. ASCII only, on purpose: codes are ASCII, and folding
// by the C library's locale would make a match depend on the machine's settings.
#pragma once

#include <string>
#include <string_view>

namespace orglineage::detail {

[[nodiscard]] std::string lower(std::string_view s);
[[nodiscard]] std::string upper(std::string_view s);

} // namespace orglineage::detail
