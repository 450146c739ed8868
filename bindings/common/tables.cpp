// SPDX-License-Identifier: MIT
// orglineage bindings — library answers laid out in the CLI's columns.
#include "tables.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace orglineage::bind {

Table::Table(std::initializer_list<std::pair<std::string_view, Column::Type>> columns) {
    for (const auto& [name, type] : columns) m_columns.push_back(Column{std::string(name), type, {}, {}});
}

void Table::new_row() {
    ++m_rows;
    for (auto& c : m_columns) {
        if (c.type == Column::Type::number) c.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        else c.text.emplace_back();
    }
}

void Table::add_column(std::string name, Column::Type type) {
    m_columns.push_back(Column{std::move(name), type, {}, {}});
    if (type == Column::Type::number) m_columns.back().numbers.resize(m_rows, std::numeric_limits<double>::quiet_NaN());
    else m_columns.back().text.resize(m_rows);
}

Column& Table::column(std::string_view name) {
    for (auto& c : m_columns)
        if (c.name == name) return c;
    add_column(std::string(name), Column::Type::text); // first met on a later row: missing above
    return m_columns.back();
}

void Table::set(std::string_view name, std::optional<std::string> value) {
    Column& c = column(name);
    if (c.type == Column::Type::number) {
        c.numbers.back() = value ? std::strtod(value->c_str(), nullptr) : std::numeric_limits<double>::quiet_NaN();
        return;
    }
    c.text.back() = std::move(value);
}

void Table::set(std::string_view name, double value) { column(name).numbers.back() = value; }

void Table::set(std::string_view name, const Share& share) {
    set(name, share ? *share : std::numeric_limits<double>::quiet_NaN());
}

void Table::set_date(std::string_view name, const std::optional<Date>& date) {
    column(name).text.back() = date ? std::optional<std::string>(format_date(*date)) : std::nullopt;
}

namespace {

using T = Column::Type;

Table body_table() {
    return Table{{"id", T::text}, {"kind", T::text}, {"name", T::text}, {"ods", T::text},
                 {"ons", T::text}, {"from", T::date}, {"to", T::date}};
}

std::optional<std::string> non_empty(std::string s) {
    if (s.empty()) return std::nullopt;
    return s;
}

Table bodies(const std::vector<const Body*>& list, std::optional<Date> as_of) {
    Table t = body_table();
    for (const Body* b : list) {
        t.new_row();
        set_body(t, *b, as_of);
    }
    return t;
}

Table portions(const std::vector<Portion>& list, const Date& on) {
    Table t{{"id", T::text},   {"kind", T::text}, {"name", T::text},  {"ods", T::text}, {"ons", T::text},
            {"from", T::date}, {"to", T::date},   {"share", T::number}, {"basis", T::text}};
    for (const auto& p : list) {
        t.new_row();
        set_body(t, *p.body, on);
        t.set("share", p.share);
        t.set("basis", std::string(to_string(p.basis)));
    }
    return t;
}

} // namespace

void set_body(Table& t, const Body& b, std::optional<Date> as_of) {
    // As the CLI does: names and codes as on the date, kept inside the body's own life.
    Date d = as_of ? *as_of : Date(9999, 12, 31);
    if (d < b.period.from) d = b.period.from;
    if (auto last = b.period.last_day(); last && d > *last) d = *last;
    t.set("id", b.id);
    t.set("kind", b.kind);
    t.set("name", b.name_on(d));
    t.set("ods", non_empty(b.ods_on(d)));
    t.set("ons", non_empty(b.ons_on(d)));
    t.set_date("from", b.period.from);
    t.set_date("to", b.period.last_day());
}

const Body& pick_body(const Lineage& lin, std::string_view text, std::optional<Date> on) {
    if (const Body* b = lin.find(text)) return *b;
    std::vector<const Body*> found = on ? lin.resolve(text, *on) : lin.resolve_all(text);
    if (found.empty() && on) {
        const Resolution r = lin.resolve_nearest(text, *on);
        found = r.bodies;
    }
    if (found.size() == 1) return *found.front();
    if (found.empty()) throw LookupError("no body has the id or code '" + std::string(text) + "'");
    std::string ids;
    for (const Body* b : found) ids += (ids.empty() ? "" : ", ") + b->id;
    throw LookupError("the code '" + std::string(text) + "' was held by several bodies (" + ids +
                      "); give a date or a body id");
}

