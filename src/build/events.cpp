// SPDX-License-Identifier: MIT
// Building the events, in date order, one step at a time: the record, its subjects, their dates,
// the links its successor groups make, the areas it names, and what a rename, recode, join or leave
// changes in its subject.
#include "build/builder_impl.hpp"

#include <algorithm>
#include <cmath>

namespace orglineage::detail {

namespace {

bool ends_subjects(EventKind k) { return k == EventKind::merge || k == EventKind::split || k == EventKind::abolish; }
/// Kinds whose subjects continue through the event, so must exist the day before as well.
bool continues_subjects(EventKind k) {
    return k == EventKind::transfer || k == EventKind::transfer_function || k == EventKind::rename ||
           k == EventKind::recode;
}
bool is_membership(EventKind k) { return k == EventKind::join || k == EventKind::leave; }

} // namespace

void Builder::build_events() {
    std::unordered_map<std::string, SourcePos> ids;
    for (std::size_t i : events_in_date_order()) {
        const RawEvent& re = m_raw.events[i];
        if (auto [it, fresh] = ids.emplace(re.id, re.pos); !fresh) {
            fail(re.pos, msg::duplicate_first_at("event id", re.id, it->second.str()));
            continue;
        }
        if (auto ev = build_event(re)) m_ds.events.push_back(std::move(*ev));
    }
}

std::vector<std::size_t> Builder::events_in_date_order() const {
    // Stable: file order within a day.
    std::vector<std::size_t> order(m_raw.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_raw.events[a].date < m_raw.events[b].date; });
    return order;
}

std::optional<Event> Builder::build_event(const RawEvent& re) {
    Event ev = event_record(re);
    const std::string what = std::string(to_string(re.kind)) + " event '" + re.id + "'";
    std::vector<Body*> subjects;
    if (!take_subjects(re, what, ev, subjects)) return std::nullopt;
    bool ok = subjects_in_force(re, what, subjects);
    ok = add_links(re, what, subjects, ev) && ok;
    if (re.kind == EventKind::transfer_function) ev.function = re.function.id;
    if (is_membership(re.kind)) {
        Body* g = body(re.group, what);
        if (!g) return std::nullopt;
        ev.group = g->id;
        if (re.kind == EventKind::join && !g->period.contains(re.date)) {
            fail(re.group.pos, msg::group_not_active(what, g->id, re.date, g->period));
            ok = false;
        }
    }
    ok = take_areas(re, what, ev) && ok;
    if (ok && (re.kind == EventKind::rename || re.kind == EventKind::recode))
        change_names(re, what, *subjects.front(), ev);
    if (ok && is_membership(re.kind)) change_membership(re, what, ev, *subjects.front());
    return ev;
}

Event Builder::event_record(const RawEvent& re) {
    Event ev;
    ev.id = re.id;
    ev.date = re.date;
    ev.kind = re.kind;
    ev.pos = re.pos;
    ev.note = re.note;
    ev.sources = sources(re.source_refs);
    ev.incomplete = re.incomplete;
    ev.announced = re.announced;
    ev.inferred = re.inferred;
    for (const auto& r : re.deduced)
        if (body(r, "the deduced links of event '" + re.id + "'")) ev.deduced.push_back(r.id);
    for (const auto& r : re.secondary)
        if (body(r, "the secondary links of event '" + re.id + "'")) ev.secondary.push_back(r.id);
    return ev;
}

bool Builder::take_subjects(const RawEvent& re, const std::string& what, Event& ev, std::vector<Body*>& subjects) {
    bool ok = true;
    for (const auto& s : re.subjects) {
        Body* b = body(s, what);
        if (!b) {
            ok = false;
            continue;
        }
        if (std::find(subjects.begin(), subjects.end(), b) != subjects.end()) {
            fail(s.pos, msg::named_twice(s.id, what));
            ok = false;
            continue;
        }
        subjects.push_back(b);
        ev.subjects.push_back(b->id);
    }
    return ok;
}

