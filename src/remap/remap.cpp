// SPDX-License-Identifier: MIT
// Bulk remapping of CSV figures onto the bodies of one date: streaming, with every dropped row
// accounted for.
#include <orglineage/csv.hpp>
#include <orglineage/remap.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <unordered_map>

namespace orglineage {

namespace {

constexpr double k_sum_tolerance = 1e-6;

struct CodeUse {
    Period period;
    const Body* body;
};

/// code (ODS, ONS, id) → its uses, in an open-addressing table: one look-up per input row, where
/// std::unordered_map's node walk cost more than parsing the row. Keys view strings owned by the
/// (immutable) dataset.
class CodeIndex {
  public:
    explicit CodeIndex(const Dataset& ds) {
        std::unordered_map<std::string_view, std::vector<CodeUse>> uses;
        for (const auto& b : ds.bodies) {
            uses[b.id].push_back({b.period, &b});
            for (const auto& c : b.ods) uses[c.value].push_back({c.period, &b});
            for (const auto& c : b.ons) uses[c.value].push_back({c.period, &b});
        }
        std::size_t cap = 16;
        while (cap < uses.size() * 2) cap *= 2;
        m_slots.assign(cap, Slot{});
        for (auto& kv : uses) {
            std::sort(kv.second.begin(), kv.second.end(),
                      [](const CodeUse& a, const CodeUse& b) { return a.period.from < b.period.from; });
            std::size_t i = hash(kv.first) & (cap - 1);
            while (m_slots[i].used) i = (i + 1) & (cap - 1);
            m_slots[i] = Slot{true, kv.first, m_uses.size()};
            m_uses.push_back(std::move(kv.second));
        }
    }
    /// The uses of a code, or nullptr.
    [[nodiscard]] const std::vector<CodeUse>* find(std::string_view code) const {
        std::size_t i = hash(code) & (m_slots.size() - 1);
        for (;;) {
            const Slot& s = m_slots[i];
            if (!s.used) return nullptr;
            if (s.key == code) return &m_uses[s.index];
            i = (i + 1) & (m_slots.size() - 1);
        }
    }

