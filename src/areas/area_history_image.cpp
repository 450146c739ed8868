// SPDX-License-Identifier: MIT
// The area history in a compiled image (src/image): the `area-changes` and `area-population` tables
// as the checking pass read them, so that a query on an image reads no CSV. The indexes by area are
// built again from them when the section is read, and every area it names is checked to exist.
#include "areas/area_history_impl.hpp"
#include "image/format.hpp"
#include "image/records.hpp"

#include <algorithm>

namespace orglineage::detail {

// Found by the codec through its namespace (an unnamed one would hide it from that lookup).
template <class Io, class T, if_record<T, AreaChange> = 0> void fields(Io& io, T& c) {
    io(c.date);
    io(c.from);
    io(c.to);
    io(c.from_share);
    io(c.to_share);
    io(c.basis);
    io(c.sources);
    io(c.note);
    io(c.pos);
}

namespace {

using Population = std::pair<std::string, std::pair<double, int>>;

/// What the section holds, in order.
struct AreaHistoryRecord {
    std::vector<AreaChange> changes;
    std::vector<Population> population; ///< sorted by area, so that an image is the same every time
};

template <class Io, class T, if_record<T, AreaHistoryRecord> = 0> void fields(Io& io, T& r) {
    io(r.changes);
    io(r.population);
}

} // namespace

void AreaHistoryImage::write(ImageWriter& w, const AreaHistory& h) {
    AreaHistoryRecord r;
    r.changes = h.m_impl->changes;
    r.population.assign(h.m_impl->pop.begin(), h.m_impl->pop.end());
    std::sort(r.population.begin(), r.population.end());
    w(r);
}

std::string AreaHistoryImage::schema() {
    SchemaWriter s;
    s(AreaHistoryRecord{});
    return s.text();
}

AreaHistory AreaHistoryImage::read(const Lineage& lin, const CompiledImage& image, const Section& section) {
    auto r = image.reader(section, &lin.dataset());
    AreaHistoryRecord rec;
    r(rec);
    if (!r.at_end()) r.fail("bytes left over in section 'area-history'");
    // The walks follow the changes' areas without looking: each must be an area of the dataset.
    for (const auto& ch : rec.changes)
        for (const auto* code : {&ch.from, &ch.to})
            if (!lin.find_area(*code)) r.fail("area-history: unknown area '" + *code + "'");
    AreaHistory out;
    AreaHistory::Impl& m = *out.m_impl;
    m.lin = &lin;
    m.changes = std::move(rec.changes);
    for (auto& [area, p] : rec.population) m.pop.emplace(std::move(area), p);
    try {
        m.index(); // the checks of the tables as read, again: a decoded section meets them too
    } catch (const DataError& e) {
        r.fail("area-history: " + e.message());
    }
    return out;
}

} // namespace orglineage::detail
