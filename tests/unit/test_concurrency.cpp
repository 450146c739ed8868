// SPDX-License-Identifier: MIT
// Lineage is immutable once built, so many threads may query one instance at once: each thread's
// answers must equal the single-threaded ones. CI also runs this under ThreadSanitizer
// (scripts/ci-tsan.sh), which reports any data race the comparison alone would miss.
#include <orglineage/lineage.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace orglineage;

namespace {

std::string share_text(const Share& s) {
    if (!s) return "?";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", *s);
    return buf;
}

/// One question, answered as text so that answers compare with ==.
struct Query {
    int kind;
    std::size_t body;
    std::size_t area;
    Date on;
};

std::vector<Query> make_queries(const Lineage& lin) {
    const auto& ds = lin.dataset();
    const std::vector<Date> dates{Date(2004, 1, 1), Date(2007, 6, 1), Date(2012, 1, 1), Date(2014, 6, 1),
                                  Date(2019, 4, 1), Date(2023, 1, 1)};
    std::vector<Query> out;
    for (std::size_t d = 0; d < dates.size(); ++d) {
        for (std::size_t b = d; b < ds.bodies.size(); b += 23)
            for (int kind = 0; kind < 5; ++kind) out.push_back({kind, b, 0, dates[d]});
        for (std::size_t a = d; a < ds.areas.size(); a += 11) out.push_back({5, 0, a, dates[d]});
        out.push_back({6, 0, 0, dates[d]});
        out.push_back({7, 0, 0, dates[d]});
    }
    return out;
}

std::string answer(const Lineage& lin, const Query& q) {
    const auto& ds = lin.dataset();
    std::ostringstream out;
    try {
        switch (q.kind) {
        case 0:
            for (const auto& p : lin.successors(ds.bodies[q.body], q.on, "commissioning"))
                out << p.body->id << '=' << share_text(p.share) << ' ';
            break;
        case 1:
            for (const auto& p : lin.predecessors(ds.bodies[q.body], q.on, "commissioning", Date(2003, 1, 1)))
                out << p.body->id << '=' << share_text(p.share) << ' ';
            break;
        case 2: {
            const auto v = lin.lineage(ds.bodies[q.body]);
            for (const auto* b : v.bodies) out << b->id << ' ';
            out << '|' << v.links.size();
            break;
        }
        case 3:
            for (const auto* g : lin.groups(ds.bodies[q.body], q.on)) out << g->id << ' ';
            for (const auto* m : lin.members(ds.bodies[q.body], q.on)) out << m->id << ' ';
            break;
        case 4: {
            const auto& b = ds.bodies[q.body];
            const auto code = b.last_ods().empty() ? b.id : b.last_ods();
            for (const auto* r : lin.resolve(code, q.on)) out << r->id << ' ';
            const auto n = lin.resolve_nearest(code, q.on);
            out << (n.exact ? "exact" : "nearest");
            break;
        }
        case 5:
            for (const auto& h : lin.holders("commissioning", ds.areas[q.area].code, q.on))
                out << h.body->id << '=' << share_text(h.share) << '/' << h.via_area << ' ';
            for (const auto& h : lin.holders("commissioning.primary-care.dental", ds.areas[q.area].code, q.on,
                                             HolderMode::legal))
                out << h.body->id << ' ';
            break;
        case 6:
            for (const auto* b : lin.snapshot(q.on)) out << b->id << ' ';
            break;
        case 7: {
            const auto d = lin.diff(q.on, q.on + boost::gregorian::days(400));
            out << d.appeared.size() << ' ' << d.ended.size() << ' ' << d.renamed.size();
            break;
        }
        default:
            break;
        }
    } catch (const Error& e) {
        out << "error: " << e.what();
    }
    return out.str();
}

} // namespace

TEST_SUITE("concurrency") {
    TEST_CASE("Lineage answers the same from several threads at once as from one") {
        const auto lin = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
        const auto queries = make_queries(lin);
        REQUIRE(queries.size() > 100);
        std::vector<std::string> expected;
        expected.reserve(queries.size());
        for (const auto& q : queries) expected.push_back(answer(lin, q));

        const unsigned n_threads = std::max(4U, std::thread::hardware_concurrency());
        std::vector<std::vector<std::string>> got(n_threads, std::vector<std::string>(queries.size()));
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < n_threads; ++t) {
            threads.emplace_back([&, t] {
                while (!go.load()) std::this_thread::yield();
                // Each thread walks the questions from its own starting point and stride, so that
                // different threads ask different things at the same moment.
                const std::size_t n = queries.size();
                const std::size_t stride = (t % 2 == 0) ? 1 : n - 1; // forwards or backwards
                std::size_t i = (t * n) / n_threads;
                for (std::size_t k = 0; k < n; ++k, i = (i + stride) % n) got[t][i] = answer(lin, queries[i]);
            });
        }
        go = true;
        for (auto& th : threads) th.join();
        for (unsigned t = 0; t < n_threads; ++t) {
            std::size_t mismatches = 0;
            for (std::size_t i = 0; i < queries.size(); ++i)
                if (got[t][i] != expected[i]) ++mismatches;
            CAPTURE(t);
            CHECK(mismatches == 0);
        }
    }

    TEST_CASE("several threads may each load and query their own Lineage at once") {
        std::vector<std::string> names(3);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < names.size(); ++t)
            threads.emplace_back([&, t] {
                const auto lin = Lineage::load(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
                names[t] = lin.dataset().name + ":" + std::to_string(lin.snapshot(Date(2010, 1, 1)).size());
            });
        for (auto& th : threads) th.join();
        CHECK(names[0] == names[1]);
        CHECK(names[1] == names[2]);
        CHECK(names[0].rfind("toy:", 0) == 0);
    }
}
