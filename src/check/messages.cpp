// SPDX-License-Identifier: MIT
// The wording of the checking pass's problems (messages.hpp).
#include "check/messages.hpp"
#include "core/rules.hpp"

#include <cstdio>

namespace orglineage::detail::msg {

namespace {
std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }
std::string str(std::string_view s) { return std::string(s); }
/// A share as the data writes it: six significant digits, no trailing zeros (0.9, not 0.900000).
std::string share_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
} // namespace

std::string unknown_body(std::string_view id, std::string_view where) { return "unknown body " + q(id) + " in " + str(where); }
std::string unknown_area(std::string_view code, std::string_view where) {
    return "unknown area " + q(code) + " in " + str(where);
}
std::string unknown_area_parent(std::string_view parent, std::string_view child) {
    return "unknown area " + q(parent) + " as parent of " + q(child);
}
std::string unknown_function(std::string_view id) { return "unknown function " + q(id); }
std::string unknown_function_in(std::string_view id, std::string_view where) {
    return unknown_function(id) + " in " + str(where);
}
std::string unknown_kind(std::string_view kind, std::string_view of) { return "unknown kind " + q(kind) + " of " + str(of); }
std::string unknown_source(std::string_view id) {
    return "unknown source " + q(id) + " (declare it in a sources: block)";
}
std::string duplicate(std::string_view what, std::string_view id) { return "duplicate " + str(what) + " " + q(id); }
std::string duplicate_first_at(std::string_view what, std::string_view id, std::string_view first) {
    return duplicate(what, id) + " (first declared at " + str(first) + ")";
}
std::string empty_id(std::string_view what) { return str(what) + " has an empty id"; }
std::string empty_code(std::string_view what) { return str(what) + " has an empty code"; }
std::string member_of_itself(std::string_view body) { return str(body) + " cannot be a member of itself"; }
std::string cannot_succeed_itself(std::string_view where, std::string_view body) {
    return str(where) + ": " + q(body) + " cannot succeed itself";
}

std::string unknown_parent_function(std::string_view id, std::string_view parent) {
    return "function " + q(id) + " has unknown parent " + q(parent);
}
std::string unknown_family(std::string_view family, std::string_view kind) {
    return "unknown family " + q(family) + " of kind " + q(kind) + " (declare it as a kind)";
}
std::string unknown_kind_declared(std::string_view kind) { return "unknown kind " + q(kind) + " (declare it in dataset.yaml)"; }
std::string unknown_kind_in(std::string_view kind, std::string_view where) {
    return "unknown kind " + q(kind) + " in " + str(where);
}
std::string area_own_ancestor(std::string_view code) {
    return "area " + q(code) + " is its own ancestor (parents form a cycle)";
}
std::string period_outside(std::string_view what, const Period& period, const Period& outer) {
    return str(what) + " period " + format_period(period) + " lies outside " + format_period(outer);
}
std::string not_active(std::string_view body, const Date& on, const Period& runs) {
    return q(body) + " is not active on " + format_date(on) + " (it runs " + format_period(runs) + ")";
}
std::string never_together(std::string_view body, const Period& runs, std::string_view group, const Period& group_runs) {
    return q(body) + " (" + format_period(runs) + ") and group " + q(group) + " (" + format_period(group_runs) +
           ") never exist at the same time";
}
std::string end_unexplained(std::string_view body, const Date& last_day, const Date& until) {
    return q(body) + " ends on " + format_date(last_day) + " but no event on " + format_date(until) +
           " ends it (a merge from it, a split of it or its abolition)";
}
std::string claim_without_areas() { return "claim names area kinds with no areas"; }
std::string bad_population_years() { return "small-areas has no population years, or years not ascending"; }
std::string small_areas_needed(std::string_view table) {
    return "table " + q(table) +
           " is an lsoa-coverage table: dataset.yaml must say how to read it (small-areas: function, derive-from, "
           "complete-from, population-years)";
}

