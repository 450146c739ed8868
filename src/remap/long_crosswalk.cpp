// SPDX-License-Identifier: MIT
// The long crosswalk table: every code, every span of days with one crosswalk row, every target,
// so that one join remaps a table in any SQL engine as remap does.
#include <orglineage/crosswalk.hpp>

#include <algorithm>
#include <set>

namespace orglineage {

namespace {

const boost::gregorian::days k_day(1);

/// The days on which a body's crosswalk row may change: the days it starts, its holdings,
/// memberships and codes change, the day after `to` (where forwards turns backwards); up to `to`
/// the dates of the links out of it and out of its groups (a forward row follows only those
/// after its date), after `to` every event date (a link anywhere upstream changes a backward row).
std::vector<Date> breakpoints(const Lineage& lin, const std::set<Date>& event_dates, const Body& b, const Date& to) {
    std::set<Date> out{b.period.from, to + k_day};
    auto add = [&](const Period& p) {
        out.insert(p.from);
        if (p.until) out.insert(*p.until);
    };
    for (const auto& h : b.holdings) add(h.period);
    for (const auto& m : b.memberships) add(m.period);
    for (const auto& c : b.ods) add(c.period);
    for (const auto& c : b.ons) add(c.period);
    auto add_links = [&](const Body& x) {
        for (const auto& l : lin.links_of(x, true))
            if (l.event->date <= to) out.insert(l.event->date);
    };
    add_links(b);
    for (const auto& m : b.memberships)
        if (const Body* g = lin.find(m.group)) add_links(*g);
    for (auto it = event_dates.upper_bound(to); it != event_dates.end(); ++it) out.insert(*it);
    std::vector<Date> days;
    for (const Date& d : out)
        if (b.period.contains(d)) days.push_back(d);
    return days;
}

bool same_weights(const CrosswalkRow& a, const CrosswalkRow& b) {
    if (a.weights.size() != b.weights.size() || a.complete != b.complete) return false;
    for (std::size_t i = 0; i < a.weights.size(); ++i) {
        const Weight& x = a.weights[i];
        const Weight& y = b.weights[i];
        if (x.target != y.target || x.weight != y.weight || x.basis != y.basis || x.method != y.method) return false;
    }
    return true;
}

/// What remap does with a row: the weights divided by their sum where it maps the figure; no
/// weight where it rejects it.
bool remap_maps(const CrosswalkRow& row) {
    return row.complete && std::all_of(row.weights.begin(), row.weights.end(),
                                       [](const Weight& w) { return w.weight.has_value(); });
}

struct Span {
    Date from, last;
    CrosswalkRow row;
};

/// The spans of a body's dates with one crosswalk row each (adjacent equal rows joined).
std::vector<Span> spans_of(const Lineage& lin, const Body& b, const std::set<Date>& event_dates, const Date& to,
                           const CrosswalkOptions& options) {
    const auto days = breakpoints(lin, event_dates, b, to);
    std::vector<Span> spans;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const Date last = i + 1 < days.size() ? days[i + 1] - k_day
                          : b.period.until    ? *b.period.until - k_day
                                              : Date(9999, 12, 31);
        CrosswalkRow row = crosswalk_row(lin, b, days[i], to, options);
        if (!spans.empty() && same_weights(spans.back().row, row)) spans.back().last = last;
        else spans.push_back({days[i], last, std::move(row)});
    }
    return spans;
}

/// The codes a table may carry for a body: its id over its life, and each ODS and ONS code over
/// the days it had it.
std::vector<Timed<std::string>> codes_of(const Body& b) {
    std::vector<Timed<std::string>> out{{b.id, b.period}};
    out.insert(out.end(), b.ods.begin(), b.ods.end());
    out.insert(out.end(), b.ons.begin(), b.ons.end());
    return out;
}

} // namespace

std::vector<LongCrosswalkRow> long_crosswalk(const Lineage& lin, const Date& to, const CrosswalkOptions& options) {
    const auto& ds = lin.dataset();
    (void)Crosswalk::build(lin, to, to, options); // checks the function
    std::set<Date> event_dates;
    for (const auto& e : ds.events) event_dates.insert(e.date);
    std::vector<LongCrosswalkRow> out;
    for (const auto& b : ds.bodies) {
        if (!options.kind.empty() && b.kind != options.kind) continue;
        for (const Span& s : spans_of(lin, b, event_dates, to, options)) {
            if (s.row.weights.empty()) continue;
            const bool maps = remap_maps(s.row);
            for (const auto& code : codes_of(b)) {
                const Date from = std::max(s.from, code.period.from);
                const Date last = code.period.until ? std::min(s.last, *code.period.until - k_day) : s.last;
                if (last < from) continue;
                for (const auto& w : s.row.weights)
                    out.push_back({code.value, &b, from, last, w.target,
                                   maps ? Share(*w.weight / s.row.sum) : Share(), w.basis, w.method});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const LongCrosswalkRow& a, const LongCrosswalkRow& b) {
        if (a.code != b.code) return a.code < b.code;
        if (a.valid_from != b.valid_from) return a.valid_from < b.valid_from;
        return a.target->id < b.target->id;
    });
    return out;
}

} // namespace orglineage
