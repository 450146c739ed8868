// SPDX-License-Identifier: MIT
// orglineage remap FILE --code-column C --date-column D --to DATE [--value-column V]...: figures of
// many dates re-expressed in the bodies of one date, streamed.
#include "../cli.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/output_file.hpp>
#include <orglineage/remap.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <unistd.h>

namespace orglineage::cli {

namespace {

struct RemapArgs {
    std::string file, code_column, date_column, to, output, rejects, notes, function = "commissioning", sizes;
    std::string to_kind, date_format = "auto", max_rejects;
    std::vector<std::string> values;
    bool no_aggregate = false, nearest = false, no_estimates = false, no_populations = false, quiet = false;
    unsigned threads = 0;
    char delimiter = ',';
};

/// Percent, rows per second and time left, rewritten in place on a terminal.
std::function<void(const RemapProgress&)> terminal_progress() {
    const auto start = std::chrono::steady_clock::now();
    return [start](const RemapProgress& p) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (s < 0.5) return;
        const double rate = static_cast<double>(p.rows) / s;
        std::string line = "\rorglineage: remap: ";
        char buf[160];
        if (p.total_bytes > 0) {
            const double done = static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes);
            const double left = done > 0 ? s * (1 - done) / done : 0;
            std::snprintf(buf, sizeof buf, "%5.1f%%, %lld rows, %.0f rows/s, %.0f s left   ", 100 * done,
                          static_cast<long long>(p.rows), rate, left);
        } else {
            std::snprintf(buf, sizeof buf, "%lld rows, %.0f rows/s, %llu MiB read   ", static_cast<long long>(p.rows),
                          rate, static_cast<unsigned long long>(p.bytes >> 20));
        }
        std::cerr << line << buf << std::flush;
    };
}

/// The remap question of the arguments, read by the answers layer. @throws Failure for a bad one
RemapOptions options_of(Context& ctx, const RemapArgs& a) {
    RemapQuestion q;
    q.code_column = a.code_column;
    q.date_column = a.date_column;
    q.value_columns = a.values;
    q.to = a.to;
    q.function = a.function;
    q.to_kind = a.to_kind;
    q.date_format = a.date_format;
    q.sizes = a.sizes;
    q.max_rejects = a.max_rejects;
    q.aggregate = !a.no_aggregate;
    q.nearest = a.nearest;
    q.estimates = !a.no_estimates;
    q.populations = !a.no_populations;
    q.delimiter = a.delimiter;
    q.threads = a.threads;
    RemapReading r = ctx.answers().read_remap(q);
    if (r.problem) throw Failure(r.problem->exit_code, r.problem->message);
    if (!a.quiet && ::isatty(STDERR_FILENO)) r.options.progress = terminal_progress();
    return r.options;
}

void print_summary(const RemapSummary& s, std::int64_t shown) {
    std::string reasons;
    for (const auto& [why, n] : s.rejects_by_reason)
        reasons += (reasons.empty() ? "" : ", ") + std::string(to_string(why)) + " " + std::to_string(n);
    std::cerr << "orglineage: remap: " << s.counts.rows << " rows read, " << s.counts.mapped << " mapped, "
              << s.counts.rejected << " rejected" << (reasons.empty() ? "" : " (" + reasons + ")") << "; "
              << s.output_rows << " output rows; data " << s.data_version << '\n';
    if (s.estimated) std::cerr << "orglineage: remap: " << s.estimated << " rows used estimated weights\n";
    if (s.nearest) std::cerr << "orglineage: remap: " << s.nearest << " rows resolved to a nearest holder\n";
    if (s.sized) std::cerr << "orglineage: remap: " << s.sized << " rows apportioned by " << s.sizes << '\n';
    if (s.noted)
        std::cerr << "orglineage: remap: " << s.noted_output_rows << " output rows carry notes, from " << s.noted
                  << " input rows (the notes column names their kinds; --notes FILE lists each with its rows)\n";
    if (shown > 10) std::cerr << "orglineage: remap: " << shown - 10 << " more rejects not shown (use --rejects FILE)\n";
    for (const auto& t : s.totals)
        std::cerr << "orglineage: remap: " << t.column << ": read " << t.read_exact << ", mapped " << t.mapped_exact
                  << " -> output " << t.output_exact << ", rejected " << t.rejected_exact
                  << (t.blank ? ", " + std::to_string(t.blank) + " blank" : "") << '\n';
}

