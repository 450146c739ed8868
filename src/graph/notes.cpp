// SPDX-License-Identifier: MIT
// The caveats of answers, read from the records they rest on (events, links, bodies, sources,
// the manifest's knowledge horizon and the announcements). Nothing here changes an answer.
#include <orglineage/notes.hpp>

#include <orglineage/crosswalk.hpp>
#include <orglineage/small_areas.hpp>

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
/// (backward) than the one before, none after `on` nor on or before `since`.
std::set<std::pair<const Event*, const Link*>> reach(const Lineage& lin, const Body& start, const Date& on,
                                                     std::optional<Date> since, std::string_view function,
                                                     bool forward, std::vector<LinkRef>* keep) {
    const auto& cat = lin.dataset().functions;
    std::set<std::pair<const Event*, const Link*>> seen;
    std::map<const Body*, Date> reached;
    std::vector<std::pair<const Body*, std::optional<Date>>> stack{{&start, std::nullopt}};
    while (!stack.empty()) {
        auto [b, date] = stack.back();
        stack.pop_back();
        for (const LinkRef& l : lin.links_of(*b, forward)) {
            const Date d = l.event->date;
            if (d > on || (since && d <= *since) || (date && (forward ? d < *date : d > *date))) continue;
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

/// A holding of part of a function only (e.g. some specialised services): what part, and that the rest is
/// held elsewhere.
std::vector<Note> part_notes(const Body& body, const std::string& function, const Date& on) {
    for (const auto& h : body.holdings)
        if (h.function == function && h.period.contains(on) && !h.part.empty())
            return {{NoteKind::incomplete,
                     label(body) + " holds only part of " + function + (h.delegated_by.empty() ? "" : " (by delegation)") +
                         ": " + h.part,
                     body.id}};
    return {};
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
    if (!ev.inferred.empty() && l.link->share && l.link->basis != ShareBasis::whole)
        out.push_back({NoteKind::deduced,
                       "the share of " + link + " rests on a rule inferred, not read from a source: " + ev.inferred,
                       ev.id});
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
        out.push_back({NoteKind::incomplete, label(body) + " is a placeholder, not one body: " +
                                                 body.note,
                       body.id});
    if (!body.inferred.empty())
        out.push_back({NoteKind::deduced, "the record of " + label(body) + " is partly inferred: " + body.inferred, body.id});
    return out;
}

std::vector<Note> horizon_notes(const Lineage& lineage, const Date& on) {
    const Dataset& ds = lineage.dataset();
    if (!ds.horizon || on <= *ds.horizon) return {};
    return {{NoteKind::after_horizon,
             format_date(on) + " is after the data's knowledge horizon (" + format_date(*ds.horizon) +
                 ", the date up to which its sources were read): later changes may be missing",
             ds.name}};
}

std::vector<Note> date_notes(const Lineage& lineage, const Date& on, const std::vector<const Body*>& bodies) {
    std::vector<Note> out = horizon_notes(lineage, on);
    const Dataset& ds = lineage.dataset();
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
                                std::string_view function, std::optional<Date> since) {
    std::vector<LinkRef> forward;
    reach(lineage, from, on, since, function, true, &forward);
    const auto back = reach(lineage, to, on, since, function, false, nullptr);
    std::vector<LinkRef> out;
    for (const auto& l : forward)
        if (back.count({l.event, l.link})) out.push_back(l);
    std::stable_sort(out.begin(), out.end(),
                     [](const LinkRef& a, const LinkRef& b) { return a.event->date < b.event->date; });
    return out;
}

std::vector<Note> portion_notes(const Lineage& lineage, const Body& body, const Portion& portion, const Date& on,
                                std::string_view function, bool forward, std::optional<Date> since) {
    std::vector<Note> out;
    const Body& from = forward ? body : *portion.body;
    const Body& to = forward ? *portion.body : body;
    const auto links = &from == &to ? std::vector<LinkRef>{} : path_links(lineage, from, to, on, function, since);
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
    add_notes(out, part_notes(*holder.body, holder.function, on));
    add_notes(out, body_notes(lineage, *holder.body));
    add_notes(out, date_notes(lineage, on, {holder.body}));
    return out;
}

namespace {

/// How an LSOA answer that is not read from a lookup for its date was worked out.
std::string lsoa_derivation(const LsoaAnswer& a) {
    const std::string table = a.table ? a.table->id + " (vintage " + a.table->vintage + ")" : std::string();
    const std::string through = a.correspondence ? ", through the ONS LSOA 2011-2021 correspondence" : "";
    std::string joined;
    for (const auto& n : a.notes) joined += (joined.empty() ? "" : "; ") + n;
    switch (a.basis) {
    case LsoaBasis::sourced: break;
    case LsoaBasis::derived:
        return "no ONS lookup for this date: carried from " + table + " through the dataset's events" + through;
    case LsoaBasis::correspondence: return "answered from " + table + through;
    case LsoaBasis::local_authority:
        return "answered from the holders of local authority " + a.lad +
               (a.table ? " (the LSOA tables answer for commissioning only)" : " (no LSOA table for this date)");
    case LsoaBasis::district:
    case LsoaBasis::district_ccg:
    case LsoaBasis::ccg: return "no LSOA table before the CCGs: " + joined;
    }
    return a.explain();
}

} // namespace

std::vector<Note> lsoa_notes(const Lineage& lineage, const LsoaAnswer& answer, const LsoaHolder& holder,
                             const Date& on) {
    std::vector<Note> out;
    // A sourced lookup read for the date is the one answer that is not derived.
    if (answer.basis != LsoaBasis::sourced)
        out.push_back({NoteKind::derived, lsoa_derivation(answer), answer.table ? answer.table->id : answer.lad});
    else if (answer.table && answer.table->derived)
        out.push_back({NoteKind::derived,
                       "the table " + answer.table->id + " is derived, not a published lookup: " + answer.table->note,
                       answer.table->id});
    if (!holder.share)
        out.push_back({NoteKind::unknown_share,
                       "the part of the LSOA that " + label(*holder.body) +
                           " served is not known: its district was divided and the LSOA's part is not recorded",
                       holder.body->id});
    add_notes(out, body_notes(lineage, *holder.body));
    add_notes(out, date_notes(lineage, on, {holder.body}));
    return out;
}

namespace {

/// How a weight was worked out, when that is less than read.
std::vector<Note> method_notes(const Body& row_body, const Weight& w, const Body* group) {
    std::vector<Note> out;
    switch (w.method) {
    case WeightMethod::forward_share:
    case WeightMethod::single_source: break;
    case WeightMethod::sized:
        out.push_back({NoteKind::derived,
                       "the weight of " + label(*w.target) + " in " + label(row_body) +
                           " is apportioned by sizes (" + std::string(to_string(w.basis)) +
                           "), not read: the row's body was made from several",
                       row_body.id});
        break;
    case WeightMethod::normalised:
        out.push_back({NoteKind::unknown_share,
                       "the weight of " + label(*w.target) + " in " + label(row_body) +
                           " is an estimate: the forward shares of the bodies it was made from, normalised as if "
                           "they were of equal size (basis unknown)",
                       row_body.id});
        break;
    case WeightMethod::via_group:
        // A part taken whole where its group went, or as all of its group, is as read as the
        // group's own row; only a part of a group that divided is not.
        if (!w.weight)
            out.push_back({NoteKind::unknown_share,
                           label(row_body) + " does not hold the function itself and " +
                               (group ? label(*group) : std::string("the group it belongs to")) +
                               " divided: which part of the group it was is not recorded",
                           row_body.id});
        break;
    }
    if (!w.weight && w.method != WeightMethod::via_group && w.method != WeightMethod::normalised)
        out.push_back({NoteKind::unknown_share,
                       "the part of " + label(row_body) + "'s figures that belongs to " + label(*w.target) +
                           " is not known: a share on the way is not recorded (basis unknown)",
                       row_body.id});
    return out;
}

} // namespace

std::vector<Note> weight_notes(const Lineage& lineage, const Body& row_body, const Weight& w, const Date& from,
                               const Date& to, std::string_view function, std::optional<Date> span_end) {
    const bool forward = from <= to;
    const std::string f(function);
    const Body* group = w.method == WeightMethod::via_group ? holding_group(lineage, row_body, from, f) : nullptr;
    const Body& source = group ? *group : row_body;
    const Portion p{w.target, w.weight, w.basis};
    // Forwards the links after `from` out of the row's body; backwards those after `to` into it.
    std::vector<Note> out = method_notes(row_body, w, group);
    add_notes(out, forward ? portion_notes(lineage, source, p, to, f, true, from)
                           : portion_notes(lineage, source, p, from, f, false, to));
    if (group) add_notes(out, body_notes(lineage, row_body));
    const auto& horizon = lineage.dataset().horizon;
    if (span_end && horizon && *span_end > *horizon)
        out.push_back({NoteKind::after_horizon,
                       "the span runs past the data's knowledge horizon (" + format_date(*horizon) +
                           ", the date up to which its sources were read): figures dated after it may belong to "
                           "changes the data does not know",
                       lineage.dataset().name});
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