std::string named_twice(std::string_view body, std::string_view where) {
    return q(body) + " is named twice in " + str(where);
}
std::string named_twice_as_successor(std::string_view body, std::string_view where) {
    return q(body) + " is named twice as a successor in " + str(where);
}
std::string wrong_end(std::string_view where, std::string_view body, const Date& on, const Period& runs) {
    return str(where) + " ends " + q(body) + " on " + format_date(on) + ", so its 'to' must be " +
           format_date(last_day_before(on)) + " (it runs " + format_period(runs) + ")";
}
std::string ended_twice(std::string_view body, std::string_view other_event) {
    return q(body) + " is ended by two events (also " + q(other_event) + ")";
}
std::string establish_date(std::string_view where, const Date& on, std::string_view body, const Date& starts) {
    return str(where) + " is dated " + format_date(on) + " but " + q(body) + " starts " + format_date(starts);
}
std::string subject_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs,
                               bool and_day_before) {
    return str(where) + ": " + not_active(body, on, runs) + (and_day_before ? " and the day before" : "");
}
std::string successor_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs) {
    return str(where) + ": successor " + not_active(body, on, runs);
}
std::string group_not_active(std::string_view where, std::string_view body, const Date& on, const Period& runs) {
    return str(where) + ": group " + not_active(body, on, runs);
}
std::string two_successor_groups(std::string_view function, std::string_view where) {
    return "function " + q(function) + " has two successor groups in " + str(where);
}
std::string divides_without_shares(std::string_view where, std::size_t bodies, std::string_view basis) {
    return str(where) + " divides between " + std::to_string(bodies) + " bodies with basis " + q(basis) +
           " but gives no shares (give shares, or basis: unknown)";
}
std::string shares_for_some(std::string_view where, std::size_t given, std::size_t successors) {
    return str(where) + " gives shares for " + std::to_string(given) + " of its " + std::to_string(successors) +
           " successors (give all or none)";
}
std::string shares_sum(std::string_view where, double sum) {
    return "shares in " + str(where) + " sum to " + share_text(sum) + ", not 1";
}
std::string shares_without_basis(std::string_view where) {
    return str(where) + " gives shares but no basis (population, postcodes, practices, area or unknown)";
}
std::string single_successor_share(std::string_view where, double share) {
    return "the single successor in " + str(where) + " has share " + share_text(share) +
           ", not 1 (a part that goes nowhere must be said: list the other successors)";
}
std::string already_changed(std::string_view where, std::string_view body, std::string_view what, const Date& on) {
    return str(where) + ": " + q(body) + " already changed its " + str(what) + " on " + format_date(on);
}
std::string already_has(std::string_view where, std::string_view body, std::string_view what, std::string_view value) {
    return str(where) + ": " + q(body) + " already has " + str(what) + " " + q(value);
}
std::string already_member(std::string_view where, std::string_view body, std::string_view group) {
    return str(where) + ": " + q(body) + " is already a member of " + q(group);
}
std::string not_member(std::string_view where, std::string_view body, std::string_view group, const Date& on) {
    return str(where) + ": " + q(body) + " is not a member of " + q(group) + " on " + format_date(on);
}
std::string function_not_held(std::string_view event, std::string_view body, std::string_view function, const Date& on) {
    return "transfer-function event " + q(event) + ": " + q(body) + " does not hold " + q(function) + " on " +
           format_date(on);
}
std::string passes_unheld_function(std::string_view event, std::string_view function, std::string_view to,
                                   const Date& on) {
    return "abolish event " + q(event) + " passes " + q(function) + " to " + q(to) + ", which does not hold it on " +
           format_date(on);
}

std::string bad_date(std::string_view text) { return "bad date " + q(text); }
std::string not_a_day(std::string_view what) { return str(what) + " has a date that is not a day"; }
std::string ends_before_start(std::string_view what, const Date& from, const Date& until) {
    return str(what) + " ends before it starts (" + format_date(from) + " to the day before " + format_date(until) + ")";
}
std::string events_out_of_order(std::string_view later, std::string_view earlier) {
    return "events are not in date order (" + q(later) + " comes after " + q(earlier) + ")";
}

