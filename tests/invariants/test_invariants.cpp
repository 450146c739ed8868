// SPDX-License-Identifier: MIT
// Invariants of succession over the whole shipped dataset, for every body and every 1 April and
// 1 October from 2002: shares sum to 1 or the answer says why not; crosswalk rows are successors;
// predecessors back to a date are the inverse of successors since it; holders partition every
// area the dataset claims complete.
#include "shipped.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <utility>

using namespace orglineage;
using invariants::grid;
using invariants::shipped;

namespace {

constexpr double k_tol = 1e-6;
const char* const k_functions[] = {"commissioning", "public-health"};

/// The shares of an answer, checked against what it says about itself.
void check_answer(const Succession& s) {
    double known = 0.0;
    bool unknown = false;
    for (const auto& p : s.portions) {
        if (p.share) known += *p.share;
        else unknown = true;
    }
    switch (s.gap) {
    case SuccessionGap::none:
        CHECK_FALSE(unknown);
        CHECK(std::fabs(known - 1.0) <= k_tol);
        break;
    case SuccessionGap::ended:
        CHECK_FALSE(unknown);
        REQUIRE(s.ended.has_value());
        CHECK(*s.ended > 0.0);
        CHECK(std::fabs(known + *s.ended - 1.0) <= k_tol);
        break;
    case SuccessionGap::unknown_share:
        CHECK((unknown || !s.ended));
        CHECK(known <= 1.0 + k_tol);
        break;
    case SuccessionGap::not_active:
    case SuccessionGap::not_held:
    case SuccessionGap::not_yet: CHECK(s.portions.empty()); break;
    }
}

bool same(const Share& a, const Share& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || std::fabs(*a - *b) <= 1e-12;
}

} // namespace

TEST_SUITE("invariants") {

TEST_CASE("successors' shares sum to 1, or the answer says why not, for every body and date") {
    std::size_t answers = 0, complete = 0;
    for (const char* f : k_functions)
        for (const auto& b : shipped().dataset().bodies)
            for (const Date& on : grid()) {
                const auto s = shipped().succession(b, on, f);
                CAPTURE(b.id);
                CAPTURE(format_date(on));
                CAPTURE(f);
                check_answer(s);
                ++answers;
                if (s.gap == SuccessionGap::none) ++complete;
            }
    MESSAGE(answers << " answers, " << complete << " complete");
    CHECK(complete > answers / 10);
}

TEST_CASE("crosswalk rows are successors since the row date, row for row") {
    const auto& dates = grid();
    CrosswalkOptions o;
    for (std::size_t i = 0; i < dates.size(); i += 3)
        for (std::size_t j = i; j < dates.size(); j += 2) {
            const auto cw = Crosswalk::build(shipped(), dates[i], dates[j], o);
            for (const auto& row : cw.rows()) {
                const auto s = shipped().successors(*row.body, dates[j], o.function, dates[i]);
                CAPTURE(row.body->id);
                CAPTURE(format_date(dates[i]));
                CAPTURE(format_date(dates[j]));
                REQUIRE(row.weights.size() == s.size());
                for (const auto& p : s) {
                    const auto w = cw.weight(*row.body, *p.body);
                    CHECK(same(w, p.share));
                }
            }
        }
}

TEST_CASE("predecessors back to a date are the inverse of successors since it") {
    const auto& dates = grid();
    const auto& ds = shipped().dataset();
    std::size_t pairs = 0;
    for (const char* f : k_functions)
        for (std::size_t i = 0; i < dates.size(); i += 2)
            for (std::size_t j = i + 1; j < dates.size(); j += 3) {
                const Date back_to = dates[i], on = dates[j];
                // successors(P, on, f, back_to), transposed: target -> (source -> share).
                std::map<const Body*, std::map<const Body*, Share>> into;
                for (const Body* p : shipped().snapshot(back_to))
                    for (const auto& portion : shipped().successors(*p, on, f, back_to))
                        into[portion.body][p] = portion.share;
                for (const auto& b : ds.bodies) {
                    if (!b.period.contains(on)) continue;
                    const auto preds = shipped().predecessors(b, on, f, back_to);
                    CAPTURE(b.id);
                    CAPTURE(format_date(back_to));
                    CAPTURE(format_date(on));
                    const auto& expected = into[&b];
                    REQUIRE(preds.size() == expected.size());
                    for (const auto& p : preds) {
                        REQUIRE(expected.count(p.body) == 1);
                        CHECK(same(p.share, expected.at(p.body)));
                        ++pairs;
                    }
                }
            }
    MESSAGE(pairs << " predecessor shares checked");
    CHECK(pairs > 1000);
}

TEST_CASE("every predecessor's parts add up to at most the whole of it") {
    const auto& dates = grid();
    for (std::size_t i = 0; i < dates.size(); i += 4)
        for (std::size_t j = i + 1; j < dates.size(); j += 5) {
            std::map<const Body*, double> given;
            for (const auto& b : shipped().snapshot(dates[j]))
                for (const auto& p : shipped().predecessors(*b, dates[j], "commissioning", dates[i]))
                    if (p.share) given[p.body] += *p.share;
            for (const auto& [body, sum] : given) {
                const std::string& id = body->id; // clang 14 cannot capture a structured binding
                CAPTURE(id);
                CHECK(sum <= 1.0 + k_tol);
            }
        }
}

TEST_CASE("holders' shares sum to 1 for every area and date under a completeness claim") {
    const auto& ds = shipped().dataset();
    std::size_t checked = 0;
    for (const auto& claim : ds.claims)
        for (const Date& on : grid()) {
            if (!claim.period.contains(on)) continue;
            for (const auto& a : ds.areas) {
                if (!a.period.contains(on)) continue;
                if (std::find(claim.area_kinds.begin(), claim.area_kinds.end(), a.kind) == claim.area_kinds.end())
                    continue;
                const auto hs = shipped().holders(claim.function, a.code, on);
                double sum = 0.0;
                bool known = true;
                for (const auto& h : hs) {
                    if (h.share) sum += *h.share;
                    else known = false;
                }
                CAPTURE(a.code);
                CAPTURE(format_date(on));
                CAPTURE(claim.function);
                CHECK_FALSE(hs.empty());
                if (known) CHECK(std::fabs(sum - 1.0) <= k_tol);
                ++checked;
            }
        }
    MESSAGE(checked << " area-days under a claim");
    CHECK(checked > 0);
}

} // TEST_SUITE
