// SPDX-License-Identifier: MIT
// orglineage crosswalk --from DATE --to DATE --kind K [--function F] [--sizes FILE]: the weight matrix
// from the bodies of one date to those of another.
#include "../cli.hpp"

#include <orglineage/crosswalk.hpp>
#include <orglineage/csv.hpp>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <tuple>

namespace orglineage::cli {

namespace {

struct CrosswalkArgs {
    std::string from, to, kind, function = "commissioning", sizes;
    bool all_dates = false;
};

std::string code_on(const Body& b, const Date& d) {
    std::string c = b.ods_on(d);
    return c.empty() ? b.ons_on(d) : c;
}

/// Every digit in CSV (the shared printer rounds numbers for people).
Json weight_json(const Share& w, bool csv) {
    if (!w || !csv) return share_json(w);
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, *w);
    return ec == std::errc() ? Json(std::string(buf, p)) : share_json(w);
}

/// The long table: one row per code, span of days and target (see long_crosswalk).
void print_long(Context& ctx, const CrosswalkArgs& a, const CrosswalkOptions& o) {
    const Lineage& lin = ctx.lineage();
    const Date to = date_arg(a.to);
    Output out;
    out.columns = {"code", "valid_from", "valid_to", "source_id", "target_id", "target_code", "weight", "basis", "method"};
    out.query = Json{{"command", "crosswalk"},
                     {"to", a.to},
                     {"all_dates", true},
                     {"kind", a.kind.empty() ? Json(nullptr) : Json(a.kind)},
                     {"function", a.function},
                     {"data", ctx.data_info()}};
    const bool csv = ctx.format == "csv";
    const auto rows = long_crosswalk(lin, to, o);
    // A body with several codes repeats its spans: their notes are worked out once.
    std::map<std::tuple<const Body*, Date, const Body*>, Json> noted;
    for (const auto& r : rows) {
        auto [it, fresh] = noted.try_emplace({r.source, r.valid_from, r.target});
        if (fresh)
            it->second = notes_json(weight_notes(lin, *r.source, Weight{r.target, r.weight, r.basis, r.method},
                                                 r.valid_from, to, o.function, r.valid_to));
        out.results.push_back(Json{{"code", r.code},
                                   {"valid_from", format_date(r.valid_from)},
                                   {"valid_to", format_date(r.valid_to)},
                                   {"source_id", r.source->id},
                                   {"target_id", r.target->id},
                                   {"target_code", code_on(*r.target, to)},
                                   {"weight", weight_json(r.weight, csv)},
                                   {"basis", std::string(to_string(r.basis))},
                                   {"method", std::string(to_string(r.method))},
                                   {"notes", it->second}});
    }
    emit(ctx, std::move(out));
    if (rows.empty()) {
        say("no figures of any date map onto the bodies of " + a.to);
        ctx.exit_code = exit_not_found;
    }
}

/// Reads `body,size` rows (a body id or a code in use on `on`; a header row is skipped).
std::unordered_map<std::string, double> read_sizes(const Lineage& lin, const std::string& path, const Date& on) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Failure(exit_usage, "cannot read --sizes file '" + path + "'");
    std::unordered_map<std::string, double> out;
    CsvReader reader(in);
    CsvRecord rec;
    bool first = true;
    double total = 0;
    while (reader.next(rec)) {
        const bool header = first;
        first = false;
        const std::string where = path + ":" + std::to_string(rec.line);
        if (!rec.ok() || rec.fields.size() < 2) throw Failure(exit_usage, where + ": expected 'body,size'");
        const std::string text(rec.fields[1]);
        double size = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
        const bool number = ec == std::errc() && end == text.data() + text.size() && !text.empty();
        if (!number && ec != std::errc::result_out_of_range && header) continue;
        // A size apportions a body's figures: it must be a real, positive amount. NaN, infinity, 0
        // or less would make every weight of the row NaN or zero.
        if (!number || !std::isfinite(size) || size <= 0)
            throw Failure(exit_usage, where + ": size '" + shortened(text) +
                                          "' is not a positive number (a body's size, e.g. its population)");
        total += size;
        if (!std::isfinite(total))
            throw Failure(exit_usage, where + ": the sizes add up beyond the largest number (about 1.8e308)");
        const std::string code(rec.fields[0]);
        const Body* b = lin.find(code);
        if (!b) {
            const auto found = lin.resolve(code, on);
            if (found.size() != 1)
                throw Failure(exit_not_found, path + ":" + std::to_string(rec.line) + ": no single body had '" +
                                                  code + "' on " + format_date(on));
            b = found.front();
        }
        out[b->id] = size;
    }
    return out;
}

} // namespace