std::string share_outside(std::string_view what, double share) {
    return str(what) + " has share " + std::to_string(share) + ", outside [0, 1]";
}
std::string code_held_twice(std::string_view scheme, std::string_view code, std::string_view a, std::string_view b,
                            const Date& on) {
    return str(scheme) + " code " + q(code) + " is held by " + q(a) + " and " + q(b) + " on " + format_date(on);
}
std::string succession_cycle(std::string_view body, const Date& on) {
    return "succession goes round in a cycle through " + q(body) + " on " + format_date(on);
}

std::string claim_fails(std::string_view function, const Date& on, std::string_view area, std::string_view name,
                        std::string_view covered_by) {
    return "claim for " + q(function) + " fails on " + format_date(on) + ": area " + q(area) + " (" + str(name) +
           ") is covered by " + str(covered_by);
}
std::string claim_more_failures(std::string_view function, int more) {
    return "claim for " + q(function) + ": " + std::to_string(more) + " more failures not shown";
}

std::string not_area_code(std::string_view text) { return "not an area code " + q(text); }
std::string bad_lsoa_column(std::string_view found) {
    return "the first column must be 'lsoa11' or 'lsoa21', found " + q(found);
}
std::string repeated_lsoa(std::string_view code, std::int64_t first_line) {
    return "LSOA " + q(code) + " repeated (first on line " + std::to_string(first_line) + ")";
}
std::string unknown_lsoa(std::string_view code) {
    return "unknown LSOA " + q(code) + " (in no lsoa-coverage table of the dataset)";
}
std::string unknown_district(std::string_view code) {
    return "unknown district " + q(code) + " (no area of the dataset has that code)";
}
std::string lad_rows_out_of_order(std::string_view lsoa) { return "LAD rows of " + q(lsoa) + " out of date order"; }
std::string bad_population(std::string_view text) { return "bad population " + q(text); }
std::string tables_overlap(std::string_view table, std::string_view other) {
    return "table " + q(table) + " overlaps table " + q(other);
}
std::string code_names_no_body(std::string_view code, const Date& on) {
    return "code " + q(code) + " names no body on " + format_date(on);
}
std::string code_names_bodies(std::string_view code, std::size_t n, const Date& on) {
    return "code " + q(code) + " names " + std::to_string(n) + " bodies on " + format_date(on);
}
std::string code_not_holding(std::string_view code, std::string_view body, std::string_view function, const Date& on) {
    return "code " + q(code) + " names " + q(body) + ", which neither holds " + str(function) + " on " +
           format_date(on) + " nor belongs to a body that does";
}

std::string lsoa_gap(const Date& from, const Date& until) {
    return "no LSOA table covers " + format_date(from) + " to " + format_date(last_day_before(until));
}
std::string lsoa_without_holder(std::string_view where, std::string_view lsoa) {
    return str(where) + ": LSOA " + str(lsoa) + " has no holder";
}
std::string lsoas_without_holder(std::string_view where, std::size_t n) {
    return str(where) + ": " + std::to_string(n) + " LSOAs have no holder";
}
std::string lsoa_holders(std::string_view where, std::string_view lsoa, std::size_t n) {
    return str(where) + ": LSOA " + str(lsoa) + " has " + std::to_string(n) + " holders";
}
std::string lsoa_holder_not_holding(std::string_view where, std::string_view body, std::string_view function,
                                    const Date& on) {
    return str(where) + ": " + str(body) + " does not hold " + str(function) + " on " + format_date(on);
}
std::string lad_shares_sum(std::string_view where, std::string_view lad, double sum) {
    return str(where) + ": LSOA shares of " + str(lad) + " sum to " + std::to_string(sum);
}

} // namespace orglineage::detail::msg
