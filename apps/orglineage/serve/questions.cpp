// SPDX-License-Identifier: MIT
// orglineage serve — the question endpoints: parameters (the CLI's names) in, the answers layer's
// Answer out, laid out by the library's own JSON and CSV writers (orglineage/answer.hpp). Nothing
// is answered here.
#include "questions.hpp"

#include "../cli.hpp"
#include "answer_response.hpp"
#include "picture.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/dot.hpp>

#include <sstream>

namespace orglineage::serve {

namespace {

Param text(std::string name, std::string description, std::string example = {}, bool required = false) {
    return Param{std::move(name), ParamType::text, required, std::move(description), std::move(example)};
}
Param date(std::string name, std::string description, std::string example = {}, bool required = false) {
    return Param{std::move(name), ParamType::date, required, std::move(description), std::move(example)};
}
Param flag(std::string name, std::string description) {
    return Param{std::move(name), ParamType::boolean, false, std::move(description), {}};
}

const Param function_param = text("function", "a function id (default: commissioning), e.g. commissioning.primary-care.dental",
                                  "commissioning");
const Param kind_param = text("kind", "a kind (any case); a kind takes in its family (pct: the care trusts that acted as PCTs)");

Endpoint question(std::string path, std::string summary, std::vector<Param> params,
                  std::function<Answer(const Call&)> ask) {
    Endpoint e;
    e.path = std::move(path);
    e.summary = std::move(summary);
    e.params = std::move(params);
    e.answer = [ask = std::move(ask)](const Call& c) { return answer_response(ask(c), c.format); };
    return e;
}

/// A parameter's value, or `fallback` when it is absent (a default of the question's own).
std::string value_or(const Call& c, const std::string& name, const std::string& fallback) {
    return c.has(name) ? c.text(name) : fallback;
}

SuccessionQuestion succession_question(const Call& c) {
    SuccessionQuestion q;
    q.body = c.text("body");
    q.on = c.text("on");
    q.function = value_or(c, "function", q.function);
    q.code_on = c.text("code-on");
    q.back_to = c.text("back-to");
    return q;
}

GroupsQuestion groups_question(const Call& c, const std::string& body) {
    GroupsQuestion q;
    q.body = c.text(body);
    q.on = c.text("on");
    q.kind = c.text("kind");
    return q;
}

/// /lineage as a picture: the view the answer was made of, drawn by Graphviz.
Response lineage_picture(const Answers& answers, const LineageQuestion& q, const std::string& format) {
    LineageView view;
    const Answer a = answers.lineage(q, &view);
    if (!a.answered()) return answer_response(a, "json");
    std::ostringstream dot;
    write_dot(dot, answers.lineage(), view);
    if (format == "dot") return Response{200, "text/vnd.graphviz; charset=utf-8", dot.str(), {}};
    std::string why;
    auto svg = draw_svg(dot.str(), why);
    if (!svg) return error_response(500, 70, why);
    return Response{200, "image/svg+xml", std::move(*svg), {}};
}

void add_place_and_body_questions(std::vector<Endpoint>& out, const Answers& answers, const QuestionOptions& options) {
    out.push_back(question(
        "/who", "the bodies holding a function for a place (a district of any date, an LSOA, a postcode) on a date",
        {text("area", "an ONS local authority code of any date or a name, or an LSOA code (E01...)", "E06000052"),
         text("postcode", "a postcode (the server must be started with --postcode-file)"),
         date("on", "the date (YYYY-MM-DD)", "2007-06-01", true), function_param,
         flag("legal", "the body holding the function in law, not a delegate exercising it"),
         flag("population", "for a local authority: its holders' shares of its population (ONS LSOA estimates)")},
        [&answers, options](const Call& c) {
            WhoQuestion q;
            q.area = c.text("area");
            q.on = c.text("on");
            q.function = value_or(c, "function", q.function);
            q.legal = c.flag("legal");
            q.population = c.flag("population");
            q.postcode = c.text("postcode");
            // A request never names a file: the postcode directory is the server's, given at start.
            if (!q.postcode.empty() && options.postcode_file.empty())
                return problem_answer("who", ProblemKind::bad_question,
                                      "this server has no postcode file (start it with --postcode-file FILE)");
            q.postcode_file = options.postcode_file;
            return answers.who(q);
        }));
    out.push_back(question("/resolve", "the body that had a code (ODS, ONS, an id) or a name on a date",
                           {text("code", "an ODS code, an ONS code, a body id or a name", "5QP", true),
                            date("on", "the date (without it: every body that ever had the code)", "2010-01-01")},
                           [&answers](const Call& c) {
                               ResolveQuestion q;
                               q.code = c.text("code");
                               q.on = c.text("on");
                               return answers.resolve(q);
                           }));
    const std::vector<Param> succession{
        text("body", "a body id, an ODS or ONS code (of any date) or a name", "pct/5QP", true),
        date("on", "the date (default: the day after the body ended, or today)", "2023-01-01"), function_param,
        date("code-on", "read the code as on this date (codes are reused)")};
    out.push_back(question("/successors", "the bodies that hold on a date what a body held", succession,
                           [&answers](const Call& c) { return answers.successors(succession_question(c)); }));
    auto back = succession;
    back.push_back(date("back-to", "follow back to the bodies active on this date"));
    out.push_back(question("/predecessors", "the bodies that before held what a body holds on a date", back,
                           [&answers](const Call& c) { return answers.predecessors(succession_question(c)); }));
    out.push_back(question("/groups", "the groups (clusters, parents, regions) a body belonged to",
                           {text("body", "a body id, code or name", "00K", true),
                            date("on", "only the memberships of this date", "2014-01-01"), kind_param},
                           [&answers](const Call& c) { return answers.groups(groups_question(c, "body")); }));
    out.push_back(question("/members", "the members of a group",
                           {text("group", "a group's id, code or name", "sha/south-west", true),
                            date("on", "only the memberships of this date", "2010-01-01"), kind_param},
                           [&answers](const Call& c) { return answers.members(groups_question(c, "group")); }));
}

void add_graph_questions(std::vector<Endpoint>& out, const Answers& answers) {
    Endpoint lineage = question(
        "/lineage", "the ancestors and descendants of a body, with the events and their sources",
        {text("body", "a body id, code or name", "pct/5QP", true), date("on", "read a code as on this date"),
         text("function", "follow only the links carrying this function"),
         flag("connected", "every body connected in any direction, not just ancestors and descendants")},
        [&answers](const Call& c) {
            LineageQuestion q;
            q.body = c.text("body");
            q.on = c.text("on");
            q.function = c.text("function");
            q.connected = c.flag("connected");
            return answers.lineage(q);
        });
    lineage.formats = {"json", "csv", "svg", "dot"};
    const auto as_table = lineage.answer;
    lineage.answer = [&answers, as_table](const Call& c) {
        if (c.format != "svg" && c.format != "dot") return as_table(c);
        LineageQuestion q;
        q.body = c.text("body");
        q.on = c.text("on");
        q.function = c.text("function");
        q.connected = c.flag("connected");
        return lineage_picture(answers, q, c.format);
    };
    out.push_back(std::move(lineage));
    out.push_back(question("/snapshot", "the bodies active on a date",
                           {date("on", "the date", "2010-01-01", true), kind_param}, [&answers](const Call& c) {
                               SnapshotQuestion q;
                               q.on = c.text("on");
                               q.kind = c.text("kind");
                               return answers.snapshot(q);
                           }));
    out.push_back(question("/diff", "the bodies that appeared, ended, or changed name or code between two dates",
                           {date("date1", "the first date", "2013-03-31", true),
                            date("date2", "the second date", "2013-04-01", true), kind_param},
                           [&answers](const Call& c) {
                               DiffQuestion q;
                               q.date1 = c.text("date1");
                               q.date2 = c.text("date2");
                               q.kind = c.text("kind");
                               return answers.diff(q);
                           }));
    out.push_back(question("/search", "bodies and areas by name or code, best matches first",
                           {text("text", "a name or part of one, or a code", "Cornwall", true),
                            date("on", "only bodies active and areas in force on this date"), kind_param,
                            Param{"max", ParamType::integer, false, "at most this many (0: all; default 25)", ""},
                            flag("bodies", "bodies only"), flag("areas", "areas only")},
                           [&answers](const Call& c) {
                               SearchQuestion q;
                               q.text = c.text("text");
                               q.on = c.text("on");
                               q.kind = c.text("kind");
                               q.max = value_or(c, "max", q.max);
                               q.bodies_only = c.flag("bodies");
                               q.areas_only = c.flag("areas");
                               return answers.search(q);
                           }));
    out.push_back(question("/changes", "what happened on a day, or between two days",
                           {date("from", "the first day", "2013-04-01", true),
                            date("to", "the last day (default: the first)"), kind_param},
                           [&answers](const Call& c) {
                               ChangesQuestion q;
                               q.from = c.text("from");
                               q.to = c.text("to");
                               q.kind = c.text("kind");
                               return answers.changes(q);
                           }));
    out.push_back(question("/crosswalk", "the weights mapping the bodies of one date onto those of another",
                           {date("from", "the date whose bodies are the rows", "2012-04-01"),
                            date("to", "the date whose bodies are the columns", "2013-04-01", true), kind_param,
                            function_param,
                            flag("all-dates", "one long table for figures of every date (code, valid_from, valid_to)")},
                           [&answers](const Call& c) {
                               CrosswalkQuestion q;
                               q.from = c.text("from");
                               q.to = c.text("to");
                               q.kind = c.text("kind");
                               q.function = value_or(c, "function", q.function);
                               q.all_dates = c.flag("all-dates");
                               return answers.crosswalk(q);
                           }));
}

} // namespace

std::vector<Endpoint> question_endpoints(cli::Context& ctx, const QuestionOptions& options) {
    const Answers& answers = ctx.answers();
    // Built now rather than by the first request (each takes about as long as opening the data).
    (void)answers.area_history();
    (void)answers.small_areas();
    std::vector<Endpoint> out;
    add_place_and_body_questions(out, answers, options);
    add_graph_questions(out, answers);
    out.push_back(remap_endpoint(ctx, options));
    return out;
}

} // namespace orglineage::serve
