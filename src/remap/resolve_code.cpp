// SPDX-License-Identifier: MIT
// Codes to bodies or areas on a row's date, through the library's own code index.
#include "remap/resolve_code.hpp"

#include <algorithm>
#include <cctype>

namespace orglineage::detail {

namespace {

bool same_code(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
           });
}

/// The first day in [first, last] on which `body` had `code` (as id, ODS or ONS code).
std::optional<Date> first_use_within(const Body& body, std::string_view code, const Date& first, const Date& last) {
    std::optional<Date> best;
    auto consider = [&](const Period& p) {
        const Date from = std::max(p.from, first);
        if (from > last || (p.until && *p.until <= from)) return;
        if (!best || from < *best) best = from;
    };
    if (same_code(body.id, code)) consider(body.period);
    for (const auto& c : body.ods)
        if (same_code(c.value, code)) consider(c.period);
    for (const auto& c : body.ons)
        if (same_code(c.value, code)) consider(c.period);
    return best;
}

/// A period's code not in use on its first day: the earliest day of the period on which it was.
std::optional<Date> day_in_use(const Lineage& lin, std::string_view code, const PublishedDate& d) {
    std::optional<Date> best;
    for (const Body* b : lin.resolve_all(code))
        if (auto on = first_use_within(*b, code, d.first, d.last); on && (!best || *on < *best)) best = on;
    return best;
}

bool is_area_in_force(const Lineage& lin, std::string_view code, const Date& on, std::string& area) {
    const Area* a = lin.find_area(code);
    if (!a || !a->period.contains(on)) return false;
    area = a->code;
    return true;
}

Verdict inactive(const Lineage& lin, std::string_view code, const Date& on) {
    std::string when;
    for (const Body* b : lin.resolve_all(code)) when += (when.empty() ? "" : ", ") + b->id + " " + format_period(b->period);
    return Verdict::fail(RejectReason::inactive_code, "nobody had the code '" + std::string(code) + "' on " +
                                                          format_date(on) + " (" + when + ")");
}

/// Where nobody had the code on the day: its nearest holder, on its nearest active day.
Verdict nearest(const Lineage& lin, std::string_view code, Resolved& out) {
    const Resolution r = lin.resolve_nearest(code, out.on);
    if (r.bodies.size() > 1)
        return Verdict::fail(RejectReason::ambiguous_code, "several bodies were the nearest holders of '" +
                                                               std::string(code) + "' to " + format_date(out.on));
    if (r.bodies.empty()) return inactive(lin, code, out.on);
    out.body = r.bodies.front();
    out.nearest = true;
    if (out.on < out.body->period.from) out.on = out.body->period.from;
    else if (auto last = out.body->period.last_day(); last && out.on > *last) out.on = *last;
    return {};
}

} // namespace

Verdict resolve_code(const RemapContext& ctx, std::string_view code, const PublishedDate& date, Resolved& out) {
    const Lineage& lin = ctx.lin;
    out = Resolved{};
    out.on = date.first;
    auto bodies = lin.resolve(code, out.on);
    if (bodies.empty() && !date.is_day())
        if (auto on = day_in_use(lin, code, date)) {
            out.on = *on;
            bodies = lin.resolve(code, out.on);
        }
    if (bodies.size() > 1)
        return Verdict::fail(RejectReason::ambiguous_code,
                             "several bodies had the code '" + std::string(code) + "' on " + format_date(out.on));
    if (bodies.size() == 1) {
        out.body = bodies.front();
        return {};
    }
    if (is_area_in_force(lin, code, out.on, out.area)) return {};
    if (code.size() == 9 && (code[0] == 'E' || code[0] == 'e') && code[1] == '0' && code[2] == '1')
        if (const SmallAreas* sa = ctx.small_areas()) {
            std::string upper(code);
            std::transform(upper.begin(), upper.end(), upper.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            if (sa->is_lsoa(upper)) {
                out.area = std::move(upper);
                out.lsoa = true;
                return {};
            }
        }
    if (lin.resolve_all(code).empty() && !lin.find_area(code))
        return Verdict::fail(RejectReason::unknown_code, "no body ever had the code '" + std::string(code) + "'");
    if (ctx.opt.nearest) return nearest(lin, code, out);
    return inactive(lin, code, out.on);
}

} // namespace orglineage::detail
