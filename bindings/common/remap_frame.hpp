// SPDX-License-Identifier: MIT
// orglineage bindings — remap of a data frame: the frame's columns, under their own names, go to
// the library's streaming remap as the CSV the user would have written (numbers in their shortest
// round-trip form, never with invented digits), with every option of `orglineage remap`. The
// frame is text to the library exactly as a file is, so that a bad cell ('n/a', '12,000') is a
// `bad-value` reject and a misspelt column the library's error naming the columns, as in the CLI.
#pragma once

#include "column_table.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/remap.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orglineage::bind {

/// A question the library cannot read: a bad date, option or column name (the CLI's usage error,
/// exit 2). Python raises orglineage.QuestionError, R a condition of class orglineage_question_error.
class QuestionError : public Error {
  public:
    using Error::Error;
};

/// One column of the frame: numbers (NaN for a missing cell) or text (nullopt for a missing cell).
struct FrameColumn {
    std::string name;
    bool numeric = false;
    std::vector<double> numbers;
    std::vector<std::optional<std::string>> text;
    [[nodiscard]] std::size_t size() const noexcept { return numeric ? numbers.size() : text.size(); }
};

/// The options of `orglineage remap` that apply to a frame (no files, threads or delimiter).
struct FrameRemapOptions {
    std::string code_column, date_column;
    std::vector<std::string> value_columns;
    std::string to;                          ///< YYYY-MM-DD
    std::string function = "commissioning";
    std::string to_kind;                     ///< empty: the holders of `function`
    std::string date_format = "auto";        ///< auto, YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, YYYY/YY
    bool aggregate = true, nearest = false, estimates = true, populations = true;
    std::string max_rejects;                 ///< N or P%; empty: no limit
    std::string sizes_csv;                   ///< `code,size` rows (with a header); empty: populations
    std::string sizes_label = "sizes";
};

/// What the CLI would have written: the output, its notes file, the rejects, the summary.
struct FrameRemapResult {
    Table mapped{};  ///< the output (the frame's code, date and value column names kept)
    Table notes{};   ///< output_row, body_id, <date column>, kind, rows, note, about
    Table rejects{}; ///< row (0-based, in the frame), line, reason, message, raw
    Table totals{};  ///< column, read, mapped, output, rejected, blank
    RemapSummary summary{};
    /// The CLI's refusal after the run (judge_remap: "remap: no row mapped (...)", "... more than
    /// --max-rejects"): the door raises it (LookupError, exit 1), with the result attached.
    std::string failure;
};

/**
 * Remaps the frame as `orglineage remap` would remap it written to CSV, its options read by the
 * answers layer (Answers::read_remap) and the run judged by judge_remap, as the CLI's are.
 * @throws AnswerError for a bad option (date, date format, function, kind, max_rejects);
 *         Error for a missing column (naming the frame's columns) or columns of unequal length
 */
[[nodiscard]] FrameRemapResult remap_frame(const Answers& answers, const std::vector<FrameColumn>& frame,
                                           const FrameRemapOptions& options);

/// `value` in the shortest form that reads back as the same double ("0.1", "1e+26", "12000").
[[nodiscard]] std::string shortest(double value);

} // namespace orglineage::bind
