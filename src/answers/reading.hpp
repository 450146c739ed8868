// SPDX-License-Identifier: MIT
// orglineage — reading the user's words (codes and names of any date, dates, functions) for the
// answers layer, and the fields every answer shares. Internal to src/answers.
#pragma once

#include <orglineage/answer.hpp>
#include <orglineage/error.hpp>
#include <orglineage/lineage.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage::answers {

/// Thrown inside the layer when a question cannot be answered; each question turns it into an
/// Answer with a problem (see guarded()).
struct Unanswerable {
    Problem problem;
};

[[noreturn]] void fail(ProblemKind kind, std::string message, std::vector<std::string> suggestions = {});

/// `f()` as an answer: an Unanswerable or a LookupError becomes an answer with a problem.
template <class F> Answer guarded(const char* question, F&& f) {
    try {
        Answer a = f();
        a.question = question;
        return a;
    } catch (Unanswerable& u) {
        Answer a;
        a.question = question;
        a.exit_code = u.problem.exit_code;
        a.problem = std::move(u.problem);
        return a;
    } catch (const LookupError& e) {
        return problem_answer(question, ProblemKind::not_found, e.what());
    } catch (const DataError& e) {
        // A table the answer needs (the LSOA tables, a postcode file) cannot be read.
        return problem_answer(question, ProblemKind::bad_data, std::string("data error: ") + e.what());
    }
}

[[nodiscard]] std::string join(const std::vector<std::string>& items, const std::string& sep);
/// A value of the user's as messages quote it: shortened, so a huge argument is not echoed back.
[[nodiscard]] std::string in_quotes(std::string_view text);

/// A date as the user wrote it (YYYY-MM-DD). @throws Unanswerable (bad_question)
[[nodiscard]] Date read_date(std::string_view text, std::string_view option = {});
/// Checks a function id against the dataset's catalogue. @throws Unanswerable (bad_question)
void check_function(const Lineage& lineage, const std::string& function);

/// A body as the question named it.
struct PickedBody {
    const Body* body = nullptr;
    bool exact = true;    ///< had the code on the date asked (not the nearest in time)
    bool by_name = false; ///< taken as a name, not an id or code
};
/**
 * An id, ODS or ONS code as the body that had it on `at` (nearest in time when nobody had it then,
 * with a remark); without `at`, the only body that ever had it. Failing those, a name (any case or
 * punctuation) that only one body had (active on `at` when given), with a remark.
 * @throws Unanswerable (not_found, ambiguous) listing the candidates or the nearest codes
 */
[[nodiscard]] PickedBody read_body(const Lineage& lineage, const std::string& text, std::optional<Date> at,
                                   std::vector<Remark>& remarks);
/**
 * The area named by an ONS code or a name (any case), preferring one in force on `on` (another
 * name's area in force: with a remark); an area of another time when none is in force.
 * @throws Unanswerable (not_found with the nearest names, ambiguous with the candidates)
 */
[[nodiscard]] const Area& read_area(const Lineage& lineage, const std::string& text, const Date& on,
                                    std::vector<Remark>& remarks);

/// `id (name, kind, period)`.
[[nodiscard]] std::string describe(const Body& body);
/// An area's period for people: `from 2009-04-01`, `until 2009-03-31`, `2009-04-01..2020-03-31`,
/// or `with no start or end recorded`.
[[nodiscard]] std::string area_period_text(const Period& p);
/// Every other body that had the code or id `text` (`--code-on DATE` picks one), as a sentence; "" if none.
[[nodiscard]] std::string other_holders(const Lineage& lineage, const std::string& text, const Body& taken);

/// The standard fields of a body (`id kind name ods ons from to`), names and codes as on `as_of`
/// (clamped into the body's own period; its last ones without a date).
[[nodiscard]] Value body_value(const Body& body, std::optional<Date> as_of);
/// A share (null when unknown).
[[nodiscard]] Value share_value(const Share& share);
/// The `data` block of a query: the dataset's name, version and directory.
[[nodiscard]] Value data_value(const Lineage& lineage);

} // namespace orglineage::answers

namespace orglineage::answers {

/**
 * The kinds a kind argument stands for: the kind (any case) and every kind of its family (`pct`
 * takes in the care trusts that acted as PCTs); empty for every kind.
 * @throws Unanswerable (bad_question) for an unknown kind
 */
[[nodiscard]] std::vector<std::string> read_kinds(const Lineage& lineage, const std::string& kind);
/// True when `kinds` is empty (every kind) or holds `kind`.
[[nodiscard]] bool kind_in(const std::vector<std::string>& kinds, const std::string& kind);
/// A list of texts.
[[nodiscard]] Value texts_value(const std::vector<std::string>& texts);

} // namespace orglineage::answers

namespace orglineage::answers {
/// The arguments of a named question in the order of its CSV form (nullptr: no such question).
[[nodiscard]] const std::vector<std::string>* csv_arguments(std::string_view question);
} // namespace orglineage::answers
