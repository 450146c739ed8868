// SPDX-License-Identifier: MIT
// Dates as tables publish them. Every day is made by parse_date, so a published date is never
// one the rest of the library could not represent.
#include <orglineage/published_date.hpp>

#include <array>
#include <cstdio>

namespace orglineage {

namespace {

/// The number in `s[from, from + n)`, or -1 when it is not all digits.
int digits(std::string_view s, std::size_t from, std::size_t n) noexcept {
    if (from + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

std::optional<Date> make_day(int y, int m, int d) noexcept {
    if (y < 0 || m < 0 || d < 0 || y > 9999 || m > 99 || d > 99) return std::nullopt;
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", y, m, d);
    return parse_date(std::string_view(buf.data(), 10));
}

std::optional<PublishedDate> period(std::optional<Date> first, std::optional<Date> last, DateFormat f) noexcept {
    if (!first || !last) return std::nullopt;
    return PublishedDate{*first, *last, f};
}

std::optional<PublishedDate> iso_day(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto d = make_day(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    return period(d, d, DateFormat::iso_day);
}

std::optional<PublishedDate> uk_day(std::string_view s) noexcept {
    if (s.size() != 10 || s[2] != '/' || s[5] != '/') return std::nullopt;
    const auto d = make_day(digits(s, 6, 4), digits(s, 3, 2), digits(s, 0, 2));
    return period(d, d, DateFormat::uk_day);
}

std::optional<PublishedDate> month(std::string_view s) noexcept {
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    const int y = digits(s, 0, 4), m = digits(s, 5, 2);
    if (y < 0 || m < 1 || m > 12) return std::nullopt;
    const auto first = make_day(y, m, 1);
    if (!first) return std::nullopt;
    const int end = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(y), static_cast<unsigned short>(m));
    return period(first, make_day(y, m, end), DateFormat::iso_month);
}

/// `2014/15` or `2014-15`: the English financial year, 1 April to 31 March.
std::optional<PublishedDate> financial_year(std::string_view s) noexcept {
    if (s.size() != 7 || (s[4] != '/' && s[4] != '-')) return std::nullopt;
    const int y = digits(s, 0, 4), next = digits(s, 5, 2);
    if (y < 0 || next != (y + 1) % 100) return std::nullopt;
    return period(make_day(y, 4, 1), make_day(y + 1, 3, 31), DateFormat::financial_year);
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

std::optional<DateFormat> parse_date_format(std::string_view name) noexcept {
    if (name == "auto") return DateFormat::automatic;
    if (name == "YYYY-MM-DD") return DateFormat::iso_day;
    if (name == "YYYY-MM") return DateFormat::iso_month;
    if (name == "DD/MM/YYYY") return DateFormat::uk_day;
    if (name == "YYYY/YY" || name == "YYYY-YY" || name == "fy") return DateFormat::financial_year;
    return std::nullopt;
}

std::string_view to_string(DateFormat f) noexcept {
    switch (f) {
    case DateFormat::automatic: return "auto";
    case DateFormat::iso_day: return "YYYY-MM-DD";
    case DateFormat::iso_month: return "YYYY-MM";
    case DateFormat::uk_day: return "DD/MM/YYYY";
    case DateFormat::financial_year: return "YYYY/YY";
    }
    return "auto";
}

std::string PublishedDate::label() const {
    std::array<char, 16> buf{};
    const int y = static_cast<int>(first.year());
    switch (format) {
    case DateFormat::iso_month:
        std::snprintf(buf.data(), buf.size(), "%04d-%02d", y, static_cast<int>(first.month()));
        return buf.data();
    case DateFormat::financial_year:
        std::snprintf(buf.data(), buf.size(), "%04d/%02d", y, (y + 1) % 100);
        return buf.data();
    default: return format_date(first);
    }
}

std::optional<PublishedDate> parse_published_date(std::string_view text, DateFormat format) noexcept {
    const std::string_view s = trim(text);
    switch (format) {
    case DateFormat::iso_day: return iso_day(s);
    case DateFormat::iso_month: return month(s);
    case DateFormat::uk_day: return uk_day(s);
    case DateFormat::financial_year: return financial_year(s);
    case DateFormat::automatic: break;
    }
    if (s.size() == 10) return s[2] == '/' ? uk_day(s) : iso_day(s);
    if (s.size() == 7) {
        if (s[4] == '/') return financial_year(s);
        if (auto m = month(s)) return m;
        return financial_year(s);
    }
    return std::nullopt;
}

} // namespace orglineage
