// SPDX-License-Identifier: MIT
// orglineage bindings — an Answer of the answers layer (orglineage/ask.hpp) laid out as the
// columns of a data frame, for the Python and R packages alike. Nothing is worked out here: the
// rows, their notes, the query block, the problems and the vectorised questions are the library's;
// this file only turns values into typed columns (the answer's columns in the CLI's CSV order, then
// `notes`, the kinds of each row's notes as the CLI's text shows them) and every note into a row of
// a notes table.
#pragma once

#include <orglineage/answer.hpp>
#include <orglineage/ask.hpp>

#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <vector>

namespace orglineage::bind {

/// One column: text (dates as YYYY-MM-DD text, typed as dates by the door), numbers, or flags.
struct AnswerColumn {
    enum class Type { text, date, number, integer, boolean };
    std::string name;
    Type type = Type::text;
    std::vector<std::optional<std::string>> text; ///< text and date columns (nullopt: null)
    std::vector<double> numbers;                  ///< number and integer columns (NaN: null)
    std::vector<int> flags;                       ///< boolean columns (-1: null)
    [[nodiscard]] std::size_t size() const noexcept;
};

/// Columns of equal length.
struct ColumnTable {
    std::vector<AnswerColumn> columns;
    std::size_t rows = 0;
};

/// An answered question laid out.
struct AnswerFrame {
    ColumnTable rows;  ///< the answer's columns in the CLI's CSV order, then notes
    ColumnTable notes; ///< row (0-based in `rows`), kind, text, about: every note of every row
    /// Members of the answer's `extra` that are lists of records (lineage's links, who_many's
    /// errors and empty answers, ...), each laid out as a table.
    std::vector<std::pair<std::string, ColumnTable>> tables;
    Value extra = Value::record(); ///< the other members of the answer's `extra`
    Value query;                   ///< the answer's query block
    std::vector<Remark> remarks;   ///< how the question was read, caveats, why it is empty
    int exit_code = 0;
};

/// A question the library could not answer, raised by the doors as their own errors: Python
/// LookupError, QuestionError or DataError; R conditions of the matching classes.
class AnswerError : public Error {
  public:
    explicit AnswerError(const Problem& p) : Error(p.message), m_problem(p) {}
    [[nodiscard]] const Problem& problem() const noexcept { return m_problem; }

  private:
    Problem m_problem;
};

/// The answer laid out. @throws AnswerError when the answer has a problem
[[nodiscard]] AnswerFrame frame_of(const Answer& answer);

/// The name of a problem's kind: not_found, ambiguous, bad_question, bad_data.
[[nodiscard]] std::string problem_kind_name(ProblemKind kind);

} // namespace orglineage::bind
