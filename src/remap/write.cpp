// SPDX-License-Identifier: MIT
// Output rows, reject rows, and the reconciliation of rounding.
#include "remap/write.hpp"

#include "remap/mapper.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace orglineage {

std::string_view to_string(RejectReason r) noexcept {
    switch (r) {
    case RejectReason::malformed: return "malformed";
    case RejectReason::missing_code: return "missing-code";
    case RejectReason::bad_date: return "bad-date";
    case RejectReason::unknown_code: return "unknown-code";
    case RejectReason::inactive_code: return "inactive-code";
    case RejectReason::ambiguous_code: return "ambiguous-code";
    case RejectReason::bad_value: return "bad-value";
    case RejectReason::no_successor: return "no-successor";
    case RejectReason::unknown_share: return "unknown-share";
    case RejectReason::incomplete: return "incomplete";
    }
    return "unknown";
}

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

void write_reject_csv_header(std::ostream& out) { out << "line,reason,message,raw\n"; }

void write_reject_csv(std::ostream& out, const Reject& r) {
    std::string s = std::to_string(r.line);
    s += ',';
    s += to_string(r.reason);
    s += ',';
    append_csv_field(s, r.message);
    s += ',';
    append_csv_field(s, r.raw);
    s += '\n';
    out << s;
}

namespace detail {

namespace {

constexpr std::size_t k_flush_at = (1 << 20) - 4096;

void append_weight(std::string& out, double w) {
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, w);
    if (ec == std::errc()) out.append(buf, p);
}

/// The basis column: the least certain basis of the cell, and what sizes it used.
std::string basis_text(const RemapContext& ctx, ShareBasis basis, bool sized) {
    std::string s(to_string(basis));
    if (sized)
        if (const std::string tag = ctx.sizes_tag(); !tag.empty()) s += " " + tag;
    return s;
}

void write_header(std::string& buf, const RemapOptions& o, bool aggregated) {
    if (aggregated) {
        append_csv_field(buf, o.code_column);
        buf += ",name,";
        append_csv_field(buf, o.date_column);
    } else {
        buf += "line,";
        append_csv_field(buf, o.code_column);
        buf += ',';
        append_csv_field(buf, o.date_column);
        buf += ",target_code,target_name,weight,basis,method";
    }
    for (const auto& v : o.value_columns) {
        buf += ',';
        append_csv_field(buf, v);
    }
    buf += aggregated ? ",rows,basis,body_id,notes\n" : ",notes\n";
}

/// The notes of one output row and how many input rows carry each, ordered by kind then text.
std::vector<std::pair<Note, std::int64_t>> counted_notes(const NoteSets& sets,
                                                         const std::vector<std::pair<std::uint32_t, std::int64_t>>& by_set) {
    std::map<std::pair<int, std::string>, std::pair<Note, std::int64_t>> acc;
    for (const auto& [set, rows] : by_set)
        for (const Note& n : sets.notes(set)) {
            auto [it, fresh] = acc.try_emplace({static_cast<int>(n.kind), n.text}, n, 0);
            it->second.second += rows;
        }
    std::vector<std::pair<Note, std::int64_t>> out;
    for (auto& kv : acc) out.push_back(std::move(kv.second));
    return out;
}

/// Reports the notes of output row `row` (its body and date as written) to `on_note`.
void report_notes(const RemapOptions& o, std::int64_t row, const std::string& body, const std::string& date,
                  const std::vector<std::pair<Note, std::int64_t>>& notes) {
    if (!o.on_note) return;
    for (const auto& [n, rows] : notes) o.on_note(RemapNote{row, body, date, n.kind, rows, n.text, n.about});
}

/// The cells of one date, reconciled per column; `units[i * nv + v]`.
/// @throws Error when a column's figures of the date cannot be written exactly at its scale
void reconcile_date(const RemapOptions& o, const Cells& cells, const std::vector<std::size_t>& group,
                    std::uint32_t date, const ExactSum* totals, const std::vector<int>& scales,
                    std::vector<Int128>& units) {
    const std::size_t nv = scales.size();
    units.assign(group.size() * nv, 0);
    std::vector<long double> approx;
    std::vector<Int128> parts;
    for (std::size_t v = 0; v < nv; ++v) {
        approx.clear();
        for (std::size_t i : group)
            approx.push_back(static_cast<long double>(cells.value(i, v)) * pow10_double(scales[v]));
        ExactSum t = totals ? totals[v] : ExactSum{};
        if (!t.set_scale(scales[v]) || !reconcile(t.units(), approx, parts))
            throw Error("remap: the figures of column '" + o.value_columns[v] + "' on " + date_of_key(date).label() +
                        " are too large to write exactly with " + std::to_string(scales[v]) +
                        " decimal places (38 digits at most)");
        for (std::size_t k = 0; k < group.size(); ++k) units[k * nv + v] = parts[k];
    }
}

/// Far more units to give than parts (a double's 16 digits of a longer total: 1e27, or 17-digit
/// floats beside billions; never so for ordinary figures, whose rounding leaves at most one unit a
/// part): each part takes a share of `residual` by its size, so that a small part is not moved by
/// the error of the large ones. What is left (about one unit a part) is taken off `residual`.
bool share_by_size(const std::vector<long double>& approx, Int128& residual, std::vector<Int128>& out) {
    const auto n = static_cast<Int128>(approx.size());
    if (residual <= n && residual >= -n) return true;
    long double sizes = 0;
    for (long double a : approx) sizes += std::fabs(a);
    if (!(sizes > 0)) return true; // nothing to weigh by: shared evenly after
    const auto units = static_cast<long double>(residual);
    for (std::size_t i = 0; i < approx.size(); ++i) {
        const auto share = static_cast<Int128>(units * (std::fabs(approx[i]) / sizes)); // |share| <= |residual|
        if (__builtin_add_overflow(out[i], share, &out[i])) return false;
        residual -= share;
    }
    return true;
}

} // namespace

