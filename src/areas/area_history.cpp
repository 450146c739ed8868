// SPDX-License-Identifier: MIT
// orglineage — the history of areas: their changes, the territory of an area on any date, and the
// holders of that territory.
#include "areas/area_history_impl.hpp"
#include "areas/table_file.hpp"
#include "graph/lineage_access.hpp"
#include "image/format.hpp"

#include <orglineage/area_history.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace orglineage {

namespace {

constexpr double k_sum_tolerance = 1e-5; // the tables write shares to six decimals
constexpr int k_max_steps = 32;          // more changes than England has had in one place

Share parse_share(const detail::TableFile& f, std::size_t r, std::size_t c) {
    const auto& v = f.rows[r][c];
    if (v.empty()) return std::nullopt;
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (*end != '\0' || !(x > 0) || x > 1) throw DataError(f.pos(r, c), "bad share '" + v + "' (a number in (0, 1], or empty)");
    return x;
}

std::vector<std::string> split_sources(const std::string& v) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= v.size()) {
        const auto end = std::min(v.find(';', start), v.size());
        if (end > start) out.push_back(v.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string code_and_name(const Area& a) { return a.name + " (" + a.code + ")"; }

/// An area's period as people read it: an area in force before the dataset begins has no first day.
std::string in_force_text(const Period& p) {
    if (p.from.year() <= 1900) return p.until ? "until " + format_date(*p.last_day()) : "always";
    return "from " + format_date(p.from) + (p.until ? " until " + format_date(*p.last_day()) : "");
}

std::string share_text(const Share& s) {
    if (!s) return "share unknown";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", *s);
    return buf;
}

} // namespace

std::string_view to_string(PlaceBasis b) noexcept {
    switch (b) {
    case PlaceBasis::read: return "read";
    case PlaceBasis::territory: return "territory";
    }
    return "read";
}

void AreaHistory::Impl::read_changes(const Table& t) {
    const auto f = detail::read_table_file(t.path);
    const auto c_date = f.column("date", t), c_from = f.column("from", t), c_to = f.column("to", t);
    const auto c_fs = f.column("from_share", t), c_ts = f.column("to_share", t), c_basis = f.column("basis", t);
    const auto c_src = f.column("source", t), c_note = f.column("note", t);
    std::set<std::string> known_sources;
    for (const auto& s : lin->dataset().sources) known_sources.insert(s.id);
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto& row = f.rows[r];
        AreaChange ch;
        ch.pos = f.pos(r, 0);
        const auto d = parse_date(row[c_date]);
        if (!d) throw DataError(f.pos(r, c_date), "bad date '" + row[c_date] + "'");
        ch.date = *d;
        for (auto [col, field] : {std::pair{c_from, &ch.from}, std::pair{c_to, &ch.to}}) {
            if (!lin->find_area(row[col])) throw DataError(f.pos(r, col), "unknown area '" + row[col] + "'");
            *field = row[col];
        }
        ch.from_share = parse_share(f, r, c_fs);
        ch.to_share = parse_share(f, r, c_ts);
        const auto basis = parse_share_basis(row[c_basis]);
        if (!basis) throw DataError(f.pos(r, c_basis), "unknown basis '" + row[c_basis] + "'");
        ch.basis = *basis;
        if ((!ch.from_share || !ch.to_share) && ch.basis != ShareBasis::unknown)
            throw DataError(f.pos(r, c_basis), "a share left empty needs basis 'unknown'");
        ch.sources = split_sources(row[c_src]);
        if (ch.sources.empty()) throw DataError(f.pos(r, c_src), "a change must cite a source");
        for (const auto& s : ch.sources)
            if (!known_sources.count(s)) throw DataError(f.pos(r, c_src), "unknown source '" + s + "'");
        ch.note = row[c_note];
        changes.push_back(std::move(ch));
    }
}

