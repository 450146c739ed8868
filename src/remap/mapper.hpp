// SPDX-License-Identifier: MIT
// Per-thread memo of the row steps: a date cell parsed once per distinct text, a code numbered
// once per distinct text, a (code, date) mapped once per distinct pair. Equal mappings are kept
// once, so that the few thousand a file maps to stay in cache however many pairs point at them:
// a row costs two probes of small tables and one of the pair table.
#pragma once

#include "remap/flat_map.hpp"
#include "remap/weights.hpp"

#include <orglineage/published_date.hpp>

#include <deque>
#include <string>
#include <unordered_map>
#include <string_view>

namespace orglineage::detail {

/// A date cell, parsed.
struct DateCell {
    bool ok = false;
    PublishedDate date;
    std::uint32_t key = 0; ///< the period as a number: the same on every thread (see date_key)
    std::uint32_t number = k_no_number; ///< this thread's dense number of `key` (0, 1, ...), for the pair table
    static constexpr std::uint32_t k_no_number = ~std::uint32_t{0};
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
    /// The pool index of `m`: an equal mapping already kept, else `m` added.
    std::uint32_t keep(Mapping m);
    /// Forgets every code, pair and mapping (memory stays bounded on any input).
    void forget();
    /// The dense table's entry of a pair, growing it; nullptr once it would be too large.
    std::uint16_t* dense_entry(std::uint32_t code, std::uint32_t date);
    const RemapContext& m_ctx;
    WeightCache m_weights;
    ShortKeyCache m_date_index;
    std::deque<DateCell> m_dates;
    ShortKeyCache m_code_index; ///< code text → code number
    std::uint32_t m_codes = 0;
    /// (code number, date number) → pool index + 1 (0: not here), a row per code, while small
    /// enough to stay in cache (a file has some hundreds of codes and dates); 16 bits an entry,
    /// so a pair whose index does not fit is kept in m_pairs
    std::vector<std::uint16_t> m_dense;
    std::uint32_t m_dense_columns = 0; ///< dates a row of m_dense has room for
    bool m_dense_ok = true;            ///< false once the codes and dates outgrow it: m_pairs instead
    FlatMap64 m_date_numbers;          ///< date key → date number
    std::uint32_t m_date_count = 0;
    FlatMap64 m_pairs; ///< code number << 32 | date key → pool index (past the dense table)
    std::deque<Mapping> m_pool;
    std::unordered_map<std::string, std::uint32_t> m_kept; ///< a mapped mapping's targets, as bytes → pool index
    DateCell m_uncached_date;
    Mapping m_uncached;
    std::vector<Part> m_parts;
    std::string m_bytes;
};

} // namespace orglineage::detail
