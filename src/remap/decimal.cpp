// SPDX-License-Identifier: MIT
// Exact decimal values: parsing, rescaling, writing.
#include "remap/decimal.hpp"

#include <algorithm>
#include <array>

namespace orglineage::detail {

namespace {

constexpr int k_max_digits = 36;

Int128 pow10(int n) noexcept {
    Int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

/// The exponent of `e±NN`, or false when it is not one.
bool parse_exponent(std::string_view s, int& exp) noexcept {
    bool neg = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 4) return false;
    exp = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        exp = exp * 10 + (c - '0');
    }
    if (neg) exp = -exp;
    return true;
}

} // namespace

DecimalStatus parse_decimal(std::string_view s, Decimal& out) noexcept {
    bool neg = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    Int128 units = 0;
    int digits = 0; // significant digits: those from the first non-zero one on
    int scale = 0, seen = 0;
    bool point = false;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            ++seen;
            if (point) ++scale;
            if (units == 0 && c == '0') continue; // a zero before the first significant digit
            if (++digits > k_max_digits) return DecimalStatus::too_large;
            units = units * 10 + (c - '0');
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (seen == 0) return DecimalStatus::not_a_number;
    if (i < s.size()) {
        int exp = 0;
        if ((s[i] != 'e' && s[i] != 'E') || !parse_exponent(s.substr(i + 1), exp)) return DecimalStatus::not_a_number;
        scale -= exp;
    }
    if (units == 0) {
        // Zero is zero whatever its exponent (0e100); written with the decimals it was given.
        if (scale > k_max_scale) return DecimalStatus::too_precise;
        out = Decimal{0, std::max(scale, 0)};
        return DecimalStatus::ok;
    }
    if (scale < 0) {
        if (digits - scale > k_max_digits) return DecimalStatus::too_large;
        units *= pow10(-scale);
        scale = 0;
    }
    if (scale > k_max_scale) return DecimalStatus::too_precise;
    out.units = neg ? -units : units;
    out.scale = scale;
    return DecimalStatus::ok;
}

double pow10_double(int n) noexcept {
    static const auto table = [] {
        std::array<double, k_max_digits + 1> t{};
        double p = 1;
        for (auto& x : t) {
            x = p;
            p *= 10;
        }
        return t;
    }();
    return table[static_cast<std::size_t>(std::clamp(n, 0, k_max_digits))];
}

double to_double(const Decimal& d) noexcept { return static_cast<double>(d.units) / pow10_double(d.scale); }

bool rescale(Int128& units, int from, int to) noexcept {
    for (int s = from; s < to; ++s)
        if (__builtin_mul_overflow(units, 10, &units)) return false;
    return true;
}

void append_units(std::string& out, Int128 units, int scale) {
    const bool neg = units < 0;
    char buf[64];
    int n = 0;
    Int128 u = neg ? -units : units;
    do {
        buf[n++] = static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    } while (u != 0 || n <= scale);
    if (neg) out.push_back('-');
    for (int k = n - 1; k >= 0; --k) {
        out.push_back(buf[k]);
        if (k == scale && scale > 0) out.push_back('.');
    }
}

std::string format_units(Int128 units, int scale) {
    std::string s;
    append_units(s, units, scale);
    return s;
}

bool ExactSum::set_scale(int scale) noexcept {
    if (scale <= m_scale) return true;
    Int128 u = m_units;
    if (!rescale(u, m_scale, scale)) return false;
    m_units = u;
    m_scale = scale;
    return true;
}

bool ExactSum::add(const Decimal& d) noexcept {
    Int128 mine = m_units, theirs = d.units;
    const int scale = std::max(m_scale, d.scale);
    if (!rescale(mine, m_scale, scale) || !rescale(theirs, d.scale, scale)) return false;
    Int128 sum = 0;
    if (__builtin_add_overflow(mine, theirs, &sum)) return false;
    m_units = sum;
    m_scale = scale;
    return true;
}

bool ExactSum::add(const ExactSum& other) noexcept { return add(Decimal{other.m_units, other.m_scale}); }

} // namespace orglineage::detail
