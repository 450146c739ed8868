// SPDX-License-Identifier: MIT
// orglineage — `successors` and `predecessors`: where a body's function went, or came from.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>

namespace orglineage {

using namespace answers;

namespace {

/// Without a date: predecessors on the body's first day; successors of an ended body on the day
/// after its last (who took over), of a body still active today.
Date default_date(const Body& body, bool forward, const Date& today) {
    if (!forward) return body.period.from;
    if (body.period.until && *body.period.until <= today) return *body.period.until;
    return today;
}

/// What a body given as a code held on the day the code was asked on; a body given by its id (or
/// a code taken from another day) is followed from its first form (Lineage::default_since).
std::optional<Date> since_of(const Lineage& lin, const SuccessionQuestion& q, const PickedBody& picked,
                             const Date& code_on) {
    const bool by_code = lin.find(q.body) == nullptr;
    if (!picked.body->period.contains(code_on)) return std::nullopt;
    if ((by_code && picked.exact) || !q.code_on.empty()) return code_on;
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

/// Why the answer is empty.
std::string nothing_passed(const Lineage& lin, const SuccessionQuestion& q, const Body& body, const Date& on,
                           const Succession& answer, bool forward) {
    const std::string ds = format_date(on);
    const std::string others = other_holders(lin, q.body, body);
    const std::string hint = others.empty() ? "" : "; " + others;
    if (!forward)
        return "nothing passed into " + body.id + "'s '" + q.function + "' up to " + ds +
               " (it had no predecessors for it, or did not hold it)" + hint;
    if (on < body.period.from) return body.id + " did not exist yet on " + ds + hint;
    if (answer.gap == SuccessionGap::not_held || answer.gap == SuccessionGap::not_active)
        return gap_note(answer, body, q.function) + hint;
    return "nobody held on " + ds + " what " + body.id + " held of '" + q.function + "' on " +
           format_date(answer.since) + " (it ended with no successor)" + hint;
}

Answer succession(const Answers& answers, const SuccessionQuestion& q, bool forward) {
    const Lineage& lin = answers.lineage();
    check_function(lin, q.function);
    std::optional<Date> asked_on;
    if (!q.on.empty()) asked_on = read_date(q.on);
    std::optional<Date> code_on = asked_on;
    if (!q.code_on.empty()) code_on = read_date(q.code_on);
    Answer out;
    const PickedBody picked = read_body(lin, q.body, code_on, out.remarks);
    const Body& body = *picked.body;
    const Date on = asked_on ? *asked_on : default_date(body, forward, answers.today());
    if (!asked_on)
        out.remarks.push_back(
            {RemarkKind::reading,
             "no --on given; answering for " + format_date(on) +
                 (forward ? (body.period.until && *body.period.until == on ? ", the day after " + body.id + "'s last day"
                                                                            : ", today")
                          : ", " + body.id + "'s first day")});
    if (!code_on) code_on = on;
    out.columns = {"id", "kind", "name", "ods", "ons", "from", "to", "share", "basis"};
    out.query["command"] = forward ? "successors" : "predecessors";
    out.query["body"] = body_value(body, code_on);
    out.query["code"] = q.body;
    out.query["code_on"] = q.code_on.empty() ? Value() : Value(q.code_on);
    out.query["exact"] = picked.exact;
    out.query["by_name"] = picked.by_name;
    out.query["on"] = format_date(on);
    out.query["on_default"] = !asked_on;
    out.query["function"] = q.function;
    Succession answer;
    if (forward) {
        answer = lin.succession(body, on, q.function, since_of(lin, q, picked, *code_on));
        out.query["since"] = format_date(answer.since);
    } else {
        std::optional<Date> back_to;
        if (!q.back_to.empty()) back_to = read_date(q.back_to);
        out.query["back_to"] = back_to ? Value(q.back_to) : Value();
        answer.portions = lin.predecessors(body, on, q.function, back_to);
    }
    out.query["data"] = data_value(lin);
    Share total = 0.0;
    for (const auto& p : answer.portions) {
        Value r = body_value(*p.body, on);
        r["share"] = share_value(p.share);
        r["basis"] = std::string(to_string(p.basis));
        r["notes"] = notes_value(portion_notes(lin, body, p, on, q.function, forward));
        out.rows.push_back(std::move(r));
        total = total && p.share ? Share(*total + *p.share) : Share();
    }
    if (forward) {
        out.query["total_share"] = share_value(total);
        out.query["ended_share"] = share_value(answer.ended);
        out.query["gap"] = std::string(to_string(answer.gap));
    }
    const auto incomplete = forward ? std::vector<Note>{} : incomplete_notes(lin, body, on);
    out.query["notes"] = notes_value(incomplete);
    if (!incomplete.empty())
        out.remarks.push_back(
            {RemarkKind::caveat, "the predecessor set of " + body.id + " is incomplete: it may have had others"});
    if (answer.portions.empty()) {
        out.remarks.push_back({RemarkKind::outcome, nothing_passed(lin, q, body, on, answer, forward)});
        out.exit_code = answer_not_found;
    } else if (forward && answer.gap != SuccessionGap::none) {
        out.remarks.push_back({RemarkKind::caveat, gap_note(answer, body, q.function)});
    }
    return out;
}

} // namespace

Answer Answers::successors(const SuccessionQuestion& q) const {
    return guarded("successors", [&] { return succession(*this, q, true); });
}

Answer Answers::predecessors(const SuccessionQuestion& q) const {
    return guarded("predecessors", [&] { return succession(*this, q, false); });
}

} // namespace orglineage
