// SPDX-License-Identifier: MIT
// From records as read to a checked, normalised Dataset: references resolved, names and codes
// laid out over time, functions held computed, every invariant of docs/data-format.md checked.
// This file: the order of the steps, references, and the manifest, sources, areas, bodies, claims
// and tables (builder_impl.hpp lists where the other steps are).
#include "build/builder.hpp"
#include "build/builder_impl.hpp"

#include <orglineage/error.hpp>
#include <orglineage/load.hpp>

#include <algorithm>

namespace orglineage::detail {

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

std::vector<std::string> Builder::sources(const std::vector<Ref>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) {
        if (!m_source_ix.count(r.id)) {
            fail(r.pos, msg::unknown_source(r.id));
            continue;
        }
        out.push_back(r.id);
    }
    return out;
}

Body* Builder::body(const Ref& r, std::string_view what) {
    auto it = m_body_ix.find(r.id);
    if (it == m_body_ix.end()) {
        fail(r.pos, msg::unknown_body(r.id, what));
        return nullptr;
    }
    return &m_ds.bodies[it->second];
}

bool Builder::function(const Ref& r) {
    if (m_ds.functions.contains(r.id)) return true;
    fail(r.pos, msg::unknown_function(r.id));
    return false;
}

Period Builder::inner_period(const RawPeriod& p, const Period& outer, const SourcePos& pos, std::string_view what) {
    Period out{p.from.value_or(outer.from), outer.until};
    if (p.to) out.until = until_after(*p.to);
    const bool inside = out.from >= outer.from && (!outer.until || (out.until && *out.until <= *outer.until));
    if (!inside) fail(pos, msg::period_outside(what, out, outer));
    return out;
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
            fail(f.pos, msg::unknown_parent_function(f.info.id, f.info.parent));
            continue;
        }
        if (!m_ds.functions.add(f.info)) fail(f.pos, msg::duplicate("function", f.info.id));
    }
    for (const auto& k : m_raw.kinds) {
        KindInfo info = k.info;
        if (k.family) info.family = k.family->id;
        for (const auto& f : k.functions)
            if (function(f)) info.functions.push_back(f.id);
        if (!m_ds.kinds.emplace(info.id, info).second) fail(k.pos, msg::duplicate("kind", info.id));
    }
    for (const auto& k : m_raw.kinds)
        if (k.family && !m_ds.kinds.count(k.family->id)) fail(k.family->pos, msg::unknown_family(k.family->id, k.info.id));
    if (const auto& r = m_raw.small_areas) {
        function(r->function);
        m_ds.small_areas = SmallAreaSettings{r->function.id, r->derive_from, r->complete_from, r->population_years, r->pos};
    }
}

void Builder::build_sources() {
    for (auto& s : m_raw.sources) {
        if (m_source_ix.count(s.id)) {
            const auto& first = m_raw.sources[m_source_ix[s.id]];
            fail(s.pos, msg::duplicate_first_at("source id", s.id, first.pos.str()));
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
        if (ra.period.to) a.period.until = until_after(*ra.period.to);
        a.sources = sources(ra.source_refs);
        if (ra.parent) a.parent = ra.parent->id;
        if (m_area_ix.count(a.code)) {
            fail(a.pos, msg::duplicate_first_at("area code", a.code, m_ds.areas[m_area_ix[a.code]].pos.str()));
            continue;
        }
        m_area_ix.emplace(a.code, m_ds.areas.size());
        m_ds.areas.push_back(std::move(a));
    }
    for (const auto& ra : m_raw.areas)
        if (ra.parent && !m_area_ix.count(ra.parent->id))
            fail(ra.parent->pos, msg::unknown_area_parent(ra.parent->id, ra.area.code));
    // A parent chain must end: no area may be its own ancestor.
    for (const auto& a : m_ds.areas) {
        std::size_t steps = 0;
        for (auto p = a.parent; !p.empty() && m_area_ix.count(p); p = m_ds.areas[m_area_ix[p]].parent)
            if (++steps > m_ds.areas.size()) {
                fail(a.pos, msg::area_own_ancestor(a.code));
                break;
            }
    }
}

void Builder::build_bodies() {
    m_ds.bodies.reserve(m_raw.bodies.size());
    for (const auto& rb : m_raw.bodies) {
        if (m_body_ix.count(rb.id)) {
            fail(rb.pos, msg::duplicate_first_at("body id", rb.id, m_ds.bodies[m_body_ix[rb.id]].pos.str()));
            continue;
        }
        Body b;
        b.id = rb.id;
        b.pos = rb.pos;
        b.kind = rb.kind.id;
        if (!m_ds.kinds.count(b.kind)) fail(rb.kind.pos, msg::unknown_kind_declared(b.kind));
        b.period.from = rb.from;
        b.period.until = until_after(rb.to);
        b.names.push_back({rb.name, b.period});
        if (!rb.ods.empty()) b.ods.push_back({rb.ods, b.period});
        if (!rb.ons.empty()) b.ons.push_back({rb.ons, b.period});
        b.sources = sources(rb.source_refs);
        b.note = rb.note;
        b.secondary_only = rb.secondary_only;
        b.announced = rb.announced;
        b.placeholder = rb.placeholder;
        b.inferred = rb.inferred;
        m_body_ix.emplace(b.id, m_ds.bodies.size());
        m_raw_of.push_back(&rb);
        m_ds.bodies.push_back(std::move(b));
    }
    m_end_event.assign(m_ds.bodies.size(), std::nullopt);
    // Second pass, once every body is known: the parts that refer to areas and other bodies.
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) build_body_parts(m_ds.bodies[i], *m_raw_of[i]);
}

