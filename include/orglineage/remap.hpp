// SPDX-License-Identifier: MIT
// orglineage — bulk remapping: figures reported by the bodies of many dates, re-expressed in the
// bodies of one date.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/crosswalk.hpp>
#include <orglineage/notes.hpp>
#include <orglineage/published_date.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace orglineage {

/// Why a row was not remapped.
enum class RejectReason {
    malformed,       ///< bad CSV (quoting, number of fields)
    missing_code,    ///< the code cell is empty
    bad_date,        ///< the date cell is not a date in the expected format
    unknown_code,    ///< no body or area ever had the code
    inactive_code,   ///< bodies had the code, but not on the row's date
    ambiguous_code,  ///< several bodies had the code on the date
    bad_value,       ///< a value cell is not a number, or too large or too precise to add exactly
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
    std::uint64_t bytes = 0;       ///< input consumed
    std::uint64_t total_bytes = 0; ///< the input's size when known (a file), else 0
};

/// One note of one output row: a caveat (orglineage/notes.hpp) of figures that went into it.
struct ORGLINEAGE_API RemapNote {
    std::int64_t output_row = 0; ///< the output's data row it belongs to (1: the first after the header)
    std::string body_id;         ///< the output row's body
    std::string date;            ///< the output row's date, as written there
    NoteKind kind = NoteKind::derived;
    std::int64_t rows = 0;       ///< input rows behind the output row whose figures carry this note
    std::string text;
    std::string about;           ///< the event, body, table or announcement it comes from
};

struct ORGLINEAGE_API RemapOptions {
    std::string code_column;                ///< name of the column holding the code (ODS, ONS, LSOA, body id)
    std::string date_column;                ///< name of the column holding the row's date
    std::vector<std::string> value_columns; ///< numeric columns to apportion
    /// How the date column is written (see parse_published_date). A month or a financial year is
    /// mapped as on its first day; a code not in use that day, as on the first day of the period
    /// it was in use (an ICB code in 2022/23: 1 July 2022).
    DateFormat date_format = DateFormat::automatic;
    Date to;                                ///< the date whose bodies the figures are re-expressed in
    std::string function = "commissioning"; ///< the function whose succession is followed
    /// The kind of the output bodies (e.g. `icb`, `sub-icb`, `region`); empty: the bodies holding
    /// `function` on `to`. A holder is replaced by the group of that kind it belongs to, or split
    /// over its members of that kind by population.
    std::string to_kind;
    bool aggregate = true;  ///< one output row per target body and date; else one per input row and target
    bool nearest = false;   ///< a code not in use on the row's date resolves to its nearest holder in time
    /// Backwards (row date after `to`): allow `normalised` weights (see Crosswalk); else such rows
    /// are rejected as `unknown_share`.
    bool allow_estimates = true;
    /// Backwards: body sizes, as CrosswalkOptions::sizes. Empty with `populations` set: the
    /// shipped LSOA population estimates nearest `to` (the dataset's small-area tables).
    std::unordered_map<std::string, double> sizes;
    std::string sizes_label;  ///< how `sizes` were obtained, for the summary (e.g. the file name)
    bool populations = true;  ///< weigh by the shipped populations where sizes are needed and not given
    char delimiter = ',';
    /// Threads for remap_file (0: one per core, at most 2 per 64 MiB of input).
    unsigned threads = 0;
    /// Called for each note of each output row, in output order, as the output is written. The
    /// output's last column, `notes`, names the kinds; this gives each note with its count of rows.
    std::function<void(const RemapNote&)> on_note;
    /// Called about every `progress_interval` from the calling thread, and once at the end.
    std::function<void(const RemapProgress&)> progress;
    std::chrono::milliseconds progress_interval{250};
};

/// Totals of one value column. The exact forms are decimal, at the column's precision.
struct ORGLINEAGE_API ColumnTotals {
    std::string column;
    double read = 0.0;     ///< every readable value of every row read
    double mapped = 0.0;   ///< values of the mapped rows, before apportioning
    double output = 0.0;   ///< the values written: equal to `mapped` to the last digit
    double rejected = 0.0; ///< readable values of rejected rows
    std::int64_t blank = 0; ///< empty cells (kept empty; they add nothing)
    int scale = 0;          ///< decimal places of the most precise value read
    std::string read_exact, mapped_exact, output_exact, rejected_exact;
};

