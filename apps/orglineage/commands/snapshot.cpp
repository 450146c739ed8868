// SPDX-License-Identifier: MIT
// orglineage snapshot --on DATE / diff DATE1 DATE2: the bodies active on a date, and what changed.
#include "../cli.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace orglineage::cli {

void add_snapshot(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("snapshot", "Bodies active on a date (of one kind, or all)");
    struct Args {
        std::string on, kind;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--on", a->on, "the date (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("--kind", a->kind, kind_help());
    cmd->footer("Example: orglineage snapshot --on 2010-01-01 --kind pct   # 152 PCTs, the 5 care trusts among them");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date on = date_arg(a->on);
        const auto kinds = kinds_arg(ctx, a->kind);
        Output out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query = Json{{"command", "snapshot"}, {"on", a->on}, {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)},
                         {"data", ctx.data_info()}};
        std::vector<const Body*> bodies;
        for (const Body* b : lin.snapshot(on))
            if (kind_in(kinds, b->kind)) bodies.push_back(b);
        out.query["kinds"] = kinds;
        for (const Body* b : bodies) {
            Json r = body_json(*b, on);
            auto notes = body_notes(lin, *b);
            add_notes(notes, date_notes(lin, on, {b}));
            r["notes"] = notes_json(notes);
            out.results.push_back(r);
        }
        emit(ctx, std::move(out));
        if (bodies.empty()) {
            say("no " + (a->kind.empty() ? std::string("bodies") : "bodies of kind '" + a->kind + "'") +
                " active on " + a->on);
            ctx.exit_code = exit_not_found;
        }
    });
}

void add_diff(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("diff", "Bodies that appeared, ended or changed name or code between two dates");
    struct Args {
        std::string d1, d2, kind;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("DATE1", a->d1, "the earlier date (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("DATE2", a->d2, "the later date (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("--kind", a->kind, kind_help());
    cmd->footer("Example: orglineage diff 2013-03-31 2013-04-01 --kind ccg\n"
                "The LINKS column: for a body that ended, where its holdings went ('> ccg/15F'); for one that "
                "appeared, where they came from ('< ccg/02V, ccg/03C'); shares below 1 in brackets.");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date d1 = date_arg(a->d1), d2 = date_arg(a->d2);
        const auto kinds = kinds_arg(ctx, a->kind);
        Output out;
        out.columns = {"change", "id", "kind", "name", "ods", "ons", "from", "to", "links", "was"};
        out.query = Json{{"command", "diff"}, {"date1", a->d1}, {"date2", a->d2},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)}, {"data", ctx.data_info()}};
        Diff diff = lin.diff(d1, d2);
        for (auto* list : {&diff.appeared, &diff.ended, &diff.renamed})
            list->erase(std::remove_if(list->begin(), list->end(), [&](const Body* b) { return !kind_in(kinds, b->kind); }),
                        list->end());
        const Date lo = std::min(d1, d2), hi = std::max(d1, d2);
        auto add = [&](const char* change, const Body* b, const Date& as_of) {
            Json r{{"change", change}};
            const Json fields = body_json(*b, as_of); // named: items() does not keep a temporary alive
            for (const auto& [k, v] : fields.items()) r[k] = v;
            // The links between the two dates that explain it: out of an ended body, into a new one.
            const bool outgoing = std::string(change) == "ended";
            std::string text;
            Json links = Json::array();
            std::vector<Note> notes = body_notes(lin, *b);
            for (const LinkRef& l : lin.links_of(*b, outgoing)) {
                if (l.event->date <= lo || l.event->date > hi) continue;
                const Body* other = outgoing ? l.to : l.from;
                std::string item = other->id;
                if (l.link->share && *l.link->share < 1.0 - 1e-9) {
                    std::ostringstream os;
                    os << std::setprecision(4) << *l.link->share;
                    item += " (" + os.str() + ")";
                } else if (!l.link->share) {
                    item += " (share unknown)";
                }
                text += (text.empty() ? std::string(outgoing ? "> " : "< ") : std::string(", ")) + item;
                links.push_back(Json{{"body", other->id}, {"event", l.event->id}, {"share", share_json(l.link->share)},
                                     {"basis", std::string(to_string(l.link->basis))}});
                add_notes(notes, link_notes(lin, l));
            }
            r["links"] = text.empty() ? Json(nullptr) : Json(text);
            r["link_list"] = links;
            r["notes"] = notes_json(notes);
            out.results.push_back(r);
        };
        for (const Body* b : diff.appeared) add("appeared", b, d2);
        for (const Body* b : diff.ended) add("ended", b, d1);
        for (const Body* b : diff.renamed) {
            add("changed", b, d2);
            const Json before = body_json(*b, d1);
            std::string was = before["name"].get<std::string>();
            for (const char* c : {"ods", "ons"})
                if (!before[c].is_null() && before[c] != out.results.back()[c]) was += " / " + before[c].get<std::string>();
            out.results.back()["was"] = was;
            out.results.back()["before"] = Json{{"name", before["name"]}, {"ods", before["ods"]}, {"ons", before["ons"]}};
        }
        out.query["counts"] = Json{{"appeared", diff.appeared.size()}, {"ended", diff.ended.size()},
                                   {"changed", diff.renamed.size()}};
        emit(ctx, std::move(out));
    });
}

} // namespace orglineage::cli
