// SPDX-License-Identifier: MIT
// The shared state of a remap: checked options and lazily loaded tables.
#include "remap/context.hpp"

namespace orglineage::detail {

RemapContext::RemapContext(const Lineage& lineage, const RemapOptions& options) : lin(lineage), opt(options) {
    const Dataset& ds = lin.dataset();
    if (!ds.functions.contains(opt.function)) {
        std::string known;
        for (const auto& f : ds.functions.all()) known += (known.empty() ? "" : ", ") + f.id;
        throw LookupError("unknown function '" + opt.function + "' (known: " + known + ")");
    }
    if (!opt.to_kind.empty() && !ds.kinds.count(opt.to_kind)) {
        std::string known;
        for (const auto& k : ds.kinds) known += (known.empty() ? "" : ", ") + k.first;
        throw LookupError("unknown kind '" + opt.to_kind + "' (known: " + known + ")");
    }
    m_forward.function = opt.function;
    m_backward.function = opt.function;
}

const SmallAreas* RemapContext::small_areas() const {
    std::call_once(m_areas_once, [this] {
        if (lin.dataset().tables.empty()) return;
        m_areas = std::make_unique<SmallAreas>(SmallAreas::load(lin));
    });
    return m_areas.get();
}

std::optional<double> RemapContext::lad_population(const std::string& lad, const Date& on) const {
    const SmallAreas* sa = small_areas();
    if (!sa || !lin.dataset().small_areas) return std::nullopt; // no LSOA tables: no populations
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto key = std::make_pair(lad, on.day_number());
    if (auto it = m_lad_population.find(key); it != m_lad_population.end()) return it->second;
    std::optional<double> pop;
    try {
        const LadShares s = sa->lad_shares(lin.dataset().small_areas->function, lad, on);
        if (s.population > 0) {
            pop = s.population;
            m_years.insert(s.year);
        }
    } catch (const LookupError&) {
        // not a district with LSOAs on that date: its population is not known
    }
    m_lad_population.emplace(key, pop);
    return pop;
}

std::optional<double> RemapContext::population(const Body& body, const Date& on) const {
    double total = 0;
    bool any = false;
    for (const auto& c : body.coverage) {
        if (!c.period.contains(on)) continue;
        const auto pop = lad_population(c.area, on);
        if (!pop || !c.share) return std::nullopt;
        total += *pop * *c.share;
        any = true;
    }
    if (!any || !(total > 0)) return std::nullopt;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_populations_used = true;
    }
    return total;
}

const CrosswalkOptions& RemapContext::backward_options() const {
    std::call_once(m_backward_once, [this] {
        m_backward.sizes = opt.sizes;
        if (!opt.sizes.empty() || !opt.populations) return;
        for (const Body* b : lin.snapshot(opt.to)) {
            if (!lin.holds(*b, opt.function, opt.to)) continue;
            if (const auto pop = population(*b, opt.to)) m_backward.sizes.emplace(b->id, *pop);
        }
    });
    return m_backward;
}

std::string RemapContext::sizes_tag() const {
    if (!opt.sizes.empty()) return "sizes";
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::string years;
    for (int y : m_years) years += (years.empty() ? "mid-" : ",") + std::to_string(y);
    return years;
}

std::string RemapContext::sizes_description() const {
    if (!opt.sizes.empty()) return "sizes from " + (opt.sizes_label.empty() ? std::string("the caller") : opt.sizes_label);
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_populations_used) return {};
    std::string years;
    for (int y : m_years) years += (years.empty() ? "" : ", ") + ("mid-" + std::to_string(y));
    return "population, ONS " + years + " LSOA estimates (the dataset's small-area tables)";
}

} // namespace orglineage::detail