void add_crosswalk(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("crosswalk", "Weights mapping the bodies of one date onto those of another");
    auto a = std::make_shared<CrosswalkArgs>();
    auto* from_opt = cmd->add_option("--from", a->from, "the date whose bodies are the rows (YYYY-MM-DD)")->check(date_check());
    cmd->add_flag("--all-dates", a->all_dates,
                  "one long table for figures of every date: code, valid_from, valid_to, target, weight, basis")
        ->excludes(from_opt);
    cmd->add_option("--to", a->to, "the date whose bodies receive the weights (earlier: backwards)")
        ->required()
        ->check(date_check());
    cmd->add_option("--kind", a->kind, "kind of the row bodies, e.g. pct, ccg (default: all holding the function)");
    cmd->add_option("--function", a->function, "the function followed")->capture_default_str();
    cmd->add_option("--sizes", a->sizes,
                    "backwards: CSV 'body,size' (id or code on --to) apportioning a body made from several");
    cmd->footer("Weights forwards are parts of the row body (composed shares); backwards a row made from several\n"
                "bodies is apportioned by --sizes, else by normalised forward shares (method 'normalised', an\n"
                "estimate with basis 'unknown').\n"
                "With --all-dates, one long table joins any table of figures (code, date) onto the bodies of --to:\n"
                "  ... JOIN cw ON t.code = cw.code AND t.date BETWEEN cw.valid_from AND cw.valid_to\n"
                "(rows with an empty weight are those remap rejects; see docs/crosswalk-and-remap.md).\n"
                "Each row carries its notes (a NOTES column in text, `notes` in CSV and JSON): a link deduced or\n"
                "from a secondary source, a share unknown, a weight apportioned, estimated or taken from a group,\n"
                "a date after the data's knowledge horizon or an announced change; --strict exits 4 on any.\n"
                "Example: orglineage crosswalk --from 2012-06-01 --to 2023-06-01 --kind pct --format csv\n"
                "         orglineage crosswalk --to 2024-07-01 --all-dates --format csv > crosswalk.csv");
    cmd->callback([&ctx, a] {
        const Lineage& lin = ctx.lineage();
        // Kinds in any case (the library compares them as the dataset writes them).
        if (const auto kinds = kinds_arg(ctx, a->kind); !kinds.empty()) a->kind = kinds.front();
        check_function(ctx, a->function);
        if (!a->all_dates && a->from.empty()) throw Failure(exit_usage, "crosswalk needs --from DATE or --all-dates");
        const Date to = date_arg(a->to);
        CrosswalkOptions o;
        o.kind = a->kind;
        o.function = a->function;
        if (!a->sizes.empty()) o.sizes = read_sizes(lin, a->sizes, to);
        if (a->all_dates) {
            print_long(ctx, *a, o);
            return;
        }
        const Date from = date_arg(a->from);
        const auto cw = Crosswalk::build(lin, from, to, o);
        Output out;
        out.columns = {"from_id", "from_code", "from_name", "to_id", "to_code", "to_name", "weight", "basis", "method"};
        out.query = Json{{"command", "crosswalk"},
                         {"from", a->from},
                         {"to", a->to},
                         {"direction", cw.forward() ? "forwards" : "backwards"},
                         {"kind", a->kind.empty() ? Json(nullptr) : Json(a->kind)},
                         {"function", a->function},
                         {"sizes", a->sizes.empty() ? Json(nullptr) : Json(a->sizes)},
                         {"data", ctx.data_info()}};
        const bool csv = ctx.format == "csv";
        std::size_t incomplete = 0;
        Json rows = Json::array();
        for (const auto& row : cw.rows()) {
            if (!row.complete) ++incomplete;
            rows.push_back(Json{{"id", row.body->id}, {"sum", row.sum}, {"complete", row.complete}});
            for (const auto& w : row.weights)
                out.results.push_back(Json{{"from_id", row.body->id},
                                           {"from_code", code_on(*row.body, from)},
                                           {"from_name", row.body->name_on(from)},
                                           {"to_id", w.target->id},
                                           {"to_code", code_on(*w.target, to)},
                                           {"to_name", w.target->name_on(to)},
                                           {"weight", weight_json(w.weight, csv)},
                                           {"basis", std::string(to_string(w.basis))},
                                           {"method", std::string(to_string(w.method))},
                                           {"notes", notes_json(weight_notes(lin, *row.body, w, from, to, o.function))}});
            if (row.weights.empty())
                out.results.push_back(Json{{"from_id", row.body->id},
                                           {"from_code", code_on(*row.body, from)},
                                           {"from_name", row.body->name_on(from)},
                                           {"to_id", nullptr},
                                           {"to_code", nullptr},
                                           {"to_name", nullptr},
                                           {"weight", nullptr},
                                           {"basis", nullptr},
                                           {"method", nullptr}});
        }
        out.extra["rows"] = rows;
        emit(ctx, std::move(out));
        if (cw.rows().empty()) {
            say("no " + (a->kind.empty() ? std::string("bodies") : "bodies of kind '" + a->kind + "'") +
                " active on " + a->from);
            ctx.exit_code = exit_not_found;
        } else if (incomplete > 0) {
            say(std::to_string(incomplete) + " of " + std::to_string(cw.rows().size()) +
                " rows do not sum to 1 (a function ended with no successor, or a share is unknown)");
        }
    });
}

} // namespace orglineage::cli
