// SPDX-License-Identifier: MIT
// orglineage — reading a remap question (its function, kinds, dates, date format, sizes, reject
// limit) into the options remap() streams with, and judging a finished remap.
#include "reading.hpp"

#include <orglineage/ask.hpp>
#include <orglineage/published_date.hpp>

#include <fstream>

namespace orglineage {

using namespace answers;

namespace {

/// `N` or `P%`: the most rejects allowed among `rows` rows (all of them when empty); nothing when
/// the text is neither.
std::optional<std::int64_t> allowed_rejects(const std::string& text, std::int64_t rows) {
    if (text.empty()) return rows;
    try {
        std::size_t used = 0;
        if (text.back() == '%') {
            const double p = std::stod(text.substr(0, text.size() - 1), &used);
            if (used == text.size() - 1 && p >= 0 && p <= 100)
                return static_cast<std::int64_t>(p / 100 * static_cast<double>(rows));
        } else {
            const long long n = std::stoll(text, &used);
            if (used == text.size() && n >= 0) return n;
        }
    } catch (const std::exception&) {
        // std::stod and std::stoll throw on no digits or out of range: not a limit either.
    }
    return std::nullopt;
}

void check_max_rejects(const std::string& text) {
    if (!allowed_rejects(text, 0))
        fail(ProblemKind::bad_question, "bad --max-rejects '" + text + "' (expected a count N or a percentage P%)");
}

} // namespace

RemapReading Answers::read_remap(const RemapQuestion& q) const {
    RemapReading out;
    const Answer a = guarded("remap", [&] {
        // A bad --max-rejects is a bad question before any work.
        check_max_rejects(q.max_rejects);
        const Lineage& lin = m_lineage;
        check_function(lin, q.function);
        if (!q.to_kind.empty()) (void)read_kinds(lin, q.to_kind);
        RemapOptions& o = out.options;
        o.code_column = q.code_column;
        o.date_column = q.date_column;
        o.value_columns = q.value_columns;
        o.to = read_date(q.to, "--to");
        o.function = q.function;
        o.to_kind = q.to_kind;
        const auto format = parse_date_format(q.date_format);
        if (!format)
            fail(ProblemKind::bad_question,
                 "bad --date-format '" + q.date_format + "' (auto, YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, YYYY/YY)");
        o.date_format = *format;
        o.aggregate = q.aggregate;
        o.nearest = q.nearest;
        o.allow_estimates = q.estimates;
        o.populations = q.populations;
        o.delimiter = q.delimiter;
        o.threads = q.threads;
        if (!q.sizes.empty()) {
            std::ifstream in(q.sizes, std::ios::binary);
            if (!in) fail(ProblemKind::bad_question, "cannot read '" + q.sizes + "'");
            try {
                o.sizes = read_sizes(lin, in, q.sizes, o.to);
            } catch (const DataError& e) {
                fail(ProblemKind::bad_data, e.what());
            }
            o.sizes_label = q.sizes;
        }
        return Answer{};
    });
    if (a.problem) out.problem = a.problem;
    return out;
}

std::optional<Problem> judge_remap(const RemapSummary& s, const std::string& max_rejects) {
    Problem p;
    p.kind = ProblemKind::not_found;
    p.exit_code = answer_not_found;
    if (s.counts.mapped == 0) {
        p.message = "remap: no row mapped (" + std::to_string(s.counts.rejected) + " rejected)";
        return p;
    }
    const auto allowed = allowed_rejects(max_rejects, s.counts.rows);
    if (allowed && s.counts.rejected > *allowed) {
        p.message = "remap: " + std::to_string(s.counts.rejected) + " rows rejected, more than --max-rejects " +
                    max_rejects + " (" + std::to_string(*allowed) + ")";
        return p;
    }
    return std::nullopt;
}

} // namespace orglineage
