// SPDX-License-Identifier: MIT
// orglineage query FILE|-: many queries, one a line (JSON lines or CSV), each answered as one line
// of JSON. A line that cannot be answered gets its error on its own output line; the rest go on.
#include "../cli.hpp"

#include <orglineage/small_areas.hpp>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>

namespace orglineage::cli {

namespace {

/// One query as read: its kind and named arguments (`code`, `body`, `area`, `on`, `function`, `kind`).
struct Request {
    std::string query;
    std::map<std::string, std::string> args;
    Json id; ///< echoed back when the JSON line had an "id"
};

/// A line that cannot be answered: the exit code the single command would give, and why.
struct LineError {
    int code;
    std::string message;
};

/// The CSV form: `kind,arg,arg...`, arguments in the order of `csv_args` for that kind.
const std::map<std::string, std::vector<std::string>>& csv_args() {
    static const std::map<std::string, std::vector<std::string>> m{
        {"resolve", {"code", "on"}},           {"who", {"area", "on", "function"}},
        {"successors", {"body", "on", "function"}}, {"predecessors", {"body", "on", "function"}},
        {"groups", {"body", "on"}},            {"snapshot", {"on", "kind"}}};
    return m;
}

std::vector<std::string> split_csv(const std::string& line) {
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
    if (quoted) throw LineError{exit_usage, "unterminated quote"};
    return out;
}

Request parse_line(const std::string& line) {
    Request r;
    if (line.find_first_not_of(" \t") != std::string::npos && line[line.find_first_not_of(" \t")] == '{') {
        Json j;
        try {
            j = Json::parse(line);
        } catch (const Json::exception& e) {
            throw LineError{exit_usage, std::string("bad JSON: ") + e.what()};
        }
        if (!j.is_object() || !j.contains("query") || !j["query"].is_string())
            throw LineError{exit_usage, "a JSON line needs \"query\": one of resolve, who, successors, predecessors, groups, snapshot"};
        for (const auto& [k, v] : j.items()) {
            if (k == "id") r.id = v;
            else if (k == "query") r.query = v.get<std::string>();
            else if (v.is_string()) r.args[k] = v.get<std::string>();
            else throw LineError{exit_usage, "\"" + k + "\" must be a string"};
        }
        return r;
    }
    auto fields = split_csv(line);
    r.query = fields.front();
    const auto it = csv_args().find(r.query);
    if (it == csv_args().end()) return r; // reported as an unknown query
    if (fields.size() - 1 > it->second.size())
        throw LineError{exit_usage, "too many fields for '" + r.query + "' (" + std::to_string(it->second.size()) + " at most)"};
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (!fields[i].empty()) r.args[it->second[i - 1]] = fields[i];
    return r;
}

class Batch {
  public:
    explicit Batch(Context& ctx) : m_lin(ctx.lineage()) {}

    /// The answer to one request: `{"query": ..., "results": [...]}`. @throws LineError
    Json answer(const Request& r) {
        static const std::map<std::string, Json (Batch::*)(const Request&)> kinds{
            {"resolve", &Batch::resolve},       {"who", &Batch::who},       {"successors", &Batch::successors},
            {"predecessors", &Batch::predecessors}, {"groups", &Batch::groups}, {"snapshot", &Batch::snapshot}};
        const auto it = kinds.find(r.query);
        if (it == kinds.end())
            throw LineError{exit_usage, "unknown query '" + r.query +
                                            "' (resolve, who, successors, predecessors, groups, snapshot)"};
        try {
            return (this->*(it->second))(r);
        } catch (const Failure& e) {
            throw LineError{e.code(), e.what()};
        } catch (const LookupError& e) {
            throw LineError{exit_not_found, e.what()};
        }
    }

  private:
    const std::string& need(const Request& r, const std::string& key) const {
        const auto it = r.args.find(key);
        if (it == r.args.end() || it->second.empty()) throw LineError{exit_usage, "'" + r.query + "' needs '" + key + "'"};
        return it->second;
    }
    std::string opt(const Request& r, const std::string& key, std::string fallback = {}) const {
        const auto it = r.args.find(key);
        return it == r.args.end() ? fallback : it->second;
    }
    Date date(const Request& r, const std::string& key = "on") const {
        const auto& text = need(r, key);
        if (auto d = parse_date(text)) return *d;
        throw LineError{exit_usage, "bad date '" + text + "' (expected YYYY-MM-DD, a real calendar day)"};
    }
    std::string function(const Request& r) const {
        auto f = opt(r, "function", "commissioning");
        if (!m_lin.dataset().functions.contains(f)) throw LineError{exit_not_found, "unknown function '" + f + "'"};
        return f;
    }
    /// A body by id, else by code on the date (nearest in time when nobody had it then).
    std::pair<const Body*, bool> body(const Request& r, const Date& on) const {
        const auto& text = need(r, "body");
        if (const Body* b = m_lin.find(text)) return {b, true};
        const auto res = m_lin.resolve_nearest(text, on);
        if (res.bodies.empty()) throw LineError{exit_not_found, "no body has the id or code '" + text + "'"};
        if (res.bodies.size() > 1) throw LineError{exit_not_found, "code '" + text + "' is ambiguous; give an id"};
        return {res.bodies.front(), res.exact};
    }
    Json base(const Request& r) const {
        Json q{{"query", r.query}};
        for (const auto& [k, v] : r.args) q[k] = v;
        return q;
    }
    static Json portions(const std::vector<Portion>& ps, const Date& on) {
        Json out = Json::array();
        for (const auto& p : ps) {
            Json j = body_json(*p.body, on);
            j["share"] = share_json(p.share);
            j["basis"] = std::string(to_string(p.basis));
            out.push_back(j);
        }
        return out;
    }