  private:
    struct Slot {
        bool used = false;
        std::string_view key;
        std::size_t index = 0;
    };
    static std::size_t hash(std::string_view s) {
        std::uint64_t h = 1469598103934665603ULL; // FNV-1a
        for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
    std::vector<Slot> m_slots;
    std::vector<std::vector<CodeUse>> m_uses;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Strict YYYY-MM-DD: the library's one rule (parse_date), so a row date is accepted exactly when
/// --to would be.
std::optional<Date> fast_date(std::string_view s) { return parse_date(s); }

/// A value cell: nullopt for a bad number; NaN for a blank cell.
std::optional<double> parse_value(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nan("");
    if (s.front() == '+') s.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

void append_double(std::string& out, double v) {
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec == std::errc()) out.append(buf, p);
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

/// An open-addressing map from 64-bit keys to slots: the aggregation cells are looked up once per
/// weight of every row, where std::unordered_map's node walk was the single largest cost.
class FlatMap64 {
  public:
    FlatMap64() : m_keys(1024, k_empty), m_vals(1024) {}
    /// The slot of `key`, inserting `next` when it is new (then `fresh` is true).
    std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t next, bool& fresh) {
        if ((m_size + 1) * 2 > m_keys.size()) grow();
        std::size_t i = hash(key) & (m_keys.size() - 1);
        for (;;) {
            if (m_keys[i] == key) {
                fresh = false;
                return m_vals[i];
            }
            if (m_keys[i] == k_empty) {
                m_keys[i] = key;
                m_vals[i] = next;
                ++m_size;
                fresh = true;
                return next;
            }
            i = (i + 1) & (m_keys.size() - 1);
        }
    }

  private:
    static constexpr std::uint64_t k_empty = ~std::uint64_t{0};
    static std::size_t hash(std::uint64_t x) {
        x ^= x >> 33; // splitmix64's finaliser
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        x ^= x >> 33;
        return static_cast<std::size_t>(x);
    }
    void grow() {
        std::vector<std::uint64_t> keys(m_keys.size() * 2, k_empty);
        std::vector<std::uint32_t> vals(m_keys.size() * 2);
        for (std::size_t j = 0; j < m_keys.size(); ++j) {
            if (m_keys[j] == k_empty) continue;
            std::size_t i = hash(m_keys[j]) & (keys.size() - 1);
            while (keys[i] != k_empty) i = (i + 1) & (keys.size() - 1);
            keys[i] = m_keys[j];
            vals[i] = m_vals[j];
        }
        m_keys.swap(keys);
        m_vals.swap(vals);
    }
    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_vals;
    std::size_t m_size = 0;
};

/// The remap rows of one body: one per span of its dates between two of its own events.
struct BodyRows {
    std::vector<Date> dates; ///< distinct dates of the links out of (forwards) or into (backwards) it
    std::vector<std::unique_ptr<CrosswalkRow>> rows; ///< by bucket, built on first use
    bool dates_known = false;
};

} // namespace

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

RemapSummary remap(const Lineage& lin, std::istream& in, std::ostream& out, const RemapOptions& opt,
                   const std::function<void(const Reject&)>& on_reject) {
    const Dataset& ds = lin.dataset();
    if (!ds.functions.contains(opt.function)) throw LookupError("unknown function '" + opt.function + "'");
    RemapSummary sum;
    sum.data_version = ds.name + " " + ds.version;
    const std::size_t nv = opt.value_columns.size();
    sum.totals.resize(nv);
    for (std::size_t v = 0; v < nv; ++v) sum.totals[v].column = opt.value_columns[v];
    std::vector<long double> read_t(nv, 0), mapped_t(nv, 0), out_t(nv, 0), rej_t(nv, 0);
    std::map<RejectReason, std::int64_t> by_reason;

    CsvReader reader(in, opt.delimiter);
    CsvRecord rec;
    // The header: the first non-empty record.
    if (!reader.next(rec)) throw Error("remap: the input is empty (no header row)");
    if (!rec.ok()) throw Error("remap: line " + std::to_string(rec.line) + ": malformed header: " + rec.error);
    const std::size_t nfields = rec.fields.size();
    std::vector<std::string> header(rec.fields.begin(), rec.fields.end());
    // A name that matches two columns would silently use the first: refuse it.
    auto unique_match = [&](const std::string& name, auto&& same) -> std::optional<std::size_t> {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (same(trim(header[i]))) found.push_back(i);
        if (found.size() > 1)
            throw Error("remap: column '" + name + "' appears " + std::to_string(found.size()) +
                        " times in the header (columns " + std::to_string(found[0] + 1) + " and " +
                        std::to_string(found[1] + 1) + ")");
        if (found.empty()) return std::nullopt;
        return found.front();
    };
    auto column = [&](const std::string& name) -> std::size_t {
        if (auto i = unique_match(name, [&](std::string_view h) { return h == name; })) return *i;
        if (auto i = unique_match(name, [&](std::string_view h) { return upper(h) == upper(name); })) return *i;
        std::string known;
        for (const auto& h : header) known += (known.empty() ? "'" : ", '") + h + "'";
        throw Error("remap: no column '" + name + "' in the header (columns: " + known + ")");
    };
    const std::size_t code_col = column(opt.code_column);
    const std::size_t date_col = column(opt.date_column);
    std::vector<std::size_t> value_cols;
    for (const auto& v : opt.value_columns) value_cols.push_back(column(v));

    const CodeIndex codes(ds);
    const bool aggregate = opt.aggregate;
    CrosswalkOptions cw_opt;
    cw_opt.function = opt.function;
    cw_opt.sizes = opt.sizes;
    std::vector<BodyRows> fwd_cache(ds.bodies.size()), back_cache(ds.bodies.size());
    const Body* const body0 = ds.bodies.data();

    // Target labels (`id,code,name`), built once per target body.
    std::unordered_map<const Body*, std::string> labels;
    auto label = [&](const Body* b) -> const std::string& {
        auto [it, fresh] = labels.try_emplace(b);
        if (fresh) {
            std::string code = b->ods_on(opt.to);
            if (code.empty()) code = b->ons_on(opt.to);
            append_csv_field(it->second, b->id);
            it->second += ',';
            append_csv_field(it->second, code);
            it->second += ',';
            append_csv_field(it->second, b->name_on(opt.to));
        }
        return it->second;
    };

    // Aggregation cells: (target body index, day number) → slot in `cells`.
    FlatMap64 cell_ix;
    std::vector<double> cells;
    std::vector<std::int64_t> cell_rows;
    std::vector<std::pair<const Body*, Date>> cell_keys;

    std::string buf;
    buf.reserve(1 << 20);
    if (aggregate) {
        buf += "body_id,code,name,";
        append_csv_field(buf, opt.date_column);
        for (const auto& v : opt.value_columns) {
            buf += ',';
            append_csv_field(buf, v);
        }
        buf += ",rows\n";
    } else {
        buf += "line,";
        append_csv_field(buf, opt.code_column);
        buf += ',';
        append_csv_field(buf, opt.date_column);
        buf += ",source_id,body_id,code,name,weight,basis,method";
        for (const auto& v : opt.value_columns) {
            buf += ',';
            append_csv_field(buf, v);
        }
        buf += '\n';
    }

    std::vector<double> values(nv);
    Reject reject;
    auto do_reject = [&](RejectReason why, std::string message, bool values_read) {
        ++sum.counts.rejected;
        ++by_reason[why];
        if (values_read)
            for (std::size_t v = 0; v < nv; ++v)
                if (!std::isnan(values[v])) rej_t[v] += values[v];
        if (on_reject) {
            reject.line = rec.line;
            reject.reason = why;
            reject.message = std::move(message);
            reject.raw.assign(rec.raw.substr(0, 4096));
            on_reject(reject);
        }
    };

    while (reader.next(rec)) {
        ++sum.counts.rows;
        if (opt.progress && sum.counts.rows % opt.progress_every == 0) {
            sum.counts.bytes = reader.bytes_read();
            opt.progress(sum.counts);
        }
        if (!rec.ok()) {
            do_reject(RejectReason::malformed, rec.error, false);
            continue;
        }
        if (rec.fields.size() != nfields) {
            do_reject(RejectReason::malformed,
                      "expected " + std::to_string(nfields) + " fields, found " + std::to_string(rec.fields.size()),
                      false);
            continue;
        }
        // Values first, so that the totals of rejected rows are known.
        bool bad_value = false;
        std::size_t bad_col = 0;
        for (std::size_t v = 0; v < nv; ++v) {
            const auto x = parse_value(rec.fields[value_cols[v]]);
            if (!x) {
                if (!bad_value) bad_col = v;
                bad_value = true;
                values[v] = std::nan("");
                continue;
            }
            values[v] = *x;
            if (std::isnan(*x)) ++sum.totals[v].blank;
            else read_t[v] += *x;
        }
        if (bad_value) {
            do_reject(RejectReason::bad_value,
                      "'" + std::string(rec.fields[value_cols[bad_col]]) + "' in column '" +
                          opt.value_columns[bad_col] + "' is not a number",
                      true);
            continue;
        }
        const std::string_view code = trim(rec.fields[code_col]);
        if (code.empty()) {
            do_reject(RejectReason::missing_code, "empty code", true);
            continue;
        }
        const auto date = fast_date(trim(rec.fields[date_col]));
        if (!date) {
            do_reject(RejectReason::bad_date,
                      "'" + std::string(rec.fields[date_col]) + "' is not a date (YYYY-MM-DD)", true);
            continue;
        }
        const std::vector<CodeUse>* uses = codes.find(code);
        if (!uses) uses = codes.find(std::string_view(upper(code)));
        if (!uses) {
            do_reject(RejectReason::unknown_code, "no body ever had the code '" + std::string(code) + "'", true);
            continue;
        }
        const Body* body = nullptr;
        int found = 0;
        for (const auto& u : *uses)
            if (u.period.contains(*date) && u.body != body) {
                body = u.body;
                ++found;
            }
        bool was_nearest = false;
        if (found == 0 && opt.nearest) {
            const Resolution r = lin.resolve_nearest(code, *date);
            if (r.bodies.size() == 1) {
                body = r.bodies.front();
                found = 1;
                was_nearest = true;
            } else {
                found = static_cast<int>(r.bodies.size());
            }
        }
        if (found == 0) {
            std::string when;
            for (const auto& u : *uses)
                when += (when.empty() ? "" : ", ") + u.body->id + " " + format_period(u.period);
            do_reject(RejectReason::inactive_code,
                      "nobody had the code '" + std::string(code) + "' on " + format_date(*date) + " (" + when + ")",
                      true);
            continue;
        }
        if (found > 1) {
            do_reject(RejectReason::ambiguous_code,
                      "several bodies had the code '" + std::string(code) + "' on " + format_date(*date), true);
            continue;
        }
        // A nearest holder is taken as it was on its nearest active day.
        Date on = *date;
        if (was_nearest) {
            if (on < body->period.from) on = body->period.from;
            else if (body->period.until && on >= *body->period.until) on = *body->period.last_day();
        }
        // The crosswalk row of this body for this date, cached per span between its own events.
        // Forwards the row depends on which links out of the body are after the date; backwards on
        // which links into it are on or before it: one cached row per span between those dates.
        const bool fwd = on <= opt.to;
        BodyRows& br = (fwd ? fwd_cache : back_cache)[static_cast<std::size_t>(body - body0)];
        if (!br.dates_known) {
            br.dates_known = true;
            for (const auto& l : lin.links_of(*body, fwd)) br.dates.push_back(l.event->date);
            br.dates.erase(std::unique(br.dates.begin(), br.dates.end()), br.dates.end());
            br.rows.resize(br.dates.size() + 1);
        }
        const auto bucket = static_cast<std::size_t>(
            std::upper_bound(br.dates.begin(), br.dates.end(), on) - br.dates.begin());
        auto& slot = br.rows[bucket];
        if (!slot) slot = std::make_unique<CrosswalkRow>(crosswalk_row(lin, *body, on, opt.to, cw_opt));
        const CrosswalkRow* row = slot.get();
        if (row->weights.empty()) {
            do_reject(RejectReason::no_successor,
                      body->id + (lin.holds(*body, opt.function, on)
                                      ? " held '" + opt.function + "' on " + format_date(on) +
                                            " but nobody held it on " + format_date(opt.to) + " (it ended)"
                                      : " did not hold '" + opt.function + "' on " + format_date(on)),
                      true);
            continue;
        }
        const bool unknown = std::any_of(row->weights.begin(), row->weights.end(),
                                         [](const Weight& w) { return !w.weight.has_value(); });
        const bool estimated = std::any_of(row->weights.begin(), row->weights.end(), [](const Weight& w) {
            return w.method == WeightMethod::normalised;
        });
        if (unknown || (estimated && !opt.allow_estimates)) {
            do_reject(RejectReason::unknown_share,
                      body->id + "'s figures went to " + std::to_string(row->weights.size()) +
                          " bodies in proportions the data does not give" +
                          (unknown ? "" : " (estimates not allowed)"),
                      true);
            continue;
        }
        if (!row->complete) {
            do_reject(RejectReason::incomplete,
                      "the weights of " + body->id + " sum to " + std::to_string(row->sum) +
                          ", not 1 (part of what it held ended with no successor)",
                      true);
            continue;
        }
        ++sum.counts.mapped;
        if (estimated) ++sum.estimated;
        if (was_nearest) ++sum.nearest;
        for (std::size_t v = 0; v < nv; ++v)
            if (!std::isnan(values[v])) mapped_t[v] += values[v];
        const double norm = row->sum; // within 1e-6 of 1: divide it out so totals are conserved
        if (aggregate) {
            const auto day = static_cast<std::uint64_t>(date->day_number());
            for (const auto& w : row->weights) {
                const double f = *w.weight / norm;
                const auto key = (static_cast<std::uint64_t>(w.target - body0) << 32) | day;
                bool fresh = false;
                const std::size_t cell = cell_ix.find_or_insert(key, static_cast<std::uint32_t>(cell_rows.size()), fresh);
                if (fresh) {
                    cell_rows.push_back(0);
                    cells.resize(cells.size() + nv, 0.0);
                    cell_keys.push_back({w.target, *date});
                }
                double* c = &cells[cell * nv];
                ++cell_rows[cell];
                for (std::size_t v = 0; v < nv; ++v)
                    if (!std::isnan(values[v])) {
                        c[v] += values[v] * f;
                        out_t[v] += values[v] * f;
                    }
            }
        } else {
            for (const auto& w : row->weights) {
                const double f = *w.weight / norm;
                buf += std::to_string(rec.line);
                buf += ',';
                append_csv_field(buf, rec.fields[code_col]);
                buf += ',';
                append_csv_field(buf, rec.fields[date_col]);
                buf += ',';
                append_csv_field(buf, body->id);
                buf += ',';
                buf += label(w.target);
                buf += ',';
                append_double(buf, f);
                buf += ',';
                buf += to_string(w.basis);
                buf += ',';
                buf += to_string(w.method);
                for (std::size_t v = 0; v < nv; ++v) {
                    buf += ',';
                    if (std::isnan(values[v])) continue;
                    if (!std::isfinite(values[v] * f))
                        throw Error("remap: line " + std::to_string(rec.line) + ": '" + opt.value_columns[v] +
                                    "' apportioned goes beyond the largest number (about 1.8e308)");
                    append_double(buf, values[v] * f);
                    out_t[v] += values[v] * f;
                }
                buf += '\n';
                ++sum.output_rows;
            }
            if (buf.size() > (1 << 20) - 4096) {
                out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
                buf.clear();
            }
        }
    }
    if (aggregate) {
        std::vector<std::size_t> order(cell_keys.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (cell_keys[a].second != cell_keys[b].second) return cell_keys[a].second < cell_keys[b].second;
            return cell_keys[a].first->id < cell_keys[b].first->id;
        });
        for (std::size_t i : order) {
            buf += label(cell_keys[i].first);
            buf += ',';
            buf += format_date(cell_keys[i].second);
            for (std::size_t v = 0; v < nv; ++v) {
                buf += ',';
                if (!std::isfinite(cells[i * nv + v]))
                    throw Error("remap: the figures of '" + opt.value_columns[v] + "' for " + cell_keys[i].first->id +
                                " on " + format_date(cell_keys[i].second) +
                                " add up beyond the largest number (about 1.8e308)");
                append_double(buf, cells[i * nv + v]);
            }
            buf += ',';
            buf += std::to_string(cell_rows[i]);
            buf += '\n';
            ++sum.output_rows;
            if (buf.size() > (1 << 20) - 4096) {
                out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
                buf.clear();
            }
        }
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    out.flush();
    for (std::size_t v = 0; v < nv; ++v) {
        for (long double t : {read_t[v], mapped_t[v], out_t[v], rej_t[v]})
            if (!std::isfinite(static_cast<double>(t)))
                throw Error("remap: the figures of '" + opt.value_columns[v] +
                            "' add up beyond the largest number (about 1.8e308)");
        sum.totals[v].read = static_cast<double>(read_t[v]);
        sum.totals[v].mapped = static_cast<double>(mapped_t[v]);
        sum.totals[v].output = static_cast<double>(out_t[v]);
        sum.totals[v].rejected = static_cast<double>(rej_t[v]);
    }
    for (const auto& kv : by_reason) sum.rejects_by_reason.push_back(kv);
    sum.counts.bytes = reader.bytes_read();
    if (opt.progress) opt.progress(sum.counts);
    return sum;
}

} // namespace orglineage
