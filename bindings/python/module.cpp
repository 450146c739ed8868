// SPDX-License-Identifier: MIT
// orglineage for Python: the C++ library's queries, their answers as columns (numpy arrays for
// numbers, lists of str/None for text) that orglineage/__init__.py turns into DataFrames.
#include "../common/tables.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>

namespace py = pybind11;
namespace ol = orglineage;
namespace bind = orglineage::bind;

namespace {

ol::Date to_date(const std::string& text) {
    if (auto d = ol::parse_date(text)) return *d;
    throw ol::LookupError("'" + text + "' is not a date (YYYY-MM-DD)");
}

std::optional<ol::Date> to_date(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return to_date(*text);
}

/// A table as {"columns": [...], "types": [...], "data": {name: array or list}}.
py::dict to_python(const bind::Table& t) {
    py::list names, types;
    py::dict data;
    for (const auto& c : t.columns()) {
        names.append(c.name);
        if (c.type == bind::Column::Type::number) {
            types.append("number");
            data[py::str(c.name)] = py::array_t<double>(static_cast<py::ssize_t>(c.numbers.size()), c.numbers.data());
            continue;
        }
        types.append(c.type == bind::Column::Type::date ? "date" : "text");
        py::list values(c.text.size());
        for (std::size_t i = 0; i < c.text.size(); ++i)
            values[i] = c.text[i] ? py::object(py::str(*c.text[i])) : py::object(py::none());
        data[py::str(c.name)] = values;
    }
    py::dict out;
    out["columns"] = names;
    out["types"] = types;
    out["data"] = data;
    return out;
}

/// Runs a query without the GIL, then converts its answer with it.
template <class F> py::dict answer(F&& query) {
    bind::Table t;
    {
        py::gil_scoped_release release;
        t = query();
    }
    return to_python(t);
}

class PyLineage {
  public:
    explicit PyLineage(const std::string& path) {
        py::gil_scoped_release release;
        m_lin = std::make_unique<ol::Lineage>(ol::Lineage::load(path));
        m_path = path;
    }
    [[nodiscard]] const ol::Lineage& lin() const { return *m_lin; }
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::unique_ptr<ol::Lineage> m_lin;
    std::string m_path;
};

bind::RemapInput remap_input(py::list codes, py::list dates, py::list value_names, py::list values) {
    bind::RemapInput in;
    in.codes = codes.cast<std::vector<std::string>>();
    in.dates = dates.cast<std::vector<std::string>>();
    in.value_names = value_names.cast<std::vector<std::string>>();
    for (auto v : values) {
        auto column = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(v);
        if (!column || static_cast<std::size_t>(column.size()) != in.codes.size())
            throw ol::Error("each value column must have one number per row");
        in.values.emplace_back(column.data(), column.data() + column.size());
    }
    if (in.dates.size() != in.codes.size()) throw ol::Error("codes and dates differ in length");
    return in;
}

} // namespace

PYBIND11_MODULE(_orglineage, m) {
    m.doc() = "orglineage's C++ library (use the orglineage package, which returns DataFrames)";
    auto error = py::register_exception<ol::Error>(m, "Error", PyExc_RuntimeError);
    auto data_error = py::register_exception<ol::DataError>(m, "DataError", error.ptr());
    py::register_exception<ol::ValidationError>(m, "ValidationError", data_error.ptr());
    // orglineage.LookupError is also a builtin LookupError, so `except LookupError` catches it.
    py::object lookup = py::reinterpret_borrow<py::object>(PyExc_LookupError);
    py::object lookup_type = py::reinterpret_steal<py::object>(PyErr_NewException(
        "orglineage._orglineage.LookupError", py::make_tuple(error, lookup).ptr(), nullptr));
    m.attr("LookupError") = lookup_type;
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ol::LookupError& e) {
            PyErr_SetString(py::module_::import("orglineage._orglineage").attr("LookupError").ptr(), e.what());
        }
    });
    m.def("version", [] { return std::string(ol::version()); });
    m.def("default_data_dir", &bind::default_data_dir);

    py::class_<PyLineage>(m, "Lineage")
        .def(py::init<const std::string&>(), py::arg("path"))
        .def_property_readonly("path", &PyLineage::path)
        .def_property_readonly("data_version", [](const PyLineage& s) { return s.lin().dataset().version; })
        .def("who", [](const PyLineage& s, const std::string& area, const std::string& on, const std::string& f, bool legal) {
            const auto d = to_date(on);
            return answer([&] { return bind::who(s.lin(), area, d, f, legal); });
        })
        .def("successors", [](const PyLineage& s, const std::string& body, const std::string& on, const std::string& f,
                              const std::optional<std::string>& since) {
            const auto d = to_date(on);
            const auto from = to_date(since);
            return answer([&] { return bind::successors(s.lin(), body, d, f, from); });
        })
        .def("predecessors", [](const PyLineage& s, const std::string& body, const std::string& on, const std::string& f,
                                const std::optional<std::string>& back_to) {
            const auto d = to_date(on);
            const auto back = to_date(back_to);
            return answer([&] { return bind::predecessors(s.lin(), body, d, f, back); });
        })
        .def("resolve", [](const PyLineage& s, const std::string& code, const std::optional<std::string>& on) {
            const auto d = to_date(on);
            return answer([&] { return bind::resolve(s.lin(), code, d); });
        })
        .def("snapshot", [](const PyLineage& s, const std::string& on, const std::string& kind) {
            const auto d = to_date(on);
            return answer([&] { return bind::snapshot(s.lin(), d, kind); });
        })
        .def("diff", [](const PyLineage& s, const std::string& d1, const std::string& d2, const std::string& kind) {
            const auto a = to_date(d1);
            const auto b = to_date(d2);
            return answer([&] { return bind::diff(s.lin(), a, b, kind); });
        })
        .def("groups", [](const PyLineage& s, const std::string& body, const std::string& on) {
            const auto d = to_date(on);
            return answer([&] { return bind::groups(s.lin(), body, d); });
        })
        .def("members", [](const PyLineage& s, const std::string& group, const std::string& on) {
            const auto d = to_date(on);
            return answer([&] { return bind::members(s.lin(), group, d); });
        })
        .def("lineage", [](const PyLineage& s, const std::string& body) {
            std::pair<bind::Table, bind::Table> t;
            {
                py::gil_scoped_release release;
                t = bind::lineage(s.lin(), body);
            }
            return py::make_tuple(to_python(t.first), to_python(t.second));
        })
        .def("crosswalk", [](const PyLineage& s, const std::string& frm, const std::string& to, const std::string& kind,
                             const std::string& f) {
            const auto a = to_date(frm);
            const auto b = to_date(to);
            return answer([&] { return bind::crosswalk(s.lin(), a, b, kind, f); });
        })
        .def("remap", [](const PyLineage& s, py::list codes, py::list dates, py::list value_names, py::list values,
                         const std::string& to, const std::string& f) {
            const auto input = remap_input(codes, dates, value_names, values);
            const auto d = to_date(to);
            bind::RemapResult r;
            {
                py::gil_scoped_release release;
                r = bind::remap(s.lin(), input, d, f);
            }
            return py::make_tuple(to_python(r.mapped), to_python(r.rejects), to_python(r.totals));
        });
}
