// SPDX-License-Identifier: MIT
// The lineage graph (Boost.Graph) and its indexes, and the queries over them.
#include "core/strings.hpp"
#include "graph/holder_index.hpp"
#include "graph/lineage_access.hpp"
#include "graph/succession.hpp"
#include "graph/text_index.hpp"
#include "read/raw_dataset.hpp"

#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace orglineage {


namespace {


/// An edge of the graph: a succession link of an event, or a membership of a body.
struct EdgeProp {
    bool succession = true;
    std::size_t event = 0;      ///< succession: index into Dataset::events
    std::size_t link = 0;       ///< succession: index into Event::links
    std::size_t membership = 0; ///< membership: index into Body::memberships of the source
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeProp>;

using detail::lower;
using detail::upper;


struct CodeUse {
    Period period;
    std::size_t body;
};

} // namespace

struct Lineage::Impl {
    Dataset ds;
    std::shared_ptr<const detail::CompiledImage> image; ///< when opened from one
    Graph graph;
    detail::TextIndex body_ix; ///< body id → index into ds.bodies
    detail::TextIndex area_ix; ///< area code → index into ds.areas
    detail::TextIndex code_ix;                  ///< ODS, ONS code or id → index into code_uses
    std::vector<std::vector<CodeUse>> code_uses; ///< uses of a code in date order
    /// Integer-indexed succession steps for successors/predecessors (built last: it reads body_ix).
    std::unique_ptr<detail::SuccessionIndex> succession;
    /// Per-area runs of days with the coverage in force, for holders.
    std::unique_ptr<detail::HolderIndex> holder_index;

    explicit Impl(Dataset d) : ds(std::move(d)), graph(ds.bodies.size()) {
        body_ix = detail::TextIndex(ds.bodies.size());
        for (std::size_t i = 0; i < ds.bodies.size(); ++i) body_ix.insert(ds.bodies[i].id, static_cast<std::uint32_t>(i));
        for (std::size_t i = 0; i < ds.areas.size(); ++i) area_ix.insert(ds.areas[i].code, static_cast<std::uint32_t>(i));
        for (std::size_t i = 0; i < ds.bodies.size(); ++i) {
            const Body& b = ds.bodies[i];
            add_use(b.id, {b.period, i});
            for (const auto& c : b.ods) add_use(c.value, {c.period, i});
            for (const auto& c : b.ons) add_use(c.value, {c.period, i});
            for (std::size_t m = 0; m < b.memberships.size(); ++m) {
                EdgeProp e;
                e.succession = false;
                e.membership = m;
                boost::add_edge(i, body_ix.at(b.memberships[m].group), e, graph);
            }
        }
        for (auto& uses : code_uses)
            std::sort(uses.begin(), uses.end(),
                      [](const CodeUse& a, const CodeUse& b) { return a.period.from < b.period.from; });
        for (std::size_t e = 0; e < ds.events.size(); ++e)
            for (std::size_t l = 0; l < ds.events[e].links.size(); ++l) {
                const Link& link = ds.events[e].links[l];
                EdgeProp p;
                p.event = e;
                p.link = l;
                boost::add_edge(body_ix.at(link.from), body_ix.at(link.to), p, graph);
            }
        succession = std::make_unique<detail::SuccessionIndex>(ds, body_ix);
        holder_index = std::make_unique<detail::HolderIndex>(ds, area_ix);
    }

    /// The index of a body of this dataset (the caller's reference points into ds.bodies).
    std::uint32_t index_of(const Body& b) const {
        if (!ds.bodies.empty() && &b >= ds.bodies.data() && &b < ds.bodies.data() + ds.bodies.size())
            return static_cast<std::uint32_t>(&b - ds.bodies.data());
        // A body of another Lineage stands for the body of this one with its id, if there is one.
        const auto* ix = body_ix.find(b.id);
        if (!ix) throw LookupError("body '" + b.id + "' is not in this lineage");
        return *ix;
    }

