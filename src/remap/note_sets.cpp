// SPDX-License-Identifier: MIT
// Numbered notes and sets of notes, shared by a remap's threads.
#include "remap/note_sets.hpp"

#include <algorithm>

namespace orglineage::detail {

NoteSets::NoteSets() { m_sets.emplace_back(); }

std::uint32_t NoteSets::intern(std::vector<std::uint32_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) return 0;
    auto it = m_set_ids.find(ids);
    if (it != m_set_ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(m_sets.size());
    m_sets.push_back(ids);
    m_set_ids.emplace(std::move(ids), id);
    return id;
}

std::uint32_t NoteSets::set_of(const std::vector<Note>& notes) {
    if (notes.empty()) return 0;
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<std::uint32_t> ids;
    for (const Note& n : notes) {
        auto [it, fresh] = m_note_ids.try_emplace({static_cast<int>(n.kind), n.text},
                                                  static_cast<std::uint32_t>(m_notes.size()));
        if (fresh) m_notes.push_back(n);
        ids.push_back(it->second);
    }
    return intern(std::move(ids));
}

std::uint32_t NoteSets::join(std::uint32_t a, std::uint32_t b) {
    if (a == b || b == 0) return a;
    if (a == 0) return b;
    if (a > b) std::swap(a, b);
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_joined.find({a, b});
    if (it != m_joined.end()) return it->second;
    std::vector<std::uint32_t> ids = m_sets[a];
    ids.insert(ids.end(), m_sets[b].begin(), m_sets[b].end());
    const std::uint32_t id = intern(std::move(ids));
    m_joined.emplace(std::make_pair(a, b), id);
    return id;
}

std::vector<std::uint32_t> NoteSets::members(std::uint32_t set) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_sets[set];
}

Note NoteSets::note(std::uint32_t id) const {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_notes[id];
}

std::vector<Note> NoteSets::notes(std::uint32_t set) const {
    std::vector<Note> out;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (std::uint32_t id : m_sets[set]) out.push_back(m_notes[id]);
    }
    // Numbers follow the order notes were first met, which threads change: sort by content.
    std::sort(out.begin(), out.end(), [](const Note& x, const Note& y) {
        return x.kind != y.kind ? x.kind < y.kind : x.text < y.text;
    });
    return out;
}

std::string NoteSets::kinds(std::uint32_t set) const {
    std::vector<NoteKind> kinds;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (std::uint32_t id : m_sets[set]) kinds.push_back(m_notes[id].kind);
    }
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    std::string out;
    for (NoteKind k : kinds) out += (out.empty() ? "" : ";") + std::string(to_string(k));
    return out;
}

} // namespace orglineage::detail
