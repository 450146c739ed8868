// SPDX-License-Identifier: MIT
// orglineage serve — POST /remap: a CSV of figures in the body, re-expressed by the library's
// remap() and sent back with its rejects and notes. The options are read by the answers layer.
#include "questions.hpp"

#include "../cli.hpp"
#include "answer_response.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/remap.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

namespace orglineage::serve {

namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

Json summary_json(const RemapSummary& s) {
    Json totals = Json::array();
    for (const auto& t : s.totals)
        totals.push_back(Json{{"column", t.column}, {"read", t.read_exact}, {"mapped", t.mapped_exact},
                              {"output", t.output_exact}, {"rejected", t.rejected_exact}, {"blank", t.blank}});
    Json reasons = Json::object();
    for (const auto& [why, n] : s.rejects_by_reason) reasons[std::string(to_string(why))] = n;
    return Json{{"rows", s.counts.rows},         {"mapped", s.counts.mapped},
                {"rejected", s.counts.rejected}, {"rejected_by_reason", reasons},
                {"output_rows", s.output_rows},  {"estimated", s.estimated},
                {"nearest", s.nearest},          {"sized", s.sized},
                {"sizes", s.sizes},              {"noted_rows", s.noted},
                {"noted_output_rows", s.noted_output_rows}, {"totals", totals},
                {"data_version", s.data_version}};
}

Json reject_json(const Reject& r) {
    return Json{{"line", r.line}, {"reason", std::string(to_string(r.reason))}, {"message", r.message}, {"raw", r.raw}};
}

Json note_json(const RemapNote& n) {
    return Json{{"output_row", n.output_row}, {"body_id", n.body_id}, {"date", n.date},
                {"kind", std::string(to_string(n.kind))}, {"rows", n.rows}, {"text", n.text}, {"about", n.about}};
}

Response json_response(unsigned status, const Json& doc) {
    Response r;
    r.status = status;
    r.body = doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    return r;
}

/// The remap question of a request, as the CLI's options name it.
std::optional<RemapQuestion> remap_question(const Call& c, std::string& error) {
    RemapQuestion q;
    q.code_column = c.text("code-column");
    q.date_column = c.text("date-column");
    q.value_columns = split_commas(c.text("value-column"));
    q.to = c.text("to");
    if (c.has("function")) q.function = c.text("function");
    q.to_kind = c.text("to-kind");
    if (c.has("date-format")) q.date_format = c.text("date-format");
    q.max_rejects = c.text("max-rejects");
    q.aggregate = !c.flag("no-aggregate");
    q.nearest = c.flag("nearest");
    q.estimates = !c.flag("no-estimates");
    q.populations = !c.flag("no-populations");
    q.threads = 1; // the request's thread: the server's other threads go on answering
    const std::string d = c.text("delimiter");
    if (d == "tab") q.delimiter = '\t';
    else if (d.size() == 1) q.delimiter = d[0];
    else if (!d.empty()) {
        error = "'delimiter' is one character, or 'tab'";
        return std::nullopt;
    }
    return q;
}

Response run_remap(const Answers& answers, const Call& c) {
    std::string why;
    const auto q = remap_question(c, why);
    if (!q) return error_response(400, 2, why);
    RemapReading reading = answers.read_remap(*q);
    if (reading.problem) return answer_response(problem_answer("remap", reading.problem->kind, reading.problem->message,
                                                               reading.problem->suggestions), "json");
    Json rejects = Json::array(), notes = Json::array();
    reading.options.on_note = [&notes](const RemapNote& n) { notes.push_back(note_json(n)); };
    std::istringstream in(c.request.body);
    std::ostringstream out;
    RemapSummary summary;
    try {
        summary = remap(answers.lineage(), in, out, reading.options,
                        [&rejects](const Reject& r) { rejects.push_back(reject_json(r)); });
    } catch (const LookupError& e) {
        return error_response(404, 1, e.what());
    } catch (const Error& e) {
        return error_response(400, 2, e.what());
    }
    if (auto problem = judge_remap(summary, q->max_rejects)) {
        Response r = answer_response(problem_answer("remap", problem->kind, problem->message), "json");
        Json doc = Json::parse(r.body);
        doc["summary"] = summary_json(summary);
        doc["rejects"] = rejects;
        r.body = doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
        return r;
    }
    if (c.format == "json")
        return json_response(200, Json{{"summary", summary_json(summary)}, {"output", out.str()},
                                       {"rejects", rejects}, {"notes", notes}});
    Response r{200, "text/csv; charset=utf-8", out.str(), {}};
    r.headers.emplace_back("X-Orglineage-Rows", std::to_string(summary.counts.rows));
    r.headers.emplace_back("X-Orglineage-Mapped", std::to_string(summary.counts.mapped));
    r.headers.emplace_back("X-Orglineage-Rejected", std::to_string(summary.counts.rejected));
    return r;
}

} // namespace

Endpoint remap_endpoint(cli::Context& ctx, const QuestionOptions&) {
    const Answers& answers = ctx.answers();
    Endpoint e;
    e.path = "/remap";
    e.method = "POST";
    e.summary = "a CSV of figures (the request's body) re-expressed in the bodies of another date";
    e.description = "The body is the CSV; the answer is the remapped CSV (format=csv, counts in X-Orglineage-* "
                    "headers), or with format=json the summary, the output, every rejected row with its line and "
                    "reason, and the notes of each output row. Sizes files are not taken: a request names no file.";
    e.params = {{"code-column", ParamType::text, true, "the column holding the code (ODS, ONS, LSOA, body id)", "ccg_code"},
                {"date-column", ParamType::text, true, "the column holding each row's date", "month"},
                {"value-column", ParamType::text, false, "the numeric columns to apportion, comma-separated", "items"},
                {"to", ParamType::date, true, "the date whose bodies the figures are re-expressed in", "2023-06-01"},
                {"to-kind", ParamType::text, false, "the kind of the output bodies (icb, sub-icb, region, ...)", ""},
                {"date-format", ParamType::text, false, "auto, YYYY-MM-DD, YYYY-MM, DD/MM/YYYY or YYYY/YY", "auto"},
                {"function", ParamType::text, false, "the function followed (default: commissioning)", ""},
                {"max-rejects", ParamType::text, false, "fail when more rows than N, or P%, are rejected", ""},
                {"no-aggregate", ParamType::boolean, false, "one output row per input row and target body", ""},
                {"nearest", ParamType::boolean, false, "a code not in use on its row's date goes to its nearest holder", ""},
                {"no-estimates", ParamType::boolean, false, "backwards: reject rows needing estimated weights", ""},
                {"no-populations", ParamType::boolean, false, "backwards: normalised forward shares, not populations", ""},
                {"delimiter", ParamType::text, false, "the field delimiter: one character, or 'tab'", ","}};
    e.formats = {"csv", "json"};
    e.answer = [&answers](const Call& c) { return run_remap(answers, c); };
    return e;
}

} // namespace orglineage::serve