    std::uint32_t function_index(std::string_view f) const {
        if (const auto i = succession->function_index(f)) return *i;
        check_function(f);
        throw LookupError("unknown function '" + std::string(f) + "'");
    }

    const Body& body(std::size_t i) const { return ds.bodies[i]; }

    /// Looks a key up as written, else in capitals (codes are upper case; people type `5qp`).
    static const std::uint32_t* lookup(const detail::TextIndex& index, std::string_view key) {
        if (const auto* v = index.find(key)) return v;
        return index.find(upper(key));
    }
    /// The uses of a code (as written, else in capitals), or nullptr.
    const std::vector<CodeUse>* uses_of(std::string_view code) const {
        const auto* ix = lookup(code_ix, code);
        return ix ? &code_uses[*ix] : nullptr;
    }

    /// A use of a code (the key views the dataset's string, which outlives the index).
    void add_use(const std::string& code, CodeUse use) {
        const auto* ix = code_ix.find(code);
        if (!ix) {
            code_ix.insert(code, static_cast<std::uint32_t>(code_uses.size()));
            code_uses.emplace_back();
        }
        code_uses[ix ? *ix : code_uses.size() - 1].push_back(use);
    }

    void check_function(std::string_view f) const {
        if (!ds.functions.contains(f)) {
            std::string known;
            for (const auto& fi : ds.functions.all()) known += (known.empty() ? "" : ", ") + fi.id;
            throw LookupError("unknown function '" + std::string(f) + "' (known: " + known + ")");
        }
    }
};

Lineage::Lineage(Dataset dataset, Checked) : m_impl(std::make_unique<Impl>(std::move(dataset))) {}
Lineage::~Lineage() = default;
Lineage::Lineage(Lineage&&) noexcept = default;
Lineage& Lineage::operator=(Lineage&&) noexcept = default;

const Dataset& Lineage::dataset() const noexcept { return m_impl->ds; }

Lineage detail::LineageAccess::checked(Dataset ds) { return Lineage(std::move(ds), Lineage::Checked{}); }

void detail::LineageAccess::attach(Lineage& lin, std::shared_ptr<const CompiledImage> image) {
    lin.m_impl->image = std::move(image);
}
const detail::CompiledImage* detail::LineageAccess::image(const Lineage& lin) noexcept {
    return lin.m_impl->image.get();
}

const Body* Lineage::find(std::string_view id) const noexcept {
    const auto* ix = m_impl->body_ix.find(id);
    return ix ? &m_impl->ds.bodies[*ix] : nullptr;
}

const Body& Lineage::at(std::string_view id) const {
    if (const Body* b = find(id)) return *b;
    throw LookupError("no body with id '" + std::string(id) + "'");
}

const Area* Lineage::find_area(std::string_view code) const noexcept {
    const auto* ix = Impl::lookup(m_impl->area_ix, code);
    return ix ? &m_impl->ds.areas[*ix] : nullptr;
}

std::vector<const Area*> Lineage::find_areas(std::string_view text) const {
    std::vector<const Area*> out;
    if (const Area* a = find_area(text)) out.push_back(a);
    const auto want = lower(text);
    for (const auto& a : m_impl->ds.areas)
        if (lower(a.name) == want && (out.empty() || out.front() != &a)) out.push_back(&a);
    return out;
}

std::vector<const Body*> Lineage::resolve(std::string_view code, const Date& on) const {
    std::vector<const Body*> out;
    const auto* uses = m_impl->uses_of(code);
    if (!uses) return out;
    for (const auto& u : *uses)
        if (u.period.contains(on) && std::find(out.begin(), out.end(), &m_impl->body(u.body)) == out.end())
            out.push_back(&m_impl->body(u.body));
    return out;
}

Resolution Lineage::resolve_nearest(std::string_view code, const Date& on) const {
    Resolution r;
    r.bodies = resolve(code, on);
    if (!r.bodies.empty()) return r;
    r.exact = false;
    const auto* uses = m_impl->uses_of(code);
    if (!uses) return r;
    // The latest use that ended before the date, else the earliest that starts after it.
    std::optional<Date> best_end;
    for (const auto& u : *uses)
        if (u.period.until && *u.period.until <= on && (!best_end || *u.period.until > *best_end)) best_end = u.period.until;
    std::optional<Date> best_start;
    if (!best_end)
        for (const auto& u : *uses)
            if (u.period.from > on && (!best_start || u.period.from < *best_start)) best_start = u.period.from;
    for (const auto& u : *uses) {
        const bool pick = best_end ? (u.period.until == best_end) : (best_start && u.period.from == *best_start);
        const Body* b = &m_impl->body(u.body);
        if (pick && std::find(r.bodies.begin(), r.bodies.end(), b) == r.bodies.end()) r.bodies.push_back(b);
    }
    return r;
}

std::vector<const Body*> Lineage::resolve_all(std::string_view code) const {
    std::vector<const Body*> out;
    const auto* uses = m_impl->uses_of(code);
    if (!uses) return out;
    for (const auto& u : *uses)
        if (std::find(out.begin(), out.end(), &m_impl->body(u.body)) == out.end()) out.push_back(&m_impl->body(u.body));
    return out;
}

bool Lineage::holds(const Body& body, std::string_view function, const Date& on) const {
    const auto v = m_impl->index_of(body);
    const auto f = m_impl->succession->function_index(function);
    return f && m_impl->holder_index->best_holding(v, *f, on, HolderMode::exercising) != nullptr;
}

std::vector<Holder> Lineage::holders(std::string_view function, std::string_view area, const Date& on,
                                     HolderMode mode) const {
    const auto f = m_impl->function_index(function);
    const auto* ix = Impl::lookup(m_impl->area_ix, area);
    if (!ix) throw LookupError("unknown area '" + std::string(area) + "'");
    return m_impl->holder_index->holders(static_cast<std::uint32_t>(*ix), f, on, mode);
}

std::string_view to_string(SuccessionGap g) noexcept {
    switch (g) {
    case SuccessionGap::none: return "none";
    case SuccessionGap::not_active: return "not-active";
    case SuccessionGap::not_held: return "not-held";
    case SuccessionGap::not_yet: return "not-yet";
    case SuccessionGap::ended: return "ended";
    case SuccessionGap::unknown_share: return "unknown-share";
    }
    return "unknown";
}

Succession Lineage::succession(const Body& body, const Date& on, std::string_view function,
                               std::optional<Date> since) const {
    const auto f = m_impl->function_index(function);
    return m_impl->succession->successors(m_impl->index_of(body), on, f, since);
}

std::vector<Portion> Lineage::successors(const Body& body, const Date& on, std::string_view function,
                                        std::optional<Date> since) const {
    return succession(body, on, function, since).portions;
}

Date Lineage::default_since(const Body& body, std::string_view function, const Date& on) const {
    const auto f = m_impl->function_index(function);
    return m_impl->succession->default_since(m_impl->index_of(body), f, on);
}

std::vector<Portion> Lineage::predecessors(const Body& body, const Date& on, std::string_view function,
                                           std::optional<Date> back_to) const {
    const auto f = m_impl->function_index(function);
    return m_impl->succession->predecessors(m_impl->index_of(body), on, f, back_to);
}

std::vector<LinkRef> Lineage::links_of(const Body& body, bool outgoing) const {
    const auto& g = m_impl->graph;
    const auto v = m_impl->index_of(body);
    std::vector<LinkRef> out;
    auto add_edge = [&](const auto& e) {
        const EdgeProp& p = g[e];
        if (!p.succession) return;
        const Event& ev = m_impl->ds.events[p.event];
        const Link& l = ev.links[p.link];
        out.push_back({&m_impl->body(m_impl->body_ix.at(l.from)), &m_impl->body(m_impl->body_ix.at(l.to)), &l, &ev});
    };
    if (outgoing)
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) add_edge(*e);
    else
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) add_edge(*e);
    std::stable_sort(out.begin(), out.end(), [](const LinkRef& a, const LinkRef& b) { return a.event->date < b.event->date; });
    return out;
}

