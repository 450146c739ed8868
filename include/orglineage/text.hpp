// SPDX-License-Identifier: MIT
// orglineage — checks and shaping for text that reaches messages and answers.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace orglineage {

/// The offset of the first byte that does not belong to valid UTF-8 (overlong forms, surrogates
/// and code points above U+10FFFF are invalid), or nullopt when all of `text` is valid.
[[nodiscard]] ORGLINEAGE_API std::optional<std::size_t> invalid_utf8(std::string_view text) noexcept;

/// `text` as a message shows it: itself when at most `max` bytes, else its first `max` bytes (on a
/// character boundary) and its length, `ABCD... (131000 bytes)`, so a huge argument is not echoed.
[[nodiscard]] ORGLINEAGE_API std::string shortened(std::string_view text, std::size_t max = 80);

} // namespace orglineage
