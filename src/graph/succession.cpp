// SPDX-License-Identifier: MIT
// Successors and predecessors over the succession index (docs/succession.md): a numeric walk
// for the usual case, and a symbolic one, with the unknown shares as variables, where the data
// gives a link but not its share.
#include "core/rules.hpp"
#include "graph/succession.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace orglineage::detail {

namespace {

constexpr double k_eps = 1e-9;
/// Shares of an ending body's successors sum to 1 within this (the builder's tolerance).
constexpr double k_sum_tolerance = 1e-6;
/// A symbolic coefficient this small is rounding left from a cancellation.
constexpr double k_zero = 1e-12;
constexpr std::size_t k_max_steps = 1000000;
const double k_unknown = std::numeric_limits<double>::quiet_NaN();

/// How specifically a link answers for each function `f`: -1 not at all, 0 for every function,
/// else the depth of the most specific of its functions that includes `f`. Into out[0, size).
void specificity(const FunctionTable& fns, const Link& l, int* out) {
    for (std::uint32_t f = 0; f < fns.size(); ++f) out[f] = l.functions.empty() ? 0 : -1;
    for (const auto& fn : l.functions)
        if (const auto i = fns.index(fn))
            for (std::uint32_t f = 0; f < fns.size(); ++f)
                if (fns.includes(*i, f)) out[f] = std::max(out[f], fns.depth(*i));
}

/// A polynomial in the unknown shares of one walk: each term a coefficient and a set of
/// variables (bit i: the i-th unknown link met). Along one path a step is passed once, so every
/// product is multilinear and a set of variables is enough.
struct Term {
    std::uint64_t vars = 0;
    double coef = 0.0;
};
using Poly = std::vector<Term>;

void add_into(Poly& acc, const Poly& p) {
    for (const Term& t : p) {
        auto it = std::find_if(acc.begin(), acc.end(), [&](const Term& a) { return a.vars == t.vars; });
        if (it == acc.end()) acc.push_back(t);
        else it->coef += t.coef;
    }
}

Poly multiply(const Poly& a, const Poly& b) {
    Poly out;
    for (const Term& x : a)
        for (const Term& y : b) add_into(out, Poly{{x.vars | y.vars, x.coef * y.coef}});
    return out;
}

/// The constant value of a polynomial once cancelled terms are dropped; nullopt if it still
/// depends on an unknown share.
Share constant_value(const Poly& p) {
    double c = 0.0;
    for (const Term& t : p) {
        if (t.vars == 0) c += t.coef;
        else if (std::fabs(t.coef) > k_zero) return std::nullopt;
    }
    return c;
}

struct Found {
    std::uint32_t v;
    double w;
    ShareBasis basis;
};

struct SymItem {
    std::uint32_t v;
    std::uint32_t step;
    Poly w;
    ShareBasis basis; ///< of the known shares on the path
};

struct SymFound {
    std::uint32_t v;
    Poly w;
    ShareBasis basis;
};

void add_found(std::vector<Found>& out, std::uint32_t v, double w, ShareBasis b) {
    for (auto& f : out)
        if (f.v == v) {
            f.w += w;
            f.basis = combine(f.basis, b);
            return;
        }
    out.push_back({v, w, b});
}

} // namespace

SuccessionIndex::SuccessionIndex(const Dataset& ds, const TextIndex& body_ix)
    : m_ds(ds), m_functions(ds.functions.all().size()) {
    const FunctionTable fns(ds.functions);
    build_holds(ds, fns);
    build_steps(ds, body_ix, fns);
}

