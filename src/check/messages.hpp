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

// Building: the manifest, areas and bodies
std::string unknown_parent_function(std::string_view id, std::string_view parent);
std::string unknown_family(std::string_view family, std::string_view kind);
std::string unknown_kind_declared(std::string_view kind);
std::string unknown_kind_in(std::string_view kind, std::string_view where);
std::string area_own_ancestor(std::string_view code);
std::string period_outside(std::string_view what, const Period& period, const Period& outer);
std::string not_active(std::string_view body, const Date& on, const Period& runs);
std::string never_together(std::string_view body, const Period& runs, std::string_view group, const Period& group_runs);
std::string end_unexplained(std::string_view body, const Date& last_day, const Date& until);
std::string claim_without_areas();
std::string small_areas_needed(std::string_view table);
std::string bad_population_years();

// Building: events
std::string named_twice(std::string_view body, std::string_view where);
std::string named_twice_as_successor(std::string_view body, std::string_view where);
std::string wrong_end(std::string_view where, std::string_view body, const Date& on, const Period& runs);
std::string ended_twice(std::string_view body, std::string_view other_event);
std::string establish_date(std::string_view where, const Date& on, std::string_view body, const Date& starts);
std::string subject_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs,
                               bool and_day_before);
std::string successor_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs);
std::string group_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs);
std::string two_successor_groups(std::string_view function, std::string_view where);
std::string divides_without_shares(std::string_view where, std::size_t bodies, std::string_view basis);
std::string shares_for_some(std::string_view where, std::size_t given, std::size_t successors);
std::string shares_sum(std::string_view where, double sum);
std::string shares_without_basis(std::string_view where);
std::string single_successor_share(std::string_view where, double share);
std::string already_changed(std::string_view where, std::string_view body, std::string_view what, const Date& on);
std::string already_has(std::string_view where, std::string_view body, std::string_view what, std::string_view value);
std::string already_member(std::string_view where, std::string_view body, std::string_view group);
std::string not_member(std::string_view where, std::string_view body, std::string_view group, const Date& on);
std::string function_not_held(std::string_view event, std::string_view body, std::string_view function, const Date& on);
std::string passes_unheld_function(std::string_view event, std::string_view function, std::string_view to,
                                   const Date& on);

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
