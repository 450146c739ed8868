// SPDX-License-Identifier: MIT
// The holders index answers from tables built on first use; they must give what the holders rule
// gives worked out directly, for every area of the shipped data on every day something changes,
// the day before it, and a day in every month.
#include "graph/holder_index.hpp"
#include "graph/text_index.hpp"
#include "image_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace orglineage;

namespace {

std::set<Date> change_days(const Dataset& ds) {
    std::set<Date> s;
    auto add = [&](const Period& p) {
        s.insert(p.from);
        s.insert(p.from - boost::gregorian::days(1));
        if (p.until) {
            s.insert(*p.until);
            s.insert(*p.until - boost::gregorian::days(1));
        }
    };
    for (const auto& b : ds.bodies) {
        add(b.period);
        for (const auto& c : b.coverage) add(c.period);
        for (const auto& h : b.holdings) add(h.period);
    }
    for (const auto& a : ds.areas) add(a.period);
    // And a day inside every month, between the changes.
    for (int y = 1999; y <= 2026; ++y)
        for (int m = 1; m <= 12; ++m) s.insert(Date(y, m, 15));
    return s;
}

bool same(const std::vector<Holder>& a, const std::vector<Holder>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Holder& x, const Holder& y) {
        return x.body == y.body && x.share == y.share && x.basis == y.basis && x.function == y.function &&
               x.via_area == y.via_area && x.delegated_by == y.delegated_by;
    });
}

} // namespace

TEST_CASE("holders tables give the answers of the holders rule on every change day of the shipped data") {
    const Lineage lin = open_image(image_test::shipped_image());
    const Dataset& ds = lin.dataset();
    detail::TextIndex areas(ds.areas.size());
    for (std::size_t i = 0; i < ds.areas.size(); ++i) areas.insert(ds.areas[i].code, static_cast<std::uint32_t>(i));
    const detail::HolderIndex index(ds, areas);
    std::vector<std::uint32_t> functions;
    const auto& all = ds.functions.all();
    for (const char* f : {"commissioning", "commissioning.primary-care.dental", "public-health", "performance-management"})
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i].id == f) functions.push_back(static_cast<std::uint32_t>(i));
    REQUIRE(functions.size() == 4);
    const auto days = change_days(ds);
    REQUIRE(days.size() > 300);
    std::size_t compared = 0, answered = 0;
    for (const Date& d : days)
        for (std::uint32_t a = 0; a < ds.areas.size(); ++a)
            for (const std::uint32_t f : functions)
                for (const HolderMode mode : {HolderMode::exercising, HolderMode::legal}) {
                    const auto direct = index.holders_direct(a, f, d, mode);
                    const auto tabled = index.holders(a, f, d, mode);
                    ++compared;
                    answered += !direct.empty();
                    if (!same(direct, tabled))
                        FAIL_CHECK(ds.areas[a].code << " " << all[f].id << " on " << format_date(d) << ": " << direct.size()
                                                    << " holders worked out, " << tabled.size() << " from the table");
                }
    // Most queries have an answer, so the comparison is not of empty lists.
    CHECK(answered * 2 > compared);
    MESSAGE(compared << " answers compared, " << answered << " not empty");
}
