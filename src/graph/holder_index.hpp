// SPDX-License-Identifier: MIT
// The holders index: per area, the days on which the set of bodies covering it changes, and for
// each run of days between two such changes the coverage entries in force; per body its holdings
// with integer function ids. On these the holders rule runs without comparing a string. On top,
// per (area, function, mode) and built on its first query, the whole answer for every run of days
// on which it cannot change: `holders` is then a binary search and a copy.
#pragma once

#include "graph/function_table.hpp"
#include "graph/text_index.hpp"

#include <orglineage/dataset.hpp>
#include <orglineage/lineage.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace orglineage::detail {

class HolderIndex {
  public:
    HolderIndex(const Dataset& ds, const TextIndex& area_ix);

    /// Bodies holding function `f` (a catalogue index) for area `area` on `on` (Lineage::holders),
    /// from the answer table of (area, f, mode), which the first such query builds.
    [[nodiscard]] std::vector<Holder> holders(std::uint32_t area, std::uint32_t f, const Date& on,
                                              HolderMode mode) const;
    /// The same answer worked out from the coverage and holdings (what the tables are built of).
    [[nodiscard]] std::vector<Holder> holders_direct(std::uint32_t area, std::uint32_t f, const Date& on,
                                                     HolderMode mode) const;

    /// The most specific holding of body `v` that includes `f` on `on`; nullptr when none.
    [[nodiscard]] const Holding* best_holding(std::uint32_t v, std::uint32_t f, const Date& on,
                                              HolderMode mode) const noexcept;

  private:
    /// A holding of a body as integers: days [from, until), the function, its depth.
    struct Held {
        std::uint32_t from = 0, until = 0;
        std::uint32_t function = 0;
        int depth = 0;
        const Holding* holding = nullptr;
        bool delegated = false;
    };
    /// A coverage entry in force on a whole run of days, with what an answer copies from it (kept
    /// here so that a query touches none of the dataset's records but the bodies it returns).
    struct Cover {
        std::uint32_t body = 0;
        std::uint32_t area = 0;
        Share share;
        ShareBasis basis = ShareBasis::whole;
    };
    /// A covering body that holds the function asked for.
    struct Candidate {
        const Cover* cover;
        const Held* held;
        std::uint32_t level; ///< 0: the asked area, 1: its parent, ...
    };

    [[nodiscard]] const Held* best_held(std::uint32_t v, std::uint32_t f, std::uint32_t on, HolderMode mode) const noexcept;
    /// The answers of one (area, function, mode): answers[i] holds on [days[i-1], days[i]).
    struct Table {
        std::vector<std::uint32_t> days;
        std::vector<std::vector<Holder>> answers; ///< one more than days
    };
    [[nodiscard]] Table build_table(std::uint32_t area, std::uint32_t f, HolderMode mode) const;
    /// Every day on which the answer for `area` may change (a superset), unsorted.
    void change_days(std::uint32_t area, int depth_left, std::vector<std::uint32_t>& out) const;
    void build_holdings(const Dataset& ds, const FunctionTable& fns);
    void build_segments(const Dataset& ds, const TextIndex& area_ix);
    /// The coverage entries of an area in force on a day, as [begin, end) into m_covers.
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> covers_on(std::uint32_t area, std::uint32_t day) const noexcept;
    [[nodiscard]] std::vector<Holder> from_children(std::uint32_t area, std::uint32_t f, const Date& on,
                                                    HolderMode mode, int depth_left) const;
    [[nodiscard]] std::vector<Holder> holders_at(std::uint32_t area, std::uint32_t f, const Date& on,
                                                 HolderMode mode, int depth_left) const;

    const Dataset& m_ds;
    std::size_t m_functions = 0;
    std::vector<std::string> m_area_code; ///< per area
    std::vector<std::string> m_function_id; ///< per catalogue index
    std::vector<std::uint8_t> m_includes; ///< [held * m_functions + asked]: holding `held` includes `asked`
    std::vector<std::uint32_t> m_held_offset; ///< per body, into m_held
    std::vector<Held> m_held;
    std::vector<std::int64_t> m_parent; ///< per area, its parent's index or -1
    std::vector<std::vector<std::uint32_t>> m_children;
    std::vector<std::uint32_t> m_area_segment; ///< per area (and one past), into m_segment_day
    std::vector<std::uint32_t> m_segment_day;  ///< first day of each run
    std::vector<std::uint32_t> m_segment_cover; ///< per segment (and one past), into m_covers
    std::vector<Cover> m_covers;
    /// Per (area, function, mode) slot: its table, built once by whichever query comes first.
    mutable std::vector<Table> m_tables;
    mutable std::unique_ptr<std::once_flag[]> m_built;
};

} // namespace orglineage::detail
