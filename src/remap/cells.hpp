// SPDX-License-Identifier: MIT
// The aggregation step: one cell per (target body, date), and the exact total of every date,
// kept per thread and merged.
#pragma once

#include "remap/decimal.hpp"
#include "remap/flat_map.hpp"

#include <orglineage/share.hpp>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace orglineage::detail {

struct Cell {
    std::uint32_t target = 0;
    std::uint32_t date = 0; ///< date_key
    std::int64_t rows = 0;
    ShareBasis basis = ShareBasis::whole;
    bool sized = false;
};

class Cells {
  public:
    explicit Cells(std::size_t columns) : m_nv(columns) {}
    /// Adds `weight` × each present value to the cell (target, date); `notes` (a set of the run's
    /// NoteSets, 0 for none) counts the row behind the cell's notes.
    void add(std::uint32_t target, std::uint32_t date, const double* values, const unsigned char* present,
             double weight, ShareBasis basis, bool sized, std::uint32_t notes = 0);
    /// (cell index, note set) -> input rows, for the cells whose rows carried notes.
    [[nodiscard]] const std::unordered_map<std::uint64_t, std::int64_t>& note_rows() const noexcept {
        return m_note_rows;
    }
    void merge(const Cells& other);
    [[nodiscard]] std::size_t size() const noexcept { return m_cells.size(); }
    [[nodiscard]] const Cell& cell(std::size_t i) const noexcept { return m_cells[i]; }
    [[nodiscard]] double value(std::size_t i, std::size_t v) const noexcept { return m_values[i * m_nv + v]; }
    [[nodiscard]] bool present(std::size_t i, std::size_t v) const noexcept { return m_present[i * m_nv + v] != 0; }

  private:
    std::size_t slot(std::uint32_t target, std::uint32_t date);
    std::size_t m_nv;
    FlatMap64 m_index;
    std::vector<Cell> m_cells;
    std::vector<double> m_values;
    std::vector<unsigned char> m_present;
    std::unordered_map<std::uint64_t, std::int64_t> m_note_rows; ///< only rows with notes: few
};

/// The exact total of each value column per date, to which the written cells are reconciled.
class DateTotals {
  public:
    explicit DateTotals(std::size_t columns) : m_nv(columns) {}
    /// The totals of a date (one per column), created empty on first use.
    ExactSum* of(std::uint32_t date);
    /// False when a total overflows.
    bool merge(const DateTotals& other);
    [[nodiscard]] const ExactSum* find(std::uint32_t date) const;

  private:
    std::size_t m_nv;
    FlatMap64 m_index;
    std::vector<std::uint32_t> m_dates;
    std::vector<ExactSum> m_sums;
};

} // namespace orglineage::detail
