// SPDX-License-Identifier: MIT
// orglineage for R: questions to the library's answers layer, their answers as lists of columns
// that R/ turns into data.frames (tibbles where installed). Errors carry their orglineage class to R.
#include "answer_columns.hpp"
#include "convert.h"
#include "data_dir.hpp"
#include "remap_frame.hpp"

#include <orglineage/image.hpp>
#include <orglineage/load.hpp>

#include <Rcpp.h>

namespace ol = orglineage;
namespace bind = orglineage::bind;

namespace {

/// Errors cross to R as "class<US>message"; R/call.R re-signals them as classed conditions.
[[noreturn]] void fail(const char* condition_class, const std::exception& e) {
    Rcpp::stop(std::string(condition_class) + "\x1f" + e.what());
}

/// Signals a problem of the answers layer as R/ re-signals it (class, message, then the
/// suggestions and the exit code, separated by the unit separator).
[[noreturn]] void fail_problem(const ol::Problem& p) {
    const char* condition = "orglineage_lookup_error";
    switch (p.kind) {
    case ol::ProblemKind::not_found: break;
    case ol::ProblemKind::ambiguous: condition = "orglineage_ambiguous_error"; break;
    case ol::ProblemKind::bad_question: condition = "orglineage_question_error"; break;
    case ol::ProblemKind::bad_data: condition = "orglineage_data_error"; break;
    }
    std::string text = std::string(condition) + "\x1f" + p.message + "\x1f" + std::to_string(p.exit_code);
    for (const auto& s : p.suggestions) text += "\x1f" + s;
    Rcpp::stop(text);
}

template <class F> auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const bind::AnswerError& e) {
        fail_problem(e.problem());
    } catch (const ol::ValidationError& e) {
        fail("orglineage_validation_error", e);
    } catch (const ol::DataError& e) {
        fail("orglineage_data_error", e);
    } catch (const ol::LookupError& e) {
        fail("orglineage_lookup_error", e);
    } catch (const bind::QuestionError& e) {
        fail("orglineage_question_error", e);
    } catch (const ol::Error& e) {
        fail("orglineage_error", e);
    }
}



/// A loaded dataset and the answers about it (which refer to it: it is allocated first).
struct Dataset {
    std::unique_ptr<ol::Lineage> lin;
    std::unique_ptr<ol::Answers> answers;
};

const Dataset& dataset(SEXP ptr) {
    Rcpp::XPtr<Dataset> p(ptr);
    if (!p) throw ol::Error("the dataset handle is not valid (was it saved and restored?)");
    return *p;
}

const ol::Lineage& lineage(SEXP ptr) { return *dataset(ptr).lin; }

} // namespace

// [[Rcpp::export(.ol_load)]]
SEXP ol_load_cpp(std::string path, std::string shipped, bool include_announced) {
    return guarded([&] {
        if (path.empty()) path = bind::default_data_dir({shipped});
        ol::LoadOptions options;
        options.include_announced = include_announced;
        auto* d = new Dataset;
        Rcpp::XPtr<Dataset> p(d, true);
        d->lin = std::make_unique<ol::Lineage>(ol::Lineage::load(path, options));
        ol::AnswerOptions answer_options;
        answer_options.include_announced = include_announced;
        d->answers = std::make_unique<ol::Answers>(*d->lin, answer_options);
        const ol::Lineage* lin = d->lin.get();
        p.attr("path") = path;
        // The image Lineage::load took, if any: the path itself, or a current one beside it.
        std::string image;
        if (ol::is_image_file(path)) image = path;
        else if (!include_announced && ol::image_is_current(ol::image_beside(path), path)) image = ol::image_beside(path);
        p.attr("image") = image;
        p.attr("data_version") = lin->dataset().version;
        return SEXP(p);
    });
}

// [[Rcpp::export(.ol_ask)]]
Rcpp::List ol_ask_cpp(SEXP lin, std::string question, std::vector<std::string> names,
                      std::vector<std::string> values) {
    ol::Answer a;
    guarded([&] {
        ol::NamedQuestion q{question, {}, {}};
        for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) q.args.emplace_back(names[i], values[i]);
        a = dataset(lin).answers->ask(q);
        return 0;
    });
    if (a.problem) fail_problem(*a.problem);
    return orglineage::r::to_r(bind::frame_of(a));
}

// [[Rcpp::export(.ol_who_many)]]
Rcpp::List ol_who_many_cpp(SEXP lin, std::vector<std::string> areas, std::vector<std::string> dates,
                           std::string function_id, bool legal) {
    ol::Answer a;
    guarded([&] {
        a = dataset(lin).answers->who_many(areas, dates, function_id, legal);
        return 0;
    });
    if (a.problem) fail_problem(*a.problem);
    return orglineage::r::to_r(bind::frame_of(a));
}

