// SPDX-License-Identifier: MIT
// "Did you mean" hints: small edit distances over the dataset's codes and area names.
#include "core/strings.hpp"

#include <orglineage/suggest.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace orglineage {

namespace {

/// Longer than any code or area name a person would mistype (the longest shipped name is about 60).
constexpr std::size_t k_longest_suggestible = 200;

using detail::lower;

/// Edit distance of `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit` (a row of
/// the table whose smallest entry passes the limit can only grow).
std::size_t distance(const std::string& a, const std::string& b, std::size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        std::size_t smallest = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
            smallest = std::min(smallest, row[j]);
        }
        if (smallest > limit) return limit + 1;
    }
    return row[b.size()];
}

/// Ranks candidates: containing the text first (shortest first), then by edit distance within
/// a third of the text's length (at least 1, at most 3). Text longer than any code or name is
/// close to nothing: it is not compared at all, so a huge argument costs nothing.
std::vector<std::string> rank(const std::vector<std::pair<std::string, std::string>>& candidates,
                              std::string_view text, std::size_t max) {
    if (text.empty() || text.size() > k_longest_suggestible) return {};
    const std::string want = lower(text);
    const std::size_t limit = std::clamp<std::size_t>(want.size() / 3, 1, 3);
    std::set<std::pair<std::size_t, std::string>> scored; // (score, shown)
    for (const auto& [key, shown] : candidates) {
        const std::string k = lower(key);
        if (k == want) continue;
        if (want.size() >= 3 && k.find(want) != std::string::npos) {
            scored.insert({k.size() - want.size(), shown});
            continue;
        }
        const std::size_t d = distance(k, want, limit);
        if (d <= limit) scored.insert({100 + d, shown});
    }
    std::vector<std::string> out;
    for (const auto& s : scored) {
        if (out.size() >= max) break;
        if (std::find(out.begin(), out.end(), s.second) == out.end()) out.push_back(s.second);
    }
    return out;
}

} // namespace

AreaMatch find_area_on(const Lineage& lineage, std::string_view text, const Date& on) {
    AreaMatch m;
    const auto exact = lineage.find_areas(text);
    for (const Area* a : exact)
        if (a->period.contains(on)) m.areas.push_back(a);
    if (!m.areas.empty() || exact.empty()) return m;
    // Names outlive areas: the name's area of the day is one whose name extends it.
    const std::string prefix = lower(text) + " ";
    m.exact = false;
    for (const auto& a : lineage.dataset().areas)
        if (a.period.contains(on) && lower(a.name).compare(0, prefix.size(), prefix) == 0) m.areas.push_back(&a);
    return m;
}

std::vector<std::string> similar_codes(const Lineage& lineage, std::string_view text, std::size_t max) {
    std::vector<std::pair<std::string, std::string>> cands;
    for (const auto& b : lineage.dataset().bodies) {
        cands.emplace_back(b.id, b.id);
        for (const auto& c : b.ods) cands.emplace_back(c.value, c.value);
        for (const auto& c : b.ons) cands.emplace_back(c.value, c.value);
    }
    return rank(cands, text, max);
}

std::vector<std::string> similar_areas(const Lineage& lineage, std::string_view text, std::size_t max,
                                       std::optional<Date> in_force) {
    std::vector<std::pair<std::string, std::string>> cands;
    for (const auto& a : lineage.dataset().areas) {
        if (in_force && !a.period.contains(*in_force)) continue;
        const std::string shown = a.name + " (" + a.code + ")";
        cands.emplace_back(a.name, shown);
        cands.emplace_back(a.code, shown);
    }
    return rank(cands, text, max);
}

} // namespace orglineage