void AreaHistory::Impl::read_population(const Table& t) {
    const auto f = detail::read_table_file(t.path);
    const auto c_area = f.column("area", t), c_year = f.column("year", t), c_pop = f.column("population", t);
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto& row = f.rows[r];
        if (!lin->find_area(row[c_area])) throw DataError(f.pos(r, c_area), "unknown area '" + row[c_area] + "'");
        char* end = nullptr;
        const double p = std::strtod(row[c_pop].c_str(), &end);
        if (row[c_pop].empty() || *end != '\0' || p < 0)
            throw DataError(f.pos(r, c_pop), "bad population '" + row[c_pop] + "'");
        const long year = std::strtol(row[c_year].c_str(), &end, 10);
        if (row[c_year].empty() || *end != '\0' || year < 1900 || year > 2200)
            throw DataError(f.pos(r, c_year), "bad year '" + row[c_year] + "'");
        pop[row[c_area]] = {p, static_cast<int>(year)};
    }
}

/// A change joins the last day of `from` to the first of `to`, and the parts of each area add up.
void AreaHistory::Impl::check_changes() const {
    for (const auto& ch : changes) {
        const Area& from = *lin->find_area(ch.from);
        const Area& to = *lin->find_area(ch.to);
        if (!from.period.until || *from.period.until != ch.date)
            throw DataError(ch.pos, "change of '" + ch.from + "' dated " + format_date(ch.date) +
                                        ", but the area is in force " + format_period(from.period));
        if (to.period.from != ch.date)
            throw DataError(ch.pos, "change into '" + ch.to + "' dated " + format_date(ch.date) +
                                        ", but the area is in force " + format_period(to.period));
    }
    auto check_sum = [&](const std::unordered_map<std::string, std::vector<std::size_t>>& index, bool outgoing) {
        for (const auto& [code, ix] : index) {
            double sum = 0;
            bool known = true;
            for (auto i : ix) {
                const Share s = outgoing ? changes[i].from_share : changes[i].to_share;
                known = known && s.has_value();
                sum += s.value_or(0);
            }
            if (known && std::fabs(sum - 1.0) > k_sum_tolerance)
                throw DataError(changes[ix.front()].pos, std::string(outgoing ? "the parts of '" : "the parts making '") +
                                                             code + "' sum to " + std::to_string(sum) + ", not 1");
        }
    };
    check_sum(by_from, true);
    check_sum(by_to, false);
}

/// The areas a territory starts from: an upper-tier area stands for its districts of its own day.
std::vector<std::pair<const Area*, AreaHistory::Impl::Piece>> AreaHistory::Impl::seeds(const Area& a,
                                                                                      const Date& on) const {
    std::vector<std::pair<const Area*, Piece>> out;
    auto kids = children.find(a.code);
    if (kids == children.end()) return {{&a, Piece{}}};
    const Date ref = a.period.until && on >= *a.period.until ? *a.period.last_day() : a.period.from;
    for (const Area* c : kids->second)
        if (c->period.contains(ref)) out.push_back({c, Piece{1.0, std::nullopt, ShareBasis::unknown}});
    if (out.empty()) return {{&a, Piece{}}};
    if (out.size() == 1) out.front().second.share = 1.0;
    return out;
}

/// Moves a piece of territory through the changes until it lies in areas in force on `on`.
/// The part of the area a change leads to that lies in the territory. Forwards with the change's
/// share unknown, it is still all of it when every area that formed it lay wholly in the territory.
Share AreaHistory::Impl::part_in(const AreaChange& ch, const Piece& p, bool forwards, const Walk& w) const {
    Share part = multiply(p.part, forwards ? ch.to_share : ch.from_share);
    if (part || !forwards || !p.part || *p.part < 1 - k_sum_tolerance) return part;
    for (auto i : by_to.at(ch.to))
        if (changes[i].date == ch.date && !w.whole.count(changes[i].from)) return part;
    return 1.0;
}