namespace {

/// The data.frame's columns (R/ has made each a double, integer or character vector).
std::vector<bind::FrameColumn> frame_columns(const Rcpp::List& df) {
    std::vector<bind::FrameColumn> frame;
    const Rcpp::CharacterVector names = df.names();
    for (R_xlen_t i = 0; i < df.size(); ++i) {
        bind::FrameColumn c;
        c.name = Rcpp::as<std::string>(names[i]);
        const SEXP column = df[i];
        switch (TYPEOF(column)) {
        case REALSXP: {
            const Rcpp::NumericVector v(column);
            c.numeric = true;
            c.numbers.assign(v.begin(), v.end()); // NA is a NaN: an empty cell
            break;
        }
        case INTSXP: {
            const Rcpp::IntegerVector v(column);
            c.numeric = true;
            for (int x : v) c.numbers.push_back(x == NA_INTEGER ? std::nan("") : static_cast<double>(x));
            break;
        }
        case STRSXP: {
            const Rcpp::CharacterVector v(column);
            for (R_xlen_t r = 0; r < v.size(); ++r)
                c.text.push_back(STRING_ELT(column, r) == NA_STRING
                                     ? std::nullopt
                                     : std::optional<std::string>(Rf_translateCharUTF8(STRING_ELT(column, r))));
            break;
        }
        default: throw bind::QuestionError("remap: column '" + c.name + "' is neither numbers nor text");
        }
        frame.push_back(std::move(c));
    }
    return frame;
}

Rcpp::List summary_list(const ol::RemapSummary& s) {
    Rcpp::IntegerVector reasons;
    Rcpp::CharacterVector reason_names;
    for (const auto& [why, n] : s.rejects_by_reason) {
        reasons.push_back(static_cast<int>(n));
        reason_names.push_back(std::string(ol::to_string(why)));
    }
    reasons.attr("names") = reason_names;
    return Rcpp::List::create(
        Rcpp::Named("rows") = static_cast<double>(s.counts.rows), Rcpp::Named("mapped") = static_cast<double>(s.counts.mapped),
        Rcpp::Named("rejected") = static_cast<double>(s.counts.rejected),
        Rcpp::Named("output_rows") = static_cast<double>(s.output_rows),
        Rcpp::Named("estimated") = static_cast<double>(s.estimated), Rcpp::Named("nearest") = static_cast<double>(s.nearest),
        Rcpp::Named("sized") = static_cast<double>(s.sized), Rcpp::Named("noted") = static_cast<double>(s.noted),
        Rcpp::Named("noted_output_rows") = static_cast<double>(s.noted_output_rows),
        Rcpp::Named("data_version") = s.data_version, Rcpp::Named("sizes") = s.sizes,
        Rcpp::Named("rejects_by_reason") = reasons);
}

} // namespace

// [[Rcpp::export(.ol_remap)]]
Rcpp::List ol_remap_cpp(SEXP lin, Rcpp::List df, Rcpp::List options) {
    return guarded([&] {
        bind::FrameRemapOptions o;
        o.code_column = Rcpp::as<std::string>(options["code"]);
        o.date_column = Rcpp::as<std::string>(options["date"]);
        o.value_columns = Rcpp::as<std::vector<std::string>>(options["value"]);
        o.to = Rcpp::as<std::string>(options["to"]);
        o.function = Rcpp::as<std::string>(options["function_id"]);
        o.to_kind = Rcpp::as<std::string>(options["to_kind"]);
        o.date_format = Rcpp::as<std::string>(options["date_format"]);
        o.aggregate = Rcpp::as<bool>(options["aggregate"]);
        o.nearest = Rcpp::as<bool>(options["nearest"]);
        o.estimates = Rcpp::as<bool>(options["estimates"]);
        o.populations = Rcpp::as<bool>(options["populations"]);
        o.max_rejects = Rcpp::as<std::string>(options["max_rejects"]);
        if (!Rf_isNull(options["sizes"])) { // the sizes as the CSV `--sizes` reads
            const Rcpp::List sizes = options["sizes"];
            const Rcpp::CharacterVector codes = sizes["code"];
            const Rcpp::NumericVector values = sizes["size"];
            o.sizes_csv = "code,size\n";
            for (R_xlen_t i = 0; i < codes.size() && i < values.size(); ++i)
                o.sizes_csv += (STRING_ELT(codes, i) == NA_STRING ? std::string() : std::string(Rf_translateCharUTF8(STRING_ELT(codes, i)))) + ',' +
                               (std::isnan(values[i]) ? std::string() : bind::shortest(values[i])) + '\n';
        }
        const auto frame = frame_columns(df);
        bind::FrameRemapResult r;
        try {
            r = bind::remap_frame(*dataset(lin).answers, frame, o);
        } catch (const bind::AnswerError&) {
            throw;
        } catch (const ol::LookupError&) {
            throw;
        } catch (const ol::DataError&) {
            throw;
        } catch (const bind::QuestionError&) {
            throw;
        } catch (const ol::Error& e) {
            throw bind::QuestionError(e.what()); // a bad option or column, as the CLI's usage error
        }
        using orglineage::r::to_r;
        return Rcpp::List::create(Rcpp::Named("mapped") = to_r(r.mapped), Rcpp::Named("rejects") = to_r(r.rejects),
                                  Rcpp::Named("notes") = to_r(r.notes), Rcpp::Named("totals") = to_r(r.totals),
                                  Rcpp::Named("summary") = summary_list(r.summary),
                                  Rcpp::Named("failure") = r.failure);
    });
}
