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
    /// The answers layer over the loaded dataset (orglineage/ask.hpp).
    [[nodiscard]] const Answers& answers();

  private:
    std::unique_ptr<Lineage> m_lineage;
    std::unique_ptr<Answers> m_answers;
    std::string m_image;
};

/// What --help says about kinds and their families.
[[nodiscard]] std::string kind_help();
/// One CSV field, quoted (RFC 4180) when it holds a comma, quote or line end.
[[nodiscard]] std::string csv_quote(const std::string& s);

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
 * Shows an answer of the answers layer in the context's format and nothing else: its rows on
 * standard output, its remarks on stderr (a source in text only), its exit code; under --strict,
 * an answer with notes is exit 4.
 * @throws Failure when the question could not be answered (its message and exit code)
 */
void show(Context& ctx, const Answer& answer);
/// An answer's rows in `format` (text, json, csv), and the --strict check; no remarks.
void print_answer(Context& ctx, const Answer& answer, const std::string& format);

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
