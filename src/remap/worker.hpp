// SPDX-License-Identifier: MIT
// One reader of a remap: reads its records, maps them (row -> date -> code -> weights) and
// aggregates or writes them. A file is read by several workers over byte ranges, then merged.
#pragma once

#include "remap/cells.hpp"
#include "remap/mapper.hpp"
#include "remap/reject_spool.hpp"
#include "remap/row.hpp"
#include "remap/write.hpp"

#include <atomic>
#include <functional>
#include <map>

namespace orglineage::detail {

/// Counts of a worker, readable from another thread while it runs.
struct LiveCounts {
    std::atomic<std::int64_t> rows{0}, mapped{0}, rejected{0};
    std::atomic<std::uint64_t> bytes{0};
};

/// What a worker found, merged across workers at the end.
struct Tally {
    explicit Tally(std::size_t columns);
    std::int64_t rows = 0, mapped = 0, rejected = 0, estimated = 0, nearest = 0, sized = 0;
    std::int64_t noted = 0; ///< mapped rows whose figures carry notes
    std::vector<ExactSum> read, mapped_sum, rejected_sum;
    std::vector<std::int64_t> blank;
    std::vector<int> scale; ///< the finest scale of a mapped value, per column
    std::map<RejectReason, std::int64_t> by_reason;
    Cells cells;
    DateTotals dates;
    Written written; ///< row by row: what was written
    /// @throws Error when a merged total overflows
    void merge(const Tally& other, const RemapOptions& options);
};

class Worker {
  public:
    Worker(const RemapContext& ctx, const Columns& columns);
    /// Where rejects go: a callback (the first worker), else kept for later (the others).
    std::function<void(const Reject&)> on_reject;
    RejectSpool kept_rejects;
    bool keep_rejects = false;
    RowWriter* row_writer = nullptr; ///< row by row (one worker only)
    LiveCounts* live = nullptr;
    std::int64_t line_offset = 0; ///< lines before the reader's first byte
    /// Called every few thousand rows (progress from the reading thread).
    std::function<void()> tick;

    /// Reads records while fewer than `limit` bytes of the reader are consumed (all when 0).
    void run(CsvReader& reader, std::uint64_t limit);
    Tally tally;

  private:
    void row(const CsvRecord& rec);
    void reject(const CsvRecord& rec, Verdict v, bool values_read);
    bool add_mapped(std::uint32_t date); ///< adds the row's values to the exact totals
    const RemapContext& m_ctx;
    const Columns& m_cols;
    Mapper m_mapper;
    RowValues m_values;
    Reject m_reject;
};

} // namespace orglineage::detail
