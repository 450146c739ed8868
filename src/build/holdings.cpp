// SPDX-License-Identifier: MIT
// The functions each body holds: those it declares (or its kind's), then the transfers of
// functions between bodies, then the check that an abolition passes on only what its successor holds.
#include "build/builder_impl.hpp"

#include <algorithm>

namespace orglineage::detail {

void Builder::build_holdings() {
    for (std::size_t i = 0; i < m_ds.bodies.size(); ++i) declared_holdings(m_ds.bodies[i], *m_raw_of[i]);
    for (const Event& ev : m_ds.events)
        if (ev.kind == EventKind::transfer_function) transfer_functions(ev);
    check_abolished_functions();
    // Remove empty holdings left by transfers on the first day.
    for (auto& b : m_ds.bodies)
        b.holdings.erase(std::remove_if(b.holdings.begin(), b.holdings.end(),
                                        [](const Holding& h) { return h.period.empty(); }),
                         b.holdings.end());
}

bool Builder::holds(const Body& b, const std::string& f, const Date& d) const {
    return std::any_of(b.holdings.begin(), b.holdings.end(), [&](const Holding& h) {
        return h.period.contains(d) && m_ds.functions.includes(h.function, f);
    });
}

void Builder::declared_holdings(Body& b, const RawBody& rb) {
    if (!rb.has_functions) {
        if (auto k = m_ds.kinds.find(b.kind); k != m_ds.kinds.end())
            for (const auto& f : k->second.functions) b.holdings.push_back({f, b.period, {}, {}, b.pos, {}});
        return;
    }
    for (const auto& rh : rb.holdings) {
        if (!function(rh.function)) continue;
        Holding h;
        h.function = rh.function.id;
        h.pos = rh.pos;
        h.period = inner_period(rh.period, b.period, rh.pos, "function '" + h.function + "' of '" + b.id + "'");
        h.sources = sources(rh.source_refs);
        h.part = rh.part;
        if (rh.delegated_by) {
            if (Body* d = body(*rh.delegated_by, "delegated-by of '" + b.id + "'")) h.delegated_by = d->id;
        }
        b.holdings.push_back(std::move(h));
    }
}

void Builder::transfer_functions(const Event& ev) {
    const Date day_before = last_day_before(ev.date);
    for (const auto& sid : ev.subjects) {
        Body& s = m_ds.bodies[m_body_ix[sid]];
        bool found = false;
        for (auto& h : s.holdings) {
            if (h.function == ev.function && h.period.contains(day_before)) {
                h.period.until = ev.date;
                found = true;
            }
        }
        if (!found) fail(ev.pos, msg::function_not_held(ev.id, sid, ev.function, day_before));
    }
    for (const auto& l : ev.links) {
        Body& t = m_ds.bodies[m_body_ix[l.to]];
        if (!holds(t, ev.function, ev.date))
            t.holdings.push_back({ev.function, Period{ev.date, t.period.until}, {}, ev.sources, ev.pos, {}});
    }
}

void Builder::check_abolished_functions() {
    // A function passed on by an abolition must be held by its successor from that day.
    for (const Event& ev : m_ds.events) {
        if (ev.kind != EventKind::abolish) continue;
        for (const auto& l : ev.links)
            for (const auto& f : l.functions)
                if (!holds(m_ds.bodies[m_body_ix[l.to]], f, ev.date))
                    fail(ev.pos, msg::passes_unheld_function(ev.id, f, l.to, ev.date));
    }
}

} // namespace orglineage::detail
