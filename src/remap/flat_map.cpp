// SPDX-License-Identifier: MIT
// Open-addressing maps (linear probing, power-of-two capacity).
#include "remap/flat_map.hpp"

namespace orglineage::detail {

std::uint32_t FlatMap64::find_or_insert(std::uint64_t key, std::uint32_t next, bool& fresh) {
    if ((m_size + 1) * 2 > m_keys.size()) grow();
    std::size_t i = mix64(key) & (m_keys.size() - 1);
    for (;;) {
        if (m_keys[i] == key) {
            fresh = false;
            return m_vals[i];
        }
        if (m_keys[i] == k_empty) {
            m_keys[i] = key;
            m_vals[i] = next;
            ++m_size;
            fresh = true;
            return next;
        }
        i = (i + 1) & (m_keys.size() - 1);
    }
}

std::optional<std::uint32_t> FlatMap64::find(std::uint64_t key) const noexcept {
    std::size_t i = mix64(key) & (m_keys.size() - 1);
    for (;;) {
        if (m_keys[i] == key) return m_vals[i];
        if (m_keys[i] == k_empty) return std::nullopt;
        i = (i + 1) & (m_keys.size() - 1);
    }
}

void FlatMap64::grow() {
    std::vector<std::uint64_t> keys(m_keys.size() * 2, k_empty);
    std::vector<std::uint32_t> vals(m_keys.size() * 2);
    for (std::size_t j = 0; j < m_keys.size(); ++j) {
        if (m_keys[j] == k_empty) continue;
        std::size_t i = mix64(m_keys[j]) & (keys.size() - 1);
        while (keys[i] != k_empty) i = (i + 1) & (keys.size() - 1);
        keys[i] = m_keys[j];
        vals[i] = m_vals[j];
    }
    m_keys.swap(keys);
    m_vals.swap(vals);
}

ShortKeyCache::ShortKeyCache(std::size_t max_entries) : m_slots(1024), m_max(max_entries) {}

const std::uint32_t* ShortKeyCache::find(const ShortKey& key) const noexcept {
    std::size_t i = key.hash() & (m_slots.size() - 1);
    for (;;) {
        const Slot& s = m_slots[i];
        if (s.key.len == 0) return nullptr;
        if (s.key == key) return &s.value;
        i = (i + 1) & (m_slots.size() - 1);
    }
}

void ShortKeyCache::insert(const ShortKey& key, std::uint32_t value) {
    if (m_size >= m_max) { // forget everything: the caller recomputes what it needs
        m_slots.assign(m_slots.size(), Slot{});
        m_size = 0;
    }
    if ((m_size + 1) * 2 > m_slots.size()) {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        m_size = 0;
        for (const auto& s : old)
            if (s.key.len != 0) insert(s.key, s.value);
    }
    std::size_t i = key.hash() & (m_slots.size() - 1);
    while (m_slots[i].key.len != 0 && !(m_slots[i].key == key)) i = (i + 1) & (m_slots.size() - 1);
    if (m_slots[i].key.len == 0) ++m_size;
    m_slots[i] = Slot{key, value};
}

} // namespace orglineage::detail
