// SPDX-License-Identifier: MIT
// The memo of the row steps: parse date -> resolve code -> holders -> weights.
#include "remap/mapper.hpp"

#include <algorithm>

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
        bool fresh = false;
        cell.number = m_date_numbers.find_or_insert(cell.key, m_date_count, fresh);
        m_date_count += fresh;
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
    if (!key.set(code, 0)) {
        m_uncached = compute(code, date.date);
        return m_uncached;
    }
    const std::uint32_t* number = m_code_index.find(key);
    if (!number) {
        if (m_codes >= (1u << 20)) forget();
        m_code_index.insert(key, m_codes);
        number = m_code_index.find(key);
        ++m_codes;
    }
    std::uint16_t* dense = date.number == DateCell::k_no_number ? nullptr : dense_entry(*number, date.number);
    if (dense && *dense != 0) return m_pool[*dense - 1u];
    const std::uint64_t pair = std::uint64_t{*number} << 32 | date.key;
    if (const auto ix = m_pairs.find(pair)) return m_pool[*ix];
    if (m_pool.size() >= (1u << 22)) {
        // Too many to keep: answer this one alone rather than forget the codes now numbered.
        m_uncached = compute(code, date.date);
        return m_uncached;
    }
    const std::uint32_t ix = keep(compute(code, date.date));
    if (dense && ix < 0xffffu) {
        *dense = static_cast<std::uint16_t>(ix + 1);
    } else {
        bool fresh = false;
        (void)m_pairs.find_or_insert(pair, ix, fresh);
    }
    return m_pool[ix];
}

std::uint16_t* Mapper::dense_entry(std::uint32_t code, std::uint32_t date) {
    constexpr std::size_t k_max_entries = std::size_t{1} << 20; // 2 MiB
    if (!m_dense_ok) return nullptr;
    if (date >= m_dense_columns) {
        // A quarter more than needed: a row per code stays short (few columns unused).
        const std::uint32_t columns = date + date / 4 + 16;
        const std::size_t rows = m_dense_columns ? m_dense.size() / m_dense_columns : 0;
        if (rows * columns > k_max_entries) {
            m_dense_ok = false;
            m_dense = {};
            return nullptr;
        }
        std::vector<std::uint16_t> wider(rows * columns, 0);
        for (std::size_t r = 0; r < rows; ++r)
            std::copy_n(m_dense.begin() + static_cast<std::ptrdiff_t>(r * m_dense_columns), m_dense_columns,
                        wider.begin() + static_cast<std::ptrdiff_t>(r * columns));
        m_dense.swap(wider);
        m_dense_columns = columns;
    }
    const std::size_t at = static_cast<std::size_t>(code) * m_dense_columns + date;
    if (at >= m_dense.size()) {
        if ((static_cast<std::size_t>(code) + 1) * m_dense_columns > k_max_entries) {
            m_dense_ok = false;
            m_dense = {};
            return nullptr;
        }
        m_dense.resize(std::max(m_dense.size() * 2, (static_cast<std::size_t>(code) + 1) * m_dense_columns), 0);
    }
    return &m_dense[at];
}

void Mapper::forget() {
    m_code_index = ShortKeyCache();
    m_codes = 0;
    m_pairs = FlatMap64();
    m_dense.assign(m_dense.size(), 0);
    m_pool.clear();
    m_kept.clear();
}

std::uint32_t Mapper::keep(Mapping m) {
    const auto next = static_cast<std::uint32_t>(m_pool.size());
    if (!m.verdict.ok) { // a reject's message names its code and date: never equal to another's
        m_pool.push_back(std::move(m));
        return next;
    }
    m_bytes.clear();
    auto put = [&](const auto& x) { m_bytes.append(reinterpret_cast<const char*>(&x), sizeof x); };
    put(m.nearest);
    put(m.estimated);
    put(m.sized);
    for (const Target& t : m.targets) {
        put(t.body);
        put(t.weight);
        put(t.basis);
        put(t.method);
        put(t.sized);
    }
    const auto [it, fresh] = m_kept.emplace(m_bytes, next);
    if (fresh) m_pool.push_back(std::move(m));
    return it->second;
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
