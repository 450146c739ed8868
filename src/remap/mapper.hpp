// SPDX-License-Identifier: MIT
// Per-thread memo of the row steps: a date cell parsed once per distinct text, a (code, date)
// mapped once per distinct pair, so that a row costs two probes.
#pragma once

#include "remap/flat_map.hpp"
#include "remap/weights.hpp"

#include <orglineage/published_date.hpp>

#include <deque>
#include <string_view>

namespace orglineage::detail {

/// A date cell, parsed.
struct DateCell {
    bool ok = false;
    PublishedDate date;
    std::uint32_t key = 0; ///< the period as a number: the same on every thread (see date_key)
};

/// The period of a published date as a number: its first day and its shape.
[[nodiscard]] std::uint32_t date_key(const PublishedDate& d) noexcept;
/// The published date of a key.
[[nodiscard]] PublishedDate date_of_key(std::uint32_t key);

class Mapper {
  public:
    explicit Mapper(const RemapContext& ctx) : m_ctx(ctx), m_weights(ctx) {}
    /// The date cell `text` (trimmed by the caller).
    const DateCell& date(std::string_view text);
    /// Where figures of `code` (trimmed, non-empty) on `date` go.
    const Mapping& map(std::string_view code, const DateCell& date);

  private:
    Mapping compute(std::string_view code, const PublishedDate& date);
    const RemapContext& m_ctx;
    WeightCache m_weights;
    ShortKeyCache m_date_index;
    std::deque<DateCell> m_dates;
    ShortKeyCache m_map_index;
    std::deque<Mapping> m_mappings;
    DateCell m_uncached_date;
    Mapping m_uncached;
    std::vector<Part> m_parts;
};

} // namespace orglineage::detail
