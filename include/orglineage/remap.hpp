// SPDX-License-Identifier: MIT
// orglineage — bulk remapping: figures reported by the bodies of many dates, re-expressed in the
// bodies of one date.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/crosswalk.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// Why a row was not remapped.
enum class RejectReason {
    malformed,       ///< bad CSV (quoting, number of fields)
    missing_code,    ///< the code cell is empty
    bad_date,        ///< the date cell is not a real YYYY-MM-DD day
    unknown_code,    ///< no body ever had the code
    inactive_code,   ///< bodies had the code, but not on the row's date
    ambiguous_code,  ///< several bodies had the code on the date
    bad_value,       ///< a value cell is not a number
    no_successor,    ///< the function ended with no successor before the target date
    unknown_share,   ///< the data records where it went but not in which proportions
    incomplete       ///< known weights that do not sum to 1 (part of it went nowhere)
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(RejectReason r) noexcept;

/// A rejected row.
struct ORGLINEAGE_API Reject {
    std::int64_t line = 0; ///< where the row starts in the input (1-based, header is line 1)
    RejectReason reason = RejectReason::malformed;
    std::string message;
    std::string raw; ///< the row's text as read (cut at 4096 bytes)
};

/// Counts reported during and at the end of a run.
struct ORGLINEAGE_API RemapProgress {
    std::int64_t rows = 0; ///< data rows read (without the header and empty lines)
    std::int64_t mapped = 0;
    std::int64_t rejected = 0;
    std::uint64_t bytes = 0; ///< input consumed
};

struct ORGLINEAGE_API RemapOptions {
    std::string code_column;                ///< name of the column holding the ODS/ONS code (or body id)
    std::string date_column;                ///< name of the column holding the row's date (YYYY-MM-DD)
    std::vector<std::string> value_columns; ///< numeric columns to apportion
    Date to;                                ///< the date whose bodies the figures are re-expressed in
    std::string function = "commissioning"; ///< the function whose succession is followed
    bool aggregate = true;  ///< one output row per target body and date; else one per input row and target
    bool nearest = false;   ///< a code not in use on the row's date resolves to its nearest holder in time
    /// Backwards (row date after `to`): allow `normalised` weights (see Crosswalk); else such rows
    /// are rejected as `unknown_share`.
    bool allow_estimates = true;
    std::unordered_map<std::string, double> sizes; ///< backwards: body sizes, as CrosswalkOptions::sizes
    char delimiter = ',';
    /// Called about every `progress_every` rows and at the end.
    std::function<void(const RemapProgress&)> progress;
    std::int64_t progress_every = 1000000;
};

/// Totals of one value column.
struct ORGLINEAGE_API ColumnTotals {
    std::string column;
    double read = 0.0;     ///< every readable value of every row read
    double mapped = 0.0;   ///< values of the mapped rows, before apportioning
    double output = 0.0;   ///< after apportioning: equals `mapped` up to rounding
    double rejected = 0.0; ///< readable values of rejected rows
    std::int64_t blank = 0; ///< empty cells (kept empty; they add nothing)
};

struct ORGLINEAGE_API RemapSummary {
    RemapProgress counts;
    std::int64_t estimated = 0;  ///< mapped rows that used `normalised` (estimated) weights
    std::int64_t nearest = 0;    ///< mapped rows whose code was resolved to its nearest holder
    std::int64_t output_rows = 0;
    std::vector<ColumnTotals> totals;
    std::vector<std::pair<RejectReason, std::int64_t>> rejects_by_reason; ///< reasons that occurred
    std::string data_version; ///< the dataset's version
};

/**
 * Streams CSV figures from `in` and writes them re-expressed in the bodies active on
 * `options.to` to `out` (CSV). Each row's code is resolved on the row's own date; its values are
 * apportioned by the crosswalk weights of that body (forwards: what it held on that date; backwards:
 * see Crosswalk). Memory is bounded by the dataset and, when aggregating, by the number of
 * (target body, date) pairs, never by the input's size.
 *
 * Output, aggregated: `body_id,code,name,<date column>,<value columns>...,rows`, ordered by date
 * then body id. Row by row: `line,<code column>,<date column>,source_id,body_id,code,name,weight,
 * basis,method,<value columns>...`.
 *
 * Rejected rows go to `on_reject` (may be empty) with their line number and reason.
 * @throws LookupError for an unknown function
 * @throws Error when the header lacks a named column or the input has no header
 */
ORGLINEAGE_API RemapSummary remap(const Lineage& lineage, std::istream& in, std::ostream& out, const RemapOptions& options,
                   const std::function<void(const Reject&)>& on_reject = {});

/// Writes a reject as a CSV row `line,reason,message,raw`; `header` writes the column names.
ORGLINEAGE_API void write_reject_csv(std::ostream& out, const Reject& reject);
ORGLINEAGE_API void write_reject_csv_header(std::ostream& out);

/// Appends `field` to `out`, quoted when it needs to be.
ORGLINEAGE_API void append_csv_field(std::string& out, std::string_view field);

} // namespace orglineage
