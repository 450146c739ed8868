// SPDX-License-Identifier: MIT
// orglineage CLI — finding the data, checking arguments, printing answers.
#include "cli.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#ifndef ORGLINEAGE_BUILD_DATA_DIR
#define ORGLINEAGE_BUILD_DATA_DIR ""
#endif
#ifndef ORGLINEAGE_BUILD_IMAGE
#define ORGLINEAGE_BUILD_IMAGE ""
#endif
#ifndef ORGLINEAGE_INSTALL_DATA_DIR
#define ORGLINEAGE_INSTALL_DATA_DIR ""
#endif

namespace fs = std::filesystem;

namespace orglineage::cli {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// A value of the user's as messages quote it: shortened, so a huge argument is not echoed back.
std::string in_quotes(const std::string& text) { return "'" + shortened(text) + "'"; }

std::string describe(const Body& b) {
    return b.id + " (" + b.name() + ", " + b.kind + ", " + period_text(b) + ")";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// The body a name stands for: the only one (active on `at`, when given) whose name, case and
/// punctuation aside, is the text, or else contains all its words; nullptr with `candidates`
/// (best first) when several do or none does.
const Body* body_by_name(const Lineage& lin, const std::string& text, std::optional<Date> at,
                         std::vector<const Body*>& candidates) {
    SearchOptions o;
    o.areas = false;
    o.max = 0;
    const auto hits = search(lin, text, o);
    // A name's words inside other bodies' names make it ambiguous even when one name is exact
    // (`Derbyshire` is an STP's name, and a word of forty others).
    std::vector<const Body*> all, active;
    for (const auto& h : hits)
        if (h.quality == MatchQuality::exact || h.quality == MatchQuality::words) {
            all.push_back(h.body);
            if (at && h.body->period.contains(*at)) active.push_back(h.body);
        }
    if (active.size() == 1) return active.front();
    if (all.size() == 1) return all.front();
    if (!all.empty()) {
        candidates = active.size() > 1 ? active : all;
        return nullptr;
    }
    for (const auto& h : hits) candidates.push_back(h.body);
    return nullptr;
}

} // namespace

void say(const std::string& message) { std::cerr << "orglineage: " << message << '\n'; }

void finish_stdout() {
    std::cout.flush();
    if (!std::cout) throw IoError("standard output", "cannot write (is the disk full or the reader gone?)");
}

void check_paths(const std::vector<std::pair<std::string, std::string>>& inputs,
                 const std::vector<std::pair<std::string, std::string>>& outputs) {
    try {
        check_distinct_files(inputs, outputs);
    } catch (const IoError&) {
        throw;
    } catch (const Error& e) {
        throw Failure(exit_usage, e.what());
    }
}

std::string Context::data_dir() const {
    if (!data_option.empty()) return data_option;
    if (const char* env = std::getenv("ORGLINEAGE_DATA"); env && *env) return env;
    // The shipped data: next to an installed executable (bin/../share/orglineage), else where the
    // build baked it in (the source tree for a build-tree binary, the install prefix otherwise).
    std::vector<fs::path> tried;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(program_path, ec);
    if (!exe.empty()) tried.push_back(exe.parent_path().parent_path() / "share" / "orglineage" / "nhs-england");
    for (const char* baked : {ORGLINEAGE_BUILD_DATA_DIR, ORGLINEAGE_INSTALL_DATA_DIR})
        if (*baked) tried.emplace_back(baked);
    std::string list;
    for (const auto& p : tried) {
        if (fs::is_regular_file(p / "dataset.yaml", ec)) return p.string();
        list += (list.empty() ? "" : ", ") + p.string();
    }
    throw Failure(exit_data, "no dataset found (looked in " + list +
                                 "); give --data DIR or set ORGLINEAGE_DATA");
}

const Lineage& Context::lineage() {
    if (m_lineage) return *m_lineage;
    const std::string dir = data_dir();
    LoadOptions options;
    options.include_announced = include_announced;
    if (is_image_file(dir)) {
        m_lineage = std::make_unique<Lineage>(Lineage::load(dir, options));
        m_image = dir;
        return *m_lineage;
    }
    // The image beside the directory when there is one, else the one the build compiled from the
    // shipped data into the build tree; either is used only while current (and never when announced
    // changes are asked for: images hold them set aside). An image of the user's passed over is said.
    const std::string beside = image_beside(dir);
    std::error_code ec;
    const bool has_beside = fs::exists(beside, ec);
    const std::string image = has_beside || !*ORGLINEAGE_BUILD_IMAGE ? beside : std::string(ORGLINEAGE_BUILD_IMAGE);
    ImageStatus status;
    m_lineage = std::make_unique<Lineage>(load_preferring_image(dir, image, status, options));
    if (status.state == ImageState::current) m_image = image;
    if (has_beside) {
        if (const auto note = status.note(dir); !note.empty()) say("note: " + note);
    }
    return *m_lineage;
}

Json Context::data_info() {
    const auto& ds = lineage().dataset();
    return Json{{"name", ds.name}, {"version", ds.version}, {"directory", ds.directory}};
}

const CLI::Validator& date_check() {
    static const CLI::Validator check(
        [](std::string& s) -> std::string {
            if (parse_date(s)) return {};
            return "bad date " + in_quotes(s) + " (expected YYYY-MM-DD, a real calendar day)";
        },
        "DATE", "date");
    return check;
}

Date date_arg(const std::string& text) {
    if (auto d = parse_date(text)) return *d;
    throw Failure(exit_usage, "bad date " + in_quotes(text) + " (expected YYYY-MM-DD, a real calendar day)");
}

std::string period_text(const Body& b) { return format_period(b.period); }

std::string area_period_text(const Period& p) {
    // The builder gives an area with no recorded start the first day dates can hold.
    const bool no_start = p.from == Date(boost::gregorian::min_date_time);
    const auto last = p.last_day();
    if (no_start) return last ? "until " + format_date(*last) : "with no start or end recorded";
    return last ? format_period(p) : "from " + format_date(p.from);
}

Picked pick_body(Context& ctx, const std::string& text, std::optional<Date> at) {
    const Lineage& lin = ctx.lineage();
    if (const Body* b = lin.find(text)) return {b, true};
    Resolution r;
    if (at) {
        r = lin.resolve_nearest(text, *at);
    } else {
        r.bodies = lin.resolve_all(text);
    }
    if (r.bodies.empty()) {
        std::vector<const Body*> cands;
        if (const Body* b = body_by_name(lin, text, at, cands)) {
            say("note: taking '" + text + "' as the name of " + describe(*b));
            return {b, true, true};
        }
        if (!cands.empty()) {
            std::vector<std::string> shown;
            for (std::size_t i = 0; i < cands.size() && i < 12; ++i) shown.push_back(describe(*cands[i]));
            throw Failure(exit_not_found,
                          "'" + text + "' names " + std::to_string(cands.size()) + " bodies" +
                              (cands.size() > shown.size() ? " (the first " + std::to_string(shown.size()) + ")" : "") +
                              ": " + join(shown, "; ") + "; give an id or code (orglineage search '" + text +
                              "' lists them)");
        }
        const auto near = similar_codes(lin, text);
        throw Failure(exit_not_found, "no body has the id, code or name " + in_quotes(text) +
                                          (near.empty() ? "" : " (nearest codes: " + join(near, ", ") + ")"));
    }
    if (r.bodies.size() > 1) {
        std::vector<std::string> cands;
        for (const Body* b : r.bodies) cands.push_back(describe(*b));
        throw Failure(exit_not_found, "code " + in_quotes(text) + " is ambiguous" + (at ? " on " + format_date(*at) : "") +
                                          ": " + join(cands, "; ") +
                                          (at ? "; give an id or --code-on DATE" : "; give an id, --on DATE or --code-on DATE"));
    }
    if (at && !r.exact)
        say("note: no body had " + in_quotes(text) + " on " + format_date(*at) + "; taking the nearest in time, " +
            describe(*r.bodies.front()));
    return {r.bodies.front(), r.exact, false};
}

std::string other_holders(Context& ctx, const std::string& text, const Body& taken) {
    std::vector<std::string> others;
    for (const Body* b : ctx.lineage().resolve_all(text)) {
        if (b == &taken) continue;
        const auto last = b->period.last_day();
        others.push_back(describe(*b) + ", picked by --code-on " + format_date(last ? *last : b->period.from));
    }
    if (others.empty()) return {};
    return "the code '" + text + "' was also held by " + join(others, "; ");
}

const Area& pick_area(Context& ctx, const std::string& text, const Date& on) {
    const Lineage& lin = ctx.lineage();
    const AreaMatch m = find_area_on(lin, text, on);
    auto describe_area = [](const Area* a) {
        return a->code + " (" + a->name + ", " + a->kind + ", " + area_period_text(a->period) + ")";
    };
    if (m.areas.size() == 1) {
        if (!m.exact)
            say("note: no area called " + in_quotes(text) + " was in force on " + format_date(on) + "; taking " +
                m.areas.front()->name + " (" + m.areas.front()->code + ")");
        return *m.areas.front();
    }
    if (m.areas.size() > 1) {
        std::vector<std::string> cands;
        for (const Area* a : m.areas) cands.push_back(describe_area(a));
        throw Failure(exit_not_found, "area " + in_quotes(text) + " is ambiguous on " + format_date(on) + ": " +
                                          join(cands, "; ") + "; give its ONS code");
    }
    // Nothing in force: an area of another time (answered with a hint), else unknown.
    const auto found = lin.find_areas(text);
    if (found.size() == 1) return *found.front();
    if (found.size() > 1) {
        std::vector<std::string> cands;
        for (const Area* a : found) cands.push_back(describe_area(a));
        throw Failure(exit_not_found, "area " + in_quotes(text) + " is ambiguous: " + join(cands, "; ") + "; give its ONS code");
    }
    const auto near = similar_areas(lin, text);
    throw Failure(exit_not_found, "unknown area " + in_quotes(text) +
                                      (near.empty() ? " (give an ONS code or a local authority name)"
                                                    : " (did you mean: " + join(near, ", ") + "?)"));
}

void check_function(Context& ctx, const std::string& function) {
    const auto& cat = ctx.lineage().dataset().functions;
    if (cat.contains(function)) return;
    std::vector<std::string> known;
    for (const auto& f : cat.all()) known.push_back(f.id);
    throw Failure(exit_usage, "unknown function " + in_quotes(function) + " (known: " + join(known, ", ") + ")");
}

void check_kind(Context& ctx, const std::string& kind) { (void)kinds_arg(ctx, kind); }

std::vector<std::string> kinds_arg(Context& ctx, const std::string& kind) {
    if (kind.empty()) return {};
    const auto& kinds = ctx.lineage().dataset().kinds;
    const std::string want = lower(kind);
    if (!kinds.count(want)) {
        std::vector<std::string> known;
        for (const auto& kv : kinds) known.push_back(kv.first);
        throw Failure(exit_usage, "unknown kind " + in_quotes(kind) + " (known: " + join(known, ", ") + ")");
    }
    std::vector<std::string> out{want};
    for (const auto& kv : kinds)
        if (kv.second.family == want) out.push_back(kv.first);
    return out;
}

bool kind_in(const std::vector<std::string>& kinds, const std::string& kind) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string kind_help() {
    return "a kind of body, in any case: pct, sha, ccg, icb, sub-icb, ... (default: every kind); a kind takes in "
           "its family: pct includes the care trusts that acted as PCTs (care-trust)";
}

Date today() { return boost::gregorian::day_clock::local_day(); }

Json notes_json(const std::vector<Note>& notes) {
    Json out = Json::array();
    for (const auto& n : notes)
        out.push_back(Json{{"kind", std::string(to_string(n.kind))}, {"text", n.text}, {"about", n.about}});
    return out;
}

Json body_json(const Body& b, std::optional<Date> as_of) {
    // Names and codes as on the date, kept inside the body's own life; its last ones without a date.
    Date d = as_of ? *as_of : Date(9999, 12, 31);
    if (d < b.period.from) d = b.period.from;
    if (auto last = b.period.last_day(); last && d > *last) d = *last;
    auto code = [](const std::string& c) { return c.empty() ? Json(nullptr) : Json(c); };
    const auto last = b.period.last_day();
    return Json{{"id", b.id},
                {"kind", b.kind},
                {"name", b.name_on(d)},
                {"ods", code(b.ods_on(d))},
                {"ons", code(b.ons_on(d))},
                {"from", format_date(b.period.from)},
                {"to", last ? Json(format_date(*last)) : Json(nullptr)}};
}

Json share_json(const Share& s) { return s ? Json(*s) : Json(nullptr); }

std::string checked_format(const std::string& format, bool allow_dot) {
    if (format == "text" || format == "json" || format == "csv" || (allow_dot && format == "dot")) return format;
    throw Failure(exit_usage, "unknown format " + in_quotes(format) + " (text, json, csv" + (allow_dot ? ", dot)" : ")"));
}

namespace {

std::string cell(const Json& v, bool csv) {
    if (v.is_null()) return csv ? "" : "-";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) {
        std::ostringstream os;
        os << std::setprecision(4) << v.get<double>();
        return os.str();
    }
    if (v.is_array()) {
        std::string out;
        for (const auto& e : v) out += (out.empty() ? "" : csv ? ";" : ", ") + cell(e, csv);
        return out;
    }
    return v.dump();
}

} // namespace