LineageView Lineage::lineage(const Body& body) const {
    const auto& g = m_impl->graph;
    LineageView view;
    view.root = &body;
    std::set<std::size_t> seen{m_impl->index_of(body)};
    std::vector<std::size_t> queue{*seen.begin()};
    std::set<std::pair<std::size_t, std::size_t>> links_seen;
    while (!queue.empty()) {
        const auto v = queue.back();
        queue.pop_back();
        auto visit = [&](const auto& e, std::size_t other) {
            const EdgeProp& p = g[e];
            if (!p.succession) return;
            if (links_seen.insert({p.event, p.link}).second) {
                const Event& ev = m_impl->ds.events[p.event];
                const Link& l = ev.links[p.link];
                view.links.push_back({&m_impl->body(m_impl->body_ix.at(l.from)), &m_impl->body(m_impl->body_ix.at(l.to)), &l, &ev});
            }
            if (seen.insert(other).second) queue.push_back(other);
        };
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) visit(*e, boost::target(*e, g));
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) visit(*e, boost::source(*e, g));
    }
    for (auto v : seen) view.bodies.push_back(&m_impl->body(v));
    std::sort(view.bodies.begin(), view.bodies.end(), [](const Body* a, const Body* b) {
        return a->period.from != b->period.from ? a->period.from < b->period.from : a->id < b->id;
    });
    std::stable_sort(view.links.begin(), view.links.end(), [](const LinkRef& a, const LinkRef& b) {
        return a.event->date != b.event->date ? a.event->date < b.event->date : a.from->id < b.from->id;
    });
    return view;
}

