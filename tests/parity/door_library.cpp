// SPDX-License-Identifier: MIT
// The parity suite's library door: answers each question through the answers layer
// (orglineage/ask.hpp) and writes one raw answer line per question (README.md, "Raw answers").
//   parity.py plain QUESTIONS... | parity_library DATA - > library.jsonl
// Each line is a question as `orglineage query -` reads it (read_question_line, then Answers::ask);
// a remap question is read by Answers::read_remap, run by remap() on its input file and judged by
// judge_remap, as the CLI's remap does.
#include <orglineage/ask.hpp>
#include <orglineage/csv.hpp>
#include <orglineage/load.hpp>
#include <orglineage/remap.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace ol = orglineage;

namespace {

/// The last value of a named argument ("" when absent).
std::string arg(const ol::NamedQuestion& q, const std::string& name, std::string fallback = "") {
    for (const auto& [n, v] : q.args)
        if (n == name) fallback = v;
    return fallback;
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, by)) out.push_back(part);
    return out;
}

/// CSV text as records of text (an empty cell: null).
ol::Value csv_records(const std::string& text) {
    std::istringstream in(text);
    ol::CsvReader reader(in);
    ol::CsvRecord rec;
    ol::Value rows = ol::Value::list();
    std::vector<std::string> header;
    if (!reader.next(rec)) return rows;
    for (auto f : rec.fields) header.emplace_back(f);
    while (reader.next(rec)) {
        ol::Value row = ol::Value::record();
        for (std::size_t i = 0; i < header.size() && i < rec.fields.size(); ++i)
            row[header[i]] = rec.fields[i].empty() ? ol::Value() : ol::Value(std::string(rec.fields[i]));
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A remap question: {"exit", "error"} or {"answer": {"results": output rows, "rejects": [...]}}.
void answer_remap(const ol::Answers& answers, const ol::NamedQuestion& q, ol::Value& raw) {
    ol::RemapQuestion rq;
    rq.code_column = arg(q, "code_column");
    rq.date_column = arg(q, "date_column");
    rq.value_columns = split(arg(q, "value_columns"), ',');
    rq.to = arg(q, "to");
    rq.function = arg(q, "function", rq.function);
    rq.to_kind = arg(q, "to_kind");
    rq.date_format = arg(q, "date_format", rq.date_format);
    rq.max_rejects = arg(q, "max_rejects");
    rq.aggregate = arg(q, "aggregate") != "false";
    rq.estimates = arg(q, "estimates") != "false";
    rq.populations = arg(q, "populations") != "false";
    rq.nearest = arg(q, "nearest") == "true";
    rq.threads = 1;
    const ol::RemapReading reading = answers.read_remap(rq);
    auto fail = [&raw](int exit, const std::string& message) {
        raw["exit"] = exit;
        raw["error"] = message;
        raw["answer"] = ol::Value();
    };
    if (reading.problem) return fail(reading.problem->exit_code, reading.problem->message);
    std::ostringstream out;
    ol::Value rejects = ol::Value::list();
    ol::RemapSummary summary;
    try {
        summary = ol::remap_file(answers.lineage(), arg(q, "input"), out, reading.options, [&](const ol::Reject& r) {
            ol::Value rec = ol::Value::record();
            rec["line"] = static_cast<long long>(r.line);
            rec["reason"] = std::string(ol::to_string(r.reason));
            rejects.push_back(std::move(rec));
        });
    } catch (const ol::LookupError& e) {
        return fail(ol::answer_not_found, e.what());
    } catch (const ol::DataError& e) {
        return fail(ol::answer_bad_data, std::string("data error: ") + e.what());
    } catch (const ol::Error& e) { // a missing column: the CLI's usage error
        return fail(ol::answer_bad_question, e.what());
    }
    if (const auto problem = ol::judge_remap(summary, rq.max_rejects)) return fail(problem->exit_code, problem->message);
    raw["exit"] = 0;
    raw["error"] = ol::Value();
    raw["answer"]["results"] = csv_records(out.str());
    raw["answer"]["rejects"] = std::move(rejects);
}

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 3) {
        std::cerr << "usage: parity_library DATA QUESTIONS.jsonl|-\n";
        return 2;
    }
    try {
        const auto lineage = ol::Lineage::load(argv[1]);
        const ol::Answers answers(lineage);
        std::ifstream file;
        const std::string path = argv[2];
        if (path != "-") {
            file.open(path, std::ios::binary);
            if (!file) {
                std::cerr << "cannot read " << path << '\n';
                return 2;
            }
        }
        std::istream& in = path == "-" ? std::cin : file;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto q = ol::read_question_line(line);
            ol::Value raw = ol::Value::record();
            raw["id"] = q.question.id;
            if (!q.problem && q.question.question == "remap") {
                answer_remap(answers, q.question, raw);
            } else {
                const ol::Answer a = q.problem ? ol::Answer{} : answers.ask(q.question);
                const auto* problem = q.problem ? &*q.problem : a.problem ? &*a.problem : nullptr;
                raw["exit"] = problem ? problem->exit_code : a.exit_code;
                raw["error"] = problem ? ol::Value(problem->message) : ol::Value();
                raw["answer"] = problem ? ol::Value() : ol::to_value(a);
            }
            std::cout << ol::dump_json(raw) << '\n';
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "parity_library: " << e.what() << '\n';
        return 3;
    }
}
