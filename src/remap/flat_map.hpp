// SPDX-License-Identifier: MIT
// Open-addressing maps for the per-row look-ups of remap: a row costs a few of them, and
// std::unordered_map's node walk cost more than parsing the row.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace orglineage::detail {

inline std::uint64_t mix64(std::uint64_t x) noexcept {
    x ^= x >> 33; // splitmix64's finaliser
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/// 64-bit keys (never ~0) to 32-bit slots.
class FlatMap64 {
  public:
    FlatMap64() : m_keys(1024, k_empty), m_vals(1024) {}
    /// The value of `key`, inserting `next` when it is new (then `fresh` is true).
    std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t next, bool& fresh);
    [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t key) const noexcept;
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }

  private:
    static constexpr std::uint64_t k_empty = ~std::uint64_t{0};
    void grow();
    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_vals;
    std::size_t m_size = 0;
};

/// A key of up to 23 bytes of text and a 32-bit number, packed for one comparison.
struct ShortKey {
    std::uint64_t w[3] = {0, 0, 0};
    std::uint32_t extra = 0;
    std::uint32_t len = 0;
    /// False when the text does not fit.
    bool set(std::string_view text, std::uint32_t number) noexcept {
        if (text.size() > sizeof w - 1) return false;
        w[0] = w[1] = w[2] = 0;
        std::memcpy(w, text.data(), text.size());
        extra = number;
        len = static_cast<std::uint32_t>(text.size()) + 1;
        return true;
    }
    [[nodiscard]] std::uint64_t hash() const noexcept {
        return mix64(w[0] ^ mix64(w[1] ^ mix64(w[2] ^ (std::uint64_t{extra} << 8 | len))));
    }
    friend bool operator==(const ShortKey& a, const ShortKey& b) noexcept {
        return a.w[0] == b.w[0] && a.w[1] == b.w[1] && a.w[2] == b.w[2] && a.extra == b.extra && a.len == b.len;
    }
};

/// ShortKey → 32-bit value; cleared when full, so memory stays bounded on any input.
class ShortKeyCache {
  public:
    explicit ShortKeyCache(std::size_t max_entries = 1 << 20);
    [[nodiscard]] const std::uint32_t* find(const ShortKey& key) const noexcept;
    void insert(const ShortKey& key, std::uint32_t value);

  private:
    struct Slot {
        ShortKey key;
        std::uint32_t value = 0;
    };
    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
    std::size_t m_max;
};

} // namespace orglineage::detail
