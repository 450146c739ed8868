// SPDX-License-Identifier: MIT
// orglineage — dates as statistical tables publish them: days, months and financial years.
#pragma once

#include <orglineage/date.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace orglineage {

/// How a table writes its dates.
enum class DateFormat {
    automatic,     ///< any of the below, told apart by their shape (see parse_published_date)
    iso_day,       ///< `2014-04-01`
    iso_month,     ///< `2014-04`: the month
    uk_day,        ///< `01/04/2014`
    financial_year ///< `2014/15` or `2014-15`: 1 April 2014 to 31 March 2015
};

/// `auto`, `YYYY-MM-DD`, `YYYY-MM`, `DD/MM/YYYY`, `YYYY/YY` (also `fy`); nullopt otherwise.
[[nodiscard]] std::optional<DateFormat> parse_date_format(std::string_view name) noexcept;
[[nodiscard]] std::string_view to_string(DateFormat f) noexcept;

/// A date cell: the days it stands for (one day, a month or a financial year).
struct PublishedDate {
    Date first;                           ///< the first day of the period
    Date last;                            ///< its last day (inclusive; == first for a day)
    DateFormat format = DateFormat::iso_day; ///< the shape it was written in
    /// The period as written back: `2014-04-01`, `2014-04` or `2014/15`.
    [[nodiscard]] std::string label() const;
    [[nodiscard]] bool is_day() const noexcept { return first == last; }
};

/**
 * Parses a date cell. Every day it stands for must be one parse_date accepts (the same range
 * as dates given as options). With DateFormat::automatic, `YYYY-MM-DD`, `DD/MM/YYYY` and
 * `YYYY/YY` are told apart by their separators; `YYYY-NN` is a month when NN is 01..12, else a
 * financial year when NN is the last two digits of the next year (`2014-15`); `2011-12` is
 * December 2011 unless the format says `YYYY/YY`. Leading and trailing blanks are ignored.
 * @returns nullopt for anything else (no exceptions: this runs on every row)
 */
[[nodiscard]] std::optional<PublishedDate> parse_published_date(std::string_view text,
                                                                DateFormat format = DateFormat::automatic) noexcept;

} // namespace orglineage