const Area* pick_area(const Lineage& lin, std::string_view text, const Date& on) {
    const AreaMatch m = find_area_on(lin, text, on);
    if (m.areas.size() == 1) return m.areas.front();
    if (m.areas.size() > 1) {
        std::string codes;
        for (const Area* a : m.areas) codes += (codes.empty() ? "" : ", ") + a->code;
        throw LookupError("area '" + std::string(text) + "' is ambiguous on " + format_date(on) + " (" + codes +
                          "); give its ONS code");
    }
    const auto found = lin.find_areas(text); // an area of another time: asked as it is
    if (found.size() == 1) return found.front();
    throw LookupError("no area has the code or name '" + std::string(text) + "'");
}

Table who(const Lineage& lin, std::string_view area, const Date& on, std::string_view function, bool legal) {
    const Area* a = pick_area(lin, area, on);
    Table t{{"id", T::text},      {"kind", T::text},  {"name", T::text},     {"ods", T::text},
            {"share", T::number}, {"basis", T::text}, {"function", T::text}, {"via_area", T::text}};
    for (const auto& h : lin.holders(function, a->code, on, legal ? HolderMode::legal : HolderMode::exercising)) {
        t.new_row();
        t.set("id", h.body->id);
        t.set("kind", h.body->kind);
        t.set("name", h.body->name_on(on));
        t.set("ods", non_empty(h.body->ods_on(on)));
        t.set("share", h.share);
        t.set("basis", std::string(to_string(h.basis)));
        t.set("function", h.function);
        t.set("via_area", h.via_area);
    }
    return t;
}

Table successors(const Lineage& lin, std::string_view body, const Date& on, std::string_view function,
                 std::optional<Date> since) {
    return portions(lin.successors(pick_body(lin, body, since), on, function, since), on);
}

Table predecessors(const Lineage& lin, std::string_view body, const Date& on, std::string_view function,
                   std::optional<Date> back_to) {
    return portions(lin.predecessors(pick_body(lin, body, on), on, function, back_to), back_to ? *back_to : on);
}

Table resolve(const Lineage& lin, std::string_view code, std::optional<Date> on) {
    return bodies(on ? lin.resolve(code, *on) : lin.resolve_all(code), on);
}

Table snapshot(const Lineage& lin, const Date& on, std::string_view kind) {
    return bodies(lin.snapshot(on, kind), on);
}

Table diff(const Lineage& lin, const Date& d1, const Date& d2, std::string_view kind) {
    Table t{{"change", T::text}, {"id", T::text}, {"kind", T::text}, {"name", T::text},
            {"ods", T::text},    {"ons", T::text}, {"from", T::date}, {"to", T::date}};
    const Diff d = lin.diff(d1, d2, kind);
    auto add = [&](const std::vector<const Body*>& list, const char* change, const Date& as_of) {
        for (const Body* b : list) {
            t.new_row();
            t.set("change", std::string(change));
            set_body(t, *b, as_of);
        }
    };
    add(d.ended, "ended", d1);
    add(d.appeared, "appeared", d2);
    add(d.renamed, "renamed", d2);
    return t;
}

Table groups(const Lineage& lin, std::string_view body, const Date& on) {
    return bodies(lin.groups(pick_body(lin, body, on), on), on);
}

Table members(const Lineage& lin, std::string_view group, const Date& on) {
    return bodies(lin.members(pick_body(lin, group, on), on), on);
}

std::pair<Table, Table> lineage(const Lineage& lin, std::string_view body) {
    const LineageView view = lin.lineage(pick_body(lin, body, std::nullopt));
    Table links{{"date", T::date},    {"event", T::text}, {"from", T::text},      {"to", T::text},
                {"share", T::number}, {"basis", T::text}, {"functions", T::text}, {"sources", T::text}};
    for (const auto& l : view.links) {
        links.new_row();
        links.set_date("date", l.event->date);
        links.set("event", l.event->id);
        links.set("from", l.from->id);
        links.set("to", l.to->id);
        links.set("share", l.link->share);
        links.set("basis", std::string(to_string(l.link->basis)));
        std::string functions, sources;
        for (const auto& f : l.link->functions) functions += (functions.empty() ? "" : ";") + f;
        for (const auto& s : l.event->sources) sources += (sources.empty() ? "" : ";") + s;
        links.set("functions", non_empty(functions));
        links.set("sources", non_empty(sources));
    }
    return {bodies(view.bodies, std::nullopt), std::move(links)};
}

