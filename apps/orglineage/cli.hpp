// SPDX-License-Identifier: MIT
// orglineage CLI — what the commands share: the data, argument checks and output in three formats.
#pragma once

#include <orglineage/orglineage.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace orglineage::cli {

using Json = nlohmann::ordered_json;

/// Exit codes (the documented contract): 4 is an answer that carries notes under --strict; an I/O
/// failure (disk full, standard output closed) is 74, sysexits.h's EX_IOERR, beside 70 for an
/// internal error.
enum Exit : int { exit_ok = 0, exit_not_found = 1, exit_usage = 2, exit_data = 3, exit_strict = 4, exit_io = 74 };

/// A failure the tool reports with one line on stderr and an exit code.
class Failure : public std::runtime_error {
  public:
    Failure(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    [[nodiscard]] int code() const noexcept { return m_code; }

  private:
    int m_code;
};

/// The options every command sees, and the dataset, loaded on first use.
struct Context {
    std::string data_option;  ///< --data
    std::string format = "text";
    std::string program_path; ///< argv[0]
    bool strict = false;            ///< --strict: an answer with notes is a failure (exit 4)
    bool include_announced = false; ///< --include-announced: apply announced changes
    int exit_code = exit_ok;

    /// The dataset directory: --data, else $ORGLINEAGE_DATA, else the shipped one.
    /// @throws Failure (exit 3) when no dataset can be found
    [[nodiscard]] std::string data_dir() const;
    /// The loaded dataset (from a current compiled image when there is one). @throws DataError,
    /// ValidationError, Failure
    [[nodiscard]] const Lineage& lineage();
    /// The compiled image the dataset was opened from, or "" when it was read from its sources.
    [[nodiscard]] const std::string& image_used() const noexcept { return m_image; }
    /// The `data` block of the JSON `query` object.
    [[nodiscard]] Json data_info();

  private:
    std::unique_ptr<Lineage> m_lineage;
    std::string m_image;
};

/// A CLI11 check for `YYYY-MM-DD` (a real calendar day).
[[nodiscard]] const CLI::Validator& date_check();
/// A parsed date option (already checked).
[[nodiscard]] Date date_arg(const std::string& text);

/// How a BODY argument was resolved.
struct Picked {
    const Body* body = nullptr;
    bool exact = true;
    bool by_name = false; ///< taken as a name, not an id or code
};
/**
 * An id, ODS or ONS code as the body that had it on `at` (nearest in time when nobody did then);
 * without `at`, the only body that ever had it. Failing those, a name (any case or punctuation)
 * that only one body had (active on `at` when given).
 * @throws Failure (exit 1) when nobody had it, or when several did (listing the candidates)
 */
Picked pick_body(Context& ctx, const std::string& text, std::optional<Date> at);

/// The area named by an ONS code or a name (case-insensitive), preferring one in force on `on`.
/// @throws Failure (exit 1) when none matches, or several do
const Area& pick_area(Context& ctx, const std::string& text, const Date& on);

/// Checks a function id against the dataset's catalogue. @throws Failure (exit 2)
void check_function(Context& ctx, const std::string& function);
/// Checks a kind against the dataset's kinds, in any case (empty: every kind). @throws Failure (exit 2)
void check_kind(Context& ctx, const std::string& kind);
/**
 * The kinds a --kind argument stands for: the kind (any case) and every kind of its family
 * (`pct` takes in the care trusts that acted as PCTs); empty for every kind.
 * @throws Failure (exit 2) for an unknown kind
 */
[[nodiscard]] std::vector<std::string> kinds_arg(Context& ctx, const std::string& kind);
/// True when `kinds` is empty (every kind) or holds `kind`.
[[nodiscard]] bool kind_in(const std::vector<std::string>& kinds, const std::string& kind);
/// What --help says about kinds and their families.
[[nodiscard]] std::string kind_help();
/// Today (the local calendar day).
[[nodiscard]] Date today();

/// One CSV field, quoted (RFC 4180) when it holds a comma, quote or line end.
[[nodiscard]] std::string csv_quote(const std::string& s);

/// Notes as JSON: `[{"kind": ..., "text": ..., "about": ...}]`.
[[nodiscard]] Json notes_json(const std::vector<Note>& notes);

/// The standard fields of a body (`id kind name ods ons from to`), names and codes as on `as_of`
/// (clamped into the body's own period; its last ones without a date).
[[nodiscard]] Json body_json(const Body& b, std::optional<Date> as_of);
/// Every other body that had the code or id `text` (`--code-on DATE` picks one), as a sentence; "" if none.
[[nodiscard]] std::string other_holders(Context& ctx, const std::string& text, const Body& taken);
/// A share as JSON (null when unknown).
[[nodiscard]] Json share_json(const Share& s);
/// `first..last` or `first..` for people.
[[nodiscard]] std::string period_text(const Body& b);
/// An area's period for people: `from 2009-04-01`, `until 2009-03-31` (no start recorded: the
/// area is older than its code's records), `2009-04-01..2020-03-31`, or `with no start or end recorded`.
[[nodiscard]] std::string area_period_text(const Period& p);

/// One answer: the query, the rows, and which fields the text and CSV forms show.
struct Output {
    Json query = Json::object();
    std::vector<Json> results;
    std::vector<std::string> columns; ///< keys shown in text and CSV, in order
    Json extra = Json::object();      ///< further top-level JSON members (e.g. `links`)
};

/// Prints an answer as text (aligned, with a header), CSV (with a header row) or JSON.
void print(const Output& out, const std::string& format);

/**
 * Prints an answer whose rows carry `notes` (arrays of notes_json): a NOTES column (the kinds) in
 * text with each note's text below the table, a `notes` column in CSV, the arrays in JSON. Under
 * --strict, an answer with any note sets exit code 4 (and says so on stderr).
 */
void emit(Context& ctx, Output out, const std::string& format);
/// emit() in the context's format.
void emit(Context& ctx, Output out);

/// Writes `orglineage: <message>` to stderr.
void say(const std::string& message);

/// Flushes standard output and checks that everything reached it.
/// @throws IoError when it did not (a full disk, a closed pipe)
void finish_stdout();

/// The paths a command reads and writes: refuses (exit 2) an output that is also an input or
/// another output, before anything is opened. Empty and "-" paths are skipped; standard output is
/// `/dev/stdout` (so that --rejects /dev/stdout beside it is refused).
void check_paths(const std::vector<std::pair<std::string, std::string>>& inputs,
                 const std::vector<std::pair<std::string, std::string>>& outputs);

/// The format a command uses (its own --format if it has one, else the global one).
[[nodiscard]] std::string checked_format(const std::string& format, bool allow_dot);

// The commands: each adds its subcommand to the app.
void add_resolve(CLI::App& app, Context& ctx);
void add_who(CLI::App& app, Context& ctx);
void add_successors(CLI::App& app, Context& ctx);
void add_predecessors(CLI::App& app, Context& ctx);
void add_lineage(CLI::App& app, Context& ctx);
void add_snapshot(CLI::App& app, Context& ctx);
void add_diff(CLI::App& app, Context& ctx);
void add_validate(CLI::App& app, Context& ctx);
void add_crosswalk(CLI::App& app, Context& ctx);
void add_remap(CLI::App& app, Context& ctx);
void add_compile(CLI::App& app, Context& ctx);
void add_query(CLI::App& app, Context& ctx);
void add_groups(CLI::App& app, Context& ctx);
void add_members(CLI::App& app, Context& ctx);
void add_search(CLI::App& app, Context& ctx);
void add_changes(CLI::App& app, Context& ctx);

} // namespace orglineage::cli
