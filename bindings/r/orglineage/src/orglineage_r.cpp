// SPDX-License-Identifier: MIT
// orglineage for R: the C++ library's queries, their answers as lists of columns that R/ turns
// into data.frames (tibbles where installed). Errors carry their orglineage class to R.
#include "remap_frame.hpp"
#include "tables.hpp"

#include <Rcpp.h>

namespace ol = orglineage;
namespace bind = orglineage::bind;

namespace {

/// Errors cross to R as "class<US>message"; R/call.R re-signals them as classed conditions.
[[noreturn]] void fail(const char* condition_class, const std::exception& e) {
    Rcpp::stop(std::string(condition_class) + "\x1f" + e.what());
}

template <class F> auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
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

ol::Date day(const std::string& text) {
    if (auto d = ol::parse_date(text)) return *d;
    throw bind::QuestionError("bad date '" + text + "' (expected YYYY-MM-DD, a real calendar day)");
}

std::optional<ol::Date> maybe_day(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return day(text);
}

/// A table as a named list of columns with a "types" attribute (text, date, number).
Rcpp::List to_r(const bind::Table& t) {
    Rcpp::List out(t.columns().size());
    Rcpp::CharacterVector names(t.columns().size()), types(t.columns().size());
    for (std::size_t i = 0; i < t.columns().size(); ++i) {
        const auto& c = t.columns()[i];
        names[i] = c.name;
        if (c.type == bind::Column::Type::number) {
            types[i] = "number";
            Rcpp::NumericVector v(c.numbers.begin(), c.numbers.end());
            for (auto& x : v)
                if (std::isnan(x)) x = NA_REAL; // unknown is NA in R
            out[i] = v;
            continue;
        }
        types[i] = c.type == bind::Column::Type::date ? "date" : "text";
        Rcpp::CharacterVector v(c.text.size());
        for (std::size_t r = 0; r < c.text.size(); ++r) v[r] = c.text[r] ? Rcpp::String(*c.text[r]) : NA_STRING;
        out[i] = v;
    }
    out.attr("names") = names;
    out.attr("types") = types;
    return out;
}

const ol::Lineage& lineage(SEXP ptr) {
    Rcpp::XPtr<ol::Lineage> p(ptr);
    if (!p) throw ol::Error("the dataset handle is not valid (was it saved and restored?)");
    return *p;
}

} // namespace

// [[Rcpp::export(.ol_load)]]
SEXP ol_load_cpp(std::string path, std::string shipped, bool include_announced) {
    return guarded([&] {
        if (path.empty()) path = bind::default_data_dir({shipped});
        ol::LoadOptions options;
        options.include_announced = include_announced;
        auto* lin = new ol::Lineage(ol::Lineage::load(path, options));
        Rcpp::XPtr<ol::Lineage> p(lin, true);
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

// [[Rcpp::export(.ol_who)]]
Rcpp::List ol_who_cpp(SEXP lin, std::string area, std::string on, std::string function_id, bool legal) {
    return guarded([&] { return to_r(bind::who(lineage(lin), area, day(on), function_id, legal)); });
}

// [[Rcpp::export(.ol_successors)]]
Rcpp::List ol_successors_cpp(SEXP lin, std::string body, std::string on, std::string function_id, std::string since) {
    return guarded([&] { return to_r(bind::successors(lineage(lin), body, day(on), function_id, maybe_day(since))); });
}

// [[Rcpp::export(.ol_predecessors)]]
Rcpp::List ol_predecessors_cpp(SEXP lin, std::string body, std::string on, std::string function_id,
                               std::string back_to) {
    return guarded(
        [&] { return to_r(bind::predecessors(lineage(lin), body, day(on), function_id, maybe_day(back_to))); });
}

// [[Rcpp::export(.ol_resolve)]]
Rcpp::List ol_resolve_cpp(SEXP lin, std::string code, std::string on) {
    return guarded([&] { return to_r(bind::resolve(lineage(lin), code, maybe_day(on))); });
}

// [[Rcpp::export(.ol_snapshot)]]
Rcpp::List ol_snapshot_cpp(SEXP lin, std::string on, std::string kind) {
    return guarded([&] { return to_r(bind::snapshot(lineage(lin), day(on), kind)); });
}

// [[Rcpp::export(.ol_diff)]]
Rcpp::List ol_diff_cpp(SEXP lin, std::string d1, std::string d2, std::string kind) {
    return guarded([&] { return to_r(bind::diff(lineage(lin), day(d1), day(d2), kind)); });
}

// [[Rcpp::export(.ol_groups)]]
Rcpp::List ol_groups_cpp(SEXP lin, std::string body, std::string on) {
    return guarded([&] { return to_r(bind::groups(lineage(lin), body, day(on))); });
}

// [[Rcpp::export(.ol_crosswalk)]]
Rcpp::List ol_crosswalk_cpp(SEXP lin, std::string from, std::string to, std::string kind, std::string function_id) {
    return guarded([&] { return to_r(bind::crosswalk(lineage(lin), day(from), day(to), kind, function_id)); });
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
                c.text.push_back(v[r] == NA_STRING ? std::nullopt
                                                   : std::optional<std::string>(Rcpp::as<std::string>(v[r])));
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
                o.sizes_csv += (codes[i] == NA_STRING ? std::string() : Rcpp::as<std::string>(codes[i])) + ',' +
                               (std::isnan(values[i]) ? std::string() : bind::shortest(values[i])) + '\n';
        }
        const auto frame = frame_columns(df);
        bind::FrameRemapResult r;
        try {
            r = bind::remap_frame(lineage(lin), frame, o);
        } catch (const ol::LookupError&) {
            throw;
        } catch (const ol::DataError&) {
            throw;
        } catch (const bind::QuestionError&) {
            throw;
        } catch (const ol::Error& e) {
            throw bind::QuestionError(e.what()); // a bad option or column, as the CLI's usage error
        }
        return Rcpp::List::create(Rcpp::Named("mapped") = to_r(r.mapped), Rcpp::Named("rejects") = to_r(r.rejects),
                                  Rcpp::Named("notes") = to_r(r.notes), Rcpp::Named("totals") = to_r(r.totals),
                                  Rcpp::Named("summary") = summary_list(r.summary),
                                  Rcpp::Named("failure") = r.failure);
    });
}
