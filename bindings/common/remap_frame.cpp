// SPDX-License-Identifier: MIT
// orglineage bindings — a data frame through the library's streaming remap, as the CLI's remap.
#include "remap_frame.hpp"

#include "answer_columns.hpp"

#include <orglineage/csv.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace orglineage::bind {

namespace {

using T = Column::Type;

/// Appends `field` to `out` as a CSV field, quoted when it needs to be.
void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

/// The frame as CSV under its own column names; `first_line[r]` is the line row r starts on (a
/// cell with a line end moves the rows after it down, as in a file).
std::string frame_csv(const std::vector<FrameColumn>& frame, std::vector<std::int64_t>& first_line) {
    const std::size_t rows = frame.empty() ? 0 : frame.front().size();
    for (const auto& c : frame)
        if (c.size() != rows)
            throw Error("remap: the columns differ in length ('" + frame.front().name + "' " + std::to_string(rows) +
                        ", '" + c.name + "' " + std::to_string(c.size()) + ")");
    std::string csv;
    for (std::size_t i = 0; i < frame.size(); ++i) {
        if (i) csv += ',';
        append_field(csv, frame[i].name);
    }
    csv += '\n';
    first_line.resize(rows);
    std::int64_t line = 2;
    for (std::size_t r = 0; r < rows; ++r) {
        first_line[r] = line;
        const std::size_t start = csv.size();
        for (std::size_t i = 0; i < frame.size(); ++i) {
            if (i) csv += ',';
            const FrameColumn& c = frame[i];
            if (c.numeric) {
                if (!std::isnan(c.numbers[r])) csv += shortest(c.numbers[r]);
            } else if (c.text[r]) {
                append_field(csv, *c.text[r]);
            }
        }
        line += 1 + std::count(csv.begin() + static_cast<std::ptrdiff_t>(start), csv.end(), '\n');
        csv += '\n';
    }
    return csv;
}

/// The options as the answers layer reads them (the CLI's checks and messages), with the frame's
/// sizes. @throws AnswerError for a bad option
RemapOptions library_options(const Answers& answers, const FrameRemapOptions& f) {
    RemapQuestion q;
    q.code_column = f.code_column;
    q.date_column = f.date_column;
    q.value_columns = f.value_columns;
    q.to = f.to;
    q.function = f.function;
    q.to_kind = f.to_kind;
    q.date_format = f.date_format;
    q.max_rejects = f.max_rejects;
    q.aggregate = f.aggregate;
    q.nearest = f.nearest;
    q.estimates = f.estimates;
    q.populations = f.populations;
    q.threads = 1; // the frame is one stream in memory
    RemapReading reading = answers.read_remap(q);
    if (reading.problem) throw AnswerError(*reading.problem);
    RemapOptions o = std::move(reading.options);
    if (!f.sizes_csv.empty()) {
        std::istringstream in(f.sizes_csv);
        o.sizes = read_sizes(answers.lineage(), in, f.sizes_label, o.to);
        o.sizes_label = f.sizes_label;
    }
    return o;
}

/// Reads CSV back into columns: those in `number_columns` as numbers, the rest as text.
Table read_csv_table(const std::string& csv, const std::vector<std::string>& number_columns) {
    std::istringstream in(csv);
    CsvReader reader(in);
    CsvRecord rec;
    Table table{};
    if (!reader.next(rec)) return table;
    std::vector<std::string> header;
    for (auto f : rec.fields) {
        header.emplace_back(f);
        const bool number =
            std::find(number_columns.begin(), number_columns.end(), header.back()) != number_columns.end();
        table.add_column(header.back(), number ? T::number : T::text);
    }
    while (reader.next(rec)) {
        table.new_row();
        for (std::size_t i = 0; i < header.size() && i < rec.fields.size(); ++i)
            if (!rec.fields[i].empty()) table.set(header[i], std::optional<std::string>(std::string(rec.fields[i])));
    }
    return table;
}

Table totals_table(const RemapSummary& s) {
    Table t{{"column", T::text},   {"read", T::number},     {"mapped", T::number},
            {"output", T::number}, {"rejected", T::number}, {"blank", T::number}};
    for (const auto& c : s.totals) {
        t.new_row();
        t.set("column", c.column);
        t.set("read", c.read);
        t.set("mapped", c.mapped);
        t.set("output", c.output);
        t.set("rejected", c.rejected);
        t.set("blank", static_cast<double>(c.blank));
    }
    return t;
}

/// The frame's row a reject's line falls in (rows are sorted by first line).
double row_of(const std::vector<std::int64_t>& first_line, std::int64_t line) {
    const auto it = std::upper_bound(first_line.begin(), first_line.end(), line);
    if (it == first_line.begin()) return std::nan("");
    return static_cast<double>(it - first_line.begin() - 1);
}

} // namespace

std::string shortest(double value) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

FrameRemapResult remap_frame(const Answers& answers, const std::vector<FrameColumn>& frame,
                             const FrameRemapOptions& options) {
    const Lineage& lin = answers.lineage();
    RemapOptions o = library_options(answers, options);
    std::vector<std::int64_t> first_line;
    std::istringstream in(frame_csv(frame, first_line));
    FrameRemapResult result;
    result.notes = Table{{"output_row", T::number}, {"body_id", T::text}, {options.date_column, T::text},
                         {"kind", T::text},         {"rows", T::number},  {"note", T::text},
                         {"about", T::text}};
    o.on_note = [&](const RemapNote& n) {
        result.notes.new_row();
        result.notes.set("output_row", static_cast<double>(n.output_row));
        result.notes.set("body_id", n.body_id);
        result.notes.set(options.date_column, n.date);
        result.notes.set("kind", std::string(to_string(n.kind)));
        result.notes.set("rows", static_cast<double>(n.rows));
        result.notes.set("note", n.text);
        result.notes.set("about", n.about);
    };
    result.rejects = Table{{"row", T::number},    {"line", T::number}, {"reason", T::text},
                           {"message", T::text}, {"raw", T::text}};
    std::ostringstream out;
    result.summary = remap(lin, in, out, o, [&](const Reject& r) {
        result.rejects.new_row();
        result.rejects.set("row", row_of(first_line, r.line));
        result.rejects.set("line", static_cast<double>(r.line));
        result.rejects.set("reason", std::string(to_string(r.reason)));
        result.rejects.set("message", r.message);
        result.rejects.set("raw", r.raw);
    });
    std::vector<std::string> numbers = options.value_columns;
    numbers.insert(numbers.end(), {"rows", "weight", "line"});
    result.mapped = read_csv_table(out.str(), numbers);
    result.totals = totals_table(result.summary);
    if (auto problem = judge_remap(result.summary, options.max_rejects)) result.failure = problem->message;
    return result;
}

} // namespace orglineage::bind
