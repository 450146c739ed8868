// SPDX-License-Identifier: MIT
// orglineage — an answer as every front door shows it: rows, notes, how the question was read, or
// why it could not be answered; and its JSON, text and CSV layouts, built in one place.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/notes.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace orglineage {

/**
 * A value of an answer: null, true/false, a whole number, a number, text, a list or a record (named
 * fields in order). The JSON shape of an answer is its Value tree, so every door lays out the same
 * fields; constructors are implicit so that `row["share"] = 0.5` reads as the JSON it becomes.
 */
class ORGLINEAGE_API Value {
  public:
    enum class Type { null, boolean, integer, number, text, list, record };

    Value() = default;
    Value(std::nullptr_t) {}                                                  // NOLINT(google-explicit-constructor)
    Value(bool b) : m_type(Type::boolean), m_bool(b) {}                      // NOLINT(google-explicit-constructor)
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    Value(T i) : m_type(Type::integer), m_integer(static_cast<long long>(i)) {} // NOLINT(google-explicit-constructor)
    Value(double d) : m_type(Type::number), m_number(d) {}                   // NOLINT(google-explicit-constructor)
    Value(std::string s) : m_type(Type::text), m_text(std::move(s)) {}       // NOLINT(google-explicit-constructor)
    Value(const char* s) : m_type(Type::text), m_text(s) {}                  // NOLINT(google-explicit-constructor)
    Value(std::string_view s) : m_type(Type::text), m_text(s) {}             // NOLINT(google-explicit-constructor)

    /// An empty list.
    [[nodiscard]] static Value list();
    /// An empty record.
    [[nodiscard]] static Value record();
    /// `text` when there is any, else null (codes a body never had are null in answers).
    [[nodiscard]] static Value text_or_null(const std::string& text);

    [[nodiscard]] Type type() const noexcept { return m_type; }
    [[nodiscard]] bool is_null() const noexcept { return m_type == Type::null; }
    [[nodiscard]] bool is_list() const noexcept { return m_type == Type::list; }
    [[nodiscard]] bool is_record() const noexcept { return m_type == Type::record; }
    [[nodiscard]] bool is_text() const noexcept { return m_type == Type::text; }

    /// The text ("" for anything but text).
    [[nodiscard]] const std::string& text() const noexcept;
    /// The number (a whole number too; 0 for anything else).
    [[nodiscard]] double number() const noexcept;
    /// The whole number (0 for anything else).
    [[nodiscard]] long long integer() const noexcept { return m_type == Type::integer ? m_integer : 0; }
    /// The truth value (false for anything else).
    [[nodiscard]] bool boolean() const noexcept { return m_type == Type::boolean && m_bool; }

    /// A list's items or a record's values, in order.
    [[nodiscard]] const std::vector<Value>& items() const noexcept { return m_items; }
    [[nodiscard]] std::vector<Value>& items() noexcept { return m_items; }
    /// A record's field names, in order (parallel to items()).
    [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return m_keys; }
    [[nodiscard]] std::size_t size() const noexcept { return m_items.size(); }
    [[nodiscard]] bool empty() const noexcept { return m_items.empty(); }

    /// Appends to a list (a null becomes a list first).
    void push_back(Value v);
    /// A record's field, added at the end (null) when absent (a null becomes a record first).
    Value& operator[](std::string_view key);
    /// A record's field, or nullptr.
    [[nodiscard]] const Value* find(std::string_view key) const noexcept;
    /// A record's field, or a null value when absent.
    [[nodiscard]] const Value& at(std::string_view key) const noexcept;
    /// True when a record has the field.
    [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }

    friend ORGLINEAGE_API bool operator==(const Value& a, const Value& b);
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  private:
    Type m_type = Type::null;
    bool m_bool = false;
    long long m_integer = 0;
    double m_number = 0;
    std::string m_text;
    std::vector<std::string> m_keys; ///< a record's names
    std::vector<Value> m_items;      ///< a list's items, a record's values
};

/// What a remark on the side of an answer is (the CLI prints each on standard error).
enum class RemarkKind {
    reading, ///< how the question was read: a name taken as a code, the nearest in time, a default date
    caveat,  ///< a caveat of the whole answer (the rows carry their own notes)
    source,  ///< where the answer comes from
    outcome  ///< why the answer is empty or partial ("nobody held ...", "... is ambiguous")
};

/// One remark beside an answer.
struct ORGLINEAGE_API Remark {
    RemarkKind kind = RemarkKind::reading;
    std::string text;
    /// The line as the CLI prints it after `orglineage: ` (`note: ` before readings and caveats,
    /// `source: ` before a source).
    [[nodiscard]] std::string line() const;
};

