// SPDX-License-Identifier: MIT
// orglineage — an answer as JSON: the one layout the CLI, `query -` and the server print.
#include <orglineage/answer.hpp>

#include <nlohmann/json.hpp>

namespace orglineage {

namespace {

using Json = nlohmann::ordered_json;

Json to_nlohmann(const Value& v) {
    switch (v.type()) {
    case Value::Type::null: return nullptr;
    case Value::Type::boolean: return v.boolean();
    case Value::Type::integer: return v.integer();
    case Value::Type::number: return v.number();
    case Value::Type::text: return v.text();
    case Value::Type::list: {
        Json out = Json::array();
        for (const auto& item : v.items()) out.push_back(to_nlohmann(item));
        return out;
    }
    case Value::Type::record: {
        Json out = Json::object();
        for (std::size_t i = 0; i < v.size(); ++i) out[v.keys()[i]] = to_nlohmann(v.items()[i]);
        return out;
    }
    }
    return nullptr;
}

} // namespace

Value to_value(const Answer& answer) {
    Value doc = Value::record();
    if (answer.problem) {
        Value error = Value::record();
        error["exit"] = answer.problem->exit_code;
        error["message"] = answer.problem->message;
        Value suggestions = Value::list();
        for (const auto& s : answer.problem->suggestions) suggestions.push_back(s);
        error["suggestions"] = std::move(suggestions);
        doc["error"] = std::move(error);
        return doc;
    }
    doc["query"] = answer.query;
    Value results = Value::list();
    for (const auto& r : answer.rows) {
        results.push_back(r);
        // Every row has its notes, an empty list when it has none.
        if (!r.contains("notes")) results.items().back()["notes"] = Value::list();
    }
    doc["results"] = std::move(results);
    for (std::size_t i = 0; i < answer.extra.size(); ++i) doc[answer.extra.keys()[i]] = answer.extra.items()[i];
    return doc;
}

std::string dump_json(const Value& value, int indent) {
    // Text from the data and the arguments is checked to be UTF-8; should anything else reach here
    // (an environment variable), it is replaced, not a failure half way through an answer.
    return to_nlohmann(value).dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string to_json(const Answer& answer, int indent) { return dump_json(to_value(answer), indent); }

} // namespace orglineage
