// SPDX-License-Identifier: MIT
// orglineage — one line of `query -` read as a question (JSON or CSV), within limits: a line that
// is too long, nested too deep, not UTF-8 or not a question gives a problem, never a crash.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/text.hpp>

#include <nlohmann/json.hpp>

namespace orglineage {

using namespace answers;

namespace {

using Json = nlohmann::ordered_json;

const std::string k_json_needs = "a JSON line needs \"query\": one of ";

/// The deepest nesting of arrays and objects in JSON text, counted outside strings (before any
/// parser sees it, so no depth reaches one).
int json_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

Value to_value(const Json& j) {
    if (j.is_null()) return {};
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_number_integer()) return j.get<long long>();
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) return j.get<std::string>();
    Value out = j.is_array() ? Value::list() : Value::record();
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (j.is_array()) out.push_back(to_value(*it));
        else out[it.key()] = to_value(*it);
    }
    return out;
}

NamedQuestion json_question(std::string_view line) {
    if (const int d = json_depth(line); d > max_question_depth)
        fail(ProblemKind::bad_question, "JSON nested " + std::to_string(d) + " deep (at most " +
                                            std::to_string(max_question_depth) + ")");
    Json j;
    try {
        j = Json::parse(line);
    } catch (const Json::exception& e) {
        fail(ProblemKind::bad_question, std::string("bad JSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("query") || !j["query"].is_string())
        fail(ProblemKind::bad_question, k_json_needs + join(question_names(), ", "));
    NamedQuestion q;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "id") q.id = to_value(it.value());
        else if (it.key() == "query") q.question = it.value().get<std::string>();
        else if (it.value().is_string()) q.args.emplace_back(it.key(), it.value().get<std::string>());
        else if (it.value().is_boolean()) q.args.emplace_back(it.key(), it.value().get<bool>() ? "true" : "false");
        else fail(ProblemKind::bad_question, "\"" + shortened(it.key()) + "\" must be a string");
    }
    return q;
}

std::vector<std::string> split_csv(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    if (quoted) fail(ProblemKind::bad_question, "unterminated quote");
    return out;
}

NamedQuestion csv_question(std::string_view line) {
    auto fields = split_csv(line);
    NamedQuestion q;
    q.question = fields.front();
    const auto* names = csv_arguments(q.question);
    if (!names) return q; // answered as an unknown question
    if (fields.size() - 1 > names->size())
        fail(ProblemKind::bad_question, "too many fields for '" + q.question + "' (" + std::to_string(names->size()) +
                                            " at most)");
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (!fields[i].empty()) q.args.emplace_back((*names)[i - 1], fields[i]);
    return q;
}

} // namespace

QuestionLine read_question_line(std::string_view line) {
    QuestionLine out;
    try {
        if (line.size() > max_question_line)
            fail(ProblemKind::bad_question, "line of " + std::to_string(line.size()) + " bytes (at most " +
                                                std::to_string(max_question_line) + ")");
        if (auto bad = invalid_utf8(line))
            fail(ProblemKind::bad_question, "not UTF-8 text (byte " + std::to_string(*bad + 1) + ")");
        const auto first = line.find_first_not_of(" \t");
        out.question = first != std::string_view::npos && line[first] == '{' ? json_question(line) : csv_question(line);
    } catch (Unanswerable& u) {
        out.problem = std::move(u.problem);
    }
    return out;
}

} // namespace orglineage
