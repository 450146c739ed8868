// SPDX-License-Identifier: MIT
// The checking pass over a built Dataset. The builder checks records as read (with their
// positions); this pass checks the result, so that a Dataset made by hand through the public types
// is held to the same rules before a Lineage indexes it.
#include "check/dataset.hpp"
#include "check/cycles.hpp"
#include "check/messages.hpp"
#include "check/problems.hpp"

#include <orglineage/error.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace orglineage::detail {

namespace {

class Checker {
  public:
    Checker(const Dataset& ds, std::vector<std::string>* problems) : m_ds(ds), m_problems(problems) {}

    void run() {
        index();
        for (const auto& b : m_ds.bodies) body(b);
        for (const auto& a : m_ds.areas) area(a);
        events();
        codes(&Body::ods, "ODS");
        codes(&Body::ons, "ONS");
        cycles();
        small_area_settings();
    }

  private:
    const Dataset& m_ds;
    Problems m_problems;
    std::unordered_map<std::string, std::size_t> m_body_ix;
    std::set<std::string> m_areas;

    void fail(const SourcePos& pos, const std::string& msg) { m_problems.fail(pos, msg); }
    bool known_body(const std::string& id) const { return m_body_ix.count(id) > 0; }

    void index() {
        for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) {
            const Body& b = m_ds.bodies[i];
            if (b.id.empty()) fail(b.pos, msg::empty_id("a body"));
            else if (!m_body_ix.emplace(b.id, i).second) fail(b.pos, msg::duplicate("body id", b.id));
        }
        for (const auto& a : m_ds.areas)
            if (a.code.empty()) fail(a.pos, msg::empty_code("an area"));
            else if (!m_areas.insert(a.code).second) fail(a.pos, msg::duplicate("area code", a.code));
    }

    void period(const Period& p, const SourcePos& pos, const std::string& what) {
        if (p.from.is_special() || (p.until && p.until->is_special()))
            fail(pos, msg::not_a_day(what));
        else if (p.until && *p.until <= p.from)
            fail(pos, msg::ends_before_start(what, p.from, *p.until));
    }
    void share(const Share& s, const SourcePos& pos, const std::string& what) {
        if (s && !(*s >= 0.0 && *s <= 1.0)) // NaN fails both comparisons
            fail(pos, msg::share_outside(what, *s));
    }
    void function(const std::string& f, const SourcePos& pos, const std::string& what) {
        if (!m_ds.functions.contains(f)) fail(pos, msg::unknown_function_in(f, what));
    }
    void timed(const std::vector<Timed<std::string>>& values, const Body& b, const char* label) {
        for (const auto& v : values) period(v.period, b.pos, std::string(label) + " '" + v.value + "' of '" + b.id + "'");
    }

    void body(const Body& b) {
        const std::string of = "'" + b.id + "'";
        period(b.period, b.pos, of);
        if (!m_ds.kinds.count(b.kind)) fail(b.pos, msg::unknown_kind(b.kind, of));
        timed(b.names, b, "the name");
        timed(b.ods, b, "the ODS code");
        timed(b.ons, b, "the ONS code");
        for (const auto& c : b.coverage) {
            const std::string what = "the coverage of '" + c.area + "' by " + of;
            if (!m_areas.count(c.area)) fail(c.pos, msg::unknown_area(c.area, "the coverage of " + of));
            period(c.period, c.pos, what);
            share(c.share, c.pos, what);
        }
        for (const auto& h : b.holdings) {
            function(h.function, h.pos, "the functions of " + of);
            period(h.period, h.pos, "function '" + h.function + "' of " + of);
            if (!h.delegated_by.empty() && !known_body(h.delegated_by))
                fail(h.pos, msg::unknown_body(h.delegated_by, "delegated-by of " + of));
        }
        for (const auto& m : b.memberships) {
            if (!known_body(m.group)) fail(m.pos, msg::unknown_body(m.group, "member-of of " + of));
            else if (m.group == b.id) fail(m.pos, msg::member_of_itself(of));
            period(m.period, m.pos, "the membership of " + of + " in '" + m.group + "'");
        }
    }

    void area(const Area& a) {
        period(a.period, a.pos, "area '" + a.code + "'");
        if (!a.parent.empty() && !m_areas.count(a.parent))
            fail(a.pos, msg::unknown_area_parent(a.parent, a.code));
    }