    Json resolve(const Request& r) {
        Json q = base(r);
        Json results = Json::array();
        if (opt(r, "on").empty()) {
            for (const Body* b : m_lin.resolve_all(need(r, "code"))) results.push_back(body_json(*b, std::nullopt));
        } else {
            const Date on = date(r);
            const auto res = m_lin.resolve_nearest(need(r, "code"), on);
            q["exact"] = res.exact;
            for (const Body* b : res.bodies) results.push_back(body_json(*b, on));
        }
        if (results.empty()) throw LineError{exit_not_found, "no body has the id or code '" + need(r, "code") + "'"};
        return Json{{"query", q}, {"results", results}};
    }

    Json who(const Request& r) {
        const Date on = date(r);
        const std::string f = function(r);
        const auto& text = need(r, "area");
        Json q = base(r);
        Json results = Json::array();
        if (text.size() == 9 && text.compare(0, 3, "E01") == 0) {
            const auto a = small_areas().holders(f, text, on);
            q["basis"] = std::string(to_string(a.basis));
            q["lad"] = a.lad;
            for (const auto& h : a.holders) {
                Json j = body_json(*h.body, on);
                j["share"] = share_json(h.share);
                j["location"] = h.location ? Json(h.location->id) : Json(nullptr);
                results.push_back(j);
            }
            return Json{{"query", q}, {"results", results}};
        }
        const AreaMatch m = find_area_on(m_lin, text, on);
        const Area* area = m.areas.size() == 1 ? m.areas.front() : nullptr;
        if (m.areas.size() > 1) throw LineError{exit_not_found, "area '" + text + "' is ambiguous; give its ONS code"};
        if (!area) {
            const auto found = m_lin.find_areas(text);
            if (found.size() != 1) throw LineError{exit_not_found, "unknown or ambiguous area '" + text + "'"};
            area = found.front();
        }
        q["area_code"] = area->code;
        for (const auto& h : m_lin.holders(f, area->code, on)) {
            Json j = body_json(*h.body, on);
            j["share"] = share_json(h.share);
            j["basis"] = std::string(to_string(h.basis));
            j["function"] = h.function;
            j["via_area"] = h.via_area;
            results.push_back(j);
        }
        return Json{{"query", q}, {"results", results}};
    }

    Json successors(const Request& r) { return succession(r, true); }
    Json predecessors(const Request& r) { return succession(r, false); }
    Json succession(const Request& r, bool forward) {
        const Date on = date(r);
        const std::string f = function(r);
        const auto [b, exact] = body(r, on);
        Json q = base(r);
        q["body_id"] = b->id;
        q["exact"] = exact;
        const auto ps = forward ? m_lin.successors(*b, on, f) : m_lin.predecessors(*b, on, f);
        return Json{{"query", q}, {"results", portions(ps, on)}};
    }

    Json groups(const Request& r) {
        const Date on = date(r);
        const auto [b, exact] = body(r, on);
        Json q = base(r);
        q["body_id"] = b->id;
        q["exact"] = exact;
        Json results = Json::array();
        for (const Body* g : m_lin.groups(*b, on)) results.push_back(body_json(*g, on));
        return Json{{"query", q}, {"results", results}};
    }

    Json snapshot(const Request& r) {
        const Date on = date(r);
        const auto kind = opt(r, "kind");
        if (!kind.empty() && !m_lin.dataset().kinds.count(kind)) throw LineError{exit_not_found, "unknown kind '" + kind + "'"};
        Json results = Json::array();
        for (const Body* b : m_lin.snapshot(on, kind)) results.push_back(body_json(*b, on));
        return Json{{"query", base(r)}, {"results", results}};
    }

    const SmallAreas& small_areas() {
        if (!m_small) m_small = std::make_unique<SmallAreas>(SmallAreas::load(m_lin));
        return *m_small;
    }

    const Lineage& m_lin;
    std::unique_ptr<SmallAreas> m_small;
};

/// Answers every line of `in` on `out`; @returns the number of lines that failed.
std::size_t run_batch(Context& ctx, std::istream& in, std::ostream& out) {
    Batch batch(ctx);
    std::string line;
    std::size_t number = 0, failed = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        if (number == 1 && line.compare(0, 6, "query,") == 0) continue; // a CSV header
        Json doc{{"line", number}};
        Request r;
        try {
            r = parse_line(line);
            if (!r.id.is_null()) doc["id"] = r.id;
            const Json answer = batch.answer(r);
            for (const auto& [k, v] : answer.items()) doc[k] = v;
        } catch (const LineError& e) {
            ++failed;
            doc["input"] = line;
            doc["error"] = Json{{"exit", e.code}, {"message", e.message}};
        } catch (const DataError& e) {
            ++failed; // e.g. a small-area table that cannot be read: this line fails, not the run
            doc["input"] = line;
            doc["error"] = Json{{"exit", exit_data}, {"message", e.what()}};
        }
        out << doc.dump() << '\n';
    }
    return failed;
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
                "  groups,BODY,DATE             snapshot,DATE[,KIND]\n"
                "Each answer is one JSON line {\"line\":N,\"query\":{...},\"results\":[...]}; a line that cannot be\n"
                "answered gets {\"line\":N,\"input\":...,\"error\":{\"exit\":1,\"message\":...}} and the rest go on.\n"
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
