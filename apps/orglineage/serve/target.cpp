// SPDX-License-Identifier: MIT
// orglineage serve — reading a request target's query string.
#include "target.hpp"

#include <orglineage/text.hpp>

namespace orglineage::serve {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decodes one name or value (`+` is a space, as HTML forms send it).
std::optional<std::string> decode(std::string_view text, std::string& error) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            const bool two_follow = i + 2 < text.size();
            const int hi = two_follow ? hex_digit(text[i + 1]) : -1;
            const int lo = two_follow ? hex_digit(text[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                error = "a '%' in the query string is not followed by two hexadecimal digits";
                return std::nullopt;
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    if (invalid_utf8(out)) {
        error = "the query string is not UTF-8 text";
        return std::nullopt;
    }
    for (unsigned char c : out)
        if (c < 0x20 || c == 0x7f) {
            error = "the query string holds a control character";
            return std::nullopt;
        }
    return out;
}

} // namespace

std::optional<Target> read_target(std::string_view target, std::string& error) {
    if (target.empty() || target.front() != '/') {
        error = "the request target is not a path";
        return std::nullopt;
    }
    Target t;
    const auto mark = target.find('?');
    t.path = std::string(target.substr(0, mark));
    if (mark == std::string_view::npos) return t;
    std::string_view rest = target.substr(mark + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty()) continue; // `a=1&&b=2`, a trailing `&`
        const auto eq = pair.find('=');
        auto name = decode(pair.substr(0, eq), error);
        if (!name) return std::nullopt;
        auto value = eq == std::string_view::npos ? std::optional<std::string>("") : decode(pair.substr(eq + 1), error);
        if (!value) return std::nullopt;
        if (name->empty()) {
            error = "a query parameter has no name";
            return std::nullopt;
        }
        if (t.params.size() == max_params) {
            error = "the query string has more than " + std::to_string(max_params) + " parameters";
            return std::nullopt;
        }
        const std::string shown = shortened(*name);
        if (!t.params.emplace(std::move(*name), std::move(*value)).second) {
            error = "the parameter '" + shown + "' is given twice";
            return std::nullopt;
        }
    }
    return t;
}

} // namespace orglineage::serve
