// SPDX-License-Identifier: MIT
// The caveats of a remap's mappings, through the library's one notes mechanism (src/graph/notes.cpp).
#include "remap/notes.hpp"

#include <orglineage/notes.hpp>

namespace orglineage::detail {

std::uint32_t resolution_notes(const RemapContext& ctx, const Resolved& r) {
    std::vector<Note> notes = horizon_notes(ctx.lin, r.on);
    if (r.body) {
        add_notes(notes, body_notes(ctx.lin, *r.body));
        if (r.nearest)
            notes.push_back({NoteKind::derived,
                             "the code was not in use on the row's date: taken as its nearest holder in time, " +
                                 r.body->name() + " (" + r.body->id + "), on " + format_date(r.on),
                             r.body->id});
    }
    return ctx.notes().set_of(notes);
}

namespace {

/// What a weight's notes depend on besides its bodies: forwards, which links out of the holder
/// come after the row's date (later ones on the path come later still); backwards, which links
/// into it are on or before it, whether the date is past the horizon, and the announcements up
/// to it. Rows of many dates share one computation.
std::uint32_t date_span(const RemapContext& ctx, const Body& holder, const Date& on) {
    const bool forward = on <= ctx.opt.to;
    std::uint32_t n = 0;
    for (const LinkRef& l : ctx.lin.links_of(holder, forward)) n += l.event->date <= on ? 1 : 0;
    if (forward) return n;
    const Dataset& ds = ctx.lin.dataset();
    std::uint32_t announced = 0;
    for (const auto& a : ds.announcements) announced += a.date <= on ? 1 : 0;
    const bool late = ds.horizon && on > *ds.horizon;
    return n << 12 | announced << 1 | (late ? 1u : 0u) | 0x80000000u;
}

} // namespace

std::uint32_t weight_note_set(const RemapContext& ctx, const Resolved& r, const Part& p, const Weight& w) {
    const Body& source = p.part ? *p.part : *p.holder;
    const auto& bodies = ctx.lin.dataset().bodies;
    auto index = [&](const Body* b) { return static_cast<std::uint64_t>(b - bodies.data()); };
    const WeightNoteKey key{index(&source) << 32 | index(p.holder), index(w.target) << 32 | date_span(ctx, *p.holder, r.on)};
    return ctx.notes().cached(key, [&] {
        return weight_notes(ctx.lin, source, w, r.on, ctx.opt.to, ctx.opt.function);
    });
}

std::uint32_t population_note(const RemapContext& ctx, const Body& whole, std::size_t members, const Date& on) {
    return ctx.notes().set_of({{NoteKind::derived,
                                "the figures of " + whole.name() + " (" + whole.id + ") are divided between its " +
                                    std::to_string(members) + " members by their populations on " + format_date(on) +
                                    " (ONS mid-year LSOA estimates), not read",
                                whole.id}});
}

} // namespace orglineage::detail
