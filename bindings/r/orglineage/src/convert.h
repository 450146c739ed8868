// SPDX-License-Identifier: MIT
// orglineage for R: the library's answers as R objects (named lists of columns with a "types"
// attribute, values as lists) that R/ turns into data.frames.
#pragma once

#include "answer_columns.hpp"
#include "column_table.hpp"

#include <Rcpp.h>

namespace orglineage::r {

/// A column table as a named list of columns with a "types" attribute (text, date, number, ...).
[[nodiscard]] Rcpp::List to_r(const bind::ColumnTable& table);
/// A table built row by row (remap), in the same shape.
[[nodiscard]] Rcpp::List to_r(const bind::Table& table);
/// A value of an answer: NULL, a logical, a number, a string, or a (named) list.
[[nodiscard]] SEXP to_r(const Value& value);
/// An answer laid out: list(rows, notes, tables, extra, query, remarks, exit).
[[nodiscard]] Rcpp::List to_r(const bind::AnswerFrame& frame);

} // namespace orglineage::r
