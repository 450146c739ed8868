// SPDX-License-Identifier: MIT
// orglineage for Python: the C++ library's queries, their answers as columns (numpy arrays for
// numbers, lists of str/None for text) that orglineage/__init__.py turns into DataFrames.
#include "../common/answer_columns.hpp"
#include "../common/data_dir.hpp"
#include "../common/remap_frame.hpp"
#include "convert.hpp"

#include <orglineage/image.hpp>
#include <orglineage/load.hpp>
#include <orglineage/version.hpp>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <utility>

namespace py = pybind11;
namespace ol = orglineage;
namespace bind = orglineage::bind;

namespace {

/// An answer for the package: {"answer": laid out} or {"problem": ...}, raised in Python as the
/// package's own exception.
py::dict answer_or_problem(const ol::Answer& a) {
    py::dict out;
    if (a.problem) out["problem"] = orglineage::python::to_python(*a.problem);
    else out["answer"] = orglineage::python::to_python(bind::frame_of(a));
    return out;
}

class PyLineage {
  public:
    PyLineage(const std::string& path, bool include_announced) {
        py::gil_scoped_release release;
        ol::LoadOptions options;
        options.include_announced = include_announced;
        m_lin = std::make_unique<ol::Lineage>(ol::Lineage::load(path, options));
        ol::AnswerOptions answer_options;
        answer_options.include_announced = include_announced;
        m_answers = std::make_unique<ol::Answers>(*m_lin, answer_options);
        m_path = path;
        // The image Lineage::load took, if any: the path itself, or a current one beside it.
        if (ol::is_image_file(path)) m_image = path;
        else if (!include_announced && ol::image_is_current(ol::image_beside(path), path)) m_image = ol::image_beside(path);
    }
    [[nodiscard]] const std::string& image() const { return m_image; }
    [[nodiscard]] const ol::Lineage& lin() const { return *m_lin; }
    [[nodiscard]] const ol::Answers& answers() const { return *m_answers; }
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::unique_ptr<ol::Lineage> m_lin;
    std::unique_ptr<ol::Answers> m_answers; ///< after m_lin: it refers to it
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
        // A question by name, answered by the library's answers layer: the answer laid out, or
        // {"problem": ...} for the package to raise as its own exception.
        .def("ask", [](const PyLineage& s, const std::string& question,
                       const std::vector<std::pair<std::string, std::string>>& args) {
            ol::Answer a;
            {
                py::gil_scoped_release release;
                a = s.answers().ask(ol::NamedQuestion{question, args, {}});
            }
            return answer_or_problem(a);
        })
        // `who` for many (area, date) pairs in one call (Answers::who_many).
        .def("who_many", [](const PyLineage& s, const std::vector<std::string>& areas,
                            const std::vector<std::string>& dates, const std::string& function, bool legal) {
            ol::Answer a;
            {
                py::gil_scoped_release release;
                a = s.answers().who_many(areas, dates, function, legal);
            }
            return answer_or_problem(a);
        })
        .def("remap", [](const PyLineage& s, const py::list& columns, const bind::FrameRemapOptions& o) {
            const auto frame = frame_columns(columns);
            bind::FrameRemapResult r;
            try {
                py::gil_scoped_release release;
                r = bind::remap_frame(s.answers(), frame, o);
            } catch (const bind::AnswerError& e) {
                py::dict problem;
                problem["problem"] = orglineage::python::to_python(e.problem());
                return problem;
            } catch (const ol::LookupError&) {
                throw;
            } catch (const ol::DataError&) {
                throw;
            } catch (const ol::Error& e) {
                throw bind::QuestionError(e.what()); // a missing column, as the CLI's usage error
            }
            py::dict out;
            using orglineage::python::to_python;
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
