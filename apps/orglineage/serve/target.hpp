// SPDX-License-Identifier: MIT
// orglineage serve — a request target (`/who?area=E06000052&on=2007-06-01`) as a path and named
// parameters: percent-decoding and the limits on what a query string may hold.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orglineage::serve {

/// A target read: the path as sent, the parameters decoded.
struct Target {
    std::string path;
    std::map<std::string, std::string> params;
};

/// How many parameters a query string may hold (no question has more than a dozen).
inline constexpr std::size_t max_params = 32;

/**
 * Reads a request target. Parameters are `name=value` pairs joined by `&`, percent-encoded, `+` a
 * space; a name without `=` has the value "" (a flag). Refused, with the reason in `error`: a
 * target that is not a path, a bad `%` escape, text that is not UTF-8, a control character, an
 * empty or repeated name, more than max_params parameters.
 */
[[nodiscard]] std::optional<Target> read_target(std::string_view target, std::string& error);

} // namespace orglineage::serve
