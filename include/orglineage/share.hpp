// SPDX-License-Identifier: MIT
// orglineage — shares and the basis they were measured on.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <optional>
#include <string_view>

namespace orglineage {

/// What a share was measured on. `unknown` means the proportion is not sourced.
enum class ShareBasis { whole, population, postcodes, practices, area, unknown };

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(ShareBasis b) noexcept;
[[nodiscard]] ORGLINEAGE_API std::optional<ShareBasis> parse_share_basis(std::string_view s) noexcept;

/// A part in [0, 1], or nullopt where it is not known. Unknown times anything is unknown.
using Share = std::optional<double>;

[[nodiscard]] inline Share multiply(Share a, Share b) noexcept {
    if (!a || !b) return std::nullopt;
    return *a * *b;
}

/// The sum of two parts; unknown plus anything is unknown.
[[nodiscard]] inline Share add(Share a, Share b) noexcept {
    if (!a || !b) return std::nullopt;
    return *a + *b;
}

/// The less certain of two bases: unknown wins; whole gives way to any measured basis.
[[nodiscard]] ORGLINEAGE_API ShareBasis combine(ShareBasis a, ShareBasis b) noexcept;

} // namespace orglineage