void SuccessionIndex::build_holds(const Dataset& ds, const FunctionTable& fns) {
    m_hold_offset.assign(ds.bodies.size() * m_functions + 1, 0);
    std::vector<std::optional<std::uint32_t>> held; // the function of each holding of the body
    for (std::size_t v = 0; v < ds.bodies.size(); ++v) {
        const Body& b = ds.bodies[v];
        held.clear();
        for (const auto& h : b.holdings) held.push_back(fns.index(h.function));
        for (std::uint32_t f = 0; f < m_functions; ++f) {
            m_hold_offset[v * m_functions + f] = static_cast<std::uint32_t>(m_holds.size());
            for (std::size_t i = 0; i < b.holdings.size(); ++i) {
                const Holding& h = b.holdings[i];
                if (!held[i] || !fns.includes(*held[i], f)) continue;
                // Held only while the body exists.
                Period p = h.period;
                p.from = std::max(p.from, b.period.from);
                if (b.period.until && (!p.until || *b.period.until < *p.until)) p.until = b.period.until;
                if (!p.empty()) m_holds.push_back(p);
            }
        }
    }
    m_hold_offset.back() = static_cast<std::uint32_t>(m_holds.size());
}

void SuccessionIndex::build_steps(const Dataset& ds, const TextIndex& body_ix, const FunctionTable& fns) {
    // The links leaving each body, in date order (the events are sorted by date).
    struct Out {
        std::size_t event;
        const Link* link;
        std::uint32_t to;
    };
    std::vector<std::vector<Out>> out(ds.bodies.size());
    for (std::size_t e = 0; e < ds.events.size(); ++e)
        for (const auto& l : ds.events[e].links)
            out[body_ix.at(l.from)].push_back({e, &l, static_cast<std::uint32_t>(body_ix.at(l.to))});
    m_step_offset.assign(ds.bodies.size() * m_functions + 1, 0);
    std::vector<std::vector<Incoming>> in(ds.bodies.size() * m_functions);
    std::vector<int> spec; // per link of the body and function: specificity()
    for (std::uint32_t v = 0; v < ds.bodies.size(); ++v) {
        auto& links = out[v];
        std::stable_sort(links.begin(), links.end(),
                         [&](const Out& a, const Out& b) { return ds.events[a.event].date < ds.events[b.event].date; });
        spec.resize(links.size() * m_functions);
        for (std::size_t x = 0; x < links.size(); ++x) specificity(fns, *links[x].link, &spec[x * m_functions]);
        for (std::uint32_t f = 0; f < m_functions; ++f) {
            m_step_offset[slot(v, f)] = static_cast<std::uint32_t>(m_steps.size());
            for (std::size_t i = 0; i < links.size();) {
                const Date d = ds.events[links[i].event].date;
                std::size_t j = i;
                while (j < links.size() && ds.events[links[j].event].date == d) ++j;
                Step s;
                s.date = d;
                s.begin = static_cast<std::uint32_t>(m_targets.size());
                // Of each event, the links that answer most specifically for the function.
                for (std::size_t k = i; k < j;) {
                    std::size_t e_end = k;
                    int best = -1;
                    while (e_end < j && links[e_end].event == links[k].event)
                        best = std::max(best, spec[e_end++ * m_functions + f]);
                    for (std::size_t x = k; best >= 0 && x < e_end; ++x) {
                        const Link& l = *links[x].link;
                        if (spec[x * m_functions + f] != best) continue;
                        m_targets.push_back({links[x].to, l.share ? *l.share : k_unknown, l.basis});
                        if (l.share) s.known += *l.share;
                        else s.any_unknown = true;
                        s.moved_basis = combine(s.moved_basis, l.basis);
                    }
                    k = e_end;
                }
                s.end = static_cast<std::uint32_t>(m_targets.size());
                i = j;
                if (s.begin == s.end) continue;
                s.continues = holds(v, f, d);
                const auto step_ix = static_cast<std::uint32_t>(m_steps.size());
                for (std::uint32_t t = s.begin; t < s.end; ++t) in[slot(m_targets[t].to, f)].push_back({v, step_ix, t});
                m_steps.push_back(s);
            }
        }
    }
    m_step_offset.back() = static_cast<std::uint32_t>(m_steps.size());
    m_in_offset.assign(in.size() + 1, 0);
    for (std::size_t s = 0; s < in.size(); ++s) {
        m_in_offset[s] = static_cast<std::uint32_t>(m_incoming.size());
        m_incoming.insert(m_incoming.end(), in[s].begin(), in[s].end());
    }
    m_in_offset.back() = static_cast<std::uint32_t>(m_incoming.size());
}

