// SPDX-License-Identifier: MIT
// Small value types: errors, dates, shares, event kinds, the function catalogue, body look-ups.
#include <orglineage/body.hpp>
#include <orglineage/date.hpp>
#include <orglineage/error.hpp>
#include <orglineage/event.hpp>
#include <orglineage/function.hpp>
#include <orglineage/share.hpp>
#include <orglineage/version.hpp>

#include <array>
#include <cstdio>
#include <utility>

namespace orglineage {

const char* version() noexcept { return ORGLINEAGE_VERSION_STRING; }

std::string SourcePos::str() const {
    if (line <= 0) return file;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

namespace {
std::string with_pos(const SourcePos& pos, const std::string& message) {
    const auto where = pos.str();
    return where.empty() ? message : where + ": " + message;
}
} // namespace

DataError::DataError(SourcePos pos, const std::string& message)
    : Error(with_pos(pos, message)), m_pos(std::move(pos)), m_message(message) {}

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
    // Fuzzing (issue 7): the loader turns an inclusive last day into a half-open end (+1 day) and
    // checks the day before an event (-1 day). boost::gregorian has no day outside
    // 1400-01-01..9999-12-31, so `to: 9999-12-31` made a date that threw bad_year (not an Error)
    // when formatted. The two extreme days are refused, so every neighbour exists.
    if ((y == 1400 && m == 1 && d == 1) || (y == 9999 && m == 12 && d == 31)) return std::nullopt;
    const auto ym = static_cast<unsigned short>(y);
    const auto mm = static_cast<unsigned short>(m);
    if (d > boost::gregorian::gregorian_calendar::end_of_month_day(ym, mm)) return std::nullopt;
    return Date(ym, mm, static_cast<unsigned short>(d));
}

std::string format_date(const Date& d) {
    if (d.is_special()) return "(special)";
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", static_cast<int>(d.year()),
                  static_cast<int>(d.month()), static_cast<int>(d.day()));
    return buf.data();
}

std::string format_period(const Period& p) {
    auto s = format_date(p.from) + "..";
    if (auto last = p.last_day()) s += format_date(*last);
    return s;
}

namespace {
constexpr std::array<std::pair<ShareBasis, std::string_view>, 6> k_bases{{
    {ShareBasis::whole, "whole"},
    {ShareBasis::population, "population"},
    {ShareBasis::postcodes, "postcodes"},
    {ShareBasis::practices, "practices"},
    {ShareBasis::area, "area"},
    {ShareBasis::unknown, "unknown"},
}};
constexpr std::array<std::pair<EventKind, std::string_view>, 10> k_events{{
    {EventKind::establish, "establish"},
    {EventKind::abolish, "abolish"},
    {EventKind::merge, "merge"},
    {EventKind::split, "split"},
    {EventKind::transfer, "transfer"},
    {EventKind::rename, "rename"},
    {EventKind::recode, "recode"},
    {EventKind::join, "join"},
    {EventKind::leave, "leave"},
    {EventKind::transfer_function, "transfer-function"},
}};
} // namespace

std::string_view to_string(ShareBasis b) noexcept {
    for (const auto& [k, s] : k_bases)
        if (k == b) return s;
    return "unknown";
}
std::optional<ShareBasis> parse_share_basis(std::string_view s) noexcept {
    for (const auto& [k, n] : k_bases)
        if (n == s) return k;
    return std::nullopt;
}
ShareBasis combine(ShareBasis a, ShareBasis b) noexcept {
    if (a == ShareBasis::unknown || b == ShareBasis::unknown) return ShareBasis::unknown;
    if (a == ShareBasis::whole) return b;
    if (b == ShareBasis::whole || a == b) return a;
    return ShareBasis::unknown; // two different measures multiplied: no single basis
}
std::string_view to_string(EventKind k) noexcept {
    for (const auto& [e, s] : k_events)
        if (e == k) return s;
    return "?";
}
std::optional<EventKind> parse_event_kind(std::string_view s) noexcept {
    for (const auto& [e, n] : k_events)
        if (n == s) return e;
    return std::nullopt;
}

FunctionCatalogue::FunctionCatalogue()
    : m_functions{
          {"commissioning", "", "Commissioning of health services for an area"},
          {"commissioning.acute", "commissioning", "Hospital (secondary) care"},
          {"commissioning.community", "commissioning", "Community health services"},
          {"commissioning.mental-health", "commissioning", "Mental health services"},
          {"commissioning.primary-care", "commissioning", "Primary care contracts"},
          {"commissioning.primary-care.medical", "commissioning.primary-care", "GP contracts"},
          {"commissioning.primary-care.dental", "commissioning.primary-care", "Dental contracts"},
          {"commissioning.primary-care.pharmacy", "commissioning.primary-care",
           "Community pharmacy contracts"},
          {"commissioning.primary-care.optometry", "commissioning.primary-care",
           "Optometry contracts"},
          {"commissioning.specialised", "commissioning", "Specialised services"},
          {"public-health", "", "Public health duties for an area"},
          {"provision.community", "", "Direct provision of community services"},
          {"performance-management", "", "Oversight of other NHS bodies in a region"},
      } {}

bool FunctionCatalogue::add(FunctionInfo info) {
    if (contains(info.id)) return false;
    m_functions.push_back(std::move(info));
    return true;
}
const FunctionInfo* FunctionCatalogue::find(std::string_view id) const {
    for (const auto& f : m_functions)
        if (f.id == id) return &f;
    return nullptr;
}
bool FunctionCatalogue::contains(std::string_view id) const { return find(id) != nullptr; }
bool FunctionCatalogue::includes(std::string_view ancestor, std::string_view id) const {
    for (const FunctionInfo* f = find(id); f != nullptr; f = f->parent.empty() ? nullptr : find(f->parent))
        if (f->id == ancestor) return true;
    return false;
}
int FunctionCatalogue::depth(std::string_view id) const {
    int d = 0;
    for (const FunctionInfo* f = find(id); f != nullptr; f = f->parent.empty() ? nullptr : find(f->parent))
        ++d;
    return d;
}

namespace {
std::string value_on(const std::vector<Timed<std::string>>& values, const Date& d) {
    for (const auto& v : values)
        if (v.period.contains(d)) return v.value;
    return {};
}
} // namespace

namespace {
const std::string k_no_name;
} // namespace

const std::string& Body::name() const noexcept { return names.empty() ? k_no_name : names.back().value; }

const std::string& Body::name_on(const Date& d) const noexcept {
    if (names.empty()) return k_no_name;
    const Timed<std::string>* best = &names.front();
    for (const auto& n : names) {
        if (n.period.contains(d)) return n.value;
        if (n.period.from <= d) best = &n;
    }
    return best->value;
}
std::string Body::ods_on(const Date& d) const { return value_on(ods, d); }
std::string Body::ons_on(const Date& d) const { return value_on(ons, d); }

} // namespace orglineage
