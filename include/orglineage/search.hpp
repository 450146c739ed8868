// SPDX-License-Identifier: MIT
// orglineage — finding bodies and areas by name, as people write names.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// How well a name matched, best first.
enum class MatchQuality {
    exact,   ///< the same name once case, punctuation and `&`/`and` are set aside
    words,   ///< every word of the text is a word of the name
    prefix,  ///< every word of the text begins a word of the name
    partial  ///< the text appears inside the name
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(MatchQuality q) noexcept;

/// One hit: a body or an area (one of the two pointers is set), with the name that matched.
struct ORGLINEAGE_API SearchHit {
    const Body* body = nullptr;
    const Area* area = nullptr;
    std::string name; ///< the name (of any time) that matched
    MatchQuality quality = MatchQuality::partial;
    std::size_t extra_words = 0; ///< words of the name beyond the text's (fewer ranks higher)
};

struct ORGLINEAGE_API SearchOptions {
    std::optional<Date> on;      ///< only bodies active and areas in force on this date
    std::vector<std::string> kinds; ///< only bodies (or areas) of these kinds; empty: every kind
    bool bodies = true;
    bool areas = true;
    std::size_t max = 25; ///< at most this many hits (0: all)
};

/// `text` lower-cased, punctuation as spaces, `&` as `and`, runs of spaces as one.
[[nodiscard]] ORGLINEAGE_API std::string normalise_name(std::string_view text);

/**
 * Bodies and areas whose names (any they had) match `text`, ranked: exact, then every word, then
 * word prefixes, then anywhere; within a rank, names with fewer extra words first, then bodies
 * before areas, then by id or code. Case and punctuation do not matter.
 */
[[nodiscard]] ORGLINEAGE_API std::vector<SearchHit> search(const Lineage& lineage, std::string_view text,
                                            const SearchOptions& options = {});

} // namespace orglineage
