// SPDX-License-Identifier: MIT
// The step from a row's holders to the weights of the bodies of the target date.
#pragma once

#include "remap/holders.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace orglineage::detail {

/// One output body of a mapping and the part of the row's figures that goes to it.
struct Target {
    std::uint32_t body = 0; ///< index into Dataset::bodies
    double weight = 0;      ///< the weights of a mapping sum to 1 exactly as far as doubles go
    ShareBasis basis = ShareBasis::whole;
    WeightMethod method = WeightMethod::forward_share;
    bool sized = false; ///< apportioned by sizes (populations or the caller's)
    std::uint32_t notes = 0; ///< the caveats of the figures sent here, a set of the run's NoteSets
};

/// Where the figures of one (code, date) go, or why they cannot.
struct Mapping {
    Verdict verdict;
    std::vector<Target> targets;
    bool nearest = false;
    bool estimated = false; ///< some weight is a `normalised` estimate
    bool sized = false;
};

/// Crosswalk rows of the holders, cached per span of days between a body's own events: one
/// computation per holder and span, however many rows there are. One per thread.
class WeightCache {
  public:
    explicit WeightCache(const RemapContext& ctx);
    const CrosswalkRow& row(const Body& holder, const Date& on);

  private:
    struct BodyRows {
        std::vector<Date> dates; ///< distinct dates of the links out of (forwards) or into (backwards) it
        std::vector<std::unique_ptr<CrosswalkRow>> rows; ///< by span, built on first use
        bool dates_known = false;
    };
    const RemapContext& m_ctx;
    std::vector<BodyRows> m_forward, m_backward;
};

/// The mapping of a row whose holders on `resolved.on` are `parts`: each part's crosswalk row,
/// scaled by the part, then regrouped into the bodies of `to_kind` when one is asked for.
Mapping map_parts(const RemapContext& ctx, WeightCache& cache, const Resolved& resolved, const std::vector<Part>& parts);

} // namespace orglineage::detail
