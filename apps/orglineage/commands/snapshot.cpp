// SPDX-License-Identifier: MIT
// orglineage snapshot --on DATE / diff DATE1 DATE2: the bodies active on a date, and what changed.
#include "../cli.hpp"

namespace orglineage::cli {

void add_snapshot(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("snapshot", "Bodies active on a date (of one kind, or all)");
    struct Args {
        std::string on, kind;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--on", a->on, "the date (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("--kind", a->kind, "a kind of body, e.g. pct, ccg, icb (default: every kind)");
    cmd->footer("Example: orglineage snapshot --on 2010-01-01 --kind pct");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date on = date_arg(a->on);
        check_kind(ctx, a->kind);
        Output out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query = Json{{"command", "snapshot"}, {"on", a->on}, {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)},
                         {"data", ctx.data_info()}};
        const auto bodies = lin.snapshot(on, a->kind);
        for (const Body* b : bodies) out.results.push_back(body_json(*b, on));
        print(out, ctx.format);
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
    cmd->add_option("--kind", a->kind, "a kind of body, e.g. ccg (default: every kind)");
    cmd->footer("Example: orglineage diff 2013-03-31 2013-04-01 --kind ccg");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date d1 = date_arg(a->d1), d2 = date_arg(a->d2);
        check_kind(ctx, a->kind);
        Output out;
        out.columns = {"change", "id", "kind", "name", "ods", "ons", "from", "to", "was"};
        out.query = Json{{"command", "diff"}, {"date1", a->d1}, {"date2", a->d2},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)}, {"data", ctx.data_info()}};
        const Diff diff = lin.diff(d1, d2, a->kind);
        auto add = [&](const char* change, const Body* b, const Date& as_of) {
            Json r{{"change", change}};
            const Json fields = body_json(*b, as_of); // named: items() does not keep a temporary alive
            for (const auto& [k, v] : fields.items()) r[k] = v;
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
        print(out, ctx.format);
    });
}

} // namespace orglineage::cli
