// SPDX-License-Identifier: MIT
// orglineage for Python: the C++ library's queries, their answers as columns (numpy arrays for
// numbers, lists of str/None for text) that orglineage/__init__.py turns into DataFrames.
#include "../common/remap_frame.hpp"
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
    throw bind::QuestionError("bad date '" + text + "' (expected YYYY-MM-DD, a real calendar day)");
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
    PyLineage(const std::string& path, bool include_announced) {
        py::gil_scoped_release release;
        ol::LoadOptions options;
        options.include_announced = include_announced;
        m_lin = std::make_unique<ol::Lineage>(ol::Lineage::load(path, options));
        m_path = path;
        // The image Lineage::load took, if any: the path itself, or a current one beside it.
        if (ol::is_image_file(path)) m_image = path;
        else if (!include_announced && ol::image_is_current(ol::image_beside(path), path)) m_image = ol::image_beside(path);
    }
    [[nodiscard]] const std::string& image() const { return m_image; }
    [[nodiscard]] const ol::Lineage& lin() const { return *m_lin; }
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::unique_ptr<ol::Lineage> m_lin;
    std::string m_path;
    std::string m_image;
};

/// A cell of an object column as the text a CSV file would hold (None: an empty cell).
std::optional<std::string> cell_text(py::handle v) {
    if (v.is_none()) return std::nullopt;
    if (PyFloat_Check(v.ptr())) {
        const double d = PyFloat_AsDouble(v.ptr());
        if (std::isnan(d)) return std::nullopt;
        return bind::shortest(d);
    }
    if (PyUnicode_Check(v.ptr())) return v.cast<std::string>();
    return py::str(v).cast<std::string>(); // ints exactly; anything else as Python writes it
}

/// The frame's columns: (name, float64 array) for numbers, (name, list) for anything else.
std::vector<bind::FrameColumn> frame_columns(const py::list& columns) {
    std::vector<bind::FrameColumn> frame;
    for (auto item : columns) {
        auto pair = item.cast<py::tuple>();
        bind::FrameColumn c;
        c.name = pair[0].cast<std::string>();
        if (py::isinstance<py::array>(pair[1])) {
            auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(pair[1]);
            if (!a) throw py::type_error("column '" + c.name + "' is not numeric");
            c.numeric = true;
            c.numbers.assign(a.data(), a.data() + a.size());
        } else {
            auto values = pair[1].cast<py::list>();
            c.text.reserve(values.size());
            for (auto v : values) c.text.push_back(cell_text(v));
        }
        frame.push_back(std::move(c));
    }
    return frame;
}

py::dict summary_dict(const ol::RemapSummary& s) {
    py::dict d;
    d["rows"] = s.counts.rows;
    d["mapped"] = s.counts.mapped;
    d["rejected"] = s.counts.rejected;
    d["output_rows"] = s.output_rows;
    d["estimated"] = s.estimated;
    d["nearest"] = s.nearest;
    d["sized"] = s.sized;
    d["noted"] = s.noted;
    d["noted_output_rows"] = s.noted_output_rows;
    d["data_version"] = s.data_version;
    d["sizes"] = s.sizes;
    py::dict reasons;
    for (const auto& [why, n] : s.rejects_by_reason) reasons[py::str(std::string(ol::to_string(why)))] = n;
    d["rejects_by_reason"] = reasons;
    return d;
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
    // orglineage.QuestionError (a bad date, option or column) is also a ValueError.
    py::object value_error = py::reinterpret_borrow<py::object>(PyExc_ValueError);
    m.attr("QuestionError") = py::reinterpret_steal<py::object>(PyErr_NewException(
        "orglineage._orglineage.QuestionError", py::make_tuple(error, value_error).ptr(), nullptr));
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ol::LookupError& e) {
            PyErr_SetString(py::module_::import("orglineage._orglineage").attr("LookupError").ptr(), e.what());
        } catch (const bind::QuestionError& e) {
            PyErr_SetString(py::module_::import("orglineage._orglineage").attr("QuestionError").ptr(), e.what());
        }
    });
    m.def("version", [] { return std::string(ol::version()); });
    m.def("default_data_dir", &bind::default_data_dir);

    py::class_<PyLineage>(m, "Lineage")
        .def(py::init<const std::string&, bool>(), py::arg("path"), py::arg("include_announced") = false)
        .def_property_readonly("path", &PyLineage::path)
        .def_property_readonly("image", &PyLineage::image)
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
        .def("remap", [](const PyLineage& s, const py::list& columns, const bind::FrameRemapOptions& o) {
            const auto frame = frame_columns(columns);
            bind::FrameRemapResult r;
            {
                py::gil_scoped_release release;
                try {
                    r = bind::remap_frame(s.lin(), frame, o);
                } catch (const ol::LookupError&) {
                    throw;
                } catch (const ol::DataError&) {
                    throw;
                } catch (const ol::Error& e) {
                    throw bind::QuestionError(e.what()); // a bad option or column, as the CLI's usage error
                }
            }
            py::dict out;
            out["mapped"] = to_python(r.mapped);
            out["rejects"] = to_python(r.rejects);
            out["notes"] = to_python(r.notes);
            out["totals"] = to_python(r.totals);
            out["summary"] = summary_dict(r.summary);
            out["failure"] = r.failure;
            return out;
        });

    py::class_<bind::FrameRemapOptions>(m, "RemapOptions")
        .def(py::init<>())
        .def_readwrite("code_column", &bind::FrameRemapOptions::code_column)
        .def_readwrite("date_column", &bind::FrameRemapOptions::date_column)
        .def_readwrite("value_columns", &bind::FrameRemapOptions::value_columns)
        .def_readwrite("to", &bind::FrameRemapOptions::to)
        .def_readwrite("function", &bind::FrameRemapOptions::function)
        .def_readwrite("to_kind", &bind::FrameRemapOptions::to_kind)
        .def_readwrite("date_format", &bind::FrameRemapOptions::date_format)
        .def_readwrite("aggregate", &bind::FrameRemapOptions::aggregate)
        .def_readwrite("nearest", &bind::FrameRemapOptions::nearest)
        .def_readwrite("estimates", &bind::FrameRemapOptions::estimates)
        .def_readwrite("populations", &bind::FrameRemapOptions::populations)
        .def_readwrite("max_rejects", &bind::FrameRemapOptions::max_rejects)
        .def_readwrite("sizes_csv", &bind::FrameRemapOptions::sizes_csv)
        .def_readwrite("sizes_label", &bind::FrameRemapOptions::sizes_label);
}
