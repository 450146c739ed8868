// SPDX-License-Identifier: MIT
// orglineage — dates and half-open periods.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace orglineage {

using Date = boost::gregorian::date;

/// Parses `YYYY-MM-DD` strictly (a real calendar day, nothing else); nullopt otherwise.
[[nodiscard]] ORGLINEAGE_API std::optional<Date> parse_date(std::string_view text);

/// `YYYY-MM-DD`.
[[nodiscard]] ORGLINEAGE_API std::string format_date(const Date& d);

/**
 * A half-open range of days `[from, until)`; without `until` it is still open.
 * Data files write the inclusive last day; the loader converts (`until = to + 1 day`).
 */
struct ORGLINEAGE_API Period {
    Date from;
    std::optional<Date> until; ///< first day no longer in the period; nullopt while open

    [[nodiscard]] bool contains(const Date& d) const noexcept {
        return from <= d && (!until || d < *until);
    }
    [[nodiscard]] bool overlaps(const Period& o) const noexcept {
        return (!until || o.from < *until) && (!o.until || from < *o.until);
    }
    [[nodiscard]] bool is_open() const noexcept { return !until.has_value(); }
    /// The inclusive last day, as data files and people write it.
    [[nodiscard]] std::optional<Date> last_day() const {
        if (!until) return std::nullopt;
        return *until - boost::gregorian::days(1);
    }
    [[nodiscard]] bool empty() const noexcept { return until && *until <= from; }
    friend bool operator==(const Period& a, const Period& b) noexcept {
        return a.from == b.from && a.until == b.until;
    }
};

/// `2006-10-01..2013-03-31` (inclusive last day) or `2006-10-01..` while open.
[[nodiscard]] ORGLINEAGE_API std::string format_period(const Period& p);

} // namespace orglineage
