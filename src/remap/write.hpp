// SPDX-License-Identifier: MIT
// The last step of a remap: output rows at the input's precision, their rounding reconciled so
// that totals are conserved to the last digit.
#pragma once

#include "remap/cells.hpp"
#include "remap/context.hpp"
#include "remap/decimal.hpp"
#include "remap/weights.hpp"

#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace orglineage::detail {

/**
 * Integers that sum to `total` exactly, each within one of its `approx` when they sum to about
 * `total` (largest remainder: the units lost to rounding go to the parts that lost most). A
 * residual of more units than parts (a double's 16 digits of a 27-digit total) is first shared in
 * proportion to the parts' sizes. In time independent of the residual's size. False when a part or
 * their sum would not fit in 128 bits.
 */
bool reconcile(Int128 total, const std::vector<long double>& approx, std::vector<Int128>& out);

/// `code,name` of each output body as on `to`, built once per body.
class TargetLabels {
  public:
    explicit TargetLabels(const RemapContext& ctx) : m_ctx(ctx), m_labels(ctx.lin.dataset().bodies.size()) {}
    const std::string& operator()(std::uint32_t body);

  private:
    const RemapContext& m_ctx;
    std::vector<std::string> m_labels;
};

/// What was written.
struct Written {
    std::int64_t rows = 0;
    std::int64_t noted = 0; ///< rows with notes
    std::vector<ExactSum> totals; ///< per value column
};

/// Writes the aggregated output (see remap): cells ordered by date then body id, each date's
/// cells reconciled to its exact total at the column's scale.
Written write_aggregated(std::ostream& out, const RemapContext& ctx, const Cells& cells, const DateTotals& dates,
                         const std::vector<int>& scales);

/// Row-by-row output, buffered.
class RowWriter {
  public:
    RowWriter(std::ostream& out, const RemapContext& ctx);
    ~RowWriter() { flush(); }
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;
    /// One line per target; each row's values split so that the parts sum to the value exactly.
    void write(std::int64_t line, std::string_view code, std::string_view date, const Mapping& m,
               const std::vector<Decimal>& exact, const std::vector<unsigned char>& present, Written& written);
    void flush();

  private:
    std::ostream& m_out;
    const RemapContext& m_ctx;
    TargetLabels m_labels;
    std::string m_buf;
    std::vector<long double> m_approx;
    std::vector<Int128> m_parts;
    std::unordered_map<std::uint32_t, std::string> m_kinds; ///< the notes column of each note set
};

} // namespace orglineage::detail

namespace orglineage {

/// Appends `field` to `out`, quoted when it needs to be.
void append_csv_field(std::string& out, std::string_view field);

} // namespace orglineage
