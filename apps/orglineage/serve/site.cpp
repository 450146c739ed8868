// SPDX-License-Identifier: MIT
// orglineage serve — the page and the server's own endpoints.
#include "site.hpp"

#include "assets.hpp"
#include "openapi.hpp"

#include <orglineage/orglineage.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace orglineage::serve {

namespace {

using Json = nlohmann::ordered_json;

/// The page runs only its own script and styles, and takes nothing from elsewhere.
const char* const page_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

Endpoint asset_endpoint(const std::string& path, const Asset& asset) {
    Endpoint e;
    e.path = path;
    e.summary = path == "/" ? "the page: look a body or a place up" : "a file of the page";
    e.tag = "page";
    const std::string ext = std::string(asset.path.substr(asset.path.rfind('.') + 1));
    e.formats = {ext};
    Response r{200, std::string(asset.content_type), std::string(asset.body), {{"Cache-Control", "no-cache"}}};
    if (ext == "html") r.headers.emplace_back("Content-Security-Policy", page_policy);
    e.answer = [r](const Call&) { return r; };
    return e;
}

Response json_response(const Json& doc) {
    Response r;
    r.body = doc.dump(2) + "\n";
    return r;
}

} // namespace

DataInfo data_info(const Lineage& lineage, const std::string& image) {
    const auto& ds = lineage.dataset();
    return DataInfo{ds.name, ds.version, ds.horizon ? format_date(*ds.horizon) : std::string(), image};
}

std::vector<Endpoint> site_endpoints(const DataInfo& info) {
    std::vector<Endpoint> out;
    for (const auto& a : assets()) {
        if (a.path == "/index.html") out.push_back(asset_endpoint("/", a));
        out.push_back(asset_endpoint(std::string(a.path), a));
    }
    Endpoint health;
    health.path = "/health";
    health.summary = "whether the server answers";
    health.tag = "server";
    health.formats = {"json"};
    health.answer = [](const Call&) { return json_response(Json{{"status", "ok"}}); };
    out.push_back(health);

    Endpoint version;
    version.path = "/version";
    version.summary = "the library's version, the data's version and its knowledge horizon";
    version.tag = "server";
    version.formats = {"json"};
    const Json doc{{"library", orglineage::version()},
                   {"data",
                    {{"name", info.name},
                     {"version", info.version},
                     {"horizon", info.horizon.empty() ? Json(nullptr) : Json(info.horizon)},
                     {"image", !info.image.empty()}}}};
    version.answer = [doc](const Call&) { return json_response(doc); };
    out.push_back(version);
    return out;
}

Endpoint openapi_endpoint(const std::vector<Endpoint>& endpoints) {
    Endpoint e;
    e.path = "/openapi.json";
    e.summary = "this description (OpenAPI 3)";
    e.tag = "server";
    e.formats = {"json"};
    // Described with itself in the list, then written once: the endpoints do not change.
    auto all = endpoints;
    all.push_back(e);
    auto text = std::make_shared<const std::string>(openapi_json(all, orglineage::version()));
    e.answer = [text](const Call&) { return Response{200, "application/json", *text, {}}; };
    return e;
}

} // namespace orglineage::serve
