// SPDX-License-Identifier: MIT
// The notes of a remap, numbered once for all its threads: each distinct note and each distinct
// set of them, so that a mapping, a target and an output row carry one number, not a list.
#pragma once

#include <orglineage/notes.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace orglineage::detail {

/// What a weight's notes are cached by (see remap/notes.cpp).
struct WeightNoteKey {
    std::uint64_t bodies = 0; ///< the row's body and its holder
    std::uint64_t target_and_span = 0;
    friend bool operator<(const WeightNoteKey& a, const WeightNoteKey& b) {
        return a.bodies != b.bodies ? a.bodies < b.bodies : a.target_and_span < b.target_and_span;
    }
};

/// Notes and sets of notes by number; set 0 is the empty set. Only the computation of a mapping
/// (once per distinct code and date and thread) adds to it, so its lock is seldom taken.
class NoteSets {
  public:
    NoteSets();
    /// The set holding `notes` (0 when there are none).
    [[nodiscard]] std::uint32_t set_of(const std::vector<Note>& notes);
    /// The union of two sets.
    [[nodiscard]] std::uint32_t join(std::uint32_t a, std::uint32_t b);
    /// The notes of a set, ordered by kind then text (the same order on every run and thread count).
    [[nodiscard]] std::vector<Note> notes(std::uint32_t set) const;
    /// The ids of the notes of a set (for counting rows per note).
    [[nodiscard]] std::vector<std::uint32_t> members(std::uint32_t set) const;
    [[nodiscard]] Note note(std::uint32_t id) const;
    /// The distinct kinds of a set's notes in the order of NoteKind, joined by ';' ("" for none).
    [[nodiscard]] std::string kinds(std::uint32_t set) const;
    /// The set of `make()`'s notes, worked out once per key.
    template <class Make> std::uint32_t cached(const WeightNoteKey& key, Make make) {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
        }
        const std::uint32_t set = set_of(make());
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_cache.emplace(key, set);
        return set;
    }

  private:
    std::uint32_t intern(std::vector<std::uint32_t> ids); ///< under the lock
    mutable std::mutex m_mutex;
    std::vector<Note> m_notes;
    std::map<std::pair<int, std::string>, std::uint32_t> m_note_ids;
    std::vector<std::vector<std::uint32_t>> m_sets; ///< sorted note ids
    std::map<std::vector<std::uint32_t>, std::uint32_t> m_set_ids;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> m_joined;
    std::map<WeightNoteKey, std::uint32_t> m_cache;
};

} // namespace orglineage::detail