    void events() {
        std::set<std::string> ids;
        for (const auto& ev : m_ds.events) {
            const std::string what = std::string(to_string(ev.kind)) + " event '" + ev.id + "'";
            if (!ids.insert(ev.id).second) fail(ev.pos, msg::duplicate("event id", ev.id));
            if (ev.date.is_special()) fail(ev.pos, msg::not_a_day(what));
            for (const auto& s : ev.subjects)
                if (!known_body(s)) fail(ev.pos, msg::unknown_body(s, what));
            if (!ev.group.empty() && !known_body(ev.group)) fail(ev.pos, msg::unknown_body(ev.group, what));
            if (!ev.function.empty()) function(ev.function, ev.pos, what);
            for (const auto& a : ev.areas)
                if (!m_areas.count(a)) fail(ev.pos, msg::unknown_area(a, what));
            for (const auto& l : ev.links) {
                for (const auto* end : {&l.from, &l.to})
                    if (!known_body(*end)) fail(ev.pos, msg::unknown_body(*end, "a link of " + what));
                if (l.from == l.to) fail(ev.pos, msg::cannot_succeed_itself(what, l.from));
                share(l.share, ev.pos, "the link from '" + l.from + "' to '" + l.to + "' in " + what);
                for (const auto& f : l.functions) function(f, ev.pos, what);
            }
        }
        for (std::size_t i = 1; i < m_ds.events.size(); ++i)
            if (!m_ds.events[i].date.is_special() && !m_ds.events[i - 1].date.is_special() &&
                m_ds.events[i].date < m_ds.events[i - 1].date) {
                fail(m_ds.events[i].pos, msg::events_out_of_order(m_ds.events[i].id, m_ds.events[i - 1].id));
                break;
            }
    }

    /// No two bodies hold one code on the same day.
    void codes(std::vector<Timed<std::string>> Body::*codes, std::string_view scheme) {
        std::unordered_map<std::string, std::vector<std::pair<const Timed<std::string>*, const Body*>>> by_code;
        for (const auto& b : m_ds.bodies)
            for (const auto& c : b.*codes) by_code[c.value].push_back({&c, &b});
        std::vector<std::string> keys;
        for (const auto& kv : by_code)
            if (kv.second.size() > 1) keys.push_back(kv.first);
        std::sort(keys.begin(), keys.end());
        for (const auto& code : keys) {
            auto& uses = by_code[code];
            std::sort(uses.begin(), uses.end(),
                      [](const auto& a, const auto& b) { return a.first->period.from < b.first->period.from; });
            for (std::size_t i = 1; i < uses.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (uses[j].second != uses[i].second && uses[j].first->period.overlaps(uses[i].first->period))
                        fail(uses[i].second->pos,
                             msg::code_held_twice(scheme, code, uses[i].second->id, uses[j].second->id,
                                                  std::max(uses[i].first->period.from, uses[j].first->period.from)));
        }
    }

    void small_area_settings() {
        const auto& sa = m_ds.small_areas;
        if (!sa) {
            for (const auto& t : m_ds.tables)
                if (t.kind == "lsoa-coverage") fail(t.pos, msg::small_areas_needed(t.id));
            return;
        }
        function(sa->function, sa->pos, "small-areas");
        if (sa->derive_from.is_special() || sa->complete_from.is_special()) fail(sa->pos, msg::not_a_day("small-areas"));
        const auto& years = sa->population_years;
        if (years.empty() ||
            std::adjacent_find(years.begin(), years.end(), [](int a, int b) { return a >= b; }) != years.end())
            fail(sa->pos, msg::bad_population_years());
    }

    void cycles() {
        // Links run forward in time, so a loop through several dates is a body passing something on
        // and getting it back later (a boundary moved there and back), which is legitimate. A cycle
        // is a loop among the links of one day: search each day's links on their own.
        std::map<Date, std::vector<const Event*>> by_day;
        for (const auto& ev : m_ds.events)
            if (!ev.links.empty() && !ev.date.is_special()) by_day[ev.date].push_back(&ev);
        for (const auto& [day, events] : by_day) {
            std::unordered_map<std::size_t, std::size_t> local; // body index -> vertex
            std::vector<std::size_t> body_of;
            auto vertex = [&](const std::string& id) -> std::optional<std::size_t> {
                auto b = m_body_ix.find(id);
                if (b == m_body_ix.end()) return std::nullopt; // reported above
                auto [it, fresh] = local.emplace(b->second, body_of.size());
                if (fresh) body_of.push_back(b->second);
                return it->second;
            };
            std::vector<std::pair<std::size_t, std::size_t>> edges;
            for (const Event* ev : events)
                for (const auto& l : ev->links) {
                    const auto from = vertex(l.from);
                    const auto to = vertex(l.to);
                    if (from && to) edges.emplace_back(*from, *to);
                }
            if (auto v = find_cycle(body_of.size(), edges)) {
                const Body& b = m_ds.bodies[body_of[*v]];
                const Event* at = nullptr;
                for (const Event* ev : events)
                    for (const auto& l : ev->links)
                        if (l.from == b.id && !at) at = ev;
                fail(at ? at->pos : b.pos, msg::succession_cycle(b.id, day));
            }
        }
    }
};

} // namespace

void check_dataset(const Dataset& dataset, std::vector<std::string>* problems) {
    Checker(dataset, problems).run();
}

} // namespace orglineage::detail
