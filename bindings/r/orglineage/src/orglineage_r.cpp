// SPDX-License-Identifier: MIT
// orglineage for R: the C++ library's queries, their answers as lists of columns that R/ turns
// into data.frames (tibbles where installed). Errors carry their orglineage class to R.
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
    } catch (const ol::Error& e) {
        fail("orglineage_error", e);
    }
}

ol::Date day(const std::string& text) {
    if (auto d = ol::parse_date(text)) return *d;
    throw ol::LookupError("'" + text + "' is not a date (YYYY-MM-DD)");
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
SEXP ol_load_cpp(std::string path) {
    return guarded([&] {
        if (path.empty()) path = bind::default_data_dir({ORGLINEAGE_R_DATA_DIR});
        auto* lin = new ol::Lineage(ol::Lineage::load(path));
        Rcpp::XPtr<ol::Lineage> p(lin, true);
        p.attr("path") = path;
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

// [[Rcpp::export(.ol_remap)]]
Rcpp::List ol_remap_cpp(SEXP lin, Rcpp::CharacterVector codes, Rcpp::CharacterVector dates,
                        Rcpp::CharacterVector value_names, Rcpp::List values, std::string to, std::string function_id) {
    return guarded([&] {
        bind::RemapInput in;
        in.codes.reserve(static_cast<std::size_t>(codes.size()));
        for (const auto& c : codes) in.codes.emplace_back(c == NA_STRING ? "" : Rcpp::as<std::string>(c));
        for (const auto& d : dates) in.dates.emplace_back(d == NA_STRING ? "" : Rcpp::as<std::string>(d));
        in.value_names = Rcpp::as<std::vector<std::string>>(value_names);
        for (R_xlen_t i = 0; i < values.size(); ++i) {
            Rcpp::NumericVector v = values[i];
            in.values.emplace_back(v.begin(), v.end()); // NA is a NaN: a blank cell
        }
        const auto r = bind::remap(lineage(lin), in, day(to), function_id);
        return Rcpp::List::create(Rcpp::Named("mapped") = to_r(r.mapped), Rcpp::Named("rejects") = to_r(r.rejects),
                                  Rcpp::Named("totals") = to_r(r.totals));
    });
}