std::string csv_quote(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

namespace {

/// Display width in characters (UTF-8 continuation bytes take no room).
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace

namespace {

/// The notes of a row as one CSV cell: `kind: text` joined by ` | `.
std::string notes_cell(const Json& notes) {
    std::string out;
    for (const auto& n : notes)
        out += (out.empty() ? "" : " | ") + n["kind"].get<std::string>() + ": " + n["text"].get<std::string>();
    return out;
}

/// The kinds of a row's notes, for the text column.
std::string notes_kinds(const Json& notes) {
    std::vector<std::string> kinds;
    for (const auto& n : notes) {
        const auto k = n["kind"].get<std::string>();
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    }
    return kinds.empty() ? "-" : join(kinds, ",");
}

} // namespace

void emit(Context& ctx, Output out) { emit(ctx, std::move(out), ctx.format); }

void emit(Context& ctx, Output out, const std::string& format) {
    std::size_t noted = 0;
    std::vector<std::string> texts; // every distinct note, in order of first appearance
    for (auto& r : out.results) {
        if (!r.contains("notes")) r["notes"] = Json::array();
        if (!r["notes"].empty()) ++noted;
        for (const auto& n : r["notes"]) {
            const auto t = "[" + n["kind"].get<std::string>() + "] " + n["text"].get<std::string>();
            if (std::find(texts.begin(), texts.end(), t) == texts.end()) texts.push_back(t);
        }
    }
    if (format == "json") {
        print(out, format);
    } else {
        Output shown = out;
        shown.columns.push_back("notes");
        for (auto& r : shown.results)
            r["notes"] = format == "csv" ? Json(notes_cell(r["notes"])) : Json(notes_kinds(r["notes"]));
        print(shown, format);
        if (format == "text" && !texts.empty()) {
            std::cout << "\nNotes:\n";
            for (const auto& t : texts) std::cout << "  " << t << '\n';
        }
    }
    if (ctx.strict && noted > 0) {
        say("--strict: " + std::to_string(noted) + " of " + std::to_string(out.results.size()) +
            " answers carry notes (see the notes column)");
        if (ctx.exit_code == exit_ok) ctx.exit_code = exit_strict;
    }
}

void print(const Output& out, const std::string& format) {
    if (format == "json") {
        Json doc{{"query", out.query}, {"results", Json::array()}};
        for (const auto& r : out.results) doc["results"].push_back(r);
        for (const auto& [k, v] : out.extra.items()) doc[k] = v;
        // Text from the data and the arguments is checked to be UTF-8; should anything else reach
        // here (an environment variable), it is replaced, not a crash half way through the answer.
        std::cout << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
        return;
    }
    const bool csv = format == "csv";
    std::vector<std::vector<std::string>> rows;
    rows.push_back(out.columns);
    for (const auto& r : out.results) {
        std::vector<std::string> row;
        for (const auto& c : out.columns) row.push_back(r.contains(c) ? cell(r[c], csv) : cell(Json(), csv));
        rows.push_back(row);
    }
    if (csv) {
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csv_quote(row[i]);
            std::cout << line << '\n';
        }
        return;
    }
    if (out.results.empty()) return;
    std::vector<std::size_t> widths(out.columns.size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string line;
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            std::string c = rows[r][i];
            if (r == 0) std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            line += c;
            if (i + 1 < rows[r].size()) line += std::string(widths[i] - width(c) + 2, ' ');
        }
        std::cout << line << '\n';
    }
}

} // namespace orglineage::cli