Table crosswalk(const Lineage& lin, const Date& from, const Date& to, std::string_view kind,
                std::string_view function) {
    CrosswalkOptions o;
    o.kind = std::string(kind);
    o.function = std::string(function);
    const Crosswalk cw = Crosswalk::build(lin, from, to, o);
    Table t{{"from_id", T::text}, {"from_code", T::text}, {"from_name", T::text},  {"to_id", T::text},
            {"to_code", T::text}, {"to_name", T::text},   {"weight", T::number}, {"basis", T::text},
            {"method", T::text}};
    for (const auto& row : cw.rows()) {
        for (const auto& w : row.weights) {
            t.new_row();
            t.set("from_id", row.body->id);
            t.set("from_code", non_empty(row.body->ods_on(from)));
            t.set("from_name", row.body->name_on(from));
            t.set("to_id", w.target->id);
            t.set("to_code", non_empty(w.target->ods_on(to)));
            t.set("to_name", w.target->name_on(to));
            t.set("weight", w.weight);
            t.set("basis", std::string(to_string(w.basis)));
            t.set("method", std::string(to_string(w.method)));
        }
    }
    return t;
}

namespace {

/// Appends `field` to `out` as a CSV field, quoted when it needs to be.
void append_csv_field(std::string& out, std::string_view field) {
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

/// The input columns as the CSV the streaming remap reads (the columns are named code, date and
/// the value names; a value column called "code" or "date" is refused by the caller).
std::string as_csv(const RemapInput& in) {
    std::string csv = "code,date";
    for (const auto& v : in.value_names) {
        csv += ',';
        append_csv_field(csv, v);
    }
    csv += '\n';
    std::ostringstream number;
    number.precision(17);
    for (std::size_t r = 0; r < in.codes.size(); ++r) {
        append_csv_field(csv, in.codes[r]);
        csv += ',';
        append_csv_field(csv, in.dates[r]);
        for (const auto& column : in.values) {
            csv += ',';
            if (std::isnan(column[r])) continue; // a blank cell stays blank
            number.str({});
            number << column[r];
            csv += number.str();
        }
        csv += '\n';
    }
    return csv;
}

/// Reads CSV back into columns: those in `number_columns` as numbers, `date_column` as dates, the
/// rest as text, in the header's order.
Table read_csv_table(const std::string& csv, const std::vector<std::string>& number_columns,
                     std::string_view date_column) {
    std::istringstream in(csv);
    CsvReader reader(in);
    CsvRecord rec;
    Table table{};
    if (!reader.next(rec)) return table;
    std::vector<std::string> header;
    for (auto f : rec.fields) {
        header.emplace_back(f);
        const bool number = std::find(number_columns.begin(), number_columns.end(), header.back()) !=
                            number_columns.end();
        table.add_column(header.back(), number                      ? T::number
                                        : header.back() == date_column ? T::date
                                                                       : T::text);
    }
    while (reader.next(rec)) {
        table.new_row();
        for (std::size_t i = 0; i < header.size() && i < rec.fields.size(); ++i)
            if (!rec.fields[i].empty()) table.set(header[i], std::optional<std::string>(std::string(rec.fields[i])));
    }
    return table;
}

} // namespace

RemapResult remap(const Lineage& lin, const RemapInput& input, const Date& to, std::string_view function) {
    for (const auto& v : input.value_names)
        if (v == "code" || v == "date") throw Error("a value column cannot be called '" + v + "'");
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = input.value_names;
    o.to = to;
    o.function = std::string(function);
    std::istringstream in(as_csv(input));
    std::ostringstream out;
    std::ostringstream rejects;
    write_reject_csv_header(rejects);
    const RemapSummary summary = remap(lin, in, out, o, [&](const Reject& r) { write_reject_csv(rejects, r); });
    std::vector<std::string> numbers = input.value_names;
    numbers.emplace_back("rows");
    RemapResult result;
    result.mapped = read_csv_table(out.str(), numbers, "date");
    result.rejects = read_csv_table(rejects.str(), {"line"}, "");
    result.totals = Table{{"column", T::text}, {"read", T::number},     {"mapped", T::number},
                          {"output", T::number}, {"rejected", T::number}, {"blank", T::number}};
    for (const auto& c : summary.totals) {
        result.totals.new_row();
        result.totals.set("column", c.column);
        result.totals.set("read", c.read);
        result.totals.set("mapped", c.mapped);
        result.totals.set("output", c.output);
        result.totals.set("rejected", c.rejected);
        result.totals.set("blank", static_cast<double>(c.blank));
    }
    return result;
}

std::string default_data_dir(const std::vector<std::string>& candidates) {
    if (const char* env = std::getenv("ORGLINEAGE_DATA"); env && *env) return env;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!c.empty() && std::filesystem::exists(std::filesystem::path(c) / "dataset.yaml", ec)) return c;
    }
    throw DataError(SourcePos{}, "no orglineage dataset found: set ORGLINEAGE_DATA or pass a path");
}

} // namespace orglineage::bind
