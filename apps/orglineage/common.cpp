// SPDX-License-Identifier: MIT
// orglineage CLI — finding the data, checking arguments, printing answers.
#include "cli.hpp"

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

/// A value of the user's as messages quote it: shortened, so a huge argument is not echoed back.
std::string in_quotes(const std::string& text) { return "'" + shortened(text) + "'"; }

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

const Answers& Context::answers() {
    if (!m_answers) {
        AnswerOptions options;
        options.include_announced = include_announced;
        m_answers = std::make_unique<Answers>(lineage(), options);
    }
    return *m_answers;
}

void print_answer(Context& ctx, const Answer& answer, const std::string& format) {
    if (format == "json") std::cout << to_json(answer) << '\n';
    else if (format == "csv") std::cout << to_csv(answer);
    else std::cout << to_text(answer);
    if (const std::size_t noted = answer.noted_rows(); ctx.strict && noted > 0) {
        say("--strict: " + std::to_string(noted) + " of " + std::to_string(answer.rows.size()) +
            " answers carry notes (see the notes column)");
        if (ctx.exit_code == exit_ok) ctx.exit_code = exit_strict;
    }
}

void show(Context& ctx, const Answer& answer) {
    if (answer.problem) throw Failure(answer.problem->exit_code, answer.problem->message);
    // Readings first (how the question was taken), as before the answer; the rest after it.
    for (const auto& r : answer.remarks)
        if (r.kind == RemarkKind::reading) say(r.line());
    if (answer.exit_code != exit_ok) ctx.exit_code = answer.exit_code;
    print_answer(ctx, answer, ctx.format);
    for (const auto& r : answer.remarks)
        if (r.kind != RemarkKind::reading && (r.kind != RemarkKind::source || ctx.format == "text")) say(r.line());
}

Json Context::data_info() {
    const auto& ds = lineage().dataset();
    return Json{{"name", ds.name}, {"version", ds.version}, {"directory", ds.directory}};
}

std::string kind_help() {
    return "a kind of body, in any case: pct, sha, ccg, icb, sub-icb, ... (default: every kind); a kind takes in "
           "its family: pct includes the care trusts that acted as PCTs (care-trust)";
}

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
