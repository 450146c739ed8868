// SPDX-License-Identifier: MIT
// orglineage serve — the endpoints: each one's path, method, parameters (with the CLI's names) and
// formats, declared once. The router checks requests against these declarations, and
// /openapi.json is written from them, so the description cannot drift from what is served.
#pragma once

#include "http_server.hpp"
#include "target.hpp"

#include <functional>
#include <string>
#include <vector>

namespace orglineage::serve {

enum class ParamType { text, date, boolean, integer };

struct Param {
    std::string name;
    ParamType type = ParamType::text;
    bool required = false;
    std::string description;
    std::string example; ///< shown in /openapi.json ("" for none)
};

/// A request that passed the router's checks: known parameters, the required ones present,
/// booleans and integers well formed, a format the endpoint offers.
struct Call {
    const Request& request;
    const Target& target;
    std::string format; ///< json unless asked (a `format` parameter, else the Accept header)

    /// A parameter's value, or "" when absent.
    [[nodiscard]] std::string text(const std::string& name) const;
    /// A boolean parameter: present as "", "1" or "true".
    [[nodiscard]] bool flag(const std::string& name) const;
    [[nodiscard]] bool has(const std::string& name) const { return target.params.count(name) != 0; }
};

struct Endpoint {
    std::string path;
    std::string method = "GET";
    std::string summary;
    std::string description;
    std::vector<Param> params;
    std::vector<std::string> formats = {"json", "csv"}; ///< the first is the default
    std::string tag = "questions";                      ///< groups endpoints in /openapi.json
    std::function<Response(const Call&)> answer;
};

/// A response carrying an error as every door reports one: `{"error": {"exit", "message",
/// "suggestions", "status"}}`, `exit` being the CLI's exit code for the same failure.
[[nodiscard]] Response error_response(unsigned status, int exit_code, const std::string& message,
                                      const std::vector<std::string>& suggestions = {});

/// The server's routes: finds the endpoint of a request, checks it against its declaration, and
/// answers (405 for a method the endpoint does not take, 404 for no endpoint, 400 for a bad query).
class Router {
  public:
    Router(std::vector<Endpoint> endpoints, Limits limits);
    [[nodiscard]] Response handle(const Request& request) const;
    [[nodiscard]] const std::vector<Endpoint>& endpoints() const noexcept { return m_endpoints; }

  private:
    std::vector<Endpoint> m_endpoints;
    Limits m_limits;
};

} // namespace orglineage::serve