struct ORGLINEAGE_API RemapSummary {
    RemapProgress counts;
    std::int64_t estimated = 0;  ///< mapped rows that used `normalised` (estimated) weights
    std::int64_t nearest = 0;    ///< mapped rows whose code was resolved to its nearest holder
    std::int64_t sized = 0;      ///< mapped rows apportioned by sizes (populations or --sizes)
    std::int64_t output_rows = 0;
    std::int64_t noted = 0;              ///< mapped rows whose figures carry notes (orglineage/notes.hpp)
    std::int64_t noted_output_rows = 0;  ///< output rows with notes
    std::vector<ColumnTotals> totals;
    std::vector<std::pair<RejectReason, std::int64_t>> rejects_by_reason; ///< reasons that occurred
    std::string data_version; ///< the dataset's version
    std::string sizes;        ///< what sized weights were based on (e.g. `population, ONS mid-2020 LSOA estimates`)
    unsigned threads = 1;     ///< threads that read the input
};

/**
 * Streams CSV figures from `in` and writes them re-expressed in the bodies active on
 * `options.to` to `out` (CSV). Each row's code is resolved on the row's own date: a body that
 * held the function; a body that did not (a sub-ICB location: its figures are its ICB's); a
 * group (SHA, cluster, region: split over its members by population); an area (local
 * authority, LSOA: its holders, with their shares of it). Its values are apportioned by the
 * crosswalk weights (forwards: what it held on that date; backwards: see Crosswalk, sized by
 * population by default). Memory is bounded by the dataset and, when aggregating, by the number
 * of (target body, date) pairs, never by the input's size.
 *
 * Values are written at the precision of the input (a column of whole numbers stays whole) and
 * the rounding is distributed so that the output total of every date equals its input total to
 * the last digit.
 *
 * Output, aggregated: `<code column>,name,<date column>,<value columns>...,rows,basis,body_id,notes`,
 * ordered by date then body id; the code is the target's (ODS, else ONS, else its id) on `to`.
 * Row by row: `line,<code column>,<date column>,target_code,target_name,weight,basis,method,
 * <value columns>...,notes`. `notes` names the kinds of the caveats of the figures in the row (a
 * link deduced or from a secondary source, an estimated or apportioned weight, an area or LSOA
 * answered by derivation, a date after the knowledge horizon, an announced change), `;`-separated;
 * RemapOptions::on_note gives each with the count of input rows behind it. Notes are kept per
 * output row and per distinct set of them, never per input row.
 *
 * Rejected rows go to `on_reject` (may be empty) with their line number and reason, in input order.
 * @throws LookupError for an unknown function or kind
 * @throws Error when the header lacks a named column or the input has no header
 */
ORGLINEAGE_API RemapSummary remap(const Lineage& lineage, std::istream& in, std::ostream& out, const RemapOptions& options,
                   const std::function<void(const Reject&)>& on_reject = {});

/**
 * remap over a file, read by several threads at once (byte ranges split at line ends, each
 * aggregated alone and merged). Gives the same output as remap on the file's stream.
 * @throws Error when the file cannot be read, and as remap
 */
RemapSummary remap_file(const Lineage& lineage, const std::string& path, std::ostream& out,
                        const RemapOptions& options, const std::function<void(const Reject&)>& on_reject = {});

/**
 * Body sizes from a CSV `code,size` (a header row first; the code an ODS/ONS code or body id as
 * on `on`). Every size must be a finite number above zero.
 * @throws DataError with `name:line` for an unreadable row, an unknown code, a bad size
 */
[[nodiscard]] std::unordered_map<std::string, double> read_sizes(const Lineage& lineage, std::istream& in,
                                                                 const std::string& name, const Date& on);

/// Writes a reject as a CSV row `line,reason,message,raw`; `header` writes the column names.
ORGLINEAGE_API void write_reject_csv(std::ostream& out, const Reject& reject);
ORGLINEAGE_API void write_reject_csv_header(std::ostream& out);

} // namespace orglineage