std::optional<std::uint32_t> SuccessionIndex::function_index(std::string_view f) const noexcept {
    const auto& all = m_ds.functions.all();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].id == f) return static_cast<std::uint32_t>(i);
    return std::nullopt;
}

bool SuccessionIndex::holds(std::uint32_t v, std::uint32_t f, const Date& d) const noexcept {
    const auto s = slot(v, f);
    for (auto i = m_hold_offset[s]; i < m_hold_offset[s + 1]; ++i)
        if (m_holds[i].contains(d)) return true;
    return false;
}

Date SuccessionIndex::default_since(std::uint32_t v, std::uint32_t f, const Date& on) const {
    const Body& b = m_ds.bodies[v];
    // With no link carrying it away by `on`, what it holds then is what it held: the latest day
    // not after `on` is taken, so that a function it gained later counts.
    Date d = on;
    for (const Step* s = steps_begin(v, f); s != steps_end(v, f); ++s)
        if (s->date > b.period.from) {
            d = std::min(d, last_day_before(s->date));
            break;
        }
    if (b.period.until && d >= *b.period.until) d = last_day_before(*b.period.until);
    return std::max(d, b.period.from);
}

namespace {

/// The first step of a body later than `after` (an index into the steps array).
std::uint32_t first_after(const SuccessionIndex::Step* begin, const SuccessionIndex::Step* end,
                          const SuccessionIndex::Step* base, const Date& after) {
    const auto* it = std::upper_bound(begin, end, after,
                                      [](const Date& d, const SuccessionIndex::Step& s) { return d < s.date; });
    return static_cast<std::uint32_t>(it - base);
}

} // namespace

namespace {

/// The numeric walk, for answers with no unknown share on the way; false when one is met.
struct NumericWalk {
    const SuccessionIndex& ix;
    const SuccessionIndex::Step* base;
    std::uint32_t f;
    Date on;
    std::vector<Found> found;
    double lost = 0.0;
    bool lost_any = false;

    struct Item {
        std::uint32_t v;
        std::uint32_t step;
        double w;
        ShareBasis basis;
    };

    std::uint32_t next_step(std::uint32_t v, const Date& after) const {
        return first_after(ix.steps_begin(v, f), ix.steps_end(v, f), base, after);
    }

    bool run(std::uint32_t v0, const Date& since) {
        thread_local std::vector<Item> stack;
        stack.clear();
        stack.push_back({v0, next_step(v0, since), 1.0, ShareBasis::whole});
        std::size_t guard = 0;
        while (!stack.empty()) {
            if (++guard > k_max_steps) throw Error("successors: traversal did not end (is the dataset valid?)");
            const Item it = stack.back();
            stack.pop_back();
            const SuccessionIndex::Step* s = base + it.step;
            if (s == ix.steps_end(it.v, f) || s->date > on) {
                if (ix.holds(it.v, f, on)) add_found(found, it.v, it.w, it.basis);
                else lost_any = true, lost += it.w;
                continue;
            }
            if (s->any_unknown) return false;
            for (auto t = s->begin; t < s->end; ++t) {
                const auto& tg = ix.target(t);
                stack.push_back({tg.to, next_step(tg.to, s->date), it.w * tg.share, combine(it.basis, tg.basis)});
            }
            const double rest = 1.0 - s->known;
            if (s->continues) {
                if (rest > k_eps) stack.push_back({it.v, it.step + 1, it.w * rest, combine(it.basis, s->moved_basis)});
            } else if (rest > k_sum_tolerance) {
                lost_any = true;
                lost += it.w * rest;
            }
        }
        return true;
    }
};

/// The symbolic walk: each unknown share a variable. The links of a body that ends carry all of
/// it (the builder checks this where shares are given), so their unknown shares add up to one
/// minus the known ones; what a continuing body keeps is one minus what left.
struct SymbolicWalk {
    const SuccessionIndex& ix;
    const SuccessionIndex::Step* base;
    std::uint32_t f;
    Date on;
    std::vector<SymFound> found;
    Poly lost;
    bool lost_any = false;
    bool overflow = false; ///< more than 64 unknown shares: the answer stays unknown
    std::vector<std::uint32_t> vars; ///< target index of each variable

