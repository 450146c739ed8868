// SPDX-License-Identifier: MIT
// Decimal values read from CSV cells, added exactly: totals are conserved to the last digit and
// written at the precision of the input, never with binary noise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orglineage::detail {

__extension__ typedef __int128 Int128; // 38 digits: exact sums of values of up to 36 digits

/// The most decimal places a value may have (the totals are kept at the finest scale seen).
constexpr int k_max_scale = 18;

/// `units / 10^scale`.
struct Decimal {
    Int128 units = 0;
    int scale = 0;
};

enum class DecimalStatus { ok, not_a_number, too_precise, too_large };

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; no blanks, no NaN or infinity.
DecimalStatus parse_decimal(std::string_view text, Decimal& out) noexcept;

[[nodiscard]] double to_double(const Decimal& d) noexcept;

/// `units` moved from scale `from` to the finer scale `to`; false on overflow.
bool rescale(Int128& units, int from, int to) noexcept;

/// `units / 10^scale` written with exactly `scale` decimals (`-12.50`).
void append_units(std::string& out, Int128 units, int scale);
[[nodiscard]] std::string format_units(Int128 units, int scale);

/// 10^n as a double, 0 <= n <= 36.
[[nodiscard]] double pow10_double(int n) noexcept;

/// An exact running total.
class ExactSum {
  public:
    /// Adds a value; false (and unchanged) when the total would overflow.
    bool add(const Decimal& d) noexcept;
    bool add(const ExactSum& other) noexcept;
    /// Moves to a finer scale (no-op for a coarser one); false on overflow.
    bool set_scale(int scale) noexcept;
    [[nodiscard]] Int128 units() const noexcept { return m_units; }
    [[nodiscard]] int scale() const noexcept { return m_scale; }
    [[nodiscard]] double value() const noexcept { return to_double({m_units, m_scale}); }
    [[nodiscard]] std::string str() const { return format_units(m_units, m_scale); }

  private:
    Int128 m_units = 0;
    int m_scale = 0;
};

} // namespace orglineage::detail