/// Runs the remap with the output and rejects files open; the summary and the count of rejects shown.
/// Files appear only when complete: a failed or killed run leaves none half written.
/// `accept` judges the summary before the output is committed: a run it refuses leaves no output
/// (the rejects, complete either way, are kept).
RemapSummary run(Context& ctx, const RemapArgs& a, RemapOptions o, std::int64_t& shown,
                 const std::function<void(const RemapSummary&)>& accept) {
    // Standard output is a file too: --rejects /dev/stdout would interleave with the answer.
    check_paths({{"FILE", a.file}}, {a.output.empty() ? std::pair<std::string, std::string>{"standard output", "/dev/stdout"}
                                                      : std::pair<std::string, std::string>{"--output", a.output},
                                     {"--rejects", a.rejects},
                                     {"--notes", a.notes}});
    std::unique_ptr<OutputFile> notes_out;
    if (!a.notes.empty()) {
        notes_out = std::make_unique<OutputFile>(a.notes);
        notes_out->stream() << "output_row,body_id," << a.date_column << ",kind,rows,note,about\n";
        o.on_note = [&notes_out](const RemapNote& n) {
            notes_out->stream() << n.output_row << ',' << csv_quote(n.body_id) << ',' << csv_quote(n.date) << ','
                                << to_string(n.kind) << ',' << n.rows << ',' << csv_quote(n.text) << ','
                                << csv_quote(n.about) << '\n';
        };
    }
    std::unique_ptr<OutputFile> file_out;
    std::ostream* out = &std::cout;
    if (!a.output.empty()) {
        file_out = std::make_unique<OutputFile>(a.output);
        out = &file_out->stream();
    }
    std::unique_ptr<OutputFile> rejects_out;
    std::function<void(const Reject&)> on_reject;
    if (!a.rejects.empty()) {
        rejects_out = std::make_unique<OutputFile>(a.rejects);
        write_reject_csv_header(rejects_out->stream());
        on_reject = [&rejects_out](const Reject& r) { write_reject_csv(rejects_out->stream(), r); };
    } else if (!a.quiet) {
        // Without a rejects file the first few go to stderr, so none is lost unseen.
        on_reject = [&shown](const Reject& r) {
            if (++shown <= 10)
                std::cerr << "orglineage: remap: line " << r.line << ": " << to_string(r.reason) << ": "
                          << shortened(r.message, 200) << '\n';
        };
    }
    RemapSummary s;
    try {
        if (a.file == "-") {
            std::ios::sync_with_stdio(false);
            s = remap(ctx.lineage(), std::cin, *out, o, on_reject);
            if (std::cin.bad()) throw IoError("standard input", "cannot read");
        } else {
            s = remap_file(ctx.lineage(), a.file, *out, o, on_reject);
        }
    } catch (const LookupError&) {
        throw;
    } catch (const IoError&) {
        throw;
    } catch (const orglineage::Error& e) {
        throw Failure(exit_usage, e.what());
    }
    if (o.progress) std::cerr << '\n';
    if (rejects_out) rejects_out->commit(); // complete either way: they say why rows were refused
    accept(s);
    if (notes_out) notes_out->commit();
    if (file_out) file_out->commit();
    else finish_stdout();
    return s;
}

} // namespace

