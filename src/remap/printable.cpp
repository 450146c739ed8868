// SPDX-License-Identifier: MIT
// Control bytes escaped for messages and the rejects file.
#include "remap/printable.hpp"

#include <algorithm>

namespace orglineage::detail {

namespace {

bool escaped(unsigned char c, Controls which) noexcept {
    if (c >= 0x20 && c != 0x7f) return false;
    return which == Controls::all || (c != '\t' && c != '\n' && c != '\r');
}

} // namespace

bool has_controls(std::string_view text, Controls which) noexcept {
    return std::any_of(text.begin(), text.end(), [which](char c) { return escaped(static_cast<unsigned char>(c), which); });
}

std::string printable(std::string_view text, Controls which) {
    if (!has_controls(text, which)) return std::string(text);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 16);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (!escaped(c, which)) {
            out.push_back(ch);
            continue;
        }
        out += "\\x";
        out.push_back(k_hex[c >> 4]);
        out.push_back(k_hex[c & 0xf]);
    }
    return out;
}

} // namespace orglineage::detail
