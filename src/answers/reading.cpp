// SPDX-License-Identifier: MIT
// orglineage — reading the user's words: bodies and areas by code or name of any date, dates,
// functions; the messages when the words name nothing or several things.
#include "reading.hpp"

#include <orglineage/search.hpp>
#include <orglineage/suggest.hpp>
#include <orglineage/text.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cctype>

namespace orglineage::answers {

void fail(ProblemKind kind, std::string message, std::vector<std::string> suggestions) {
    Problem p;
    p.kind = kind;
    p.message = std::move(message);
    p.suggestions = std::move(suggestions);
    p.exit_code = kind == ProblemKind::bad_question ? answer_bad_question
                  : kind == ProblemKind::bad_data   ? answer_bad_data
                                                    : answer_not_found;
    throw Unanswerable{std::move(p)};
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string in_quotes(std::string_view text) { return "'" + shortened(text) + "'"; }

Date read_date(std::string_view text, std::string_view option) {
    if (auto d = parse_date(std::string(text))) return *d;
    // Named by its option where the question has several dates (remap's --to beside the rows' dates).
    const std::string named = option.empty() ? "" : std::string(option) + ": ";
    fail(ProblemKind::bad_question, named + "bad date " + in_quotes(text) + " (expected YYYY-MM-DD, a real calendar day)");
}

void check_function(const Lineage& lineage, const std::string& function) {
    const auto& cat = lineage.dataset().functions;
    if (cat.contains(function)) return;
    std::vector<std::string> known;
    for (const auto& f : cat.all()) known.push_back(f.id);
    fail(ProblemKind::bad_question, "unknown function " + in_quotes(function) + " (known: " + join(known, ", ") + ")",
         known);
}

std::string describe(const Body& b) {
    return b.id + " (" + b.name() + ", " + b.kind + ", " + format_period(b.period) + ")";
}

std::string area_period_text(const Period& p) {
    // The builder gives an area with no recorded start the first day dates can hold.
    const bool no_start = p.from == Date(boost::gregorian::min_date_time);
    const auto last = p.last_day();
    if (no_start) return last ? "until " + format_date(*last) : "with no start or end recorded";
    return last ? format_period(p) : "from " + format_date(p.from);
}

namespace {

/// The body a name stands for: the only one (active on `at`, when given) whose name, case and
/// punctuation aside, is the text, or else contains all its words; nullptr with `candidates`
/// (best first) when several do or none does.
const Body* body_by_name(const Lineage& lin, const std::string& text, std::optional<Date> at,
                         std::vector<const Body*>& candidates) {
    SearchOptions o;
    o.areas = false;
    o.max = 0;
    const auto hits = search(lin, text, o);
    // A name's words inside other bodies' names make it ambiguous even when one name is exact
    // (`Derbyshire` is an STP's name, and a word of forty others).
    std::vector<const Body*> all, active;
    for (const auto& h : hits)
        if (h.quality == MatchQuality::exact || h.quality == MatchQuality::words) {
            all.push_back(h.body);
            if (at && h.body->period.contains(*at)) active.push_back(h.body);
        }
    if (active.size() == 1) return active.front();
    if (all.size() == 1) return all.front();
    if (!all.empty()) {
        candidates = active.size() > 1 ? active : all;
        return nullptr;
    }
    for (const auto& h : hits) candidates.push_back(h.body);
    return nullptr;
}

[[noreturn]] void fail_by_name(const Lineage& lin, const std::string& text, const std::vector<const Body*>& cands) {
    std::vector<std::string> shown, ids;
    for (std::size_t i = 0; i < cands.size() && i < 12; ++i) shown.push_back(describe(*cands[i]));
    for (const Body* b : cands) ids.push_back(b->id);
    if (!cands.empty())
        fail(ProblemKind::ambiguous,
             "'" + text + "' names " + std::to_string(cands.size()) + " bodies" +
                 (cands.size() > shown.size() ? " (the first " + std::to_string(shown.size()) + ")" : "") + ": " +
                 join(shown, "; ") + "; give an id or code (orglineage search '" + text + "' lists them)",
             ids);
    const auto near = similar_codes(lin, text);
    fail(ProblemKind::not_found,
         "no body has the id, code or name " + in_quotes(text) + (near.empty() ? "" : " (nearest codes: " + join(near, ", ") + ")"),
         near);
}

} // namespace

PickedBody read_body(const Lineage& lin, const std::string& text, std::optional<Date> at, std::vector<Remark>& remarks) {
    if (const Body* b = lin.find(text)) return {b, true, false};
    Resolution r;
    if (at) r = lin.resolve_nearest(text, *at);
    else r.bodies = lin.resolve_all(text);
    if (r.bodies.empty()) {
        std::vector<const Body*> cands;
        const Body* b = body_by_name(lin, text, at, cands);
        if (!b) fail_by_name(lin, text, cands);
        remarks.push_back({RemarkKind::reading, "taking '" + text + "' as the name of " + describe(*b)});
        return {b, true, true};
    }
    if (r.bodies.size() > 1) {
        std::vector<std::string> cands, ids;
        for (const Body* b : r.bodies) {
            cands.push_back(describe(*b));
            ids.push_back(b->id);
        }
        fail(ProblemKind::ambiguous,
             "code " + in_quotes(text) + " is ambiguous" + (at ? " on " + format_date(*at) : "") + ": " + join(cands, "; ") +
                 (at ? "; give an id or --code-on DATE" : "; give an id, --on DATE or --code-on DATE"),
             ids);
    }
    if (at && !r.exact)
        remarks.push_back({RemarkKind::reading, "no body had " + in_quotes(text) + " on " + format_date(*at) +
                                                    "; taking the nearest in time, " + describe(*r.bodies.front())});
    return {r.bodies.front(), r.exact, false};
}

std::string other_holders(const Lineage& lin, const std::string& text, const Body& taken) {
    std::vector<std::string> others;
    for (const Body* b : lin.resolve_all(text)) {
        if (b == &taken) continue;
        const auto last = b->period.last_day();
        others.push_back(describe(*b) + ", picked by --code-on " + format_date(last ? *last : b->period.from));
    }
    if (others.empty()) return {};
    return "the code '" + text + "' was also held by " + join(others, "; ");
}

const Area& read_area(const Lineage& lin, const std::string& text, const Date& on, std::vector<Remark>& remarks) {
    const AreaMatch m = find_area_on(lin, text, on);
    auto describe_area = [](const Area* a) {
        return a->code + " (" + a->name + ", " + a->kind + ", " + area_period_text(a->period) + ")";
    };
    auto ambiguous = [&](const std::vector<const Area*>& areas, const std::string& when) {
        std::vector<std::string> cands, codes;
        for (const Area* a : areas) {
            cands.push_back(describe_area(a));
            codes.push_back(a->code);
        }
        fail(ProblemKind::ambiguous, "area " + in_quotes(text) + " is ambiguous" + when + ": " + join(cands, "; ") +
                                         "; give its ONS code",
             codes);
    };
    if (m.areas.size() == 1) {
        if (!m.exact)
            remarks.push_back({RemarkKind::reading, "no area called " + in_quotes(text) + " was in force on " +
                                                        format_date(on) + "; taking " + m.areas.front()->name + " (" +
                                                        m.areas.front()->code + ")"});
        return *m.areas.front();
    }
    if (m.areas.size() > 1) ambiguous(m.areas, " on " + format_date(on));
    // Nothing in force: an area of another time (answered for its territory), else unknown.
    const auto found = lin.find_areas(text);
    if (found.size() == 1) return *found.front();
    if (found.size() > 1) ambiguous(found, "");
    const auto near = similar_areas(lin, text);
    fail(ProblemKind::not_found, "unknown area " + in_quotes(text) +
                                     (near.empty() ? " (give an ONS code or a local authority name)"
                                                   : " (did you mean: " + join(near, ", ") + "?)"),
         near);
}

Value body_value(const Body& b, std::optional<Date> as_of) {
    // Names and codes as on the date, kept inside the body's own life; its last ones without a date.
    Date d = as_of ? *as_of : Date(9999, 12, 31);
    if (d < b.period.from) d = b.period.from;
    if (auto last = b.period.last_day(); last && d > *last) d = *last;
    const auto last = b.period.last_day();
    Value r = Value::record();
    r["id"] = b.id;
    r["kind"] = b.kind;
    r["name"] = b.name_on(d);
    r["ods"] = Value::text_or_null(b.ods_on(d));
    r["ons"] = Value::text_or_null(b.ons_on(d));
    r["from"] = format_date(b.period.from);
    r["to"] = last ? Value(format_date(*last)) : Value();
    return r;
}

Value share_value(const Share& s) { return s ? Value(*s) : Value(); }

Value data_value(const Lineage& lin) {
    const auto& ds = lin.dataset();
    Value r = Value::record();
    r["name"] = ds.name;
    r["version"] = ds.version;
    r["directory"] = ds.directory;
    return r;
}

} // namespace orglineage::answers

namespace orglineage::answers {

std::vector<std::string> read_kinds(const Lineage& lin, const std::string& kind) {
    if (kind.empty()) return {};
    const auto& kinds = lin.dataset().kinds;
    std::string want = kind;
    for (auto& c : want) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!kinds.count(want)) {
        std::vector<std::string> known;
        for (const auto& kv : kinds) known.push_back(kv.first);
        fail(ProblemKind::bad_question, "unknown kind " + in_quotes(kind) + " (known: " + join(known, ", ") + ")", known);
    }
    std::vector<std::string> out{want};
    for (const auto& kv : kinds)
        if (kv.second.family == want) out.push_back(kv.first);
    return out;
}

bool kind_in(const std::vector<std::string>& kinds, const std::string& kind) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

Value texts_value(const std::vector<std::string>& texts) {
    Value out = Value::list();
    for (const auto& t : texts) out.push_back(t);
    return out;
}

} // namespace orglineage::answers
