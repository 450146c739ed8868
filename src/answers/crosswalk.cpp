// SPDX-License-Identifier: MIT
// orglineage — `crosswalk`: the weights from the bodies of one date to those of another, or the
// long table for figures of every date; each weight with its notes.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/crosswalk.hpp>
#include <orglineage/csv.hpp>
#include <orglineage/notes.hpp>
#include <orglineage/text.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <tuple>

namespace orglineage {

using namespace answers;

namespace {

std::string code_on(const Body& b, const Date& d) {
    std::string c = b.ods_on(d);
    return c.empty() ? b.ons_on(d) : c;
}

/// The size in a `body,size` row: a real, positive amount (NaN, infinity, 0 or less would make
/// every weight of the row NaN or zero); nothing for a header's text.
std::optional<double> size_of(const std::string& text, const std::string& where, bool header) {
    double size = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
    const bool number = ec == std::errc() && end == text.data() + text.size() && !text.empty();
    if (!number && ec != std::errc::result_out_of_range && header) return std::nullopt;
    if (!number || !std::isfinite(size) || size <= 0)
        fail(ProblemKind::bad_question,
             where + ": size '" + shortened(text) + "' is not a positive number (a body's size, e.g. its population)");
    return size;
}

/// Reads `body,size` rows (a body id or a code in use on `on`; a header row is skipped).
std::unordered_map<std::string, double> read_size_file(const Lineage& lin, const std::string& path, const Date& on) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(ProblemKind::bad_question, "cannot read --sizes file '" + path + "'");
    std::unordered_map<std::string, double> out;
    CsvReader reader(in);
    CsvRecord rec;
    bool first = true;
    double total = 0;
    while (reader.next(rec)) {
        const bool header = first;
        first = false;
        const std::string where = path + ":" + std::to_string(rec.line);
        if (!rec.ok() || rec.fields.size() < 2) fail(ProblemKind::bad_question, where + ": expected 'body,size'");
        const auto size = size_of(std::string(rec.fields[1]), where, header);
        if (!size) continue;
        total += *size;
        if (!std::isfinite(total))
            fail(ProblemKind::bad_question, where + ": the sizes add up beyond the largest number (about 1.8e308)");
        const std::string code(rec.fields[0]);
        const Body* b = lin.find(code);
        if (!b) {
            const auto found = lin.resolve(code, on);
            if (found.size() != 1)
                fail(ProblemKind::not_found, where + ": no single body had '" + code + "' on " + format_date(on));
            b = found.front();
        }
        out[b->id] = *size;
    }
    return out;
}

/// The long table: one row per code, span of days and target (see long_crosswalk).
Answer long_table(const Lineage& lin, const CrosswalkQuestion& q, const CrosswalkOptions& o, const Date& to) {
    Answer out;
    out.columns = {"code", "valid_from", "valid_to", "source_id", "target_id", "target_code", "weight", "basis", "method"};
    out.exact_columns = {"weight"};
    out.query["command"] = "crosswalk";
    out.query["to"] = q.to;
    out.query["all_dates"] = true;
    out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
    out.query["function"] = q.function;
    out.query["data"] = data_value(lin);
    const auto rows = long_crosswalk(lin, to, o);
    // A body with several codes repeats its spans: their notes are worked out once.
    std::map<std::tuple<const Body*, Date, const Body*>, Value> noted;
    for (const auto& r : rows) {
        auto [it, fresh] = noted.try_emplace({r.source, r.valid_from, r.target});
        if (fresh)
            it->second = notes_value(weight_notes(lin, *r.source, Weight{r.target, r.weight, r.basis, r.method},
                                                  r.valid_from, to, o.function, r.valid_to));
        Value v = Value::record();
        v["code"] = r.code;
        v["valid_from"] = format_date(r.valid_from);
        v["valid_to"] = format_date(r.valid_to);
        v["source_id"] = r.source->id;
        v["target_id"] = r.target->id;
        v["target_code"] = code_on(*r.target, to);
        v["weight"] = share_value(r.weight);
        v["basis"] = std::string(to_string(r.basis));
        v["method"] = std::string(to_string(r.method));
        v["notes"] = it->second;
        out.rows.push_back(std::move(v));
    }
    if (rows.empty()) {
        out.remarks.push_back({RemarkKind::outcome, "no figures of any date map onto the bodies of " + q.to});
        out.exit_code = answer_not_found;
    }
    return out;
}

Value weight_row(const Body& row_body, const Date& from, const Weight* w, const Date& to) {
    Value v = Value::record();
    v["from_id"] = row_body.id;
    v["from_code"] = code_on(row_body, from);
    v["from_name"] = row_body.name_on(from);
    v["to_id"] = w ? Value(w->target->id) : Value();
    v["to_code"] = w ? Value(code_on(*w->target, to)) : Value();
    v["to_name"] = w ? Value(w->target->name_on(to)) : Value();
    v["weight"] = w ? share_value(w->weight) : Value();
    v["basis"] = w ? Value(std::string(to_string(w->basis))) : Value();
    v["method"] = w ? Value(std::string(to_string(w->method))) : Value();
    return v;
}

} // namespace

