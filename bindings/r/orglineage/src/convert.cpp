// SPDX-License-Identifier: MIT
// orglineage for R: answers as R objects.
#include "convert.h"

#include <cmath>

namespace orglineage::r {

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

Rcpp::CharacterVector text_vector(const std::vector<std::optional<std::string>>& text) {
    Rcpp::CharacterVector v(text.size());
    for (std::size_t r = 0; r < text.size(); ++r) v[r] = text[r] ? Rcpp::String(*text[r], CE_UTF8) : NA_STRING;
    return v;
}

Rcpp::NumericVector number_vector(const std::vector<double>& numbers) {
    Rcpp::NumericVector v(numbers.begin(), numbers.end());
    for (auto& x : v)
        if (std::isnan(x)) x = NA_REAL; // unknown is NA in R
    return v;
}

} // namespace

Rcpp::List to_r(const bind::ColumnTable& t) {
    const auto n = t.columns.size();
    Rcpp::List out(n);
    Rcpp::CharacterVector names(n), types(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = t.columns[i];
        names[i] = c.name;
        types[i] = type_name(c.type);
        switch (c.type) {
        case bind::AnswerColumn::Type::number:
        case bind::AnswerColumn::Type::integer: out[i] = number_vector(c.numbers); break;
        case bind::AnswerColumn::Type::boolean: {
            Rcpp::LogicalVector v(c.flags.size());
            for (std::size_t r = 0; r < c.flags.size(); ++r) v[r] = c.flags[r] < 0 ? NA_LOGICAL : c.flags[r];
            out[i] = v;
            break;
        }
        default: out[i] = text_vector(c.text);
        }
    }
    out.attr("names") = names;
    out.attr("types") = types;
    return out;
}

Rcpp::List to_r(const bind::Table& t) {
    const auto n = t.columns().size();
    Rcpp::List out(n);
    Rcpp::CharacterVector names(n), types(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = t.columns()[i];
        names[i] = c.name;
        if (c.type == bind::Column::Type::number) {
            types[i] = "number";
            out[i] = number_vector(c.numbers);
            continue;
        }
        types[i] = c.type == bind::Column::Type::date ? "date" : "text";
        out[i] = text_vector(c.text);
    }
    out.attr("names") = names;
    out.attr("types") = types;
    return out;
}

SEXP to_r(const Value& v) {
    switch (v.type()) {
    case Value::Type::null: return R_NilValue;
    case Value::Type::boolean: return Rcpp::wrap(v.boolean());
    case Value::Type::integer:
    case Value::Type::number: return Rcpp::wrap(v.number());
    case Value::Type::text: return Rcpp::wrap(Rcpp::String(v.text(), CE_UTF8));
    case Value::Type::list: {
        Rcpp::List out(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) out[i] = to_r(v.items()[i]);
        return out;
    }
    case Value::Type::record: {
        Rcpp::List out(v.size());
        Rcpp::CharacterVector names(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            out[i] = to_r(v.items()[i]);
            names[i] = v.keys()[i];
        }
        out.attr("names") = names;
        return out;
    }
    }
    return R_NilValue;
}

Rcpp::List to_r(const bind::AnswerFrame& f) {
    Rcpp::CharacterVector kinds(f.remarks.size()), texts(f.remarks.size());
    for (std::size_t i = 0; i < f.remarks.size(); ++i) {
        kinds[i] = remark_name(f.remarks[i].kind);
        texts[i] = Rcpp::String(f.remarks[i].text, CE_UTF8);
    }
    Rcpp::List tables(f.tables.size());
    Rcpp::CharacterVector table_names(f.tables.size());
    for (std::size_t i = 0; i < f.tables.size(); ++i) {
        table_names[i] = f.tables[i].first;
        tables[i] = to_r(f.tables[i].second);
    }
    tables.attr("names") = table_names;
    return Rcpp::List::create(Rcpp::Named("rows") = to_r(f.rows), Rcpp::Named("notes") = to_r(f.notes),
                              Rcpp::Named("tables") = tables, Rcpp::Named("extra") = to_r(f.extra),
                              Rcpp::Named("query") = to_r(f.query),
                              Rcpp::Named("remarks") = Rcpp::DataFrame::create(Rcpp::Named("kind") = kinds,
                                                                               Rcpp::Named("text") = texts,
                                                                               Rcpp::Named("stringsAsFactors") = false),
                              Rcpp::Named("exit") = f.exit_code);
}

} // namespace orglineage::r
