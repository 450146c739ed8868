// SPDX-License-Identifier: MIT
// orglineage serve — /openapi.json.
#include "openapi.hpp"

#include <nlohmann/json.hpp>

namespace orglineage::serve {

namespace {

using Json = nlohmann::ordered_json;

Json schema_of(ParamType type) {
    switch (type) {
    case ParamType::date: return Json{{"type", "string"}, {"description", "YYYY-MM-DD, or an NHS form the CLI accepts"}};
    case ParamType::boolean: return Json{{"type", "boolean"}};
    case ParamType::integer: return Json{{"type", "integer"}, {"minimum", 0}};
    case ParamType::text: break;
    }
    return Json{{"type", "string"}};
}

const char* media_type(const std::string& format) {
    if (format == "csv") return "text/csv";
    if (format == "svg") return "image/svg+xml";
    if (format == "dot") return "text/vnd.graphviz";
    if (format == "html") return "text/html";
    if (format == "js") return "text/javascript";
    if (format == "css") return "text/css";
    return "application/json";
}

Json parameter(const Param& p) {
    Json j{{"name", p.name}, {"in", "query"}, {"required", p.required}, {"description", p.description},
           {"schema", schema_of(p.type)}};
    if (p.type == ParamType::boolean) j["allowEmptyValue"] = true;
    if (!p.example.empty()) j["example"] = p.example;
    return j;
}

Json error_reply(const std::string& description) {
    return Json{{"description", description},
                {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

Json operation(const Endpoint& e) {
    Json op{{"summary", e.summary}, {"tags", Json::array({e.tag})}};
    if (!e.description.empty()) op["description"] = e.description;
    Json params = Json::array();
    for (const auto& p : e.params) params.push_back(parameter(p));
    if (e.formats.size() > 1)
        params.push_back(Json{{"name", "format"},
                              {"in", "query"},
                              {"required", false},
                              {"description", "the layout of the answer (also chosen by the Accept header)"},
                              {"schema", {{"type", "string"}, {"enum", e.formats}, {"default", e.formats.front()}}}});
    if (!params.empty()) op["parameters"] = params;
    Json ok{{"description", "the answer"}, {"content", Json::object()}};
    for (const auto& f : e.formats) {
        Json media = Json::object();
        if (f == "json" && e.tag == "questions" && e.method == "GET") media["schema"] = {{"$ref", "#/components/schemas/Answer"}};
        ok["content"][media_type(f)] = media;
    }
    op["responses"] = Json{{"200", ok}};
    if (e.tag == "questions") {
        op["responses"]["400"] = error_reply("a bad question: an unknown parameter, a bad date, function or kind");
        op["responses"]["404"] = error_reply("nothing found: no body, area or answer (the message says why)");
    }
    if (e.method == "POST") {
        op["requestBody"] = {{"required", true},
                             {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}};
        op["responses"]["413"] = error_reply("the body is larger than the server's limit");
    }
    return op;
}

Json object_of(Json properties) { return Json{{"type", "object"}, {"properties", std::move(properties)}}; }
Json list_of(Json items) { return Json{{"type", "array"}, {"items", std::move(items)}}; }
Json typed(const char* type) { return Json{{"type", type}}; }

Json components() {
    const Json note = object_of({{"kind", typed("string")}, {"text", typed("string")}, {"about", typed("string")}});
    const Json row = object_of({{"notes", list_of({{"$ref", "#/components/schemas/Note"}})}});
    Json remarks = list_of(object_of({{"kind", typed("string")}, {"text", typed("string")}}));
    remarks["description"] = "what the CLI says on standard error: how the question was read, caveats, "
                             "why an answer is empty";
    Json answer = object_of({{"query", typed("object")}, {"results", list_of(row)}, {"remarks", remarks}});
    answer["description"] = "the CLI's JSON: how the question was read, then one record per row, each with its notes";
    Json exit = typed("integer");
    exit["description"] = "the CLI's exit code for the same failure";
    const Json error = object_of({{"error", object_of({{"exit", exit},
                                                      {"message", typed("string")},
                                                      {"suggestions", list_of(typed("string"))},
                                                      {"status", typed("integer")}})}});
    return Json{{"schemas", {{"Note", note}, {"Answer", answer}, {"Error", error}}}};
}

} // namespace

std::string openapi_json(const std::vector<Endpoint>& endpoints, const std::string& version) {
    Json paths = Json::object();
    for (const auto& e : endpoints) {
        std::string method = e.method;
        for (auto& c : method) c = static_cast<char>(c - 'A' + 'a');
        paths[e.path][method] = operation(e);
    }
    Json doc{{"openapi", "3.0.3"},
             {"info",
              {{"title", "orglineage"},
               {"version", version},
               {"description", "English NHS commissioning bodies over time: the orglineage CLI's questions over "
                               "HTTP, with the same parameter names, answers and messages."}}},
             {"paths", paths},
             {"components", components()}};
    return doc.dump(2) + "\n";
}

} // namespace orglineage::serve
