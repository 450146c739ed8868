// SPDX-License-Identifier: MIT
// The caveats of answers, read from the records they rest on (events, links, bodies, sources,
// the manifest's knowledge horizon and the announcements). Nothing here changes an answer.
#include <orglineage/notes.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace orglineage {

namespace {

std::string label(const Body& b) { return b.name() + " (" + b.id + ")"; }

bool listed(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// A link carries `f` when it carries every function, or one that contains `f` or lies below it.
bool carries(const FunctionCatalogue& cat, const Link& l, std::string_view f) {
    if (f.empty() || l.functions.empty()) return true;
    return std::any_of(l.functions.begin(), l.functions.end(),
                       [&](const std::string& g) { return cat.includes(g, f) || cat.includes(f, g); });
}

/// The links reachable from `start` in one direction, each not earlier (forward) or not later
/// (backward) than the one before, none after `on`.
std::set<std::pair<const Event*, const Link*>> reach(const Lineage& lin, const Body& start, const Date& on,
                                                     std::string_view function, bool forward,
                                                     std::vector<LinkRef>* keep) {
    const auto& cat = lin.dataset().functions;
    std::set<std::pair<const Event*, const Link*>> seen;
    std::map<const Body*, Date> reached;
    std::vector<std::pair<const Body*, std::optional<Date>>> stack{{&start, std::nullopt}};
    while (!stack.empty()) {
        auto [b, date] = stack.back();
        stack.pop_back();
        for (const LinkRef& l : lin.links_of(*b, forward)) {
            const Date d = l.event->date;
            if (d > on || (date && (forward ? d < *date : d > *date))) continue;
            if (!carries(cat, *l.link, function)) continue;
            if (seen.insert({l.event, l.link}).second && keep) keep->push_back(l);
            const Body* next = forward ? l.to : l.from;
            auto it = reached.find(next);
            if (it != reached.end() && (forward ? it->second <= d : it->second >= d)) continue;
            reached[next] = d;
            stack.push_back({next, d});
        }
    }
    return seen;
}

std::string sources_text(const Lineage& lin, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const auto& all = lin.dataset().sources;
        auto it = std::find_if(all.begin(), all.end(), [&](const Source& s) { return s.id == id; });
        out += (out.empty() ? "" : "; ") + (it == all.end() ? id : it->title);
    }
    return out;
}

} // namespace

std::string_view to_string(NoteKind k) noexcept {
    switch (k) {
    case NoteKind::deduced: return "deduced";
    case NoteKind::secondary: return "secondary-source";
    case NoteKind::incomplete: return "incomplete";
    case NoteKind::unknown_share: return "unknown-share";
    case NoteKind::derived: return "derived";
    case NoteKind::after_horizon: return "after-horizon";
    case NoteKind::announced: return "announced";
    }
    return "note";
}

void add_notes(std::vector<Note>& to, const std::vector<Note>& more) {
    for (const auto& n : more)
        if (std::find(to.begin(), to.end(), n) == to.end()) to.push_back(n);
}

std::vector<Note> link_notes(const Lineage& lineage, const LinkRef& l) {
    (void)lineage;
    std::vector<Note> out;
    const Event& ev = *l.event;
    const std::string link = label(*l.from) + " -> " + label(*l.to) + " (" + std::string(to_string(ev.kind)) +
                             ", " + format_date(ev.date) + ")";
    if (listed(ev.deduced, l.from->id) || listed(ev.deduced, l.to->id))
        out.push_back({NoteKind::deduced, "the link " + link + " is deduced, not stated by a source read", ev.id});
    if (listed(ev.secondary, l.from->id) || listed(ev.secondary, l.to->id))
        out.push_back({NoteKind::secondary, "the link " + link + " is stated by a secondary source only", ev.id});
    if (ev.incomplete) {
        const bool many_to_one = ev.kind == EventKind::merge;
        out.push_back({NoteKind::incomplete,
                       many_to_one ? "the predecessors of " + label(*l.to) + " in event " + ev.id +
                                         " are those found in the sources read; it may have had others"
                                   : "the successors of " + label(*l.from) + " in event " + ev.id +
                                         " are those found in the sources read; it may have had others",
                       ev.id});
    }
    if (!l.link->share || l.link->basis == ShareBasis::unknown)
        out.push_back({NoteKind::unknown_share,
                       "the part of " + label(*l.from) + " that passed to " + label(*l.to) + " on " +
                           format_date(ev.date) + " is not known: the sources read give no proportion (basis unknown)",
                       ev.id});
    return out;
}

std::vector<Note> membership_notes(const Lineage& lineage, const Body& member, const Membership& m) {
    if (!m.deduced) return {};
    const Body& group = lineage.at(m.group);
    return {{NoteKind::deduced,
             "the membership of " + label(member) + " in " + label(group) + " is deduced, not stated by a source read: " +
                 m.note,
             member.id}};
}

