// SPDX-License-Identifier: MIT
// Aggregation cells and per-date exact totals.
#include "remap/cells.hpp"

namespace orglineage::detail {

std::size_t Cells::slot(std::uint32_t target, std::uint32_t date) {
    const std::uint64_t key = std::uint64_t{target} << 32 | date;
    bool fresh = false;
    const std::size_t i = m_index.find_or_insert(key, static_cast<std::uint32_t>(m_cells.size()), fresh);
    if (fresh) {
        m_cells.push_back({target, date, 0, ShareBasis::whole, false});
        m_values.resize(m_values.size() + m_nv, 0.0);
        m_present.resize(m_present.size() + m_nv, 0);
    }
    return i;
}

void Cells::add(std::uint32_t target, std::uint32_t date, const double* values, const unsigned char* present,
                double weight, ShareBasis basis, bool sized, std::uint32_t notes) {
    const std::size_t i = slot(target, date);
    if (notes) ++m_note_rows[std::uint64_t{i} << 32 | notes];
    Cell& c = m_cells[i];
    ++c.rows;
    c.basis = combine(c.basis, basis);
    c.sized = c.sized || sized;
    double* out = &m_values[i * m_nv];
    unsigned char* seen = &m_present[i * m_nv];
    for (std::size_t v = 0; v < m_nv; ++v)
        if (present[v]) {
            out[v] += values[v] * weight;
            seen[v] = 1;
        }
}

void Cells::merge(const Cells& other) {
    for (const auto& [key, rows] : other.m_note_rows) {
        const Cell& o = other.m_cells[key >> 32];
        m_note_rows[std::uint64_t{slot(o.target, o.date)} << 32 | (key & 0xffffffffu)] += rows;
    }
    for (std::size_t j = 0; j < other.m_cells.size(); ++j) {
        const Cell& o = other.m_cells[j];
        const std::size_t i = slot(o.target, o.date);
        Cell& c = m_cells[i];
        c.rows += o.rows;
        c.basis = combine(c.basis, o.basis);
        c.sized = c.sized || o.sized;
        for (std::size_t v = 0; v < m_nv; ++v) {
            m_values[i * m_nv + v] += other.m_values[j * m_nv + v];
            m_present[i * m_nv + v] |= other.m_present[j * m_nv + v];
        }
    }
}

ExactSum* DateTotals::of(std::uint32_t date) {
    bool fresh = false;
    const std::size_t i = m_index.find_or_insert(date, static_cast<std::uint32_t>(m_dates.size()), fresh);
    if (fresh) {
        m_dates.push_back(date);
        m_sums.resize(m_sums.size() + m_nv);
    }
    return &m_sums[i * m_nv];
}

const ExactSum* DateTotals::find(std::uint32_t date) const {
    const auto i = m_index.find(date);
    return i ? &m_sums[*i * m_nv] : nullptr;
}

bool DateTotals::merge(const DateTotals& other) {
    for (std::size_t j = 0; j < other.m_dates.size(); ++j) {
        ExactSum* mine = of(other.m_dates[j]);
        for (std::size_t v = 0; v < m_nv; ++v)
            if (!mine[v].add(other.m_sums[j * m_nv + v])) return false;
    }
    return true;
}

} // namespace orglineage::detail
