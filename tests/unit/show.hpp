// SPDX-License-Identifier: MIT
// Test helpers: answers as short strings a test can compare with what was worked out by hand.
#pragma once

#include <orglineage/lineage.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace orglineage::test {

inline Date day(const char* s) { return *parse_date(s); }

/// "id share" pairs in the order given, shares to 4 significant digits, "?" when unknown:
/// e.g. "p/d 0.75, p/ab 0.25".
template <class T> std::string show(const std::vector<T>& xs) {
    std::string out;
    for (const auto& x : xs) {
        char buf[32];
        if (x.share) std::snprintf(buf, sizeof buf, "%.4g", *x.share);
        out += (out.empty() ? "" : ", ") + x.body->id + " " + (x.share ? buf : "?");
    }
    return out;
}

/// Body ids joined by ", ".
inline std::string ids(const std::vector<const Body*>& bs) {
    std::string out;
    for (const auto* b : bs) out += (out.empty() ? "" : ", ") + b->id;
    return out;
}

} // namespace orglineage::test