Answer Answers::crosswalk(const CrosswalkQuestion& q) const {
    return guarded("crosswalk", [&] {
        const Lineage& lin = m_lineage;
        // Kinds in any case (the library compares them as the dataset writes them).
        CrosswalkQuestion asked = q;
        if (const auto kinds = read_kinds(lin, q.kind); !kinds.empty()) asked.kind = kinds.front();
        check_function(lin, q.function);
        if (!q.all_dates && q.from.empty()) fail(ProblemKind::bad_question, "crosswalk needs --from DATE or --all-dates");
        const Date to = read_date(q.to);
        CrosswalkOptions o;
        o.kind = asked.kind;
        o.function = q.function;
        if (!q.sizes.empty()) o.sizes = read_size_file(lin, q.sizes, to);
        if (q.all_dates) return long_table(lin, asked, o, to);
        const Date from = read_date(q.from);
        const auto cw = Crosswalk::build(lin, from, to, o);
        Answer out;
        out.columns = {"from_id", "from_code", "from_name", "to_id", "to_code", "to_name", "weight", "basis", "method"};
        out.exact_columns = {"weight"};
        out.query["command"] = "crosswalk";
        out.query["from"] = q.from;
        out.query["to"] = q.to;
        out.query["direction"] = cw.forward() ? "forwards" : "backwards";
        out.query["kind"] = asked.kind.empty() ? Value() : Value(asked.kind);
        out.query["function"] = q.function;
        out.query["sizes"] = q.sizes.empty() ? Value() : Value(q.sizes);
        out.query["data"] = data_value(lin);
        std::size_t incomplete = 0;
        Value rows = Value::list();
        for (const auto& row : cw.rows()) {
            if (!row.complete) ++incomplete;
            Value r = Value::record();
            r["id"] = row.body->id;
            r["sum"] = row.sum;
            r["complete"] = row.complete;
            rows.push_back(std::move(r));
            for (const auto& w : row.weights) {
                out.rows.push_back(weight_row(*row.body, from, &w, to));
                out.rows.back()["notes"] = notes_value(weight_notes(lin, *row.body, w, from, to, o.function));
            }
            if (row.weights.empty()) out.rows.push_back(weight_row(*row.body, from, nullptr, to));
        }
        out.extra["rows"] = std::move(rows);
        if (cw.rows().empty()) {
            out.remarks.push_back({RemarkKind::outcome, "no " +
                                                            (asked.kind.empty() ? std::string("bodies")
                                                                                : "bodies of kind '" + asked.kind + "'") +
                                                            " active on " + q.from});
            out.exit_code = answer_not_found;
        } else if (incomplete > 0) {
            out.remarks.push_back({RemarkKind::outcome, std::to_string(incomplete) + " of " +
                                                            std::to_string(cw.rows().size()) +
                                                            " rows do not sum to 1 (a function ended with no successor, "
                                                            "or a share is unknown)"});
        }
        return out;
    });
}

} // namespace orglineage
