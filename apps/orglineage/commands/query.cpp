// SPDX-License-Identifier: MIT
// orglineage query FILE|-: many questions, one a line (JSON lines or CSV), each answered by the
// answers layer as one line of JSON. A line that cannot be answered gets its error on its own
// output line; the rest go on. Lines are read within a fixed length, so no input takes more memory.
#include "../cli.hpp"

#include <fstream>
#include <iostream>

namespace orglineage::cli {

namespace {

/// One input line, at most max_question_line bytes kept; `length` is its whole length.
struct Line {
    std::string text;
    std::size_t length = 0;
};

/// Reads the next line (without its line end). A line longer than the limit is read to its end and
/// dropped but for its first bytes. @returns false at the end of the input
bool next_line(std::istream& in, Line& line) {
    line.text.clear();
    line.length = 0;
    std::streambuf* buf = in.rdbuf();
    bool any = false;
    for (int c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc()) {
        any = true;
        if (c == '\n') return true;
        if (line.length++ <= max_question_line) line.text += static_cast<char>(c);
    }
    return any;
}

Value error_line(Value doc, const std::string& input, const Problem& p) {
    doc["input"] = shortened(input, 1000);
    Value error = Value::record();
    error["exit"] = p.exit_code;
    error["message"] = p.message;
    if (!p.suggestions.empty()) {
        Value s = Value::list();
        for (const auto& x : p.suggestions) s.push_back(x);
        error["suggestions"] = std::move(s);
    }
    doc["error"] = std::move(error);
    return doc;
}

/// Answers every line of `in` on `out`; @returns the number of lines that could not be answered.
std::size_t run_batch(Context& ctx, std::istream& in, std::ostream& out) {
    const Answers& answers = ctx.answers();
    Line line;
    std::size_t number = 0, failed = 0;
    while (next_line(in, line)) {
        ++number;
        std::string& text = line.text;
        if (line.length == text.size() && !text.empty() && text.back() == '\r') text.pop_back();
        const auto first = text.find_first_not_of(" \t");
        if (first == std::string::npos || text[first] == '#') continue;
        if (number == 1 && text.compare(0, 6, "query,") == 0) continue; // a CSV header
        Value doc = Value::record();
        doc["line"] = number;
        QuestionLine q;
        if (line.length > text.size()) {
            q.problem = Problem{ProblemKind::bad_question,
                                "line of " + std::to_string(line.length) + " bytes (at most " +
                                    std::to_string(max_question_line) + ")",
                                {}, exit_usage};
        } else {
            q = read_question_line(text);
        }
        if (!q.question.id.is_null()) doc["id"] = q.question.id;
        if (q.problem) {
            ++failed;
            doc = error_line(std::move(doc), text, *q.problem);
        } else {
            const Answer a = answers.ask(q.question);
            if (a.problem) {
                ++failed;
                doc = error_line(std::move(doc), text, *a.problem);
            } else {
                const Value v = to_value(a);
                for (std::size_t i = 0; i < v.size(); ++i) doc[v.keys()[i]] = v.items()[i];
                if (a.exit_code != exit_ok) doc["exit"] = a.exit_code;
                if (!a.remarks.empty()) doc["remarks"] = remarks_value(a);
            }
        }
        out << dump_json(doc) << '\n';
    }
    return failed;
}

std::string kinds_list() {
    std::string out;
    for (const auto& n : question_names()) out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

void add_query(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("query", "Answer many queries, one a line (JSON lines or CSV), as JSON lines");
    auto input = std::make_shared<std::string>();
    cmd->add_option("INPUT", *input, "a file of queries, or - for standard input")->required();
    cmd->footer("Lines (CSV: kind then arguments; or a JSON object with \"query\" and named arguments):\n"
                "  resolve,CODE[,DATE]          {\"query\":\"resolve\",\"code\":\"5QP\",\"on\":\"2010-01-01\"}\n"
                "  who,AREA,DATE[,FUNCTION]     {\"query\":\"who\",\"area\":\"E06000052\",\"on\":\"2010-06-01\"}\n"
                "  successors,BODY,DATE[,FUNCTION]   predecessors,BODY,DATE[,FUNCTION]\n"
                "  groups,BODY,DATE             members,GROUP,DATE      snapshot,DATE[,KIND]\n"
                "  diff,DATE1,DATE2[,KIND]\n"
                "Queries: " + kinds_list() + "; JSON names as the command's options (code_on, back_to, postcode,\n"
                "postcode_file, legal, population; \"id\" is echoed back).\n"
                "Each answer is one JSON line {\"line\":N,\"query\":{...},\"results\":[...]} as the command's --format json,\n"
                "with \"remarks\" (what the command says on stderr) and \"exit\" when the answer is empty; a line\n"
                "that cannot be answered gets {\"line\":N,\"input\":...,\"error\":{\"exit\":1,\"message\":...}} and\n"
                "the rest go on. Limits: a line of at most 1 MiB, JSON nested at most 16 deep; a longer,\n"
                "deeper or non-UTF-8 line is one error line.\n"
                "Exit code: 0 when every line was answered, 1 when any was not.\n"
                "Example: printf 'resolve,5QP,2010-01-01\\n' | orglineage query -");
    cmd->callback([&ctx, input] {
        std::ios::sync_with_stdio(false);
        std::size_t failed = 0;
        if (*input == "-") {
            failed = run_batch(ctx, std::cin, std::cout);
        } else {
            std::ifstream in(*input, std::ios::binary);
            if (!in) throw Failure(exit_usage, "cannot open '" + *input + "'");
            failed = run_batch(ctx, in, std::cout);
        }
        std::cout.flush();
        if (failed) {
            say(std::to_string(failed) + " line(s) not answered (see their \"error\")");
            ctx.exit_code = exit_not_found;
        }
    });
}

} // namespace orglineage::cli
