// SPDX-License-Identifier: MIT
// orglineage successors|predecessors BODY --on DATE [--function F]: where a body's functions went.
#include "../cli.hpp"

namespace orglineage::cli {

namespace {

struct Args {
    std::string body, on, code_on, back_to, function = "commissioning";
};

void add_common(CLI::App* cmd, Args& a) {
    cmd->add_option("BODY", a.body, "a body id, ODS code, ONS code or name")->required();
    cmd->add_option("--on", a.on, "the date (YYYY-MM-DD); see below for the default")->check(date_check());
    cmd->add_option("--function", a.function, "a function id, e.g. public-health")->capture_default_str();
    cmd->add_option("--code-on", a.code_on,
                    "resolve the code as it was on this date instead of --on (codes are reused)")
        ->check(date_check());
}

Json portion_json(const Lineage& lin, const Body& asked, const Portion& p, const Date& on, const std::string& function,
                  bool forward) {
    Json r = body_json(*p.body, on);
    r["share"] = share_json(p.share);
    r["basis"] = std::string(to_string(p.basis));
    r["notes"] = notes_json(portion_notes(lin, asked, p, on, function, forward));
    return r;
}

/// Without --on: predecessors on the body's first day; successors of an ended body on the day
/// after its last (who took over), of a body still active today.
Date default_date(const Body& body, bool forward) {
    if (!forward) return body.period.from;
    if (body.period.until && *body.period.until <= today()) return *body.period.until;
    return today();
}

/// What a body given as a code held on the day the code was asked on; a body given by its id (or
/// a code taken from another day) is followed from its first form (Lineage::default_since).
std::optional<Date> since_of(const Lineage& lin, const Args& a, const Picked& picked, const Date& code_on) {
    const bool by_code = lin.find(a.body) == nullptr;
    if (!picked.body->period.contains(code_on)) return std::nullopt;
    if ((by_code && picked.exact) || !a.code_on.empty()) return code_on;
    return std::nullopt;
}

/// Why the shares do not sum to 1, for people.
std::string gap_note(const Succession& s, const Body& body, const std::string& function) {
    const std::string since = format_date(s.since);
    switch (s.gap) {
    case SuccessionGap::none: return "";
    case SuccessionGap::not_active: return body.id + " did not exist on " + since;
    case SuccessionGap::not_held: return body.id + " did not hold '" + function + "' on " + since;
    case SuccessionGap::not_yet: return body.id + " did not exist yet on that date (it is followed from " + since + ")";
    case SuccessionGap::ended:
        return "shares sum to less than 1: " + (s.ended ? std::to_string(*s.ended) : std::string("a part")) +
               " of what " + body.id + " held on " + since + " ended with no successor holding '" + function + "'";
    case SuccessionGap::unknown_share:
        return "some shares are unknown: the data records where parts of " + body.id +
               " went, not in which proportions";
    }
    return "";
}

void run(Context& ctx, const Args& a, bool forward) {
    const Lineage& lin = ctx.lineage();
    check_function(ctx, a.function);
    std::optional<Date> asked_on;
    if (!a.on.empty()) asked_on = date_arg(a.on);
    std::optional<Date> code_on = asked_on;
    if (!a.code_on.empty()) code_on = date_arg(a.code_on);
    const Picked picked = pick_body(ctx, a.body, code_on);
    const Body& body = *picked.body;
    const Date on = asked_on ? *asked_on : default_date(body, forward);
    if (!asked_on)
        say("note: no --on given; answering for " + format_date(on) +
            (forward ? (body.period.until && *body.period.until == on ? ", the day after " + body.id + "'s last day"
                                                                       : ", today")
                     : ", " + body.id + "'s first day"));
    if (!code_on) code_on = on;
    Output out;
    out.columns = {"id", "kind", "name", "ods", "ons", "from", "to", "share", "basis"};
    out.query = Json{{"command", forward ? "successors" : "predecessors"},
                     {"body", body_json(body, code_on)},
                     {"code", a.body},
                     {"code_on", a.code_on.empty() ? Json(nullptr) : Json(a.code_on)},
                     {"exact", picked.exact},
                     {"by_name", picked.by_name},
                     {"on", format_date(on)},
                     {"on_default", !asked_on},
                     {"function", a.function}};
    std::optional<Date> back_to;
    Succession answer;
    if (forward) {
        answer = lin.succession(body, on, a.function, since_of(lin, a, picked, *code_on));
        out.query["since"] = format_date(answer.since);
    } else {
        if (!a.back_to.empty()) back_to = date_arg(a.back_to);
        out.query["back_to"] = back_to ? Json(a.back_to) : Json(nullptr);
        answer.portions = lin.predecessors(body, on, a.function, back_to);
    }
    out.query["data"] = ctx.data_info();
    const auto& portions = answer.portions;
    Share total = 0.0;
    for (const auto& p : portions) {
        out.results.push_back(portion_json(lin, body, p, on, a.function, forward));
        total = total && p.share ? Share(*total + *p.share) : Share();
    }
    if (forward) {
        out.query["total_share"] = share_json(total);
        out.query["ended_share"] = share_json(answer.ended);
        out.query["gap"] = std::string(to_string(answer.gap));
    }
    const auto incomplete = forward ? std::vector<Note>{} : incomplete_notes(lin, body, on);
    out.query["notes"] = notes_json(incomplete);
    emit(ctx, std::move(out));
    if (!incomplete.empty()) say("note: the predecessor set of " + body.id + " is incomplete: it may have had others");
    if (portions.empty()) {
        const std::string ds = format_date(on);
        const std::string others = other_holders(ctx, a.body, body);
        const std::string hint = others.empty() ? "" : "; " + others;
        if (forward)
            say(on < body.period.from ? body.id + " did not exist yet on " + ds + hint
                : answer.gap == SuccessionGap::not_held || answer.gap == SuccessionGap::not_active
                    ? gap_note(answer, body, a.function) + hint
                    : "nobody held on " + ds + " what " + body.id + " held of '" + a.function + "' on " +
                          format_date(answer.since) + " (it ended with no successor)" + hint);
        else
            say("nothing passed into " + body.id + "'s '" + a.function + "' up to " + ds +
                " (it had no predecessors for it, or did not hold it)" + hint);
        ctx.exit_code = exit_not_found;
    } else if (forward && answer.gap != SuccessionGap::none) {
        say("note: " + gap_note(answer, body, a.function));
    }
}

} // namespace

void add_successors(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("successors", "Bodies that on a date hold what a body held, with shares");
    auto a = std::make_shared<Args>();
    add_common(cmd, *a);
    cmd->footer("What the body held on a day (for a code: the day it was asked on, --code-on or --on; for an id:\n"
                "its first form, the day before its first link carrying the function) and where that is on --on.\n"
                "Without --on: for a body that has ended, the day after its last day (who took over); otherwise today.\n"
                "Example: orglineage successors 5QP --on 2013-04-01 --function public-health\n"
                "         orglineage successors 01Y --on 2022-07-01 --code-on 2022-06-30");
    cmd->callback([&ctx, a] { run(ctx, *a, true); });
}

void add_predecessors(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("predecessors", "Bodies that before held what a body holds on a date");
    auto a = std::make_shared<Args>();
    add_common(cmd, *a);
    cmd->add_option("--back-to", a->back_to,
                    "follow back to the bodies active on this date (default: the direct predecessors)")
        ->check(date_check());
    cmd->footer("Example: orglineage predecessors 5QP --on 2010-01-01\n"
                "Without --on: the body's first day (what it was made from).");
    cmd->callback([&ctx, a] { run(ctx, *a, false); });
}

} // namespace orglineage::cli
