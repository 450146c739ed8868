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
#include <sstream>

namespace orglineage::cli {

namespace {

struct RemapArgs {
    std::string file, code_column, date_column, to, output, rejects, function = "commissioning", sizes;
    std::vector<std::string> values;
    bool no_aggregate = false, nearest = false, no_estimates = false, quiet = false;
    char delimiter = ',';
};

std::string number(double v) {
    std::ostringstream os;
    os.precision(15);
    os << v;
    return os.str();
}

} // namespace

void add_remap(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("remap", "Re-express CSV figures of many dates in the bodies of one date");
    auto a = std::make_shared<RemapArgs>();
    cmd->add_option("FILE", a->file, "input CSV ('-' for standard input)")->required();
    cmd->add_option("--code-column", a->code_column, "column holding the ODS/ONS code (or body id)")->required();
    cmd->add_option("--date-column", a->date_column, "column holding each row's date (YYYY-MM-DD)")->required();
    cmd->add_option("--to", a->to, "the date whose bodies the figures are re-expressed in")->required()->check(date_check());
    cmd->add_option("--value-column", a->values, "a numeric column to apportion (repeatable)");
    cmd->add_option("--output,-o", a->output, "output CSV (default: standard output)");
    cmd->add_option("--rejects", a->rejects, "CSV of rejected rows: line,reason,message,raw");
    cmd->add_option("--function", a->function, "the function followed")->capture_default_str();
    cmd->add_flag("--no-aggregate", a->no_aggregate, "one output row per input row and target body");
    cmd->add_flag("--nearest", a->nearest, "a code not in use on its row's date goes to its nearest holder in time");
    cmd->add_flag("--no-estimates", a->no_estimates,
                  "backwards: reject rows whose weights would be estimates (normalised forward shares)");
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
                "and each value column's total before and after (equal up to rounding for mapped rows).\n"
                "Example: orglineage remap figures.csv --code-column org --date-column period \\\n"
                "           --value-column spend --to 2023-04-01 --rejects rejects.csv -o by_icb.csv");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        check_function(ctx, a->function);
        RemapOptions o;
        o.code_column = a->code_column;
        o.date_column = a->date_column;
        o.value_columns = a->values;
        o.to = date_arg(a->to);
        o.function = a->function;
        o.aggregate = !a->no_aggregate;
        o.nearest = a->nearest;
        o.allow_estimates = !a->no_estimates;
        o.delimiter = a->delimiter;
        const auto start = std::chrono::steady_clock::now();
        if (!a->quiet)
            o.progress = [start, every = o.progress_every, last = std::int64_t{-1}](const RemapProgress& p) mutable {
                if (p.rows < every || (p.rows % every == 0 && p.rows > 0 && last == p.rows)) return;
                last = p.rows; // a short run needs no progress, and the end is not said twice
                const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                std::cerr << "orglineage: remap: " << p.rows << " rows (" << p.mapped << " mapped, " << p.rejected
                          << " rejected), " << (p.bytes >> 20) << " MiB, " << static_cast<long long>(s) << " s\n";
            };

        // Standard output is a file too: --rejects /dev/stdout would interleave with the answer.
        check_paths({{"FILE", a->file}}, {a->output.empty() ? std::pair<std::string, std::string>{"standard output", "/dev/stdout"}
                                                            : std::pair<std::string, std::string>{"--output", a->output},
                                          {"--rejects", a->rejects}});
        std::ifstream file_in;
        std::istream* in = &std::cin;
        if (a->file != "-") {
            file_in.open(a->file, std::ios::binary);
            if (!file_in) throw Failure(exit_usage, "cannot read '" + a->file + "'");
            in = &file_in;
        } else {
            std::ios::sync_with_stdio(false);
        }
        // Files appear only when complete: a failed or killed run leaves none half written.
        std::unique_ptr<OutputFile> file_out;
        std::ostream* out = &std::cout;
        if (!a->output.empty()) {
            file_out = std::make_unique<OutputFile>(a->output);
            out = &file_out->stream();
        }
        std::unique_ptr<OutputFile> rejects_out;
        std::int64_t shown = 0;
        std::function<void(const Reject&)> on_reject;
        if (!a->rejects.empty()) {
            rejects_out = std::make_unique<OutputFile>(a->rejects);
            write_reject_csv_header(rejects_out->stream());
            on_reject = [&rejects_out](const Reject& r) { write_reject_csv(rejects_out->stream(), r); };
        } else if (!a->quiet) {
            // Without a rejects file the first few go to stderr, so none is lost unseen.
            on_reject = [&shown](const Reject& r) {
                if (++shown <= 10)
                    std::cerr << "orglineage: remap: line " << r.line << ": " << to_string(r.reason) << ": "
                              << shortened(r.message, 200) << '\n';
            };
        }
        RemapSummary s;
        try {
            s = remap(lin, *in, *out, o, on_reject);
        } catch (const LookupError&) {
            throw;
        } catch (const IoError&) {
            throw;
        } catch (const orglineage::Error& e) {
            throw Failure(exit_usage, e.what());
        }
        if (in->bad()) throw IoError(a->file == "-" ? "standard input" : a->file, "cannot read");
        if (rejects_out) rejects_out->commit();
        if (file_out) file_out->commit();
        else finish_stdout();
        if (!a->quiet) {
            std::string reasons;
            for (const auto& [why, n] : s.rejects_by_reason)
                reasons += (reasons.empty() ? "" : ", ") + std::string(to_string(why)) + " " + std::to_string(n);
            std::cerr << "orglineage: remap: " << s.counts.rows << " rows read, " << s.counts.mapped << " mapped, "
                      << s.counts.rejected << " rejected" << (reasons.empty() ? "" : " (" + reasons + ")") << "; "
                      << s.output_rows << " output rows; data " << s.data_version << '\n';
            if (s.estimated) std::cerr << "orglineage: remap: " << s.estimated << " rows used estimated weights\n";
            if (s.nearest) std::cerr << "orglineage: remap: " << s.nearest << " rows resolved to a nearest holder\n";
            if (shown > 10)
                std::cerr << "orglineage: remap: " << shown - 10 << " more rejects not shown (use --rejects FILE)\n";
            for (const auto& t : s.totals)
                std::cerr << "orglineage: remap: " << t.column << ": read " << number(t.read) << ", mapped "
                          << number(t.mapped) << " -> output " << number(t.output) << ", rejected "
                          << number(t.rejected) << (t.blank ? ", " + std::to_string(t.blank) + " blank" : "") << '\n';
        }
    });
}

} // namespace orglineage::cli
