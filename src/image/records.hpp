// SPDX-License-Identifier: MIT
// Internal: the fields of every Dataset record, in the order the image stores them. Each function
// serves writing (T const) and reading (T mutable): a field added to a record in
// include/orglineage/*.hpp is one line here, and tests/image/test_image.cpp fails until it is.
#pragma once

#include "image/codec.hpp"

#include <orglineage/dataset.hpp>

namespace orglineage::detail {

template <> struct EnumLimit<EventKind> {
    static constexpr EventKind value = EventKind::transfer_function;
};
template <> struct EnumLimit<ShareBasis> {
    static constexpr ShareBasis value = ShareBasis::unknown;
};

template <class Io, class T, if_record<T, SourcePos> = 0> void fields(Io& io, T& p) {
    io(p.file);
    io(p.line);
    io(p.column);
}

template <class Io, class T, if_record<T, Period> = 0> void fields(Io& io, T& p) {
    io(p.from);
    io(p.until);
}

template <class Io, class T, if_record<T, Timed<std::string>> = 0> void fields(Io& io, T& t) {
    io(t.value);
    io(t.period);
}

template <class Io, class T, if_record<T, Coverage> = 0> void fields(Io& io, T& c) {
    io(c.area);
    io(c.period);
    io(c.share);
    io(c.basis);
    io(c.sources);
    io(c.note);
    io(c.pos);
}

template <class Io, class T, if_record<T, Holding> = 0> void fields(Io& io, T& h) {
    io(h.function);
    io(h.period);
    io(h.delegated_by);
    io(h.sources);
    io(h.pos);
    io(h.part);
}

template <class Io, class T, if_record<T, Membership> = 0> void fields(Io& io, T& m) {
    io(m.group);
    io(m.period);
    io(m.deduced);
    io(m.note);
    io(m.sources);
    io(m.pos);
}

template <class Io, class T, if_record<T, Body> = 0> void fields(Io& io, T& b) {
    io(b.id);
    io(b.kind);
    io(b.period);
    io(b.names);
    io(b.ods);
    io(b.ons);
    io(b.coverage);
    io(b.holdings);
    io(b.memberships);
    io(b.sources);
    io(b.note);
    io(b.secondary_only);
    io(b.announced);
    io(b.placeholder);
    io(b.inferred);
    io(b.pos);
}

template <class Io, class T, if_record<T, Area> = 0> void fields(Io& io, T& a) {
    io(a.code);
    io(a.name);
    io(a.kind);
    io(a.parent);
    io(a.period);
    io(a.sources);
    io(a.pos);
}

template <class Io, class T, if_record<T, Source> = 0> void fields(Io& io, T& s) {
    io(s.id);
    io(s.title);
    io(s.url);
    io(s.publisher);
    io(s.licence);
    io(s.accessed);
    io(s.note);
    io(s.secondary);
    io(s.pos);
}

template <class Io, class T, if_record<T, Link> = 0> void fields(Io& io, T& l) {
    io(l.from);
    io(l.to);
    io(l.share);
    io(l.basis);
    io(l.functions);
    io(l.sources);
}

template <class Io, class T, if_record<T, Event> = 0> void fields(Io& io, T& e) {
    io(e.id);
    io(e.date);
    io(e.kind);
    io(e.subjects);
    io(e.links);
    io(e.group);
    io(e.function);
    io(e.name);
    io(e.ods);
    io(e.ons);
    io(e.areas);
    io(e.sources);
    io(e.note);
    io(e.deduced);
    io(e.secondary);
    io(e.incomplete);
    io(e.announced);
    io(e.pos);
    io(e.inferred);
}

template <class Io, class T, if_record<T, KindInfo> = 0> void fields(Io& io, T& k) {
    io(k.id);
    io(k.name);
    io(k.functions);
    io(k.family);
}

template <class Io, class T, if_record<T, Announcement> = 0> void fields(Io& io, T& a) {
    io(a.id);
    io(a.date);
    io(a.bodies);
    io(a.kinds);
    io(a.what);
    io(a.note);
    io(a.sources);
    io(a.applied);
    io(a.pos);
}

template <class Io, class T, if_record<T, FunctionInfo> = 0> void fields(Io& io, T& f) {
    io(f.id);
    io(f.parent);
    io(f.name);
}

template <class Io, class T, if_record<T, Claim> = 0> void fields(Io& io, T& c) {
    io(c.function);
    io(c.area_kinds);
    io(c.period);
    io(c.sources);
    io(c.pos);
}

template <class Io, class T, if_record<T, Table> = 0> void fields(Io& io, T& t) {
    io(t.id);
    io(t.kind);
    io(t.path);
    io(t.period);
    io(t.vintage);
    io(t.sources);
    io(t.note);
    io(t.pos);
    io(t.derived);
}

template <class Io, class T, if_record<T, SmallAreaSettings> = 0> void fields(Io& io, T& s) {
    io(s.function);
    io(s.derive_from);
    io(s.complete_from);
    io(s.population_years);
    io(s.pos);
}

/// The catalogue is stored as its list; reading rebuilds it (the built-in entries are in the
/// list, so they are kept, not added twice).
inline void fields(ImageWriter& io, const FunctionCatalogue& c) { io(c.all()); }
void fields(ImageReader& io, FunctionCatalogue& c);
inline void fields(SchemaWriter& io, const FunctionCatalogue&) { io(std::vector<FunctionInfo>{}); }

template <class Io, class T, if_record<T, Dataset> = 0> void fields(Io& io, T& d) {
    io(d.schema_version);
    io(d.name);
    io(d.version);
    io(d.description);
    io(d.directory);
    io(d.kinds);
    io(d.functions);
    io(d.sources);
    io(d.areas);
    io(d.bodies);
    io(d.events);
    io(d.claims);
    io(d.tables);
    io(d.horizon);
    io(d.announcements);
    io(d.small_areas);
}

} // namespace orglineage::detail
