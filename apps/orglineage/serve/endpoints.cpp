// SPDX-License-Identifier: MIT
// orglineage serve — routing a request to its endpoint and checking its parameters.
#include "endpoints.hpp"

#include <orglineage/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace orglineage::serve {

namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

bool is_boolean(const std::string& v) { return v.empty() || v == "1" || v == "0" || v == "true" || v == "false"; }

bool is_integer(const std::string& v) {
    return !v.empty() && v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The format asked for: the `format` parameter, else the first of the endpoint's formats the
/// Accept header names, else the endpoint's first. "" when the parameter names one it lacks.
std::string format_of(const Endpoint& e, const Target& t, const std::string& accept) {
    const auto it = t.params.find("format");
    if (it != t.params.end())
        return std::find(e.formats.begin(), e.formats.end(), it->second) != e.formats.end() ? it->second : "";
    static const std::vector<std::pair<std::string, std::string>> media{
        {"text/csv", "csv"}, {"image/svg+xml", "svg"}, {"text/vnd.graphviz", "dot"}};
    for (const auto& [type, format] : media)
        if (accept.find(type) != std::string::npos &&
            std::find(e.formats.begin(), e.formats.end(), format) != e.formats.end())
            return format;
    return e.formats.front();
}

/// Why a request's parameters do not fit the endpoint, or "".
std::string check_params(const Endpoint& e, const Target& t) {
    for (const auto& param : t.params) {
        // A named copy, not a structured binding: C++17 lambdas cannot capture those (clang refuses).
        const std::string& name = param.first;
        const std::string& value = param.second;
        if (name == "format" && e.formats.size() > 1) continue;
        const auto p = std::find_if(e.params.begin(), e.params.end(), [&](const Param& q) { return q.name == name; });
        if (p == e.params.end()) {
            std::vector<std::string> names;
            for (const auto& q : e.params) names.push_back(q.name);
            if (e.formats.size() > 1) names.push_back("format");
            return "unknown parameter '" + shortened(name) + "' for " + e.path +
                   (names.empty() ? " (it takes none)" : " (it takes " + joined(names) + ")");
        }
        if (p->type == ParamType::boolean && !is_boolean(value))
            return "'" + name + "' is true or false, not '" + shortened(value) + "'";
        if (p->type == ParamType::integer && !is_integer(value))
            return "'" + name + "' is a whole number, not '" + shortened(value) + "'";
    }
    for (const auto& p : e.params)
        if (p.required && t.params.count(p.name) == 0) return "'" + p.name + "' is required";
    return {};
}

} // namespace

std::string Call::text(const std::string& name) const {
    const auto it = target.params.find(name);
    return it == target.params.end() ? std::string() : it->second;
}

bool Call::flag(const std::string& name) const {
    const auto it = target.params.find(name);
    return it != target.params.end() && (it->second.empty() || it->second == "1" || it->second == "true");
}

Response error_response(unsigned status, int exit_code, const std::string& message,
                        const std::vector<std::string>& suggestions) {
    Json error{{"exit", exit_code}, {"message", message}, {"suggestions", suggestions}, {"status", status}};
    Response r;
    r.status = status;
    r.body = Json{{"error", error}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    return r;
}

Router::Router(std::vector<Endpoint> endpoints, Limits limits) : m_endpoints(std::move(endpoints)), m_limits(limits) {}

Response Router::handle(const Request& request) const {
    if (request.target.size() > m_limits.target_bytes)
        return error_response(414, 2, "the request target is longer than " + std::to_string(m_limits.target_bytes) + " bytes");
    std::string why;
    const auto target = read_target(request.target, why);
    if (!target) return error_response(400, 2, why);
    std::vector<std::string> allowed;
    for (const auto& e : m_endpoints) {
        if (e.path != target->path) continue;
        const bool get_like = request.method == "GET" || request.method == "HEAD";
        if (e.method == request.method || (e.method == "GET" && get_like)) {
            if (auto bad = check_params(e, *target); !bad.empty()) return error_response(400, 2, bad);
            const std::string format = format_of(e, *target, request.accept);
            if (format.empty())
                return error_response(400, 2, "'format' is one of " + joined(e.formats) + " for " + e.path);
            return e.answer(Call{request, *target, format});
        }
        allowed.push_back(e.method == "GET" ? "GET, HEAD" : e.method);
    }
    if (!allowed.empty()) {
        auto r = error_response(405, 2, "method " + shortened(request.method) + " is not allowed for " + target->path);
        r.headers.emplace_back("Allow", joined(allowed));
        return r;
    }
    return error_response(404, 1, "no such endpoint '" + shortened(target->path) + "' (see /openapi.json)");
}

} // namespace orglineage::serve