void AreaHistory::Impl::carry(const Area& a, Piece p, Walk& w, int depth) const {
    const Date& on = w.on;
    auto& out = w.out;
    auto& crossed = w.crossed;
    if (a.period.contains(on) || depth > k_max_steps) {
        auto [it, fresh] = out.try_emplace(a.code, p);
        if (!fresh) {
            it->second.part = add(it->second.part, p.part);
            it->second.share = add(it->second.share, p.share);
            it->second.basis = combine(it->second.basis, p.basis);
        }
        return;
    }
    const bool forwards = a.period.until && on >= *a.period.until;
    const auto& index = forwards ? by_from : by_to;
    auto it = index.find(a.code);
    if (it == index.end()) return; // no record of where it went: the part is left out, and said so
    for (auto i : it->second) {
        const AreaChange& ch = changes[i];
        if (std::find(crossed.begin(), crossed.end(), &ch) == crossed.end()) crossed.push_back(&ch);
        // Forwards, the piece is the same part of `from` and so ch.to_share of it lies in `to`;
        // backwards the other way round. People are taken to be spread evenly within an area.
        Piece next;
        next.part = part_in(ch, p, forwards, w);
        next.share = multiply(p.share, forwards ? ch.from_share : ch.to_share);
        next.basis = combine(p.basis, ch.basis);
        carry(*lin->find_area(forwards ? ch.to : ch.from), next, w, depth + 1);
    }
}

/// Where the parts' shares are unknown but their populations are in the tables, weigh by those.
std::string AreaHistory::Impl::weigh_by_population(std::vector<TerritoryPart>& parts) const {
    if (parts.size() == 1) {
        parts.front().share = 1.0;
        if (parts.front().basis == ShareBasis::unknown) parts.front().basis = ShareBasis::whole;
        return {};
    }
    const bool unknown = std::any_of(parts.begin(), parts.end(), [](const TerritoryPart& p) { return !p.share; });
    if (!unknown) return {};
    double total = 0;
    std::set<int> years;
    for (const auto& p : parts) {
        auto it = pop.find(p.area->code);
        if (!p.part_of_area || it == pop.end() || it->second.first <= 0) return {};
        total += it->second.first * *p.part_of_area;
        years.insert(it->second.second);
    }
    for (auto& p : parts) {
        p.share = pop.at(p.area->code).first * *p.part_of_area / total;
        p.basis = ShareBasis::population;
    }
    std::string y;
    for (int year : years) y += (y.empty() ? "" : ", ") + std::to_string(year);
    return y;
}

AreaHistory::AreaHistory() : m_impl(std::make_unique<Impl>()) {}
AreaHistory::~AreaHistory() = default;
AreaHistory::AreaHistory(AreaHistory&&) noexcept = default;
AreaHistory& AreaHistory::operator=(AreaHistory&&) noexcept = default;

AreaHistory AreaHistory::load(const Lineage& lineage) {
    // Opened from an image: its section holds the tables as the checking pass read them.
    if (const auto* image = detail::LineageAccess::image(lineage))
        if (const auto* section = image->find(detail::SectionId::area_history))
            return detail::AreaHistoryImage::read(lineage, *image, *section);
    AreaHistory out;
    Impl& m = *out.m_impl;
    m.lin = &lineage;
    for (const auto& t : lineage.dataset().tables) {
        if (t.kind == "area-changes") m.read_changes(t);
        else if (t.kind == "area-population") m.read_population(t);
    }
    m.index();
    return out;
}

void AreaHistory::Impl::index() {
    std::stable_sort(changes.begin(), changes.end(),
                     [](const AreaChange& a, const AreaChange& b) { return a.date < b.date; });
    for (std::size_t i = 0; i < changes.size(); ++i) {
        by_from[changes[i].from].push_back(i);
        by_to[changes[i].to].push_back(i);
    }
    for (const auto& a : lin->dataset().areas)
        if (!a.parent.empty() && a.kind != "lsoa") children[a.parent].push_back(&a);
    // England is the parent of every area but stands for none of them here.
    for (const auto& a : lin->dataset().areas)
        if (a.kind == "country") children.erase(a.code);
    check_changes();
}

