// SPDX-License-Identifier: MIT
#pragma once

#define ORGLINEAGE_VERSION_MAJOR 0
#define ORGLINEAGE_VERSION_MINOR 1
#define ORGLINEAGE_VERSION_PATCH 0

namespace orglineage {
/// The library version, `major.minor.patch`.
[[nodiscard]] const char* version() noexcept;
} // namespace orglineage
