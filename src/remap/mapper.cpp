// SPDX-License-Identifier: MIT
// The memo of the row steps: parse date -> resolve code -> holders -> weights.
#include "remap/mapper.hpp"

namespace orglineage::detail {

std::uint32_t date_key(const PublishedDate& d) noexcept {
    // A day is one period however it was written (2014-04-01, 01/04/2014).
    const DateFormat shape = d.format == DateFormat::uk_day ? DateFormat::iso_day : d.format;
    return static_cast<std::uint32_t>(d.first.day_number()) << 3 | static_cast<std::uint32_t>(shape);
}

PublishedDate date_of_key(std::uint32_t key) {
    PublishedDate d;
    d.format = static_cast<DateFormat>(key & 7);
    d.first = Date(boost::gregorian::gregorian_calendar::from_day_number(key >> 3));
    d.last = d.first;
    return d;
}

const DateCell& Mapper::date(std::string_view text) {
    ShortKey key;
    const bool cacheable = key.set(text, 0);
    if (cacheable)
        if (const std::uint32_t* ix = m_date_index.find(key)) return m_dates[*ix];
    DateCell cell;
    if (auto d = parse_published_date(text, m_ctx.opt.date_format)) {
        cell.ok = true;
        cell.date = *d;
        cell.key = date_key(*d);
    }
    if (!cacheable || m_dates.size() >= (1u << 20)) {
        m_uncached_date = cell;
        return m_uncached_date;
    }
    m_date_index.insert(key, static_cast<std::uint32_t>(m_dates.size()));
    m_dates.push_back(cell);
    return m_dates.back();
}

const Mapping& Mapper::map(std::string_view code, const DateCell& date) {
    ShortKey key;
    const bool cacheable = key.set(code, date.key);
    if (cacheable)
        if (const std::uint32_t* ix = m_map_index.find(key)) return m_mappings[*ix];
    Mapping m = compute(code, date.date);
    if (!cacheable || m_mappings.size() >= (1u << 20)) {
        m_uncached = std::move(m);
        return m_uncached;
    }
    m_map_index.insert(key, static_cast<std::uint32_t>(m_mappings.size()));
    m_mappings.push_back(std::move(m));
    return m_mappings.back();
}

Mapping Mapper::compute(std::string_view code, const PublishedDate& date) {
    Resolved r;
    Mapping m;
    if (Verdict v = resolve_code(m_ctx, code, date, r); !v.ok) {
        m.verdict = std::move(v);
        return m;
    }
    if (Verdict v = holders_of(m_ctx, r, m_parts); !v.ok) {
        m.verdict = std::move(v);
        m.nearest = r.nearest;
        return m;
    }
    return map_parts(m_ctx, m_weights, r, m_parts);
}

} // namespace orglineage::detail
