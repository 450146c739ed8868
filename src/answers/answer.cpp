// SPDX-License-Identifier: MIT
// orglineage — Answer: its remarks, problems and notes.
#include <orglineage/answer.hpp>

#include <array>

namespace orglineage {

std::string Remark::line() const {
    switch (kind) {
    case RemarkKind::reading:
    case RemarkKind::caveat: return "note: " + text;
    case RemarkKind::source: return "source: " + text;
    case RemarkKind::outcome: return text;
    }
    return text;
}

std::size_t Answer::noted_rows() const {
    std::size_t n = 0;
    for (const auto& r : rows)
        if (!r.at("notes").empty()) ++n;
    return n;
}

Answer problem_answer(std::string question, ProblemKind kind, std::string message,
                      std::vector<std::string> suggestions) {
    Answer a;
    a.question = std::move(question);
    Problem p;
    p.kind = kind;
    p.message = std::move(message);
    p.suggestions = std::move(suggestions);
    p.exit_code = kind == ProblemKind::bad_question ? answer_bad_question
                  : kind == ProblemKind::bad_data   ? answer_bad_data
                                                    : answer_not_found;
    a.exit_code = p.exit_code;
    a.problem = std::move(p);
    return a;
}

std::optional<NoteKind> note_kind(std::string_view name) noexcept {
    static constexpr std::array<NoteKind, 7> all{NoteKind::deduced,       NoteKind::secondary, NoteKind::incomplete,
                                                 NoteKind::unknown_share, NoteKind::derived,   NoteKind::after_horizon,
                                                 NoteKind::announced};
    for (const NoteKind k : all)
        if (to_string(k) == name) return k;
    return std::nullopt;
}

Value notes_value(const std::vector<Note>& notes) {
    Value out = Value::list();
    for (const auto& n : notes) {
        Value r = Value::record();
        r["kind"] = std::string(to_string(n.kind));
        r["text"] = n.text;
        r["about"] = n.about;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Note> notes_of(const Value& row) {
    std::vector<Note> out;
    for (const auto& n : row.at("notes").items()) {
        Note note;
        if (auto k = note_kind(n.at("kind").text())) note.kind = *k;
        note.text = n.at("text").text();
        note.about = n.at("about").text();
        out.push_back(std::move(note));
    }
    return out;
}

} // namespace orglineage

namespace orglineage {

Value remarks_value(const Answer& answer) {
    static constexpr const char* names[] = {"reading", "caveat", "source", "outcome"};
    Value out = Value::list();
    for (const auto& r : answer.remarks) {
        Value v = Value::record();
        v["kind"] = names[static_cast<int>(r.kind)];
        v["text"] = r.text;
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace orglineage
