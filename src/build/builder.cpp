// SPDX-License-Identifier: MIT
// From records as read to a checked, normalised Dataset: references resolved, names and codes
// laid out over time, functions held computed, every invariant of docs/data-format.md checked.
#include "build/builder.hpp"

#include <orglineage/error.hpp>
#include <orglineage/load.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace orglineage::detail {

namespace {

constexpr double k_tolerance = 1e-6;

std::string fmt_share(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

class Builder {
  public:
    Builder(RawDataset raw, std::vector<std::string>* problems)
        : m_raw(std::move(raw)), m_problems(problems) {}

    Dataset build();

  private:
    RawDataset m_raw;
    std::vector<std::string>* m_problems;
    Dataset m_ds;
    std::unordered_map<std::string, std::size_t> m_body_ix;
    std::unordered_map<std::string, std::size_t> m_area_ix;
    std::unordered_map<std::string, std::size_t> m_source_ix;
    std::vector<const RawBody*> m_raw_of; ///< raw record of each built body
    std::vector<std::optional<std::size_t>> m_end_event;

    void fail(const SourcePos& pos, const std::string& msg) {
        if (!m_problems) throw ValidationError(pos, msg);
        m_problems->push_back(ValidationError(pos, msg).what());
    }

    std::vector<std::string> sources(const std::vector<Ref>& refs) {
        std::vector<std::string> out;
        for (const auto& r : refs) {
            if (!m_source_ix.count(r.id)) {
                fail(r.pos, "unknown source '" + r.id + "' (declare it in a sources: block)");
                continue;
            }
            out.push_back(r.id);
        }
        return out;
    }
    Body* body(const Ref& r, std::string_view what) {
        auto it = m_body_ix.find(r.id);
        if (it == m_body_ix.end()) {
            fail(r.pos, "unknown body '" + r.id + "' in " + std::string(what));
            return nullptr;
        }
        return &m_ds.bodies[it->second];
    }
    bool function(const Ref& r) {
        if (m_ds.functions.contains(r.id)) return true;
        fail(r.pos, "unknown function '" + r.id + "'");
        return false;
    }
    /// A sub-record's period: defaults from `outer`, and must lie inside it.
    Period inner_period(const RawPeriod& p, const Period& outer, const SourcePos& pos, std::string_view what) {
        Period out{p.from.value_or(outer.from), outer.until};
        if (p.to) out.until = *p.to + boost::gregorian::days(1);
        const bool inside = out.from >= outer.from && (!outer.until || (out.until && *out.until <= *outer.until));
        if (!inside)
            fail(pos, std::string(what) + " period " + format_period(out) + " lies outside " + format_period(outer));
        return out;
    }
    std::string active_problem(const Body& b, const Date& d) {
        return "'" + b.id + "' is not active on " + format_date(d) + " (it runs " + format_period(b.period) + ")";
    }

    void build_manifest();
    void build_sources();
    void build_areas();
    void build_bodies();
    void build_events();
    void check_ends();
    void build_holdings();
    void build_claims();
    void build_tables();
    void build_announcements();
};

Dataset Builder::build() {
    build_manifest();
    build_sources();
    build_areas();
    build_bodies();
    build_events();
    check_ends();
    build_holdings();
    build_claims();
    build_tables();
    build_announcements();
    return std::move(m_ds);
}

void Builder::build_manifest() {
    m_ds.schema_version = m_raw.schema_version;
    m_ds.name = m_raw.name;
    m_ds.version = m_raw.version;
    m_ds.description = m_raw.description;
    m_ds.directory = m_raw.directory;
    m_ds.horizon = m_raw.horizon;
    for (const auto& f : m_raw.functions) {
        if (!f.info.parent.empty() && !m_ds.functions.contains(f.info.parent)) {
            fail(f.pos, "function '" + f.info.id + "' has unknown parent '" + f.info.parent + "'");
            continue;
        }
        if (!m_ds.functions.add(f.info)) fail(f.pos, "duplicate function '" + f.info.id + "'");
    }
    for (const auto& k : m_raw.kinds) {
        KindInfo info = k.info;
        if (k.family) info.family = k.family->id;
        for (const auto& f : k.functions)
            if (function(f)) info.functions.push_back(f.id);
        if (!m_ds.kinds.emplace(info.id, info).second) fail(k.pos, "duplicate kind '" + info.id + "'");
    }
    for (const auto& k : m_raw.kinds)
        if (k.family && !m_ds.kinds.count(k.family->id))
            fail(k.family->pos, "unknown family '" + k.family->id + "' of kind '" + k.info.id + "' (declare it as a kind)");
}

void Builder::build_sources() {
    for (auto& s : m_raw.sources) {
        if (m_source_ix.count(s.id)) {
            const auto& first = m_raw.sources[m_source_ix[s.id]];
            fail(s.pos, "duplicate source id '" + s.id + "' (first declared at " + first.pos.str() + ")");
            continue;
        }
        m_source_ix.emplace(s.id, m_ds.sources.size());
        m_ds.sources.push_back(s);
    }
}

void Builder::build_areas() {
    const Date beginning(boost::gregorian::min_date_time);
    for (auto& ra : m_raw.areas) {
        Area a = ra.area;
        a.period.from = ra.period.from.value_or(beginning);
        if (ra.period.to) a.period.until = *ra.period.to + boost::gregorian::days(1);
        a.sources = sources(ra.source_refs);
        if (ra.parent) a.parent = ra.parent->id;
        if (m_area_ix.count(a.code)) {
            fail(a.pos, "duplicate area code '" + a.code + "' (first declared at " +
                            m_ds.areas[m_area_ix[a.code]].pos.str() + ")");
            continue;
        }
        m_area_ix.emplace(a.code, m_ds.areas.size());
        m_ds.areas.push_back(std::move(a));
    }
    for (const auto& ra : m_raw.areas)
        if (ra.parent && !m_area_ix.count(ra.parent->id))
            fail(ra.parent->pos, "unknown area '" + ra.parent->id + "' as parent of '" + ra.area.code + "'");
    // A parent chain must end: no area may be its own ancestor.
    for (const auto& a : m_ds.areas) {
        std::size_t steps = 0;
        for (auto p = a.parent; !p.empty() && m_area_ix.count(p); p = m_ds.areas[m_area_ix[p]].parent)
            if (++steps > m_ds.areas.size()) {
                fail(a.pos, "area '" + a.code + "' is its own ancestor (parents form a cycle)");
                break;
            }
    }
}

void Builder::build_bodies() {
    m_ds.bodies.reserve(m_raw.bodies.size());
    for (const auto& rb : m_raw.bodies) {
        if (m_body_ix.count(rb.id)) {
            fail(rb.pos, "duplicate body id '" + rb.id + "' (first declared at " +
                             m_ds.bodies[m_body_ix[rb.id]].pos.str() + ")");
            continue;
        }
        Body b;
        b.id = rb.id;
        b.pos = rb.pos;
        b.kind = rb.kind.id;
        if (!m_ds.kinds.count(b.kind)) fail(rb.kind.pos, "unknown kind '" + b.kind + "' (declare it in dataset.yaml)");
        b.period.from = rb.from;
        if (rb.to) b.period.until = *rb.to + boost::gregorian::days(1);
        b.names.push_back({rb.name, b.period});
        if (!rb.ods.empty()) b.ods.push_back({rb.ods, b.period});
        if (!rb.ons.empty()) b.ons.push_back({rb.ons, b.period});
        b.sources = sources(rb.source_refs);
        b.note = rb.note;
        b.secondary_only = rb.secondary_only;
        b.placeholder = rb.placeholder;
        b.announced = rb.announced;
        m_body_ix.emplace(b.id, m_ds.bodies.size());
        m_raw_of.push_back(&rb);
        m_ds.bodies.push_back(std::move(b));
    }
    m_end_event.assign(m_ds.bodies.size(), std::nullopt);
    // Second pass: parts that refer to areas and other bodies.
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) {
        Body& b = m_ds.bodies[i];
        const RawBody& rb = *m_raw_of[i];
        for (const auto& rc : rb.coverage) {
            if (!m_area_ix.count(rc.area.id)) {
                fail(rc.area.pos, "unknown area '" + rc.area.id + "' in the coverage of '" + b.id + "'");
                continue;
            }
            Coverage c;
            c.area = rc.area.id;
            c.pos = rc.pos;
            c.period = inner_period(rc.period, b.period, rc.pos, "coverage of '" + c.area + "' by '" + b.id + "'");
            c.basis = rc.basis.value_or(ShareBasis::whole);
            // basis: unknown without a share records that the body served part of the area, in a proportion not known.
            c.share = rc.share ? Share(*rc.share) : (c.basis == ShareBasis::unknown ? Share() : Share(1.0));
            c.note = rc.note;
            c.sources = rc.source_refs.empty() ? b.sources : sources(rc.source_refs);
            b.coverage.push_back(std::move(c));
        }
        for (const auto& rm : rb.memberships) {
            Body* g = body(rm.group, "member-of of '" + b.id + "'");
            if (!g) continue;
            if (g == &b) {
                fail(rm.group.pos, "'" + b.id + "' cannot be a member of itself");
                continue;
            }
            // Default: the days both exist.
            Period both{std::max(b.period.from, g->period.from), b.period.until};
            if (g->period.until && (!both.until || *g->period.until < *both.until)) both.until = g->period.until;
            if (both.empty()) {
                fail(rm.pos, "'" + b.id + "' (" + format_period(b.period) + ") and group '" + g->id + "' (" +
                                 format_period(g->period) + ") never exist at the same time");
                continue;
            }
            Membership m;
            m.group = g->id;
            m.pos = rm.pos;
            m.period = inner_period(rm.period, both, rm.pos, "membership of '" + b.id + "' in '" + g->id + "'");
            m.deduced = rm.deduced;
            m.note = rm.note;
            m.sources = sources(rm.source_refs);
            b.memberships.push_back(std::move(m));
        }
    }
}

void Builder::build_events() {
    // Events in date order (stable: file order within a day). Index-sort the raw records.
    std::vector<std::size_t> order(m_raw.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_raw.events[a].date < m_raw.events[b].date; });
    std::unordered_map<std::string, SourcePos> ids;
    const auto one_day = boost::gregorian::days(1);

