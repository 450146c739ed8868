// SPDX-License-Identifier: MIT
// "Did you mean" hints: small edit distances over the dataset's codes and area names.
#include <orglineage/suggest.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace orglineage {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

/// Ranks candidates: containing the text first (shortest first), then by edit distance within
/// a third of the text's length (at least 1, at most 3).
std::vector<std::string> rank(const std::vector<std::pair<std::string, std::string>>& candidates,
                              std::string_view text, std::size_t max) {
    const std::string want = lower(text);
    if (want.empty()) return {};
    const std::size_t limit = std::clamp<std::size_t>(want.size() / 3, 1, 3);
    std::set<std::pair<std::size_t, std::string>> scored; // (score, shown)
    for (const auto& [key, shown] : candidates) {
        const std::string k = lower(key);
        if (k == want) continue;
        if (want.size() >= 3 && k.find(want) != std::string::npos) {
            scored.insert({k.size() - want.size(), shown});
            continue;
        }
        const std::size_t d = distance(k, want);
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
