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

/// Exit codes (the documented contract). An I/O failure (disk full, standard output closed) is 74,
/// sysexits.h's EX_IOERR, beside 70 for an internal error.
enum Exit : int { exit_ok = 0, exit_not_found = 1, exit_usage = 2, exit_data = 3, exit_io = 74 };

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
    int exit_code = exit_ok;

    /// The dataset directory: --data, else $ORGLINEAGE_DATA, else the shipped one.
    /// @throws Failure (exit 3) when no dataset can be found
    [[nodiscard]] std::string data_dir() const;
    /// The loaded dataset. @throws DataError, ValidationError, Failure
    [[nodiscard]] const Lineage& lineage();
    /// The `data` block of the JSON `query` object.
    [[nodiscard]] Json data_info();

  private:
    std::unique_ptr<Lineage> m_lineage;
};

/// A CLI11 check for `YYYY-MM-DD` (a real calendar day).
[[nodiscard]] const CLI::Validator& date_check();
/// A parsed date option (already checked).
[[nodiscard]] Date date_arg(const std::string& text);

/// How a BODY argument was resolved.
struct Picked {
    const Body* body = nullptr;
    bool exact = true;
};
/**
 * An id, ODS or ONS code as the body that had it on `at` (nearest in time when nobody did then);
 * without `at`, the only body that ever had it.
 * @throws Failure (exit 1) when nobody had it, or when several did (listing the candidates)
 */
Picked pick_body(Context& ctx, const std::string& text, std::optional<Date> at);

/// The area named by an ONS code or a name (case-insensitive), preferring one in force on `on`.
/// @throws Failure (exit 1) when none matches, or several do
const Area& pick_area(Context& ctx, const std::string& text, const Date& on);

/// Checks a function id against the dataset's catalogue. @throws Failure (exit 1)
void check_function(Context& ctx, const std::string& function);
/// Checks a kind against the dataset's kinds (empty: every kind). @throws Failure (exit 1)
void check_kind(Context& ctx, const std::string& kind);

/// The standard fields of a body (`id kind name ods ons from to`), names and codes as on `as_of`
/// (clamped into the body's own period; its last ones without a date).
[[nodiscard]] Json body_json(const Body& b, std::optional<Date> as_of);
/// A share as JSON (null when unknown).
[[nodiscard]] Json share_json(const Share& s);
/// `first..last` or `first..` for people.
[[nodiscard]] std::string period_text(const Body& b);

/// One answer: the query, the rows, and which fields the text and CSV forms show.
struct Output {
    Json query = Json::object();
    std::vector<Json> results;
    std::vector<std::string> columns; ///< keys shown in text and CSV, in order
    Json extra = Json::object();      ///< further top-level JSON members (e.g. `links`)
};

/// Prints an answer as text (aligned, with a header), CSV (with a header row) or JSON.
void print(const Output& out, const std::string& format);

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

} // namespace orglineage::cli
