// SPDX-License-Identifier: MIT
// orglineage resolve CODE [--on DATE]: the body that had a code on a date.
#include "../cli.hpp"

namespace orglineage::cli {

void add_resolve(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("resolve", "The body that had an ODS/ONS code (or id) on a date");
    auto code = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    cmd->add_option("CODE", *code, "an ODS code, an ONS code, a body id or a name (\"NHS Kernow CCG\")")->required();
    cmd->add_option("--on", *on,
                    "the date (YYYY-MM-DD); when nobody had the code then, the nearest in time is taken; "
                    "without it, every body that ever had the code")
        ->check(date_check());
    cmd->footer("Example: orglineage resolve 5QP --on 2010-01-01");
    cmd->callback([&ctx, code, on] {
        const Lineage& lin = ctx.lineage();
        Output out;
        out.columns = {"id", "kind", "name", "ods", "ons", "from", "to"};
        out.query = Json{{"command", "resolve"}, {"code", *code}};
        std::vector<const Body*> bodies;
        std::optional<Date> date;
        if (on->empty()) {
            bodies = lin.resolve_all(*code);
            out.query["on"] = nullptr;
        } else {
            date = date_arg(*on);
            const auto r = lin.resolve_nearest(*code, *date);
            bodies = r.bodies;
            out.query["on"] = *on;
            out.query["exact"] = r.exact;
            if (!bodies.empty() && !r.exact)
                say("note: no body had '" + *code + "' on " + *on + "; the nearest in time is shown");
        }
        out.query["data"] = ctx.data_info();
        // Not a code: a name that one body had (pick_body lists the candidates otherwise).
        if (bodies.empty()) bodies = {pick_body(ctx, *code, date).body};
        for (const Body* b : bodies) {
            Json r = body_json(*b, date);
            auto notes = body_notes(lin, *b);
            if (date) add_notes(notes, date_notes(lin, *date, {b}));
            r["notes"] = notes_json(notes);
            out.results.push_back(r);
        }
        emit(ctx, std::move(out));
        if (date && bodies.size() > 1) {
            say("code '" + *code + "' is ambiguous on " + *on + ": " + std::to_string(bodies.size()) +
                " bodies had it");
            ctx.exit_code = exit_not_found;
        }
    });
}

} // namespace orglineage::cli