bool Builder::subjects_in_force(const RawEvent& re, const std::string& what, const std::vector<Body*>& subjects) {
    bool ok = true;
    for (std::size_t si = 0; si < subjects.size(); ++si) {
        Body* b = subjects[si];
        const auto& sp = re.subjects[si].pos;
        const std::size_t bi = m_body_ix[b->id];
        if (ends_subjects(re.kind)) {
            // The event is dated the first day after the body: its `to` is the day before.
            if (!b->period.until || *b->period.until != re.date) {
                fail(sp, msg::wrong_end(what, b->id, re.date, b->period));
                ok = false;
            } else if (m_end_event[bi]) {
                fail(sp, msg::ended_twice(b->id, m_ds.events[*m_end_event[bi]].id));
                ok = false;
            } else {
                m_end_event[bi] = m_ds.events.size();
            }
        } else if (re.kind == EventKind::establish) {
            if (b->period.from != re.date) {
                fail(sp, msg::establish_date(what, re.date, b->id, b->period.from));
                ok = false;
            }
        } else if (!b->period.contains(re.date) ||
                   (continues_subjects(re.kind) && !b->period.contains(last_day_before(re.date)))) {
            fail(sp, msg::subject_not_active(what, b->id, re.date, b->period, re.kind != EventKind::join));
            ok = false;
        }
    }
    return ok;
}

bool Builder::add_links(const RawEvent& re, const std::string& what, const std::vector<Body*>& subjects, Event& ev) {
    bool ok = true;
    std::set<std::string> taken; // each function has one successor group
    for (const auto& g : re.groups) {
        std::vector<std::string> functions;
        ok = group_functions(g, what, taken, functions) && ok;
        const auto group_sources = sources(g.source_refs);
        ShareBasis basis = ShareBasis::whole;
        ok = group_shares(re, g, what, basis) && ok;
        ok = link_targets(re, g, what, subjects, functions, group_sources, basis, ev) && ok;
    }
    return ok;
}

bool Builder::group_functions(const RawGroup& g, const std::string& what, std::set<std::string>& taken,
                              std::vector<std::string>& functions) {
    bool ok = true;
    for (const auto& f : g.functions) {
        if (!function(f)) {
            ok = false;
            continue;
        }
        if (!taken.insert(f.id).second) {
            fail(f.pos, msg::two_successor_groups(f.id, what));
            ok = false;
        }
        functions.push_back(f.id);
    }
    return ok;
}

bool Builder::group_shares(const RawEvent& re, const RawGroup& g, const std::string& what, ShareBasis& basis) {
    const bool several = g.targets.size() > 1;
    std::size_t with_share = 0;
    double sum = 0;
    for (const auto& t : g.targets)
        if (t.share) {
            ++with_share;
            sum += *t.share;
        }
    basis = g.basis.value_or(several ? ShareBasis::unknown : ShareBasis::whole);
    if (re.kind == EventKind::transfer) {
        basis = g.basis.value_or(ShareBasis::unknown);
        return true;
    }
    const bool off = std::fabs(sum - 1.0) > share_sum_tolerance;
    if (!several) {
        if (with_share == 1 && off) {
            fail(g.pos, msg::single_successor_share(what, sum));
            return false;
        }
        return true;
    }
    if (with_share == 0 && basis != ShareBasis::unknown) {
        fail(g.pos, msg::divides_without_shares(what, g.targets.size(), to_string(basis)));
        return false;
    }
    if (with_share > 0 && with_share < g.targets.size()) {
        fail(g.pos, msg::shares_for_some(what, with_share, g.targets.size()));
        return false;
    }
    if (with_share > 0 && off) {
        fail(g.pos, msg::shares_sum(what, sum));
        return false;
    }
    if (with_share > 0 && !g.basis) {
        fail(g.pos, msg::shares_without_basis(what));
        return false;
    }
    return true;
}

