// SPDX-License-Identifier: MIT
// orglineage bindings — an Answer's rows as typed columns.
#include "answer_columns.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace orglineage::bind {

namespace {

using Type = AnswerColumn::Type;

constexpr double k_null = std::numeric_limits<double>::quiet_NaN();

/// The fields the answers give as days (YYYY-MM-DD text), shown as dates by the doors.
bool is_date_name(const std::string& name) {
    static const std::vector<std::string> names{"from", "to", "member_from", "member_to", "valid_from", "valid_to", "date", "on"};
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_iso_day(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/// A value as the CLI's CSV cell shows it: lists joined by ';', records as JSON.
std::string as_text(const Value& v) {
    switch (v.type()) {
    case Value::Type::text: return v.text();
    case Value::Type::boolean: return v.boolean() ? "true" : "false";
    case Value::Type::integer: return std::to_string(v.integer());
    case Value::Type::number: return dump_json(v);
    case Value::Type::list: {
        std::string out;
        for (const auto& e : v.items()) out += (out.empty() ? "" : ";") + as_text(e);
        return out;
    }
    case Value::Type::record: return dump_json(v);
    case Value::Type::null: break;
    }
    return {};
}

/// The column's type from its values: numbers, flags, days or text (mixed values: text).
Type type_of(const std::string& name, const std::vector<const Value*>& values) {
    bool any = false, integers = true, numbers = true, flags = true, days = is_date_name(name);
    for (const Value* v : values) {
        if (v->is_null()) continue;
        any = true;
        const auto t = v->type();
        integers = integers && t == Value::Type::integer;
        numbers = numbers && (t == Value::Type::integer || t == Value::Type::number);
        flags = flags && t == Value::Type::boolean;
        days = days && t == Value::Type::text && is_iso_day(v->text());
    }
    if (!any) return days ? Type::date : Type::text;
    if (integers) return Type::integer;
    if (numbers) return Type::number;
    if (flags) return Type::boolean;
    return days ? Type::date : Type::text;
}

AnswerColumn column_of(const std::string& name, const std::vector<const Value*>& values) {
    AnswerColumn c;
    c.name = name;
    c.type = type_of(name, values);
    for (const Value* v : values) {
        switch (c.type) {
        case Type::number:
        case Type::integer: c.numbers.push_back(v->is_null() ? k_null : v->number()); break;
        case Type::boolean: c.flags.push_back(v->is_null() ? -1 : v->boolean() ? 1 : 0); break;
        default: c.text.push_back(v->is_null() ? std::nullopt : std::optional<std::string>(as_text(*v)));
        }
    }
    return c;
}

AnswerColumn numbers(std::string name, std::vector<double> values) {
    AnswerColumn c;
    c.name = std::move(name);
    c.type = Type::integer;
    c.numbers = std::move(values);
    return c;
}

AnswerColumn texts(std::string name, std::vector<std::optional<std::string>> values) {
    AnswerColumn c;
    c.name = std::move(name);
    c.text = std::move(values);
    return c;
}

/// The kinds of a row's notes, each once, comma-separated ("" for none), as the CLI's NOTES column.
std::string note_kinds(const Value& notes) {
    std::vector<std::string> kinds;
    for (const auto& n : notes.items())
        if (std::find(kinds.begin(), kinds.end(), n.at("kind").text()) == kinds.end()) kinds.push_back(n.at("kind").text());
    std::string out;
    for (const auto& k : kinds) out += (out.empty() ? "" : ",") + k;
    return out;
}

/// Records as columns: `names` in order (empty: every key of the records, in order of first
/// appearance), then `notes` (the kinds of each record's notes) when `notes_column`; every note
/// into `notes` when it is given.
ColumnTable table_of(const std::vector<const Value*>& records, std::vector<std::string> names, bool notes_column,
                     ColumnTable* notes) {
    if (names.empty())
        for (const Value* r : records)
            for (const auto& k : r->keys())
                if (k != "notes" && std::find(names.begin(), names.end(), k) == names.end()) names.push_back(k);
    ColumnTable t;
    t.rows = records.size();
    std::vector<const Value*> values(records.size());
    for (const auto& name : names) {
        for (std::size_t r = 0; r < records.size(); ++r) values[r] = &records[r]->at(name);
        t.columns.push_back(column_of(name, values));
    }
    std::vector<std::optional<std::string>> kinds;
    std::vector<double> note_row;
    std::vector<std::optional<std::string>> note_kind, note_text, note_about;
    for (std::size_t r = 0; r < records.size(); ++r) {
        const Value& row_notes = records[r]->at("notes");
        kinds.emplace_back(note_kinds(row_notes));
        for (const auto& n : row_notes.items()) {
            note_row.push_back(static_cast<double>(r));
            note_kind.emplace_back(n.at("kind").text());
            note_text.emplace_back(n.at("text").text());
            note_about.emplace_back(n.at("about").is_null() ? std::nullopt
                                                            : std::optional<std::string>(as_text(n.at("about"))));
        }
    }
    if (notes_column) t.columns.push_back(texts("notes", std::move(kinds)));
    if (notes) {
        notes->rows = note_row.size();
        notes->columns.push_back(numbers("row", std::move(note_row)));
        notes->columns.push_back(texts("kind", std::move(note_kind)));
        notes->columns.push_back(texts("text", std::move(note_text)));
        notes->columns.push_back(texts("about", std::move(note_about)));
    }
    return t;
}

/// True for a non-empty list of records (a table in the answer's extra members).
bool is_table(const Value& v) {
    if (!v.is_list() || v.empty()) return false;
    return std::all_of(v.items().begin(), v.items().end(), [](const Value& e) { return e.is_record(); });
}

/// The answer's columns: those text shows, then those only CSV shows (as the CLI's CSV).
std::vector<std::string> shown_columns(const Answer& a) {
    std::vector<std::string> names = a.columns;
    names.insert(names.end(), a.csv_columns.begin(), a.csv_columns.end());
    return names;
}

} // namespace

std::size_t AnswerColumn::size() const noexcept {
    switch (type) {
    case Type::number:
    case Type::integer: return numbers.size();
    case Type::boolean: return flags.size();
    default: return text.size();
    }
}

std::string problem_kind_name(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::not_found: return "not_found";
    case ProblemKind::ambiguous: return "ambiguous";
    case ProblemKind::bad_question: return "bad_question";
    case ProblemKind::bad_data: return "bad_data";
    }
    return "not_found";
}

AnswerFrame frame_of(const Answer& answer) {
    if (answer.problem) throw AnswerError(*answer.problem);
    AnswerFrame out;
    std::vector<const Value*> rows;
    for (const auto& r : answer.rows) rows.push_back(&r);
    out.rows = table_of(rows, shown_columns(answer), true, &out.notes);
    for (std::size_t i = 0; i < answer.extra.keys().size(); ++i) {
        const Value& member = answer.extra.items()[i];
        const std::string& name = answer.extra.keys()[i];
        if (!is_table(member)) {
            out.extra[name] = member;
            continue;
        }
        std::vector<const Value*> records;
        for (const auto& e : member.items()) records.push_back(&e);
        const bool noted = std::any_of(records.begin(), records.end(), [](const Value* r) { return r->contains("notes"); });
        out.tables.emplace_back(name, table_of(records, {}, noted, nullptr));
    }
    out.query = answer.query;
    out.remarks = answer.remarks;
    out.exit_code = answer.exit_code;
    return out;
}

} // namespace orglineage::bind
