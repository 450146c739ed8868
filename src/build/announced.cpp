// SPDX-License-Identifier: MIT
// Announced changes (`status: announced`): set aside as announcements, or applied when asked.
#include "build/builder.hpp"
#include "core/rules.hpp"

#include <algorithm>
#include <map>

namespace orglineage::detail {

void take_announced(RawDataset& raw, bool include) {
    std::map<std::string, std::string> announced_bodies; // id -> name
    for (const auto& b : raw.bodies)
        if (b.announced) announced_bodies.emplace(b.id, b.name);
    std::map<std::string, Date> ends; // body id -> first day outside it, from announced events
    for (const auto& e : raw.events) {
        if (!e.announced) continue;
        RawAnnouncement a;
        a.id = e.id;
        a.date = e.date;
        a.note = e.note.empty() ? "announced " + std::string(to_string(e.kind)) + " " + e.id : e.note;
        a.source_refs = e.source_refs;
        a.applied = include;
        a.pos = e.pos;
        std::string made;
        auto touch = [&](const Ref& r) {
            if (auto it = announced_bodies.find(r.id); it != announced_bodies.end())
                made += (made.empty() ? "" : ", ") + it->second;
            else if (std::none_of(a.bodies.begin(), a.bodies.end(), [&](const Ref& x) { return x.id == r.id; }))
                a.bodies.push_back(r);
        };
        for (const auto& s : e.subjects) touch(s);
        for (const auto& g : e.groups)
            for (const auto& t : g.targets) touch(t.body);
        a.what = std::string(to_string(e.kind)) + (made.empty() ? "" : " into " + made);
        raw.announcements.push_back(std::move(a));
        if (e.kind == EventKind::merge || e.kind == EventKind::split || e.kind == EventKind::abolish)
            for (const auto& s : e.subjects) ends.emplace(s.id, e.date);
    }
    if (include) {
        // An announced event ends bodies the data has open: they end the day before, as asked.
        for (auto& b : raw.bodies)
            if (auto it = ends.find(b.id); it != ends.end() && !b.to) b.to = last_day_before(it->second);
        return;
    }
    raw.events.erase(std::remove_if(raw.events.begin(), raw.events.end(), [](const RawEvent& e) { return e.announced; }),
                     raw.events.end());
    raw.bodies.erase(std::remove_if(raw.bodies.begin(), raw.bodies.end(), [](const RawBody& b) { return b.announced; }),
                     raw.bodies.end());
}

} // namespace orglineage::detail