bool Builder::link_targets(const RawEvent& re, const RawGroup& g, const std::string& what,
                           const std::vector<Body*>& subjects, const std::vector<std::string>& functions,
                           const std::vector<std::string>& group_sources, ShareBasis basis, Event& ev) {
    bool ok = true;
    const bool several = g.targets.size() > 1;
    std::set<std::string> seen;
    for (const auto& t : g.targets) {
        Body* tb = body(t.body, what);
        if (!tb) {
            ok = false;
            continue;
        }
        if (!seen.insert(tb->id).second) {
            fail(t.body.pos, msg::named_twice_as_successor(tb->id, what));
            ok = false;
        }
        if (!tb->period.contains(re.date)) {
            fail(t.body.pos, msg::successor_not_active(what, tb->id, re.date, tb->period));
            ok = false;
        }
        for (Body* s : subjects) {
            if (s == tb) {
                fail(t.body.pos, msg::cannot_succeed_itself(what, tb->id));
                ok = false;
                continue;
            }
            Link l;
            l.from = s->id;
            l.to = tb->id;
            l.functions = functions;
            l.sources = group_sources;
            if (re.kind == EventKind::merge) {
                l.share = 1.0;
                l.basis = ShareBasis::whole;
            } else if (re.kind == EventKind::transfer) {
                l.share = t.share;
                l.basis = basis;
            } else {
                // A single successor takes the whole, whatever basis the file names.
                l.share = t.share ? Share(*t.share) : (several ? Share() : Share(1.0));
                l.basis = several ? basis : ShareBasis::whole;
            }
            ev.links.push_back(std::move(l));
        }
    }
    return ok;
}

bool Builder::take_areas(const RawEvent& re, const std::string& what, Event& ev) {
    bool ok = true;
    for (const auto& a : re.areas) {
        if (!m_area_ix.count(a.id)) {
            fail(a.pos, msg::unknown_area(a.id, what));
            ok = false;
        } else {
            ev.areas.push_back(a.id);
        }
    }
    return ok;
}

void Builder::change_names(const RawEvent& re, const std::string& what, Body& b, Event& ev) {
    // Names and codes over time: close the current value, open the new one.
    auto change = [&](std::vector<Timed<std::string>>& values, const std::string& value, const char* label) {
        if (!values.empty() && values.back().period.from >= re.date) {
            fail(re.pos, msg::already_changed(what, b.id, label, values.back().period.from));
            return;
        }
        if (!values.empty() && values.back().value == value) {
            fail(re.pos, msg::already_has(what, b.id, label, value));
            return;
        }
        if (!values.empty() && values.back().period.until == b.period.until) values.back().period.until = re.date;
        if (!value.empty()) values.push_back({value, Period{re.date, b.period.until}});
    };
    if (re.name) change(b.names, *re.name, "name");
    if (re.ods) change(b.ods, *re.ods, "ODS code");
    if (re.ons) change(b.ons, *re.ons, "ONS code");
    ev.name = re.name;
    ev.ods = re.ods;
    ev.ons = re.ons;
}

void Builder::change_membership(const RawEvent& re, const std::string& what, const Event& ev, Body& b) {
    const Date day_before = last_day_before(re.date);
    if (re.kind == EventKind::join) {
        const auto open = std::find_if(b.memberships.begin(), b.memberships.end(), [&](const Membership& m) {
            return m.group == ev.group && m.period.contains(day_before) &&
                   (!m.period.until || *m.period.until > day_before);
        });
        if (open != b.memberships.end() && open->period.contains(re.date)) {
            fail(re.pos, msg::already_member(what, b.id, ev.group));
            return;
        }
        const Body& g = m_ds.bodies[m_body_ix[ev.group]];
        Period p{re.date, b.period.until};
        if (g.period.until && (!p.until || *g.period.until < *p.until)) p.until = g.period.until;
        // A join the event marks deduced for this body is a deduced membership; the event's note says how.
        const bool deduced = std::find(ev.deduced.begin(), ev.deduced.end(), b.id) != ev.deduced.end();
        b.memberships.push_back({ev.group, p, ev.sources, re.pos, deduced, deduced ? ev.note : std::string()});
        return;
    }
    const auto current = std::find_if(b.memberships.begin(), b.memberships.end(), [&](const Membership& m) {
        return m.group == ev.group && m.period.contains(day_before);
    });
    if (current == b.memberships.end()) fail(re.pos, msg::not_member(what, b.id, ev.group, day_before));
    else current->period.until = re.date;
}

} // namespace orglineage::detail
