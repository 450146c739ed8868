// SPDX-License-Identifier: MIT
// places_coverage: on each 1 April from 2002 to 2026, how many local-authority districts and LSOAs the
// shipped dataset answers `who` for (commissioning), and how: exact (read from the area's own coverage
// or an ONS LSOA lookup of that date), derived (a territory mapped across area changes, an LSOA through
// its district or CCG, a vintage carried through events) or with a share unknown. Not a benchmark: a
// measurement of the data, printed as a Markdown table.
// Usage: orglineage_places_coverage [DATA_DIR]
#include <orglineage/area_history.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/small_areas.hpp>

#include <cstdio>
#include <iostream>
#include <string>

using namespace orglineage;

namespace {

struct Tally {
    int asked = 0, exact = 0, derived = 0, unknown = 0;
    [[nodiscard]] int answered() const { return exact + derived + unknown; }
};

bool any_unknown(const std::vector<Holder>& hs) {
    for (const auto& h : hs)
        if (!h.share) return true;
    return false;
}

bool is_lower_tier(const Area& a) {
    return a.kind == "la-district" || a.kind == "la-unitary" || a.kind == "la-metropolitan" ||
           a.kind == "la-london-borough";
}

/// Every lower-tier code of any date, asked on `on` (out of force: answered for its territory).
Tally districts(const Lineage& lin, const AreaHistory& hist, const Date& on, bool in_force_only) {
    Tally t;
    for (const auto& a : lin.dataset().areas) {
        if (!is_lower_tier(a) || (in_force_only && !a.period.contains(on))) continue;
        ++t.asked;
        const auto ans = hist.holders("commissioning", a.code, on);
        if (ans.holders.empty()) continue;
        if (any_unknown(ans.holders)) ++t.unknown;
        else if (ans.basis == PlaceBasis::territory) ++t.derived;
        else ++t.exact;
    }
    return t;
}

Tally lsoas(const SmallAreas& sa, const Date& on) {
    Tally t;
    char code[16];
    for (int n = 1; n < 40000; ++n) {
        std::snprintf(code, sizeof code, "E01%06d", n);
        if (!sa.is_lsoa(code)) continue;
        ++t.asked;
        const auto a = sa.holders("commissioning", code, on);
        if (a.holders.empty()) continue;
        bool unknown = false;
        for (const auto& h : a.holders) unknown = unknown || !h.share;
        // A district's shares given for an LSOA are not the LSOA's: its share is unknown.
        if (unknown || (a.basis == LsoaBasis::local_authority && a.holders.size() > 1)) ++t.unknown;
        else if (a.basis == LsoaBasis::sourced || a.basis == LsoaBasis::correspondence) ++t.exact;
        else ++t.derived;
    }
    return t;
}

std::string cell(const Tally& t) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%d/%d (%.1f%%) | %d | %d | %d", t.answered(), t.asked,
                  t.asked ? 100.0 * t.answered() / t.asked : 0.0, t.exact, t.derived, t.unknown);
    return buf;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_BENCH_DATA_DIR;
        const Lineage lin = Lineage::load(dir);
        const AreaHistory hist = AreaHistory::load(lin);
        const SmallAreas sa = SmallAreas::load(lin);
        std::cout << "| date | districts in force: answered | exact | derived | unknown share "
                     "| every district code 2002-today: answered | exact | derived | unknown share "
                     "| LSOAs: answered | exact | derived | unknown share |\n"
                  << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        for (int year = 2002; year <= 2026; ++year) {
            const Date on(static_cast<unsigned short>(year), 4, 1);
            std::cout << "| " << format_date(on) << " | " << cell(districts(lin, hist, on, true)) << " | "
                      << cell(districts(lin, hist, on, false)) << " | " << cell(lsoas(sa, on)) << " |\n";
        }
    } catch (const Error& e) {
        std::cerr << "places_coverage: " << e.what() << '\n';
        return 3;
    }
    return 0;
}