void add_remap(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("remap", "Re-express CSV figures of many dates in the bodies of one date");
    auto a = std::make_shared<RemapArgs>();
    cmd->add_option("FILE", a->file, "input CSV ('-' for standard input)")->required();
    cmd->add_option("--code-column", a->code_column,
                    "column holding each row's code: ODS or ONS code of a PCT, CCG, sub-ICB location, ICB, SHA, "
                    "cluster, region, local authority, an LSOA, or a body id")
        ->required();
    cmd->add_option("--date-column", a->date_column, "column holding each row's date")->required();
    cmd->add_option("--date-format", a->date_format,
                    "auto, YYYY-MM-DD, YYYY-MM, DD/MM/YYYY or YYYY/YY (financial years 2014/15 or 2014-15); a month "
                    "or year is taken on its first day (1 April for a year), or where the code was not in use then, "
                    "on the first day of the period it was")
        ->capture_default_str();
    cmd->add_option("--to", a->to, "the date whose bodies the figures are re-expressed in")->required()->type_name("DATE");
    cmd->add_option("--to-kind", a->to_kind,
                    "kind of the output bodies (icb, sub-icb, ccg, pct, region, ...; default: the holders of the function)");
    cmd->add_option("--value-column", a->values, "a numeric column to apportion (repeatable)");
    cmd->add_option("--output,-o", a->output, "output CSV (default: standard output)");
    cmd->add_option("--rejects", a->rejects, "CSV of rejected rows: line,reason,message,raw");
    cmd->add_option("--notes", a->notes,
                    "CSV of the notes of each output row: output_row,body_id,<date column>,kind,rows,note,about "
                    "(rows: the input rows behind the output row that carry the note)");
    cmd->add_option("--max-rejects", a->max_rejects, "fail (exit 1) when more rows than N, or P% of the rows, are rejected");
    cmd->add_option("--function", a->function, "the function followed")->capture_default_str();
    cmd->add_option("--sizes", a->sizes,
                    "CSV 'code,size' of the bodies of --to, to apportion figures mapped backwards (default: the "
                    "shipped LSOA populations)");
    cmd->add_flag("--no-populations", a->no_populations, "backwards without --sizes: normalised forward shares, not populations");
    cmd->add_flag("--no-aggregate", a->no_aggregate, "one output row per input row and target body");
    cmd->add_flag("--nearest", a->nearest, "a code not in use on its row's date goes to its nearest holder in time");
    cmd->add_flag("--no-estimates", a->no_estimates,
                  "backwards: reject rows whose weights would be estimates (normalised forward shares)");
    cmd->add_option("--threads", a->threads, "threads reading a file (default: one per core)");
    cmd->add_option("--delimiter", a->delimiter, "field delimiter")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
                if (v.size() == 1 && CsvReader::usable_delimiter(v[0])) return {};
                return v.size() == 1 ? "the delimiter cannot be the quote character, a line end or NUL"
                                     : "the delimiter must be one character";
            },
            "CHAR"));
    cmd->add_flag("--quiet,-q", a->quiet, "no progress and no summary on stderr");
    cmd->footer("Every row is mapped or rejected with its line and reason; the summary on stderr gives the counts\n"
                "and each value column's exact total before and after. Values are written at the input's precision\n"
                "and the rounding is spread so that each date's total is conserved to the last digit.\n"
                "Each output row carries the notes of the figures in it, kept per output row (never per input row,\n"
                "so memory stays flat): its last column, notes, names their kinds (deduced, secondary-source,\n"
                "unknown-share for an estimated weight, derived for an area, LSOA, group or nearest-holder\n"
                "reading or apportioned weight, after-horizon, announced); --notes FILE lists each note of each\n"
                "output row with the count of input rows behind it. With --strict, any noted row exits 4 (the\n"
                "output is still written).\n"
                "Exit status: 0 when at least one row mapped and the rejects are within --max-rejects; 1 when no\n"
                "row mapped or there were more rejects; 2 usage; 3 data; 4 notes under --strict. Progress is shown\n"
                "on a terminal only.\n"
                "Example: orglineage remap figures.csv --code-column org --date-column period \\\n"
                "           --value-column spend --to 2023-04-01 --rejects rejects.csv -o by_icb.csv");
    cmd->callback([&ctx, a] {
        const RemapOptions o = options_of(ctx, *a);
        std::int64_t shown = 0;
        const RemapSummary summary = run(ctx, *a, o, shown, [&](const RemapSummary& s) {
            if (!a->quiet) print_summary(s, shown);
            if (const auto problem = judge_remap(s, a->max_rejects)) throw Failure(problem->exit_code, problem->message);
        });
        if (ctx.strict && summary.noted_output_rows > 0) {
            say("--strict: " + std::to_string(summary.noted_output_rows) + " of " + std::to_string(summary.output_rows) +
                " output rows carry notes (see the notes column)");
            if (ctx.exit_code == exit_ok) ctx.exit_code = exit_strict;
        }
    });
}

} // namespace orglineage::cli