void Builder::build_body_parts(Body& b, const RawBody& rb) {
    for (const auto& rc : rb.coverage) {
        if (!m_area_ix.count(rc.area.id)) {
            fail(rc.area.pos, msg::unknown_area(rc.area.id, "the coverage of '" + b.id + "'"));
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
            fail(rm.group.pos, msg::member_of_itself("'" + b.id + "'"));
            continue;
        }
        // Default: the days both exist.
        Period both{std::max(b.period.from, g->period.from), b.period.until};
        if (g->period.until && (!both.until || *g->period.until < *both.until)) both.until = g->period.until;
        if (both.empty()) {
            fail(rm.pos, msg::never_together(b.id, b.period, g->id, g->period));
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

void Builder::check_ends() {
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) {
        const Body& b = m_ds.bodies[i];
        if (b.period.until && !m_end_event[i])
            fail(m_raw_of[i]->to_pos, msg::end_unexplained(b.id, *b.period.last_day(), *b.period.until));
    }
}

void Builder::build_claims() {
    for (const auto& rc : m_raw.claims) {
        if (!function(rc.function)) continue;
        Claim c;
        c.function = rc.function.id;
        c.area_kinds = rc.area_kinds;
        c.period.from = rc.from;
        c.period.until = until_after(rc.to);
        c.sources = sources(rc.source_refs);
        c.pos = rc.pos;
        bool any = false;
        for (const auto& k : c.area_kinds)
            any = any || std::any_of(m_ds.areas.begin(), m_ds.areas.end(), [&](const Area& a) { return a.kind == k; });
        if (!any) fail(rc.pos, msg::claim_without_areas());
        m_ds.claims.push_back(std::move(c));
    }
}

void Builder::build_tables() {
    std::set<std::string> ids;
    for (auto& rt : m_raw.tables) {
        Table t = rt.table;
        if (!ids.insert(t.id).second) {
            fail(t.pos, msg::duplicate("table id", t.id));
            continue;
        }
        t.period.from = *rt.period.from;
        if (rt.period.to) t.period.until = until_after(*rt.period.to);
        t.sources = sources(rt.source_refs);
        if (t.kind == "lsoa-coverage" && !m_ds.small_areas) fail(t.pos, msg::small_areas_needed(t.id));
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
            if (!m_ds.kinds.count(k.id)) fail(k.pos, msg::unknown_kind_in(k.id, "announcement '" + ra.id + "'"));
            a.kinds.push_back(k.id);
        }
        m_ds.announcements.push_back(std::move(a));
    }
    std::stable_sort(m_ds.announcements.begin(), m_ds.announcements.end(),
                     [](const Announcement& x, const Announcement& y) { return x.date < y.date; });
}

Dataset build_dataset(RawDataset raw, std::vector<std::string>* problems) {
    return Builder(std::move(raw), problems).build();
}

} // namespace orglineage::detail