std::vector<Note> body_notes(const Lineage& lineage, const Body& body) {
    std::vector<Note> out;
    if (body.secondary_only) {
        // Name the secondary sources it rests on (a primary one may be cited for a date only).
        std::vector<std::string> secondary;
        for (const auto& id : body.sources)
            for (const auto& s : lineage.dataset().sources)
                if (s.id == id && s.secondary) secondary.push_back(id);
        out.push_back({NoteKind::secondary,
                       label(body) + " is known from secondary sources only (" +
                           sources_text(lineage, secondary.empty() ? body.sources : secondary) + ")",
                       body.id});
    }
    if (body.announced)
        out.push_back({NoteKind::announced, label(body) + " is announced, not confirmed in force", body.id});
    if (body.placeholder)
        out.push_back({NoteKind::incomplete, label(body) + " is not one body but stands for bodies the sources read do not name: " +
                                                 body.note,
                       body.id});
    return out;
}

std::vector<Note> date_notes(const Lineage& lineage, const Date& on, const std::vector<const Body*>& bodies) {
    std::vector<Note> out;
    const Dataset& ds = lineage.dataset();
    if (ds.horizon && on > *ds.horizon)
        out.push_back({NoteKind::after_horizon,
                       format_date(on) + " is after the data's knowledge horizon (" + format_date(*ds.horizon) +
                           ", the date up to which its sources were read): later changes may be missing",
                       ds.name});
    for (const auto& a : ds.announcements) {
        if (a.date > on) continue;
        const bool touches = std::any_of(bodies.begin(), bodies.end(), [&](const Body* b) {
            return b && (listed(a.bodies, b->id) || listed(a.kinds, b->kind));
        });
        if (!touches) continue;
        out.push_back({NoteKind::announced,
                       "announced for " + format_date(a.date) + ", not confirmed in force" +
                           (a.applied ? " (applied as asked)" : " (not applied)") + ": " + a.note + " [" +
                           sources_text(lineage, a.sources) + "]",
                       a.id});
    }
    return out;
}

std::vector<LinkRef> path_links(const Lineage& lineage, const Body& from, const Body& to, const Date& on,
                                std::string_view function) {
    std::vector<LinkRef> forward;
    reach(lineage, from, on, function, true, &forward);
    const auto back = reach(lineage, to, on, function, false, nullptr);
    std::vector<LinkRef> out;
    for (const auto& l : forward)
        if (back.count({l.event, l.link})) out.push_back(l);
    std::stable_sort(out.begin(), out.end(),
                     [](const LinkRef& a, const LinkRef& b) { return a.event->date < b.event->date; });
    return out;
}

std::vector<Note> portion_notes(const Lineage& lineage, const Body& body, const Portion& portion, const Date& on,
                                std::string_view function, bool forward) {
    std::vector<Note> out;
    const Body& from = forward ? body : *portion.body;
    const Body& to = forward ? *portion.body : body;
    const auto links = &from == &to ? std::vector<LinkRef>{} : path_links(lineage, from, to, on, function);
    for (const auto& l : links)
        for (const auto& n : link_notes(lineage, l)) {
            // What else a merge took in does not change where a predecessor went (and the other
            // successors of a split do not change where a successor came from).
            const bool merge = l.event->kind == EventKind::merge;
            if (n.kind == NoteKind::incomplete && merge == forward) continue;
            add_notes(out, {n});
        }
    add_notes(out, body_notes(lineage, from));
    add_notes(out, body_notes(lineage, to));
    std::set<const Event*> events;
    for (const auto& l : links) events.insert(l.event);
    if (events.size() > 1 && portion.share && portion.basis != ShareBasis::whole)
        out.push_back({NoteKind::derived,
                       "the share is derived, multiplied along " + std::to_string(events.size()) +
                           " events, not read from one source",
                       portion.body->id});
    add_notes(out, date_notes(lineage, on, {&body, portion.body}));
    return out;
}

std::vector<Note> holder_notes(const Lineage& lineage, const Holder& holder, std::string_view area, const Date& on) {
    std::vector<Note> out;
    if (!holder.via_area.empty() && holder.via_area != area)
        out.push_back({NoteKind::derived,
                       "answered from the coverage of area " + holder.via_area + ", not of " + std::string(area) +
                           " itself",
                       holder.body->id});
    if (!holder.share) {
        // Why: the coverage record's own note where it has one.
        std::string why = "its coverage is recorded for a larger or smaller area, or in an unknown proportion";
        for (const auto& c : holder.body->coverage)
            if (c.area == holder.via_area && c.period.contains(on) && !c.note.empty()) why = c.note;
        out.push_back({NoteKind::unknown_share,
                       "the part of " + std::string(area) + " that " + label(*holder.body) + " served is not known: " + why,
                       holder.body->id});
    }
    add_notes(out, body_notes(lineage, *holder.body));
    add_notes(out, date_notes(lineage, on, {holder.body}));
    return out;
}

std::vector<Note> incomplete_notes(const Lineage& lineage, const Body& body, const Date& on) {
    std::vector<Note> out;
    for (const LinkRef& l : lineage.links_of(body, false))
        if (l.event->incomplete && l.event->date <= on)
            for (const auto& n : link_notes(lineage, l))
                if (n.kind == NoteKind::incomplete) add_notes(out, {n});
    return out;
}

} // namespace orglineage
