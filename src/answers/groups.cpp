// SPDX-License-Identifier: MIT
// orglineage — `groups` and `members`: the SHAs, clusters, area teams, local offices, regions, STPs
// and ICBs a body belonged to, and the members of a group, with the memberships' periods.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/notes.hpp>

#include <algorithm>

namespace orglineage {

using namespace answers;

namespace {

/// One membership row: the other body's fields, then the membership's own period and sources.
Value membership_row(const Lineage& lin, const Body& shown, const Membership& m, const Body& member,
                     std::optional<Date> on) {
    Value r = body_value(shown, on);
    r["member_from"] = format_date(m.period.from);
    const auto last = m.period.last_day();
    r["member_to"] = last ? Value(format_date(*last)) : Value();
    r["sources"] = texts_value(m.sources);
    std::vector<Note> notes = body_notes(lin, shown);
    // A members row shows the member: what the group rests on (a cluster known from news only) is said too.
    const Body& group = lin.at(m.group);
    if (&group != &shown) add_notes(notes, body_notes(lin, group));
    add_notes(notes, membership_notes(lin, member, m));
    if (on) add_notes(notes, date_notes(lin, *on, {&member}));
    r["notes"] = notes_value(notes);
    return r;
}

/// Every membership of the dataset that `keep` keeps, as (member, membership) pairs.
template <class Keep> std::vector<std::pair<const Body*, const Membership*>> memberships(const Lineage& lin, Keep keep) {
    std::vector<std::pair<const Body*, const Membership*>> out;
    for (const auto& b : lin.dataset().bodies)
        for (const auto& m : b.memberships)
            if (keep(b, m)) out.push_back({&b, &m});
    return out;
}

bool in_force(const Body& member, const Membership& m, std::optional<Date> on) {
    return !on || (m.period.contains(*on) && member.period.contains(*on));
}

/// An answer with no rows says why, with exit code 1.
void finish(Answer& out, const std::string& what) {
    if (!out.rows.empty()) return;
    out.remarks.push_back({RemarkKind::outcome, what});
    out.exit_code = answer_not_found;
}

const std::vector<std::string> k_columns = {"id", "kind", "name", "ods", "ons", "from", "to", "member_from", "member_to"};

/// The common start of both: the date, the kinds, the body, the query block.
struct Asked {
    std::optional<Date> on;
    std::vector<std::string> kinds;
    const Body* body = nullptr;
};

Asked read_question(const Lineage& lin, const GroupsQuestion& q, Answer& out, const char* command, const char* role) {
    Asked a;
    if (!q.on.empty()) a.on = read_date(q.on);
    a.kinds = read_kinds(lin, q.kind);
    a.body = read_body(lin, q.body, a.on, out.remarks).body;
    out.columns = k_columns;
    out.query["command"] = command;
    out.query[role] = body_value(*a.body, a.on);
    out.query["code"] = q.body;
    out.query["on"] = a.on ? Value(q.on) : Value();
    out.query["kind"] = q.kind.empty() ? Value() : Value(q.kind);
    out.query["data"] = data_value(lin);
    return a;
}

std::string of_kind(const GroupsQuestion& q) {
    return (q.on.empty() ? std::string() : " on " + q.on) + (q.kind.empty() ? "" : " of kind '" + q.kind + "'") +
           " in this dataset";
}

} // namespace

Answer Answers::groups(const GroupsQuestion& q) const {
    return guarded("groups", [&] {
        const Lineage& lin = m_lineage;
        Answer out;
        const Asked a = read_question(lin, q, out, "groups", "body");
        auto rows = memberships(lin, [&](const Body& b, const Membership& m) {
            return &b == a.body && in_force(b, m, a.on) && kind_in(a.kinds, lin.at(m.group).kind);
        });
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& x, const auto& y) { return x.second->period.from < y.second->period.from; });
        for (const auto& [member, m] : rows) out.rows.push_back(membership_row(lin, lin.at(m->group), *m, *member, a.on));
        finish(out, a.body->id + " belonged to no group" + of_kind(q));
        return out;
    });
}

Answer Answers::members(const GroupsQuestion& q) const {
    return guarded("members", [&] {
        const Lineage& lin = m_lineage;
        Answer out;
        const Asked a = read_question(lin, q, out, "members", "group");
        auto rows = memberships(lin, [&](const Body& b, const Membership& m) {
            return m.group == a.body->id && in_force(b, m, a.on) && kind_in(a.kinds, b.kind);
        });
        std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
            if (x.second->period.from != y.second->period.from) return x.second->period.from < y.second->period.from;
            return x.first->id < y.first->id;
        });
        for (const auto& [member, m] : rows) out.rows.push_back(membership_row(lin, *member, *m, *member, a.on));
        finish(out, a.body->id + " had no members" + of_kind(q));
        return out;
    });
}

} // namespace orglineage