/// Why a question could not be answered.
enum class ProblemKind {
    not_found,    ///< no body, area, postcode or LSOA has the code or name (exit 1)
    ambiguous,    ///< the words stand for several (exit 1); the suggestions list them
    bad_question, ///< a bad date, an unknown function or kind, a missing argument (exit 2)
    bad_data      ///< a table the answer needs cannot be read (exit 3)
};

/// A question that could not be answered: its message as the CLI prints it, the candidates or
/// nearest codes as suggestions, and the CLI's exit code.
struct ORGLINEAGE_API Problem {
    ProblemKind kind = ProblemKind::not_found;
    std::string message;
    std::vector<std::string> suggestions;
    int exit_code = 1;
};

/// The exit codes of answers (as the CLI documents them).
enum AnswerExit : int { answer_ok = 0, answer_not_found = 1, answer_bad_question = 2, answer_bad_data = 3 };

/**
 * One answer. `query` says how the question was read (the codes, names and dates taken, the data
 * used); each row is a record whose `notes` field lists its caveats (`kind`, `text`, `about`);
 * `columns` are the fields text and CSV show, in order (a NOTES column follows). An answer that
 * could not be given has a `problem` and no rows. `exit_code` is 1 for an answer that is empty
 * (nobody held it) or ambiguous, with a remark saying why.
 */
struct ORGLINEAGE_API Answer {
    std::string question;             ///< `who`, `resolve`, ...
    Value query = Value::record();    ///< the JSON `query` block
    std::vector<Value> rows;          ///< the JSON `results`
    std::vector<std::string> columns; ///< shown in text and CSV
    std::vector<std::string> csv_columns; ///< shown in CSV only, after `columns`
    std::vector<std::string> exact_columns; ///< numbers CSV writes with every digit (text rounds them)
    Value extra = Value::record();    ///< further top-level JSON members
    std::vector<Remark> remarks;      ///< in the order they arose
    std::optional<Problem> problem;   ///< set when the question could not be answered
    int exit_code = answer_ok;

    [[nodiscard]] bool answered() const noexcept { return !problem.has_value(); }
    /// The number of rows that carry notes.
    [[nodiscard]] std::size_t noted_rows() const;
};

/// An answer that could not be given.
[[nodiscard]] ORGLINEAGE_API Answer problem_answer(std::string question, ProblemKind kind, std::string message,
                                                   std::vector<std::string> suggestions = {});

/// The notes of a row (its `notes` field), typed.
[[nodiscard]] ORGLINEAGE_API std::vector<Note> notes_of(const Value& row);
/// Notes as a list of `{"kind", "text", "about"}` records.
[[nodiscard]] ORGLINEAGE_API Value notes_value(const std::vector<Note>& notes);
/// The note kind named `name` (`deduced`, `unknown_share`, ...), if any.
[[nodiscard]] ORGLINEAGE_API std::optional<NoteKind> note_kind(std::string_view name) noexcept;

/// The answer as one JSON document `{"query": ..., "results": [...], ...extra}` (a problem:
/// `{"error": {"exit": N, "message": ..., "suggestions": [...]}}`), indented by `indent` (-1: one line).
[[nodiscard]] ORGLINEAGE_API std::string to_json(const Answer& answer, int indent = 2);
/// The answer as a Value (the tree to_json prints).
[[nodiscard]] ORGLINEAGE_API Value to_value(const Answer& answer);
/// The remarks as a list of `{"kind": reading|caveat|source|outcome, "text": ...}` (for doors that
/// have no standard error: `query -`, the HTTP server).
[[nodiscard]] ORGLINEAGE_API Value remarks_value(const Answer& answer);
/// Any Value as JSON text (text that is not UTF-8 replaced rather than refused).
[[nodiscard]] ORGLINEAGE_API std::string dump_json(const Value& value, int indent = -1);

/// The answer as an aligned table with a header and, below, the text of each distinct note
/// ("" for an answer with no rows).
[[nodiscard]] ORGLINEAGE_API std::string to_text(const Answer& answer);
/// The answer as CSV: a header row, then a row per result; the notes as `kind: text | ...`.
[[nodiscard]] ORGLINEAGE_API std::string to_csv(const Answer& answer);
/// One CSV field, quoted (RFC 4180) when it holds a comma, quote or line end.
[[nodiscard]] ORGLINEAGE_API std::string csv_field(const std::string& text);

} // namespace orglineage
