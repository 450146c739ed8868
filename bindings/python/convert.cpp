// SPDX-License-Identifier: MIT
// orglineage for Python: answers as Python objects.
#include "convert.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace orglineage::python {

namespace {

const char* type_name(bind::AnswerColumn::Type t) {
    switch (t) {
    case bind::AnswerColumn::Type::date: return "date";
    case bind::AnswerColumn::Type::number: return "number";
    case bind::AnswerColumn::Type::integer: return "integer";
    case bind::AnswerColumn::Type::boolean: return "boolean";
    case bind::AnswerColumn::Type::text: break;
    }
    return "text";
}

const char* remark_name(RemarkKind k) {
    switch (k) {
    case RemarkKind::reading: return "reading";
    case RemarkKind::caveat: return "caveat";
    case RemarkKind::source: return "source";
    case RemarkKind::outcome: return "outcome";
    }
    return "reading";
}

py::list text_list(const std::vector<std::optional<std::string>>& text) {
    py::list values(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        values[i] = text[i] ? py::object(py::str(*text[i])) : py::object(py::none());
    return values;
}

py::array_t<double> number_array(const std::vector<double>& numbers) {
    return py::array_t<double>(static_cast<py::ssize_t>(numbers.size()), numbers.data());
}

py::dict table(py::list names, py::list types, py::dict data) {
    py::dict out;
    out["columns"] = std::move(names);
    out["types"] = std::move(types);
    out["data"] = std::move(data);
    return out;
}

} // namespace

py::dict to_python(const bind::ColumnTable& t) {
    py::list names, types;
    py::dict data;
    for (const auto& c : t.columns) {
        names.append(c.name);
        types.append(type_name(c.type));
        py::str key(c.name);
        switch (c.type) {
        case bind::AnswerColumn::Type::number:
        case bind::AnswerColumn::Type::integer: data[key] = number_array(c.numbers); break;
        case bind::AnswerColumn::Type::boolean: {
            py::list values(c.flags.size());
            for (std::size_t i = 0; i < c.flags.size(); ++i)
                values[i] = c.flags[i] < 0 ? py::object(py::none()) : py::object(py::bool_(c.flags[i] == 1));
            data[key] = values;
            break;
        }
        default: data[key] = text_list(c.text);
        }
    }
    return table(names, types, data);
}

py::dict to_python(const bind::Table& t) {
    py::list names, types;
    py::dict data;
    for (const auto& c : t.columns()) {
        names.append(c.name);
        py::str key(c.name);
        if (c.type == bind::Column::Type::number) {
            types.append("number");
            data[key] = number_array(c.numbers);
            continue;
        }
        types.append(c.type == bind::Column::Type::date ? "date" : "text");
        data[key] = text_list(c.text);
    }
    return table(names, types, data);
}

py::object to_python(const Value& v) {
    switch (v.type()) {
    case Value::Type::null: return py::none();
    case Value::Type::boolean: return py::bool_(v.boolean());
    case Value::Type::integer: return py::int_(v.integer());
    case Value::Type::number: return py::float_(v.number());
    case Value::Type::text: return py::str(v.text());
    case Value::Type::list: {
        py::list out;
        for (const auto& e : v.items()) out.append(to_python(e));
        return std::move(out);
    }
    case Value::Type::record: {
        py::dict out;
        for (std::size_t i = 0; i < v.keys().size(); ++i) out[py::str(v.keys()[i])] = to_python(v.items()[i]);
        return std::move(out);
    }
    }
    return py::none();
}

py::dict to_python(const bind::AnswerFrame& f) {
    py::dict out;
    out["rows"] = to_python(f.rows);
    out["notes"] = to_python(f.notes);
    py::dict tables;
    for (const auto& [name, table] : f.tables) tables[py::str(name)] = to_python(table);
    out["tables"] = tables;
    out["extra"] = to_python(f.extra);
    out["query"] = to_python(f.query);
    py::list remarks;
    for (const auto& r : f.remarks) remarks.append(py::make_tuple(remark_name(r.kind), r.text));
    out["remarks"] = remarks;
    out["exit"] = f.exit_code;
    return out;
}

py::dict to_python(const Problem& p) {
    py::dict out;
    out["kind"] = bind::problem_kind_name(p.kind);
    out["message"] = p.message;
    out["suggestions"] = p.suggestions;
    out["exit"] = p.exit_code;
    return out;
}

} // namespace orglineage::python