    std::uint64_t variable(std::uint32_t target) {
        for (std::size_t i = 0; i < vars.size(); ++i)
            if (vars[i] == target) return std::uint64_t{1} << i;
        if (vars.size() == 64) {
            overflow = true;
            return 0;
        }
        vars.push_back(target);
        return std::uint64_t{1} << (vars.size() - 1);
    }

    /// The share of each link of a step, and what the body keeps, as polynomials.
    void shares(const SuccessionIndex::Step& s, std::vector<Poly>& link, Poly& kept) {
        link.clear();
        Poly rest{{0, 1.0 - s.known}};
        std::uint32_t last_unknown = s.end;
        for (auto t = s.begin; t < s.end; ++t)
            if (std::isnan(ix.target(t).share)) last_unknown = t;
        for (auto t = s.begin; t < s.end; ++t) {
            const double share = ix.target(t).share;
            if (!std::isnan(share)) {
                link.push_back(Poly{{0, share}});
            } else if (!s.continues && t == last_unknown) {
                link.push_back(rest); // the last unknown takes what the others left
            } else {
                const std::uint64_t x = variable(t);
                link.push_back(Poly{{x, 1.0}});
                add_into(rest, Poly{{x, -1.0}});
            }
        }
        kept = s.continues ? rest : Poly{};
    }

    void run(std::uint32_t v0, const Date& since) {
        std::vector<SymItem> stack{{v0, first_after(ix.steps_begin(v0, f), ix.steps_end(v0, f), base, since),
                                    Poly{{0, 1.0}}, ShareBasis::whole}};
        std::vector<Poly> link;
        Poly kept;
        std::size_t guard = 0;
        while (!stack.empty()) {
            if (++guard > k_max_steps) throw Error("successors: traversal did not end (is the dataset valid?)");
            SymItem it = std::move(stack.back());
            stack.pop_back();
            const SuccessionIndex::Step* s = base + it.step;
            if (s == ix.steps_end(it.v, f) || s->date > on) {
                if (ix.holds(it.v, f, on)) record(it);
                else lost_any = true, add_into(lost, it.w);
                continue;
            }
            shares(*s, link, kept);
            for (auto t = s->begin; t < s->end; ++t) {
                const auto& tg = ix.target(t);
                const auto next = first_after(ix.steps_begin(tg.to, f), ix.steps_end(tg.to, f), base, s->date);
                const ShareBasis b = std::isnan(tg.share) ? it.basis : combine(it.basis, tg.basis);
                stack.push_back({tg.to, next, multiply(it.w, link[t - s->begin]), b});
            }
            const auto rest = constant_value(kept);
            if (s->continues && (!rest || *rest > k_eps))
                stack.push_back({it.v, it.step + 1, multiply(it.w, kept), combine(it.basis, s->moved_basis)});
            else if (!s->continues && !s->any_unknown && 1.0 - s->known > k_sum_tolerance)
                lost_any = true, add_into(lost, multiply(it.w, Poly{{0, 1.0 - s->known}}));
        }
    }

    void record(const SymItem& it) {
        for (auto& fd : found)
            if (fd.v == it.v) {
                add_into(fd.w, it.w);
                fd.basis = combine(fd.basis, it.basis);
                return;
            }
        found.push_back({it.v, it.w, it.basis});
    }
};

} // namespace

