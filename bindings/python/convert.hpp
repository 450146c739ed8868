// SPDX-License-Identifier: MIT
// orglineage for Python: the library's answers as Python objects (column tables of numpy arrays and
// lists, values as dicts and lists) that orglineage/__init__.py turns into DataFrames.
#pragma once

#include "../common/answer_columns.hpp"
#include "../common/column_table.hpp"

#include <pybind11/pybind11.h>

namespace orglineage::python {

/// A column table as {"columns": [...], "types": [...], "data": {name: array or list}}.
[[nodiscard]] pybind11::dict to_python(const bind::ColumnTable& table);
/// A table built row by row (remap), in the same shape.
[[nodiscard]] pybind11::dict to_python(const bind::Table& table);
/// A value of an answer as None, bool, int, float, str, list or dict.
[[nodiscard]] pybind11::object to_python(const Value& value);
/// An answer laid out: {"rows", "notes", "tables", "extra", "query", "remarks", "exit"}.
[[nodiscard]] pybind11::dict to_python(const bind::AnswerFrame& frame);
/// A problem as {"kind", "message", "suggestions", "exit"}.
[[nodiscard]] pybind11::dict to_python(const Problem& problem);

} // namespace orglineage::python