const std::vector<AreaChange>& AreaHistory::changes() const noexcept { return m_impl->changes; }

std::pair<double, int> AreaHistory::population(std::string_view area) const {
    auto it = m_impl->pop.find(std::string(area));
    return it == m_impl->pop.end() ? std::pair<double, int>{0, 0} : it->second;
}

Territory AreaHistory::territory(std::string_view area, const Date& on) const {
    const Impl& m = *m_impl;
    const Area* a = m.lin->find_area(area);
    if (!a) throw LookupError("unknown area '" + std::string(area) + "'");
    Territory t;
    t.asked = a;
    t.on = on;
    if (a->period.contains(on)) {
        t.parts.push_back(TerritoryPart{a, 1.0, 1.0, ShareBasis::whole});
        return t;
    }
    t.in_force = false;
    auto seeds = m.seeds(*a, on);
    if (seeds.size() > 1) {
        // The districts' shares of their county, from the populations where the tables have them.
        std::vector<TerritoryPart> w;
        for (const auto& [s, p] : seeds) w.push_back(TerritoryPart{s, 1.0, std::nullopt, ShareBasis::unknown});
        if (auto y = m.weigh_by_population(w); !y.empty())
            t.weighting = "the districts' shares of " + a->code + " are of their ONS mid-" + y + " populations";
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            seeds[i].second.share = w[i].share;
            seeds[i].second.basis = w[i].basis;
        }
    }
    Impl::Walk w;
    w.on = on;
    for (const auto& [s, p] : seeds)
        if (p.part && *p.part > 1 - k_sum_tolerance) w.whole.insert(s->code);
    for (const auto& [s, p] : seeds) m.carry(*s, p, w, 0);
    t.changes = w.crossed;
    // A part reached from several sides is the sum of what came in; the same part twice is the whole.
    for (auto& [code, p] : w.out)
        if (p.part && *p.part > 1) p.part = 1.0;
    for (const auto& [code, p] : w.out) t.parts.push_back(TerritoryPart{m.lin->find_area(code), p.part, p.share, p.basis});
    if (auto y = m.weigh_by_population(t.parts); !y.empty())
        t.weighting = "the parts' shares are of their ONS mid-" + y + " populations (area-population table)";
    std::stable_sort(t.parts.begin(), t.parts.end(), [](const TerritoryPart& x, const TerritoryPart& y) {
        if (x.share.value_or(-1) != y.share.value_or(-1)) return x.share.value_or(-1) > y.share.value_or(-1);
        return x.area->code < y.area->code;
    });
    return t;
}

std::string Territory::describe() const {
    if (parts.empty()) return "no area of that date (no change records where it went)";
    bool shares_known = true;
    for (const auto& p : parts) shares_known = shares_known && p.share.has_value();
    std::string list;
    for (const auto& p : parts)
        list += (list.empty() ? "" : ", ") + code_and_name(*p.area) +
                (parts.size() > 1 && shares_known ? " " + share_text(p.share) : std::string{}) +
                (p.part_of_area && *p.part_of_area > 1 - k_sum_tolerance ? "" : " (in part)");
    if (parts.size() > 1 && !shares_known) list += " (their shares of it are not known)";
    return list;
}

