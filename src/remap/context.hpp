// SPDX-License-Identifier: MIT
// What every thread of a remap shares: the lineage, the options, and what is loaded only when a
// row needs it (the small-area tables, the populations, the backward sizes).
#pragma once

#include "remap/note_sets.hpp"

#include <orglineage/remap.hpp>
#include <orglineage/small_areas.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace orglineage::detail {

/// Whether a step succeeded, and if not, why.
struct Verdict {
    bool ok = true;
    RejectReason reason = RejectReason::malformed;
    std::string message;
    static Verdict fail(RejectReason r, std::string m) { return {false, r, std::move(m)}; }
};

class RemapContext {
  public:
    /// @throws LookupError for an unknown function or kind
    RemapContext(const Lineage& lineage, const RemapOptions& options);

    const Lineage& lin;
    const RemapOptions& opt;

    /// Forward crosswalk options (no sizes needed).
    [[nodiscard]] const CrosswalkOptions& forward_options() const noexcept { return m_forward; }
    /// Backward options, with the caller's sizes or else the populations of the bodies of `to`.
    [[nodiscard]] const CrosswalkOptions& backward_options() const;
    /// The small-area index, loaded on first use; nullptr when the dataset has no such tables.
    [[nodiscard]] const SmallAreas* small_areas() const;
    /// A body's population on a date: its coverage areas' LSOA populations (nullopt when unknown).
    [[nodiscard]] std::optional<double> population(const Body& body, const Date& on) const;
    /// What sized weights were based on, for the summary ("" when none were used).
    [[nodiscard]] std::string sizes_description() const;
    /// The same in a word for the output's basis column: `mid-2020`, or `sizes` for the caller's.
    [[nodiscard]] std::string sizes_tag() const;
    /// The run's notes, numbered once for every thread.
    [[nodiscard]] NoteSets& notes() const noexcept { return m_notes; }

  private:
    [[nodiscard]] std::optional<double> lad_population(const std::string& lad, const Date& on) const;
    CrosswalkOptions m_forward;
    mutable CrosswalkOptions m_backward;
    mutable std::once_flag m_backward_once, m_areas_once;
    mutable std::unique_ptr<SmallAreas> m_areas;
    mutable std::mutex m_mutex; ///< guards the caches below
    mutable std::map<std::pair<std::string, long>, std::optional<double>> m_lad_population;
    mutable std::set<int> m_years;
    mutable bool m_populations_used = false;
    mutable NoteSets m_notes;
};

} // namespace orglineage::detail
