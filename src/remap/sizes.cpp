// SPDX-License-Identifier: MIT
// Body sizes given by the user for backward weights, checked cell by cell.
#include "remap/decimal.hpp"
#include "remap/row.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/remap.hpp>

#include <charconv>
#include <cmath>

namespace orglineage {

namespace {

/// A size cell: a finite number above zero, or why not.
std::string bad_size(std::string_view cell, double& out) {
    if (cell.empty()) return "empty size";
    if (cell.front() == '+') cell.remove_prefix(1);
    const auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
    if (ec == std::errc::result_out_of_range) return "size '" + std::string(cell) + "' overflows";
    if (ec != std::errc() || p != cell.data() + cell.size()) return "size '" + std::string(cell) + "' is not a number";
    if (std::isnan(out)) return "size is NaN";
    if (std::isinf(out)) return "size '" + std::string(cell) + "' is infinite";
    if (out == 0) return "size is 0 (a body with no size cannot receive a share)";
    if (out < 0) return "size '" + std::string(cell) + "' is negative";
    return {};
}

} // namespace

std::unordered_map<std::string, double> read_sizes(const Lineage& lin, std::istream& in, const std::string& name,
                                                   const Date& on) {
    CsvReader reader(in);
    CsvRecord rec;
    auto fail = [&](const std::string& why) { throw DataError(SourcePos{name, static_cast<int>(rec.line), 1}, why); };
    if (!reader.next(rec)) throw DataError(SourcePos{name, 0, 0}, "empty sizes file (expected a header 'code,size')");
    std::unordered_map<std::string, double> out;
    while (reader.next(rec)) {
        if (!rec.ok()) fail(rec.error);
        if (rec.fields.size() != 2) fail("expected 2 fields (code,size), found " + std::to_string(rec.fields.size()));
        const std::string_view code = detail::trim(rec.fields[0]);
        const Body* body = lin.find(code);
        if (!body) {
            const auto bodies = lin.resolve(code, on);
            if (bodies.size() != 1)
                fail((bodies.empty() ? "no body had the code '" : "several bodies had the code '") + std::string(code) +
                     "' on " + format_date(on));
            body = bodies.front();
        }
        double size = 0;
        if (const std::string why = bad_size(detail::trim(rec.fields[1]), size); !why.empty()) fail(why);
        if (!out.emplace(body->id, size).second) fail("a second size for " + body->id);
    }
    return out;
}

} // namespace orglineage