bool reconcile(Int128 total, const std::vector<long double>& approx, std::vector<Int128>& out) {
    out.resize(approx.size());
    Int128 sum = 0;
    for (std::size_t i = 0; i < approx.size(); ++i) {
        const long double a = approx[i];
        if (!(std::fabs(a) < 1e38L)) return false; // beyond an Int128 (1.7e38), or not a number
        out[i] = std::fabs(a) < 9e18L ? static_cast<Int128>(std::llround(a)) : static_cast<Int128>(a);
        if (__builtin_add_overflow(sum, out[i], &sum)) return false;
    }
    Int128 residual = 0;
    if (__builtin_sub_overflow(total, sum, &residual)) return false;
    if (residual == 0 || approx.empty()) return true;
    if (!share_by_size(approx, residual, out)) return false;
    if (residual == 0) return true;
    // Give each unit to the part whose rounding moved it furthest the other way.
    std::vector<std::size_t> order(approx.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const long double sign = residual > 0 ? 1 : -1;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return sign * (approx[a] - static_cast<long double>(out[a])) > sign * (approx[b] - static_cast<long double>(out[b]));
    });
    // One pass, whatever the residual's size: dealing it out a unit at a time round the sorted parts
    // gives each part `each`, and the first |extra| of them one more (a residual of 10^10 units,
    // which a double's 17 digits leave on a 27-digit total, took minutes that way).
    const auto n = static_cast<Int128>(order.size());
    const Int128 each = residual / n;  // truncated towards zero: the sign of the residual
    const Int128 extra = residual % n; // the same sign
    const Int128 step = residual > 0 ? 1 : -1;
    for (std::size_t k = 0; k < order.size(); ++k)
        out[order[k]] += each + (static_cast<Int128>(k) < extra * step ? step : 0);
    return true;
}

const std::string& TargetLabels::operator()(std::uint32_t body) {
    std::string& s = m_labels[body];
    if (!s.empty()) return s;
    const Body& b = m_ctx.lin.dataset().bodies[body];
    std::string code = b.ods_on(m_ctx.opt.to);
    if (code.empty()) code = b.ons_on(m_ctx.opt.to);
    if (code.empty()) code = b.id;
    append_csv_field(s, code);
    s += ',';
    append_csv_field(s, b.name_on(m_ctx.opt.to));
    return s;
}