    for (std::size_t oi : order) {
        const RawEvent& re = m_raw.events[oi];
        if (auto [it, fresh] = ids.emplace(re.id, re.pos); !fresh) {
            fail(re.pos, "duplicate event id '" + re.id + "' (first declared at " + it->second.str() + ")");
            continue;
        }
        Event ev;
        ev.id = re.id;
        ev.date = re.date;
        ev.kind = re.kind;
        ev.pos = re.pos;
        ev.note = re.note;
        ev.sources = sources(re.source_refs);
        ev.incomplete = re.incomplete;
        ev.announced = re.announced;
        for (const auto& r : re.deduced)
            if (body(r, "the deduced links of event '" + re.id + "'")) ev.deduced.push_back(r.id);
        for (const auto& r : re.secondary)
            if (body(r, "the secondary links of event '" + re.id + "'")) ev.secondary.push_back(r.id);
        const std::string what = std::string(to_string(re.kind)) + " event '" + re.id + "'";
        std::vector<Body*> subjects;
        bool ok = true;
        for (const auto& s : re.subjects) {
            Body* b = body(s, what);
            if (!b) {
                ok = false;
                continue;
            }
            if (std::find(subjects.begin(), subjects.end(), b) != subjects.end()) {
                fail(s.pos, "'" + s.id + "' is named twice in " + what);
                ok = false;
                continue;
            }
            subjects.push_back(b);
            ev.subjects.push_back(b->id);
        }
        if (!ok) continue;
        const bool ends = re.kind == EventKind::merge || re.kind == EventKind::split || re.kind == EventKind::abolish;
        for (std::size_t si = 0; si < subjects.size(); ++si) {
            Body* b = subjects[si];
            const auto& sp = re.subjects[si].pos;
            if (ends) {
                if (!b->period.until || *b->period.until != re.date) {
                    fail(sp, what + " ends '" + b->id + "' on " + format_date(re.date) +
                                 ", so its 'to' must be " + format_date(re.date - one_day) + " (it runs " +
                                 format_period(b->period) + ")");
                    ok = false;
                } else if (m_end_event[m_body_ix[b->id]]) {
                    fail(sp, "'" + b->id + "' is ended by two events (also '" +
                                 m_ds.events[*m_end_event[m_body_ix[b->id]]].id + "')");
                    ok = false;
                } else {
                    m_end_event[m_body_ix[b->id]] = m_ds.events.size();
                }
            } else if (re.kind == EventKind::establish) {
                if (b->period.from != re.date) {
                    fail(sp, what + " is dated " + format_date(re.date) + " but '" + b->id + "' starts " +
                                 format_date(b->period.from));
                    ok = false;
                }
            } else if (!b->period.contains(re.date) ||
                       ((re.kind == EventKind::transfer || re.kind == EventKind::transfer_function ||
                         re.kind == EventKind::rename || re.kind == EventKind::recode) &&
                        !b->period.contains(re.date - one_day))) {
                fail(sp, what + ": " + active_problem(*b, re.date) +
                             (re.kind == EventKind::join ? "" : " and the day before"));
                ok = false;
            }
        }
        // Successor groups become links.
        std::set<std::string> group_functions;
        for (const auto& g : re.groups) {
            std::vector<std::string> fns;
            for (const auto& f : g.functions) {
                if (!function(f)) {
                    ok = false;
                    continue;
                }
                if (!group_functions.insert(f.id).second) {
                    fail(f.pos, "function '" + f.id + "' has two successor groups in " + what);
                    ok = false;
                }
                fns.push_back(f.id);
            }
            auto group_sources = sources(g.source_refs);
            const bool several = g.targets.size() > 1;
            std::size_t with_share = 0;
            double sum = 0;
            for (const auto& t : g.targets)
                if (t.share) {
                    ++with_share;
                    sum += *t.share;
                }
            ShareBasis basis = g.basis.value_or(several ? ShareBasis::unknown : ShareBasis::whole);
            if (re.kind == EventKind::transfer) {
                basis = g.basis.value_or(ShareBasis::unknown);
            } else if (several) {
                if (with_share == 0 && basis != ShareBasis::unknown) {
                    fail(g.pos, what + " divides between " + std::to_string(g.targets.size()) +
                                    " bodies with basis '" + std::string(to_string(basis)) +
                                    "' but gives no shares (give shares, or basis: unknown)");
                    ok = false;
                } else if (with_share > 0 && with_share < g.targets.size()) {
                    fail(g.pos, what + " gives shares for " + std::to_string(with_share) + " of its " +
                                    std::to_string(g.targets.size()) + " successors (give all or none)");
                    ok = false;
                } else if (with_share > 0 && std::fabs(sum - 1.0) > k_tolerance) {
                    fail(g.pos, "shares in " + what + " sum to " + fmt_share(sum) + ", not 1");
                    ok = false;
                } else if (with_share > 0 && !g.basis) {
                    fail(g.pos, what + " gives shares but no basis (population, postcodes, practices, area or unknown)");
                    ok = false;
                }
            } else if (with_share == 1 && std::fabs(sum - 1.0) > k_tolerance) {
                fail(g.pos, "the single successor in " + what + " has share " + fmt_share(sum) +
                                ", not 1 (a part that goes nowhere must be said: list the other successors)");
                ok = false;
            }
            std::set<std::string> seen_targets;
            for (const auto& t : g.targets) {
                Body* tb = body(t.body, what);
                if (!tb) {
                    ok = false;
                    continue;
                }
                if (!seen_targets.insert(tb->id).second) {
                    fail(t.body.pos, "'" + tb->id + "' is named twice as a successor in " + what);
                    ok = false;
                }
                if (!tb->period.contains(re.date)) {
                    fail(t.body.pos, what + ": successor " + active_problem(*tb, re.date));
                    ok = false;
                }
                for (Body* s : subjects) {
                    if (s == tb) {
                        fail(t.body.pos, what + ": '" + tb->id + "' cannot succeed itself");
                        ok = false;
                        continue;
                    }
                    Link l;
                    l.from = s->id;
                    l.to = tb->id;
                    l.functions = fns;
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
        }
        if (re.kind == EventKind::transfer_function) ev.function = re.function.id;
        if (re.kind == EventKind::join || re.kind == EventKind::leave) {
            Body* g = body(re.group, what);
            if (!g) continue;
            ev.group = g->id;
            if (re.kind == EventKind::join && !g->period.contains(re.date)) {
                fail(re.group.pos, what + ": group " + active_problem(*g, re.date));
                ok = false;
            }
        }
        for (const auto& a : re.areas) {
            if (!m_area_ix.count(a.id)) {
                fail(a.pos, "unknown area '" + a.id + "' in " + what);
                ok = false;
            } else {
                ev.areas.push_back(a.id);
            }
        }
        // Names and codes over time: close the current value, open the new one.
        if (ok && (re.kind == EventKind::rename || re.kind == EventKind::recode)) {
            Body& b = *subjects.front();
            auto change = [&](std::vector<Timed<std::string>>& values, const std::string& value, const char* label) {
                if (!values.empty() && values.back().period.from >= re.date) {
                    fail(re.pos, what + ": '" + b.id + "' already changed its " + label + " on " +
                                     format_date(values.back().period.from));
                    return;
                }
                if (!values.empty() && values.back().value == value) {
                    fail(re.pos, what + ": '" + b.id + "' already has " + label + " '" + value + "'");
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
        if (ok && (re.kind == EventKind::join || re.kind == EventKind::leave)) {
            Body& b = *subjects.front();
            auto open = std::find_if(b.memberships.begin(), b.memberships.end(), [&](const Membership& m) {
                return m.group == ev.group && m.period.contains(re.date - one_day) &&
                       (!m.period.until || *m.period.until > re.date - one_day);
            });
            if (re.kind == EventKind::join) {
                if (open != b.memberships.end() && open->period.contains(re.date)) {
                    fail(re.pos, what + ": '" + b.id + "' is already a member of '" + ev.group + "'");
                } else {
                    const Body& g = m_ds.bodies[m_body_ix[ev.group]];
                    Period p{re.date, b.period.until};
                    if (g.period.until && (!p.until || *g.period.until < *p.until)) p.until = g.period.until;
                    b.memberships.push_back({ev.group, p, ev.sources, re.pos, false, {}});
                }
            } else {
                auto cur = std::find_if(b.memberships.begin(), b.memberships.end(), [&](const Membership& m) {
                    return m.group == ev.group && m.period.contains(re.date - one_day);
                });
                if (cur == b.memberships.end())
                    fail(re.pos, what + ": '" + b.id + "' is not a member of '" + ev.group + "' on " +
                                     format_date(re.date - one_day));
                else
                    cur->period.until = re.date;
            }
        }
        m_ds.events.push_back(std::move(ev));
    }
}

void Builder::check_ends() {
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) {
        const Body& b = m_ds.bodies[i];
        if (b.period.until && !m_end_event[i])
            fail(m_raw_of[i]->to_pos, "'" + b.id + "' ends on " + format_date(*b.period.last_day()) +
                                          " but no event on " + format_date(*b.period.until) +
                                          " ends it (a merge from it, a split of it or its abolition)");
    }
}

void Builder::build_holdings() {
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) {
        Body& b = m_ds.bodies[i];
        const RawBody& rb = *m_raw_of[i];
        if (rb.has_functions) {
            for (const auto& rh : rb.holdings) {
                if (!function(rh.function)) continue;
                Holding h;
                h.function = rh.function.id;
                h.pos = rh.pos;
                h.period = inner_period(rh.period, b.period, rh.pos, "function '" + h.function + "' of '" + b.id + "'");
                h.sources = sources(rh.source_refs);
                if (rh.delegated_by) {
                    if (Body* d = body(*rh.delegated_by, "delegated-by of '" + b.id + "'")) h.delegated_by = d->id;
                }
                b.holdings.push_back(std::move(h));
            }
        } else if (auto k = m_ds.kinds.find(b.kind); k != m_ds.kinds.end()) {
            for (const auto& f : k->second.functions) b.holdings.push_back({f, b.period, {}, {}, b.pos});
        }
    }
    auto holds = [&](const Body& b, const std::string& f, const Date& d) {
        return std::any_of(b.holdings.begin(), b.holdings.end(), [&](const Holding& h) {
            return h.period.contains(d) && m_ds.functions.includes(h.function, f);
        });
    };
    const auto one_day = boost::gregorian::days(1);
    for (const Event& ev : m_ds.events) {
        if (ev.kind == EventKind::transfer_function) {
            for (const auto& sid : ev.subjects) {
                Body& s = m_ds.bodies[m_body_ix[sid]];
                bool found = false;
                for (auto& h : s.holdings) {
                    if (h.function == ev.function && h.period.contains(ev.date - one_day)) {
                        h.period.until = ev.date;
                        found = true;
                    }
                }
                if (!found)
                    fail(ev.pos, "transfer-function event '" + ev.id + "': '" + sid + "' does not hold '" +
                                     ev.function + "' on " + format_date(ev.date - one_day));
            }
            for (const auto& l : ev.links) {
                Body& t = m_ds.bodies[m_body_ix[l.to]];
                if (!holds(t, ev.function, ev.date))
                    t.holdings.push_back({ev.function, Period{ev.date, t.period.until}, {}, ev.sources, ev.pos});
            }
        }
    }
    // A function passed on by an abolition must be held by its successor from that day.
    for (const Event& ev : m_ds.events) {
        if (ev.kind != EventKind::abolish) continue;
        for (const auto& l : ev.links)
            for (const auto& f : l.functions)
                if (!holds(m_ds.bodies[m_body_ix[l.to]], f, ev.date))
                    fail(ev.pos, "abolish event '" + ev.id + "' passes '" + f + "' to '" + l.to +
                                     "', which does not hold it on " + format_date(ev.date));
    }
    // Remove empty holdings left by transfers on the first day.
    for (auto& b : m_ds.bodies)
        b.holdings.erase(std::remove_if(b.holdings.begin(), b.holdings.end(),
                                        [](const Holding& h) { return h.period.empty(); }),
                         b.holdings.end());
}

void Builder::build_claims() {
    for (const auto& rc : m_raw.claims) {
        if (!function(rc.function)) continue;
        Claim c;
        c.function = rc.function.id;
        c.area_kinds = rc.area_kinds;
        c.period.from = rc.from;
        if (rc.to) c.period.until = *rc.to + boost::gregorian::days(1);
        c.sources = sources(rc.source_refs);
        c.pos = rc.pos;
        bool any = false;
        for (const auto& k : c.area_kinds)
            any = any || std::any_of(m_ds.areas.begin(), m_ds.areas.end(), [&](const Area& a) { return a.kind == k; });
        if (!any) fail(rc.pos, "claim names area kinds with no areas");
        m_ds.claims.push_back(std::move(c));
    }
}

void Builder::build_tables() {
    std::set<std::string> ids;
    for (auto& rt : m_raw.tables) {
        Table t = rt.table;
        if (!ids.insert(t.id).second) {
            fail(t.pos, "duplicate table id '" + t.id + "'");
            continue;
        }
        t.period.from = *rt.period.from;
        if (rt.period.to) t.period.until = *rt.period.to + boost::gregorian::days(1);
        t.sources = sources(rt.source_refs);
        m_ds.tables.push_back(std::move(t));
    }
}

void Builder::build_announcements() {
    for (const auto& ra : m_raw.announcements) {
        Announcement a;
        a.id = ra.id;
        a.date = ra.date;
        a.note = ra.note;
        a.what = ra.what;
        a.applied = ra.applied;
        a.pos = ra.pos;
        a.sources = sources(ra.source_refs);
        for (const auto& r : ra.bodies)
            if (body(r, "announcement '" + ra.id + "'")) a.bodies.push_back(r.id);
        for (const auto& k : ra.kinds) {
            if (!m_ds.kinds.count(k.id)) fail(k.pos, "unknown kind '" + k.id + "' in announcement '" + ra.id + "'");
            a.kinds.push_back(k.id);
        }
        m_ds.announcements.push_back(std::move(a));
    }
    std::stable_sort(m_ds.announcements.begin(), m_ds.announcements.end(),
                     [](const Announcement& x, const Announcement& y) { return x.date < y.date; });
}

} // namespace

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
            if (auto it = ends.find(b.id); it != ends.end() && !b.to) b.to = it->second - boost::gregorian::days(1);
        return;
    }
    raw.events.erase(std::remove_if(raw.events.begin(), raw.events.end(), [](const RawEvent& e) { return e.announced; }),
                     raw.events.end());
    raw.bodies.erase(std::remove_if(raw.bodies.begin(), raw.bodies.end(), [](const RawBody& b) { return b.announced; }),
                     raw.bodies.end());
}

Dataset build_dataset(RawDataset raw, std::vector<std::string>* problems) {
    return Builder(std::move(raw), problems).build();
}

} // namespace orglineage::detail
