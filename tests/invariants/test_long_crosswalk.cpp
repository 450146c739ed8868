// SPDX-License-Identifier: MIT
// The long crosswalk table applied by a plain join (written here, as an analyst would in SQL)
// gives remap's output to the last digit, on a table of real codes of every era.
#include "shipped.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

using namespace orglineage;
using invariants::day;
using invariants::grid;
using invariants::shipped;

namespace {

struct Figure {
    std::string code;
    Date date;
    double value;
};

/// Every ODS and ONS code of every body holding commissioning, on each grid date it was in use up
/// to `to` and on the day it started, with values that have a fractional part. (Codes of bodies
/// that hold nothing themselves, sub-ICB locations, remap resolves through the holders of their
/// areas, which the long table does not model: see docs/crosswalk-and-remap.md.)
std::vector<Figure> figures(const Date& to) {
    std::vector<Figure> out;
    std::size_t i = 0;
    for (const auto& b : shipped().dataset().bodies) {
        auto add = [&](const Timed<std::string>& c) {
            std::set<Date> days(grid().begin(), grid().end());
            days.insert(c.period.from);
            for (const Date& d : days)
                if (c.period.contains(d) && d <= to && shipped().holds(b, "commissioning", d))
                    out.push_back({c.value, d, static_cast<double>(i++ % 997) + 0.37});
        };
        for (const auto& c : b.ods) add(c);
        for (const auto& c : b.ons) add(c);
    }
    return out;
}

std::string csv_of(const std::vector<Figure>& fs) {
    std::string s = "code,date,value\n";
    for (const auto& f : fs) {
        char buf[32];
        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, f.value);
        s += f.code + "," + format_date(f.date) + "," + std::string(buf, p) + "\n";
    }
    return s;
}

std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> f;
    bool quoted = false;
    std::string cur;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) f.push_back(cur), cur.clear();
        else cur += c;
    }
    f.push_back(cur);
    return f;
}

/// remap's aggregated output: (target id, date) -> the value as written (columns by name).
std::map<std::pair<std::string, std::string>, std::string> read_output(const std::string& text) {
    std::map<std::pair<std::string, std::string>, std::string> out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    const auto header = split_csv(line);
    auto column = [&](const char* name) {
        const auto it = std::find(header.begin(), header.end(), name);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t body = column("body_id"), date = column("date"), value = column("value");
    while (std::getline(in, line)) {
        const auto f = split_csv(line);
        REQUIRE(f.size() == header.size());
        out[{f[body], f[date]}] = f[value];
    }
    return out;
}

/// True when `written` is `exact` to the last digit written: remap writes the input's precision
/// and rounds each cell up or down so that every date's total is conserved (largest remainder),
/// so a cell is within one unit of its last digit, not always the nearest.
bool same_to_last_digit(const std::string& written, double exact) {
    const auto dot = written.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(written.size() - dot - 1);
    return std::fabs(std::stod(written) - exact) < std::pow(10.0, -decimals) * (1 + 1e-9) + 1e-12 * std::fabs(exact);
}

} // namespace

TEST_SUITE("long crosswalk") {

TEST_CASE("a plain join on the long crosswalk gives remap's totals to the last digit") {
    const Date to = day("2024-07-01");
    const auto table = long_crosswalk(shipped(), to, {});
    const auto fs = figures(to);
    // The join: code equal, date between valid_from and valid_to, weight present.
    std::unordered_map<std::string, std::vector<const LongCrosswalkRow*>> by_code;
    for (const auto& r : table) by_code[r.code].push_back(&r);
    std::map<std::pair<std::string, std::string>, double> joined;
    std::size_t mapped = 0;
    double total = 0.0;
    for (const auto& f : fs) {
        bool any = false;
        for (const auto* r : by_code[f.code])
            if (r->weight && r->valid_from <= f.date && f.date <= r->valid_to) {
                joined[{r->target->id, format_date(f.date)}] += f.value * *r->weight;
                any = true;
            }
        if (any) ++mapped, total += f.value;
    }
    // remap, on the same rows.
    RemapOptions o;
    o.code_column = "code";
    o.date_column = "date";
    o.value_columns = {"value"};
    o.to = to;
    std::istringstream in(csv_of(fs));
    std::ostringstream out;
    const auto summary = remap(shipped(), in, out, o);
    const auto written = read_output(out.str());
    MESSAGE(fs.size() << " figures, " << table.size() << " crosswalk rows, " << mapped << " mapped");
    CHECK(summary.counts.mapped == static_cast<std::int64_t>(mapped));
    CHECK(summary.totals.at(0).mapped == doctest::Approx(total).epsilon(1e-12));
    REQUIRE(written.size() == joined.size());
    for (const auto& [key, value] : joined) {
        const std::string& target = key.first; // clang 14 cannot capture a structured binding
        const std::string& cell_date = key.second;
        CAPTURE(target);
        CAPTURE(cell_date);
        REQUIRE(written.count(key) == 1);
        CHECK(same_to_last_digit(written.at(key), value));
    }
    CHECK(mapped > fs.size() / 2);
}

TEST_CASE("the long crosswalk's spans of one code do not overlap") {
    const auto table = long_crosswalk(shipped(), day("2024-07-01"), {});
    // Per code and target, the spans are disjoint (sorted by code, then start).
    std::map<std::pair<std::string, const Body*>, Date> last_end;
    for (const auto& r : table) {
        CHECK(r.valid_from <= r.valid_to);
        auto key = std::make_pair(r.code, r.target);
        if (auto it = last_end.find(key); it != last_end.end()) CHECK(it->second < r.valid_from);
        last_end[key] = r.valid_to;
    }
}

} // TEST_SUITE