Written write_aggregated(std::ostream& out, const RemapContext& ctx, const Cells& cells, const DateTotals& dates,
                         const std::vector<int>& scales) {
    const auto& bodies = ctx.lin.dataset().bodies;
    const std::size_t nv = scales.size();
    std::vector<std::size_t> order(cells.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Cell &x = cells.cell(a), &y = cells.cell(b);
        if (x.date != y.date) return x.date < y.date;
        return bodies[x.target].id < bodies[y.target].id;
    });
    Written w;
    w.totals.resize(nv);
    TargetLabels labels(ctx);
    std::string buf;
    write_header(buf, ctx.opt, true);
    std::vector<std::size_t> group;
    std::vector<Int128> units;
    // The few cells whose rows carried notes, with the rows behind each set of notes.
    std::unordered_map<std::size_t, std::vector<std::pair<std::uint32_t, std::int64_t>>> noted;
    for (const auto& [key, rows] : cells.note_rows())
        noted[static_cast<std::size_t>(key >> 32)].push_back({static_cast<std::uint32_t>(key & 0xffffffffu), rows});
    for (std::size_t start = 0; start < order.size();) {
        const std::uint32_t date = cells.cell(order[start]).date;
        group.clear();
        for (std::size_t k = start; k < order.size() && cells.cell(order[k]).date == date; ++k) group.push_back(order[k]);
        reconcile_date(ctx.opt, cells, group, date, dates.find(date), scales, units);
        const std::string label = date_of_key(date).label();
        for (std::size_t k = 0; k < group.size(); ++k) {
            const Cell& c = cells.cell(group[k]);
            buf += labels(c.target);
            buf += ',';
            buf += label;
            for (std::size_t v = 0; v < nv; ++v) {
                buf += ',';
                if (!cells.present(group[k], v)) continue;
                append_units(buf, units[k * nv + v], scales[v]);
                w.totals[v].add(Decimal{units[k * nv + v], scales[v]});
            }
            buf += ',' + std::to_string(c.rows) + ',';
            append_csv_field(buf, basis_text(ctx, c.basis, c.sized));
            buf += ',';
            append_csv_field(buf, bodies[c.target].id);
            buf += ',';
            ++w.rows;
            if (auto it = noted.find(group[k]); it != noted.end()) {
                const auto notes = counted_notes(ctx.notes(), it->second);
                std::uint32_t all = 0;
                for (const auto& [set, rows] : it->second) all = ctx.notes().join(all, set);
                buf += ctx.notes().kinds(all);
                ++w.noted;
                report_notes(ctx.opt, w.rows, bodies[c.target].id, label, notes);
            }
            buf += '\n';
            if (buf.size() > k_flush_at) {
                out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
                buf.clear();
            }
        }
        start += group.size();
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    out.flush();
    return w;
}

RowWriter::RowWriter(std::ostream& out, const RemapContext& ctx) : m_out(out), m_ctx(ctx), m_labels(ctx) {
    write_header(m_buf, ctx.opt, false);
}

void RowWriter::write(std::int64_t line, std::string_view code, std::string_view date, const Mapping& m,
                      const std::vector<Decimal>& exact, const std::vector<unsigned char>& present, Written& written) {
    const std::size_t nv = exact.size();
    const std::size_t nt = m.targets.size();
    std::vector<Int128>& parts = m_parts;
    std::vector<Int128> all(nt * nv, 0);
    for (std::size_t v = 0; v < nv; ++v) {
        if (!present[v]) continue;
        m_approx.clear();
        for (const Target& t : m.targets) m_approx.push_back(static_cast<long double>(exact[v].units) * t.weight);
        if (!reconcile(exact[v].units, m_approx, parts)) // |weight| <= 1: the parts fit as the value does
            throw Error("remap: line " + std::to_string(line) + ": the value of column '" +
                        m_ctx.opt.value_columns[v] + "' cannot be split exactly");
        for (std::size_t k = 0; k < nt; ++k) all[k * nv + v] = parts[k];
    }
    for (std::size_t k = 0; k < nt; ++k) {
        const Target& t = m.targets[k];
        m_buf += std::to_string(line);
        m_buf += ',';
        append_csv_field(m_buf, code);
        m_buf += ',';
        append_csv_field(m_buf, date);
        m_buf += ',';
        m_buf += m_labels(t.body);
        m_buf += ',';
        append_weight(m_buf, t.weight);
        m_buf += ',';
        append_csv_field(m_buf, basis_text(m_ctx, t.basis, t.sized));
        m_buf += ',';
        m_buf += to_string(t.method);
        for (std::size_t v = 0; v < nv; ++v) {
            m_buf += ',';
            if (!present[v]) continue;
            append_units(m_buf, all[k * nv + v], exact[v].scale);
            written.totals[v].add(Decimal{all[k * nv + v], exact[v].scale});
        }
        m_buf += ',';
        ++written.rows;
        if (t.notes) {
            auto [it, fresh] = m_kinds.try_emplace(t.notes);
            if (fresh) it->second = m_ctx.notes().kinds(t.notes);
            m_buf += it->second;
            ++written.noted;
            if (m_ctx.opt.on_note)
                report_notes(m_ctx.opt, written.rows, m_ctx.lin.dataset().bodies[t.body].id, std::string(date),
                             counted_notes(m_ctx.notes(), {{t.notes, 1}}));
        }
        m_buf += '\n';
    }
    if (m_buf.size() > k_flush_at) flush();
}

void RowWriter::flush() {
    m_out.write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
    m_buf.clear();
}

} // namespace detail
} // namespace orglineage