std::vector<const Body*> Lineage::snapshot(const Date& on, std::string_view kind) const {
    std::vector<const Body*> out;
    for (const auto& b : m_impl->ds.bodies)
        if (b.period.contains(on) && (kind.empty() || b.kind == kind)) out.push_back(&b);
    std::sort(out.begin(), out.end(), [](const Body* a, const Body* b) { return a->id < b->id; });
    return out;
}

Diff Lineage::diff(const Date& d1, const Date& d2, std::string_view kind) const {
    Diff d;
    for (const auto& b : m_impl->ds.bodies) {
        if (!kind.empty() && b.kind != kind) continue;
        const bool a1 = b.period.contains(d1), a2 = b.period.contains(d2);
        if (!a1 && a2) d.appeared.push_back(&b);
        else if (a1 && !a2) d.ended.push_back(&b);
        else if (a1 && a2 && (b.name_on(d1) != b.name_on(d2) || b.ods_on(d1) != b.ods_on(d2) || b.ons_on(d1) != b.ons_on(d2)))
            d.renamed.push_back(&b);
    }
    auto by_id = [](const Body* a, const Body* b) { return a->id < b->id; };
    std::sort(d.appeared.begin(), d.appeared.end(), by_id);
    std::sort(d.ended.begin(), d.ended.end(), by_id);
    std::sort(d.renamed.begin(), d.renamed.end(), by_id);
    return d;
}

std::vector<const Body*> Lineage::groups(const Body& body, const Date& on) const {
    std::vector<const Body*> out;
    for (const auto& m : body.memberships)
        if (m.period.contains(on)) out.push_back(find(m.group));
    std::sort(out.begin(), out.end(), [](const Body* a, const Body* b) { return a->id < b->id; });
    return out;
}

std::vector<const Body*> Lineage::members(const Body& group, const Date& on) const {
    const auto& g = m_impl->graph;
    std::vector<const Body*> out;
    for (auto [e, end] = boost::in_edges(m_impl->index_of(group), g); e != end; ++e) {
        const EdgeProp& p = g[*e];
        if (p.succession) continue;
        const Body& m = m_impl->body(boost::source(*e, g));
        if (m.memberships[p.membership].period.contains(on)) out.push_back(&m);
    }
    std::sort(out.begin(), out.end(), [](const Body* a, const Body* b) { return a->id < b->id; });
    return out;
}

} // namespace orglineage