Succession SuccessionIndex::successors(std::uint32_t v, const Date& on, std::uint32_t f,
                                       std::optional<Date> since_opt) const {
    Succession out;
    const Body& body = m_ds.bodies[v];
    out.since = since_opt ? *since_opt : default_since(v, f, on);
    if (on < out.since) {
        out.gap = SuccessionGap::not_yet;
        return out;
    }
    if (!body.period.contains(out.since)) {
        out.gap = SuccessionGap::not_active;
        return out;
    }
    if (!holds(v, f, out.since)) {
        out.gap = SuccessionGap::not_held;
        return out;
    }
    bool lost_any = false;
    NumericWalk num{*this, m_steps.data(), f, on, {}, 0.0, false};
    if (num.run(v, out.since)) {
        for (const auto& fd : num.found) out.portions.push_back({&m_ds.bodies[fd.v], fd.w, fd.basis});
        lost_any = num.lost_any;
        out.ended = num.lost;
    } else {
        SymbolicWalk sym{*this, m_steps.data(), f, on, {}, {}, false, false, {}};
        sym.run(v, out.since);
        for (const auto& fd : sym.found) {
            const Share w = sym.overflow ? Share() : constant_value(fd.w);
            out.portions.push_back({&m_ds.bodies[fd.v], w, w ? fd.basis : ShareBasis::unknown});
        }
        lost_any = sym.lost_any;
        out.ended = sym.overflow ? Share() : constant_value(sym.lost);
    }
    if (!lost_any) out.ended = 0.0;
    // Everything it held, in one body: the whole of it, whatever the shares on the way.
    if (!lost_any && out.portions.size() == 1) {
        out.portions.front().share = 1.0;
        out.portions.front().basis = ShareBasis::whole;
    }
    const bool unknown = !out.ended || std::any_of(out.portions.begin(), out.portions.end(),
                                                   [](const Portion& p) { return !p.share; });
    out.gap = unknown ? SuccessionGap::unknown_share : lost_any ? SuccessionGap::ended : SuccessionGap::none;
    std::sort(out.portions.begin(), out.portions.end(), [](const Portion& a, const Portion& b) {
        if (a.share.value_or(-1) != b.share.value_or(-1)) return a.share.value_or(-1) > b.share.value_or(-1);
        return a.body->id < b.body->id;
    });
    return out;
}

std::vector<Portion> SuccessionIndex::predecessors(std::uint32_t v, const Date& on, std::uint32_t f,
                                                   std::optional<Date> back_to) const {
    std::vector<Portion> out;
    auto by_id = [](const Portion& a, const Portion& b) { return a.body->id < b.body->id; };
    if (!back_to) {
        // One step back: the links into it up to `on` that brought the function into it.
        const auto s = slot(v, f);
        for (auto i = m_in_offset[s]; i < m_in_offset[s + 1]; ++i) {
            const Incoming& in = m_incoming[i];
            const Step& st = m_steps[in.step];
            if (st.date > on || !holds(v, f, st.date)) continue;
            const Target& t = m_targets[in.target];
            const Share share = std::isnan(t.share) ? Share() : Share(t.share);
            auto it = std::find_if(out.begin(), out.end(), [&](const Portion& p) { return p.body == &m_ds.bodies[in.from]; });
            if (it == out.end()) out.push_back({&m_ds.bodies[in.from], share, t.basis});
            else it->share = add(it->share, share), it->basis = combine(it->basis, t.basis);
        }
        std::sort(out.begin(), out.end(), by_id);
        return out;
    }
    if (!holds(v, f, on) || on < *back_to) return out;
    // Every body from which links lead into this one between the two dates is a candidate; the
    // forward walk of each decides (a wider net than needed, never a narrower one).
    std::set<std::uint32_t> seen{v};
    std::vector<std::uint32_t> stack{v};
    while (!stack.empty()) {
        const auto u = stack.back();
        stack.pop_back();
        const auto s = slot(u, f);
        for (auto i = m_in_offset[s]; i < m_in_offset[s + 1]; ++i) {
            const Incoming& in = m_incoming[i];
            const Date d = m_steps[in.step].date;
            if (d > on || d <= *back_to) continue;
            if (seen.insert(in.from).second) stack.push_back(in.from);
        }
    }
    for (const auto p : seen) {
        if (!m_ds.bodies[p].period.contains(*back_to)) continue;
        for (const auto& portion : successors(p, on, f, *back_to).portions)
            if (portion.body == &m_ds.bodies[v]) out.push_back({&m_ds.bodies[p], portion.share, portion.basis});
    }
    std::sort(out.begin(), out.end(), by_id);
    return out;
}

} // namespace orglineage::detail
