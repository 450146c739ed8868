// SPDX-License-Identifier: MIT
// orglineage who --area AREA --on DATE [--function F]: who held a function for an area.
#include "../cli.hpp"
#include "small_areas.hpp"

namespace orglineage::cli {

void add_who(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("who", "Bodies holding a function (default: commissioning) for an area on a date");
    struct Args {
        std::string area, on, function = "commissioning";
        bool legal = false;
        SmallAreaOptions small; // --postcode, --postcode-file, --population (commands/small_areas.cpp)
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("--area", a->area, "an ONS local authority code or name (any case), or an LSOA code (E01...)");
    add_small_area_options(*cmd, a->small);
    cmd->add_option("--on", a->on, "the date (YYYY-MM-DD)")->required()->check(date_check());
    cmd->add_option("--function", a->function, "a function id, e.g. commissioning.primary-care.dental")->capture_default_str();
    cmd->add_flag("--legal", a->legal, "the body holding the function in law, not a delegate exercising it");
    cmd->footer("Example: orglineage who --area Cornwall --on 2007-06-01");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        const Date on = date_arg(a->on);
        check_function(ctx, a->function);
        if (who_small_area(ctx, a->area, a->small, a->on, a->function)) return;
        if (a->area.empty()) throw Failure(exit_usage, "--area or --postcode is required");
        const Area& area = pick_area(ctx, a->area, on);
        Output out;
        out.columns = {"id", "kind", "name", "ods", "share", "basis", "function", "via_area", "derivation"};
        out.query = Json{{"command", "who"},
                         {"area", area.code},
                         {"area_name", area.name},
                         {"on", a->on},
                         {"function", a->function},
                         {"mode", a->legal ? "legal" : "exercising"},
                         {"data", ctx.data_info()}};
        // An area out of force on the date is answered for its territory (orglineage/area_history.hpp).
        const auto answer =
            area_history(ctx).holders(a->function, area.code, on, a->legal ? HolderMode::legal : HolderMode::exercising);
        const auto& holders = answer.holders;
        const std::string derivation =
            answer.basis == PlaceBasis::read ? "read" : "territory of " + area.code + " on " + a->on;
        describe_answer(answer, out.query);
        for (const auto& h : holders) {
            Json r = body_json(*h.body, on);
            r["share"] = share_json(h.share);
            r["basis"] = std::string(to_string(h.basis));
            r["function"] = h.function;
            r["via_area"] = h.via_area;
            r["delegated_by"] = h.delegated_by.empty() ? Json(nullptr) : Json(h.delegated_by);
            r["derivation"] = derivation;
            auto notes = holder_notes(lin, h, area.code, on);
            // An answer for a territory (an area out of force) is derived, and says how.
            if (answer.basis != PlaceBasis::read)
                for (const auto& n : answer.notes) add_notes(notes, {Note{NoteKind::derived, n, area.code}});
            r["notes"] = notes_json(notes);
            out.results.push_back(r);
        }
        if (a->small.population) population_shares(ctx, area.code, on, a->function, out);
        emit(ctx, std::move(out));
        for (const auto& n : answer.notes) say("note: " + n);
        if (holders.empty()) {
            std::string hint;
            if (!area.period.contains(on) && answer.territory.parts.empty()) {
                hint = "; " + area.name + " (" + area.code + ") is in force " + area_period_text(area.period);
                std::string near;
                for (const auto& n : similar_areas(lin, a->area, 5, on)) near += (near.empty() ? "" : ", ") + n;
                if (!near.empty()) hint += "; in force on " + a->on + ": " + near;
            }
            say("nobody held '" + a->function + "' for " + area.name + " (" + area.code + ") on " + a->on +
                " in this dataset" + hint);
            ctx.exit_code = exit_not_found;
        }
    });
}

} // namespace orglineage::cli
