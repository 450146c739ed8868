// SPDX-License-Identifier: MIT
// Internal: the conventions every stage shares, each written once.
#pragma once

#include <orglineage/date.hpp>

#include <optional>

namespace orglineage::detail {

/// Data files give the last day a thing was in force (`to:`, inclusive, as ODS and the statutory
/// instruments write it); the library's periods are half-open `[from, until)`. The one place that
/// turns one into the other.
[[nodiscard]] inline Date until_after(const Date& last_day) { return last_day + boost::gregorian::days(1); }
[[nodiscard]] inline std::optional<Date> until_after(const std::optional<Date>& last_day) {
    return last_day ? std::optional<Date>(until_after(*last_day)) : std::nullopt;
}
/// The reverse: the last day in force of a period that ends before `until` (and the day before an
/// event, on which what it ends was last in force).
[[nodiscard]] inline Date last_day_before(const Date& until) { return until - boost::gregorian::days(1); }

/// Shares that must make a whole (a split's successors, the holders of an area) may miss 1 by this
/// much: the data writes shares to six decimals.
inline constexpr double share_sum_tolerance = 1e-6;

} // namespace orglineage::detail
