// SPDX-License-Identifier: MIT
// Internal: the text of every problem the checking pass reports (reading, building, checking the
// built dataset, its claims and its tables), built here and nowhere else, so that one wording is
// used for one problem. Messages are lowercase, without a trailing period, and quote the bad value
// in single quotes; the position (file:line:column) is added by the error that carries them.
#pragma once

#include <orglineage/date.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace orglineage::detail::msg {

// References and ids
std::string unknown_body(std::string_view id, std::string_view where);
std::string unknown_area(std::string_view code, std::string_view where);
std::string unknown_area_parent(std::string_view parent, std::string_view child);
std::string unknown_function(std::string_view id);
std::string unknown_function_in(std::string_view id, std::string_view where);
std::string unknown_kind(std::string_view kind, std::string_view of);
std::string unknown_source(std::string_view id);
std::string duplicate(std::string_view what, std::string_view id);
std::string duplicate_first_at(std::string_view what, std::string_view id, std::string_view first);
std::string empty_id(std::string_view what);
std::string empty_code(std::string_view what);
std::string member_of_itself(std::string_view body);
std::string cannot_succeed_itself(std::string_view where, std::string_view body);

// Dates and periods
std::string bad_date(std::string_view text);
std::string not_a_day(std::string_view what);
std::string ends_before_start(std::string_view what, const Date& from, const Date& until);
std::string events_out_of_order(std::string_view later, std::string_view earlier);

// Shares and codes
std::string share_outside(std::string_view what, double share);
std::string code_held_twice(std::string_view scheme, std::string_view code, std::string_view a, std::string_view b,
                            const Date& on);
std::string succession_cycle(std::string_view body, const Date& on);

// Claims
std::string claim_fails(std::string_view function, const Date& on, std::string_view area, std::string_view name,
                        std::string_view covered_by);
std::string claim_more_failures(std::string_view function, int more);

// Tables (CSV rows: the position is the row's)
std::string not_area_code(std::string_view text);
std::string bad_lsoa_column(std::string_view found);
std::string repeated_lsoa(std::string_view code, std::int64_t first_line);
std::string unknown_lsoa(std::string_view code);
std::string unknown_district(std::string_view code);
std::string lad_rows_out_of_order(std::string_view lsoa);
std::string bad_population(std::string_view text);
std::string tables_overlap(std::string_view table, std::string_view other);
std::string code_names_no_body(std::string_view code, const Date& on);
std::string code_names_bodies(std::string_view code, std::size_t n, const Date& on);
std::string code_not_holding(std::string_view code, std::string_view body, std::string_view function, const Date& on);

// The LSOA index against the dataset (the position is the table's declaration)
std::string lsoa_gap(const Date& from, const Date& until);
std::string lsoa_without_holder(std::string_view where, std::string_view lsoa);
std::string lsoas_without_holder(std::string_view where, std::size_t n);
std::string lsoa_holders(std::string_view where, std::string_view lsoa, std::size_t n);
std::string lsoa_holder_not_holding(std::string_view where, std::string_view body, std::string_view function,
                                    const Date& on);
std::string lad_shares_sum(std::string_view where, std::string_view lad, double sum);

} // namespace orglineage::detail::msg