namespace {

std::string describe_parent(const Territory& t, const Lineage& lin) {
    // Districts of one county of the day: say which county, and whether they were all of it.
    std::set<std::string> parents;
    for (const auto& p : t.parts) parents.insert(p.area->parent);
    if (parents.size() != 1 || t.parts.size() < 2) return {};
    const Area* county = lin.find_area(*parents.begin());
    if (!county || county->kind != "la-county") return {};
    std::size_t in_county = 0;
    for (const auto& a : lin.dataset().areas)
        if (a.parent == county->code && a.period.contains(t.on)) ++in_county;
    bool whole = true;
    for (const auto& p : t.parts) whole = whole && p.part_of_area && *p.part_of_area > 1 - k_sum_tolerance;
    if (whole && in_county == t.parts.size()) return "; together all of " + code_and_name(*county);
    return "; " + std::to_string(t.parts.size()) + " of the " + std::to_string(in_county) + " districts of " +
           code_and_name(*county);
}

} // namespace

std::string Territory::explain() const {
    if (in_force) return {};
    return asked->code + " (" + asked->name + ") is not in force on " + format_date(on) + " (in force " +
           in_force_text(asked->period) + "); answered for its territory on that date: " + describe();
}

PlaceAnswer AreaHistory::holders(std::string_view function, std::string_view area, const Date& on,
                                 HolderMode mode) const {
    PlaceAnswer out;
    out.territory = territory(area, on);
    const Territory& t = out.territory;
    if (t.in_force) {
        out.holders = m_impl->lin->holders(function, t.asked->code, on, mode);
        return out;
    }
    out.basis = PlaceBasis::territory;
    out.notes.push_back(t.explain() + describe_parent(t, *m_impl->lin));
    std::map<const Body*, Holder> acc;
    std::vector<const Body*> order;
    bool every_part_held = true;
    for (const auto& p : t.parts) {
        const auto hs = m_impl->lin->holders(function, p.area->code, on, mode);
        if (hs.empty()) {
            every_part_held = false;
            out.notes.push_back("nobody held '" + std::string(function) + "' for " + code_and_name(*p.area) + " on " +
                                format_date(on) + " in this dataset");
        }
        const bool whole_part = p.part_of_area && *p.part_of_area > 1 - k_sum_tolerance;
        for (const auto& h : hs) {
            // Of a part of an area held by several bodies, which body held the part is not known.
            const Share of_part = whole_part || hs.size() == 1 ? h.share : Share();
            auto [it, fresh] = acc.try_emplace(h.body, h);
            if (fresh) {
                order.push_back(h.body);
                it->second.share = multiply(p.share, of_part);
                it->second.basis = combine(p.basis, of_part ? h.basis : ShareBasis::unknown);
                it->second.via_area = p.area->code;
            } else {
                it->second.share = add(it->second.share, multiply(p.share, of_part));
                it->second.basis = combine(it->second.basis, combine(p.basis, of_part ? h.basis : ShareBasis::unknown));
                it->second.via_area += "," + p.area->code;
            }
        }
    }
    for (const Body* b : order) out.holders.push_back(acc.at(b));
    if (out.holders.size() == 1 && every_part_held) {
        bool alone = true; // it held each part wholly, so it held the territory whatever the parts' shares
        for (const auto& p : t.parts)
            for (const auto& h : m_impl->lin->holders(function, p.area->code, on, mode))
                alone = alone && h.share && *h.share > 1 - k_sum_tolerance;
        if (alone) {
            out.holders.front().share = 1.0;
            out.holders.front().basis = ShareBasis::whole;
        }
    }
    std::stable_sort(out.holders.begin(), out.holders.end(), [](const Holder& a, const Holder& b) {
        return a.share.value_or(-1) > b.share.value_or(-1);
    });
    if (!t.weighting.empty()) out.notes.push_back(t.weighting);
    std::set<std::string> said;
    for (const AreaChange* ch : t.changes)
        if (!ch->note.empty() && said.insert(ch->note).second)
        {
            std::string cited;
            for (const auto& src : ch->sources) cited += (cited.empty() ? "" : ", ") + src;
            out.notes.push_back("change of " + format_date(ch->date) + " (" + cited + "): " + ch->note);
        }
    return out;
}

} // namespace orglineage
