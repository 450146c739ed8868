// SPDX-License-Identifier: MIT
// orglineage — `lineage`: the ancestors and descendants of a body (or everything connected to it),
// with the links between them, their events, sources and notes.
#include "reading.hpp"

#include <orglineage/ancestry.hpp>
#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>

namespace orglineage {

using namespace answers;

namespace {

Value link_value(const Lineage& lin, const LinkRef& l) {
    Value sources = Value::list();
    for (const auto& s : l.event->sources) sources.push_back(s);
    for (const auto& s : l.link->sources) sources.push_back(s);
    Value r = Value::record();
    r["date"] = format_date(l.event->date);
    r["event"] = std::string(to_string(l.event->kind));
    r["event_id"] = l.event->id;
    r["from"] = l.from->id;
    r["to"] = l.to->id;
    r["share"] = share_value(l.link->share);
    r["basis"] = std::string(to_string(l.link->basis));
    r["functions"] = texts_value(l.link->functions);
    r["sources"] = std::move(sources);
    r["notes"] = notes_value(link_notes(lin, l));
    return r;
}

} // namespace

Answer Answers::lineage(const LineageQuestion& q, LineageView* view_out) const {
    return guarded("lineage", [&] {
        const Lineage& lin = m_lineage;
        std::optional<Date> on;
        if (!q.on.empty()) on = read_date(q.on);
        Answer out;
        const Body& body = *read_body(lin, q.body, on, out.remarks).body;
        if (!q.function.empty()) check_function(lin, q.function);
        if (q.connected && !q.function.empty())
            fail(ProblemKind::bad_question, "--connected and --function cannot be combined");
        LineageView view = q.connected ? lin.lineage(body) : ancestry(lin, body, q.function);
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query["command"] = "lineage";
        out.query["body"] = body.id;
        out.query["code"] = q.body;
        out.query["on"] = on ? Value(q.on) : Value();
        out.query["function"] = q.function.empty() ? Value() : Value(q.function);
        out.query["scope"] = q.connected ? "connected" : "ancestry";
        out.query["data"] = data_value(lin);
        for (const Body* b : view.bodies) {
            Value r = body_value(*b, std::nullopt);
            r["notes"] = notes_value(body_notes(lin, *b));
            out.rows.push_back(std::move(r));
        }
        Value links = Value::list();
        for (const auto& l : view.links) links.push_back(link_value(lin, l));
        out.extra["links"] = std::move(links);
        if (view_out) *view_out = std::move(view);
        return out;
    });
}

} // namespace orglineage
