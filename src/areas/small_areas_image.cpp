// SPDX-License-Identifier: MIT
// The LSOA index in a compiled image (src/image): written by `orglineage compile`, read instead of
// the tables when the Lineage was opened from an image, and checked before any query follows it.
#include "areas/small_areas_index.hpp"

namespace orglineage {


namespace detail {

template <> struct EnumLimit<LsoaBasis> {
    static constexpr LsoaBasis value = LsoaBasis::ccg;
};

template <class Io, class T, if_record<T, LsoaHolder> = 0> void fields(Io& io, T& h) {
    io(h.body);
    io(h.location);
    io(h.share);
    io(h.share_basis);
}

void SmallAreasImage::write(ImageWriter& w, const SmallAreas& sa) { w(*sa.m_impl); }

std::string SmallAreasImage::schema() {
    SchemaWriter s;
    s(SmallAreas::Impl{});
    return s.text();
}

SmallAreas SmallAreasImage::read(const Lineage& lin, const CompiledImage& image, const Section& section) {
    SmallAreas out;
    SmallAreas::Impl& m = *out.m_impl;
    m.lin = &lin;
    m.configure(lin.dataset());
    // The area history is read from its own (small) tables, as SmallAreas::load reads it.
    m.history = std::make_unique<AreaHistory>(AreaHistory::load(lin));
    auto r = image.reader(section, &lin.dataset());
    r(m);
    if (!r.at_end()) r.fail("bytes left over in section 'small-areas'");
    m.check_decoded(r);
    m.rebuild_maps();
    return out;
}

} // namespace detail

void SmallAreas::Impl::check_decoded(detail::ImageReader& r) const {
    const std::size_t n = codes.size();
    auto within = [&](const std::vector<std::uint32_t>& ids, std::size_t limit, const char* what) {
        for (auto id : ids)
            if (id != none && id >= limit) r.fail(std::string("small-areas: ") + what + " index out of range");
    };
    if (census.size() != n || other.size() != n || lad_hist.size() != n || pop.size() != n ||
        lad_lsoas.size() != lads.size())
        r.fail("small-areas: lists of different lengths");
    for (const auto& p : pop)
        if (p.size() != pop_years.size()) r.fail("small-areas: populations of another number of years");
    within(dense, n, "code");
    for (const auto& o : other) within(o, n, "code");
    for (const auto& ls : lad_lsoas) within(ls, n, "code");
    for (const auto& h : lad_hist)
        for (const auto& e : h)
            if (e.second >= lads.size()) r.fail("small-areas: LAD index out of range");
    for (const auto& p : pool)
        for (const auto& h : p.holders)
            if (!h.body) r.fail("small-areas: a holder without a body");
    for (const auto& s : segments) {
        if (!s.table || (!s.lazy && s.answer.size() != n))
            r.fail("small-areas: a period without its table or answers");
        within(s.answer, pool.size(), "answer");
    }
}

void SmallAreas::Impl::rebuild_maps() {
    index.reserve(codes.size());
    for (std::uint32_t c = 0; c < codes.size(); ++c) index.emplace(codes[c], c);
    for (std::uint32_t l = 0; l < lads.size(); ++l) lad_index.emplace(lads[l], l);
}

} // namespace orglineage
