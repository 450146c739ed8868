// SPDX-License-Identifier: MIT
// The per-row loop of a remap.
#include "remap/worker.hpp"

#include "remap/printable.hpp"

#include <algorithm>

namespace orglineage::detail {

Tally::Tally(std::size_t nv)
    : read(nv), mapped_sum(nv), rejected_sum(nv), blank(nv, 0), scale(nv, 0), cells(nv), dates(nv) {
    written.totals.resize(nv);
}

void Tally::merge(const Tally& o, const RemapOptions& opt) {
    rows += o.rows;
    mapped += o.mapped;
    rejected += o.rejected;
    estimated += o.estimated;
    nearest += o.nearest;
    sized += o.sized;
    noted += o.noted;
    bool ok = true;
    for (std::size_t v = 0; v < read.size(); ++v) {
        ok = ok && read[v].add(o.read[v]) && mapped_sum[v].add(o.mapped_sum[v]) && rejected_sum[v].add(o.rejected_sum[v]);
        blank[v] += o.blank[v];
        scale[v] = std::max(scale[v], o.scale[v]);
        if (!ok) throw Error("remap: the total of column '" + opt.value_columns[v] + "' overflows");
    }
    for (const auto& kv : o.by_reason) by_reason[kv.first] += kv.second;
    cells.merge(o.cells);
    if (!dates.merge(o.dates)) throw Error("remap: the total of a date overflows");
}

Worker::Worker(const RemapContext& ctx, const Columns& columns)
    : tally(columns.values.size()), m_ctx(ctx), m_cols(columns), m_mapper(ctx) {}

void Worker::run(CsvReader& reader, std::uint64_t limit) {
    CsvRecord rec;
    std::int64_t since_tick = 0;
    while ((limit == 0 || reader.bytes_read() < limit) && reader.next(rec)) {
        row(rec);
        if (++since_tick == 8192) {
            since_tick = 0;
            if (live) {
                live->rows.store(tally.rows, std::memory_order_relaxed);
                live->mapped.store(tally.mapped, std::memory_order_relaxed);
                live->rejected.store(tally.rejected, std::memory_order_relaxed);
                live->bytes.store(reader.bytes_read(), std::memory_order_relaxed);
            }
            if (tick) tick();
        }
    }
    if (live) {
        live->rows = tally.rows;
        live->mapped = tally.mapped;
        live->rejected = tally.rejected;
        live->bytes = reader.bytes_read();
    }
}

void Worker::reject(const CsvRecord& rec, Verdict v, bool values_read) {
    ++tally.rejected;
    ++tally.by_reason[v.reason];
    if (values_read)
        for (std::size_t k = 0; k < m_values.present.size(); ++k)
            if (m_values.present[k]) tally.rejected_sum[k].add(m_values.exact[k]);
    if (!on_reject && !keep_rejects) return;
    m_reject.line = rec.line + line_offset;
    m_reject.reason = v.reason;
    // The input's control bytes (NUL, ESC...) are escaped: messages reach terminals.
    m_reject.message = has_controls(v.message) ? printable(v.message) : std::move(v.message);
    const std::string_view raw = rec.raw.substr(0, 4096);
    if (has_controls(raw, Controls::keep_lines)) m_reject.raw = printable(raw, Controls::keep_lines);
    else m_reject.raw.assign(raw);
    if (keep_rejects) kept_rejects.push(m_reject);
    else on_reject(m_reject);
}

bool Worker::add_mapped(std::uint32_t date) {
    ExactSum* day = tally.dates.of(date);
    std::vector<ExactSum>& sums = tally.mapped_sum;
    const std::size_t nv = m_values.present.size();
    // all or nothing: a row whose values would overflow a total is rejected whole, its adds undone
    for (std::size_t v = 0; v < nv; ++v) {
        if (!m_values.present[v]) continue;
        const Decimal& x = m_values.exact[v];
        const bool in_sum = sums[v].add(x);
        if (in_sum && day[v].add(x)) {
            tally.scale[v] = std::max(tally.scale[v], x.scale);
            continue;
        }
        const Decimal minus{-x.units, x.scale};
        if (in_sum) sums[v].add(minus);
        for (std::size_t w = 0; w < v; ++w)
            if (m_values.present[w]) {
                const Decimal undo{-m_values.exact[w].units, m_values.exact[w].scale};
                sums[w].add(undo);
                day[w].add(undo);
            }
        return false;
    }
    return true;
}

void Worker::row(const CsvRecord& rec) {
    ++tally.rows;
    if (!rec.ok()) return reject(rec, Verdict::fail(RejectReason::malformed, rec.error), false);
    if (rec.fields.size() != m_cols.fields)
        return reject(rec, Verdict::fail(RejectReason::malformed, "expected " + std::to_string(m_cols.fields) +
                                                                      " fields, found " + std::to_string(rec.fields.size())),
                      false);
    Verdict v = read_values(rec, m_cols, m_ctx.opt, m_values);
    for (std::size_t k = 0; k < m_values.present.size(); ++k) {
        if (!m_values.present[k]) {
            if (trim(rec.fields[m_cols.values[k]]).empty()) ++tally.blank[k];
        } else if (!tally.read[k].add(m_values.exact[k])) {
            m_values.present[k] = 0;
            v = Verdict::fail(RejectReason::bad_value, "the total of column '" + m_ctx.opt.value_columns[k] + "' would overflow");
        }
    }
    if (!v.ok) return reject(rec, std::move(v), true);
    const std::string_view code = trim(rec.fields[m_cols.code]);
    if (code.empty()) return reject(rec, Verdict::fail(RejectReason::missing_code, "empty code"), true);
    const std::string_view date_text = trim(rec.fields[m_cols.date]);
    const DateCell& date = m_mapper.date(date_text);
    if (!date.ok)
        return reject(rec, Verdict::fail(RejectReason::bad_date, "'" + std::string(date_text) + "' is not a date (" +
                                                                     std::string(to_string(m_ctx.opt.date_format)) + ")"),
                      true);
    const Mapping& m = m_mapper.map(code, date);
    if (!m.verdict.ok) return reject(rec, m.verdict, true);
    if (!add_mapped(date.key))
        return reject(rec, Verdict::fail(RejectReason::bad_value, "a total would overflow"), true);
    ++tally.mapped;
    tally.estimated += m.estimated;
    tally.nearest += m.nearest;
    tally.sized += m.sized;
    tally.noted += std::any_of(m.targets.begin(), m.targets.end(), [](const Target& t) { return t.notes != 0; });
    if (row_writer)
        return row_writer->write(rec.line, rec.fields[m_cols.code], rec.fields[m_cols.date], m, m_values.exact,
                                 m_values.present, tally.written);
    for (const Target& t : m.targets)
        tally.cells.add(t.body, date.key, m_values.value.data(), m_values.present.data(), t.weight, t.basis, t.sized,
                        t.notes);
}

} // namespace orglineage::detail
