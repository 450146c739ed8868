// SPDX-License-Identifier: MIT
// Ancestors and descendants by time-respecting walks over Lineage::links_of.
#include <orglineage/ancestry.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace orglineage {

namespace {

/// A link carries `f` when it carries every function, or one that contains `f` or lies below it.
bool carries(const FunctionCatalogue& cat, const Link& l, std::string_view f) {
    if (f.empty() || l.functions.empty()) return true;
    return std::any_of(l.functions.begin(), l.functions.end(),
                       [&](const std::string& g) { return cat.includes(g, f) || cat.includes(f, g); });
}

} // namespace

LineageView ancestry(const Lineage& lineage, const Body& body, std::string_view function) {
    const auto& cat = lineage.dataset().functions;
    if (!function.empty() && !cat.contains(function))
        throw LookupError("unknown function '" + std::string(function) + "'");
    LineageView view;
    view.root = &body;
    std::set<const Body*> bodies{&body};
    std::set<std::pair<const Event*, const Link*>> seen_links;
    auto add_link = [&](const LinkRef& l) {
        if (seen_links.insert({l.event, l.link}).second) view.links.push_back(l);
    };
    for (const bool forward : {true, false}) {
        // The latest (forward: earliest) date each body was reached on, so that a walk never
        // goes back in time; a body reached again on a better date is walked again.
        std::map<const Body*, Date> reached;
        std::vector<std::pair<const Body*, std::optional<Date>>> stack{{&body, std::nullopt}};
        while (!stack.empty()) {
            auto [b, date] = stack.back();
            stack.pop_back();
            for (const LinkRef& l : lineage.links_of(*b, forward)) {
                const Date d = l.event->date;
                if (date && (forward ? d < *date : d > *date)) continue;
                if (!carries(cat, *l.link, function)) continue;
                add_link(l);
                const Body* next = forward ? l.to : l.from;
                bodies.insert(next);
                auto it = reached.find(next);
                if (it != reached.end() && (forward ? it->second <= d : it->second >= d)) continue;
                reached[next] = d;
                stack.push_back({next, d});
            }
        }
    }
    view.bodies.assign(bodies.begin(), bodies.end());
    std::sort(view.bodies.begin(), view.bodies.end(), [](const Body* a, const Body* b) {
        return a->period.from != b->period.from ? a->period.from < b->period.from : a->id < b->id;
    });
    std::stable_sort(view.links.begin(), view.links.end(), [](const LinkRef& a, const LinkRef& b) {
        return a.event->date != b.event->date ? a.event->date < b.event->date : a.from->id < b.from->id;
    });
    return view;
}

} // namespace orglineage
