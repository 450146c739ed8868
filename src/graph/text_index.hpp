// SPDX-License-Identifier: MIT
// Text → index, for the ids and codes a Lineage looks up on every query: one open-addressing array
// of (hash, view, index) instead of std::unordered_map's nodes, built without an allocation per key
// and probed without building a std::string. The views point into strings the owner keeps alive
// and unmoved (the Lineage's dataset).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace orglineage::detail {

class TextIndex {
  public:
    TextIndex() = default;
    /// Room for `n` keys without growing.
    explicit TextIndex(std::size_t n) { reserve(n); }

    /// Adds `key` → `value` unless the key is there already. @returns false when it was
    bool insert(std::string_view key, std::uint32_t value) {
        if ((m_size + 1) * 2 > m_slots.size()) reserve(m_slots.empty() ? 16 : m_slots.size());
        return place({hash(key), key, value});
    }

    /// The value of `key`, or nullptr.
    [[nodiscard]] const std::uint32_t* find(std::string_view key) const noexcept {
        if (m_slots.empty()) return nullptr;
        const std::uint64_t h = hash(key);
        for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Slot& s = m_slots[i];
            if (s.key.data() == nullptr) return nullptr;
            if (s.hash == h && s.key == key) return &s.value;
        }
    }

    /// The value of a key that must be there. @throws std::out_of_range when it is not
    [[nodiscard]] std::uint32_t at(std::string_view key) const {
        if (const auto* v = find(key)) return *v;
        throw std::out_of_range("TextIndex::at");
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_size; }

    /// A hash of short text: eight bytes at a time through splitmix64's finaliser.
    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            h = mix(h ^ w);
        }
        if (i < s.size()) {
            std::uint64_t w = 0;
            std::memcpy(&w, s.data() + i, s.size() - i);
            h = mix(h ^ w);
        }
        return mix(h);
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view key; ///< data() == nullptr: empty
        std::uint32_t value = 0;
    };

    static std::uint64_t mix(std::uint64_t x) noexcept {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        x ^= x >> 33;
        return x;
    }

    /// Grows to at least twice `n` slots (a power of two), keeping every key.
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < 2 * n + 2) cap *= 2;
        if (cap <= m_slots.size()) return;
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(cap, Slot{});
        m_mask = cap - 1;
        m_size = 0;
        for (const Slot& s : old)
            if (s.key.data() != nullptr) place(s);
    }

    bool place(const Slot& slot) {
        for (std::size_t i = slot.hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& s = m_slots[i];
            if (s.key.data() == nullptr) {
                s = slot;
                ++m_size;
                return true;
            }
            if (s.hash == slot.hash && s.key == slot.key) return false;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace orglineage::detail
