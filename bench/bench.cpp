// SPDX-License-Identifier: MIT
/*
 * orglineage_bench — the C++ side of the benchmarks (bench/run.sh drives it; see bench/RESULTS.md).
 *
 *   orglineage_bench queries DATA N PREFIX   N random resolve/holders/successors queries: median, p99;
 *                                            writes PREFIX.{codes,edges,holds,queries}.csv for networkx
 *   orglineage_bench gencsv DATA ROWS OUT    a CSV of figures drawn from the dataset's real codes and
 *                                            dates 2003-2024 (about 1% bad rows of every kind)
 *   orglineage_bench lookup DATA TO OUT      the crosswalk table an analyst would merge on (pandas)
 *   orglineage_bench load DIR [REPEAT]       load and build time of a dataset directory
 */
#include <orglineage/crosswalk.hpp>
#include <orglineage/orglineage.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace orglineage;
using Clock = std::chrono::steady_clock;

namespace {

long max_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

const Date k_first(2003, 1, 1);
const Date k_last(2024, 6, 30);

Date random_date(std::mt19937_64& rng, Date lo, Date hi) {
    if (hi < lo) return lo;
    std::uniform_int_distribution<long> d(0, (hi - lo).days());
    return lo + boost::gregorian::days(d(rng));
}

struct Stats {
    double median, p99, mean;
};

Stats stats(std::vector<double>& ns) {
    std::sort(ns.begin(), ns.end());
    double sum = 0;
    for (double x : ns) sum += x;
    return {ns[ns.size() / 2], ns[ns.size() * 99 / 100], sum / static_cast<double>(ns.size())};
}

/// The cost of reading the clock twice, to subtract from each timed query.
double clock_overhead() {
    std::vector<double> v(100000);
    for (auto& x : v) {
        const auto a = Clock::now();
        const auto b = Clock::now();
        x = std::chrono::duration<double, std::nano>(b - a).count();
    }
    return stats(v).median;
}

template <class F> Stats time_each(std::size_t n, double overhead, F&& f) {
    std::vector<double> ns(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto a = Clock::now();
        f(i);
        const auto b = Clock::now();
        ns[i] = std::max(0.0, std::chrono::duration<double, std::nano>(b - a).count() - overhead);
    }
    return stats(ns);
}

std::string period_end(const Period& p) { return p.until ? format_date(*p.until) : "9999-12-31"; }

int queries(const std::string& data, std::size_t n, const std::string& prefix) {
    auto t = Clock::now();
    const Lineage lin = Lineage::load(data);
    std::cerr << "loaded in " << ms_since(t) << " ms\n";
    const auto& ds = lin.dataset();
    std::mt19937_64 rng(42);
    struct CodeQ {
        std::string code;
        Date on;
    };
    std::vector<CodeQ> cq(n);
    std::vector<std::pair<const Area*, Date>> aq(n);
    std::vector<std::pair<const Body*, Date>> sq(n);
    std::vector<std::pair<std::string, Period>> codes;
    for (const auto& b : ds.bodies)
        for (const auto& c : b.ods) codes.push_back({c.value, c.period});
    std::vector<const Body*> holders_of;
    for (const auto& b : ds.bodies)
        for (const auto& h : b.holdings)
            if (ds.functions.includes(h.function, "commissioning")) {
                holders_of.push_back(&b);
                break;
            }
    std::vector<const Area*> areas;
    for (const auto& a : ds.areas)
        if (a.kind.rfind("la-", 0) == 0) areas.push_back(&a);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = codes[rng() % codes.size()];
        // three in four queries ask on a date the code was in use, as real look-ups mostly do
        const Date lo = std::max(k_first, c.second.from);
        const Date hi = c.second.until ? std::min(k_last, *c.second.until - boost::gregorian::days(1)) : k_last;
        cq[i] = {c.first, rng() % 4 ? random_date(rng, lo, hi) : random_date(rng, k_first, k_last)};
        const Area* a = areas[rng() % areas.size()];
        const Date alo = std::max(k_first, a->period.from);
        const Date ahi = a->period.until ? std::min(k_last, *a->period.until - boost::gregorian::days(1)) : k_last;
        aq[i] = {a, random_date(rng, alo, ahi)};
        const Body* b = holders_of[rng() % holders_of.size()];
        sq[i] = {b, random_date(rng, std::max(k_first, b->period.from), k_last)};
    }
    const double oh = clock_overhead();
    std::size_t sink = 0;
    const Stats r = time_each(n, oh, [&](std::size_t i) { sink += lin.resolve(cq[i].code, cq[i].on).size(); });
    const std::size_t resolved = sink;
    const Stats h = time_each(n, oh, [&](std::size_t i) {
        sink += lin.holders("commissioning", aq[i].first->code, aq[i].second).size();
    });
    std::size_t portions = 0;
    const Stats s = time_each(n, oh, [&](std::size_t i) {
        portions += lin.successors(*sq[i].first, sq[i].second, "commissioning").size();
    });
    std::printf("queries=%zu clock_overhead_ns=%.1f (subtracted)\n", n, oh);
    std::printf("resolve     median_ns=%.0f p99_ns=%.0f mean_ns=%.0f\n", r.median, r.p99, r.mean);
    std::printf("holders     median_ns=%.0f p99_ns=%.0f mean_ns=%.0f\n", h.median, h.p99, h.mean);
    std::printf("successors  median_ns=%.0f p99_ns=%.0f mean_ns=%.0f\n", s.median, s.p99, s.mean);
    std::printf("resolve_results=%zu successors_results=%zu sink=%zu max_rss_mib=%ld\n", resolved, portions, sink,
                max_rss_mib());
    if (prefix.empty()) return 0;
    // The same graph and the same queries for the networkx baseline.
    std::ofstream codes_out(prefix + ".codes.csv"), edges(prefix + ".edges.csv"), holds(prefix + ".holds.csv"),
        qs(prefix + ".queries.csv");
    codes_out << "code,body,from,until\n";
    for (const auto& b : ds.bodies) {
        codes_out << b.id << ',' << b.id << ',' << format_date(b.period.from) << ',' << period_end(b.period) << '\n';
        for (const auto& c : b.ods)
            codes_out << c.value << ',' << b.id << ',' << format_date(c.period.from) << ',' << period_end(c.period) << '\n';
        for (const auto& c : b.ons)
            codes_out << c.value << ',' << b.id << ',' << format_date(c.period.from) << ',' << period_end(c.period) << '\n';
    }
    // One row per link carrying commissioning, with how specifically it does (as the library decides).
    edges << "event,date,from,to,share,specificity\n";
    for (std::size_t e = 0; e < ds.events.size(); ++e)
        for (const auto& l : ds.events[e].links) {
            int spec = l.functions.empty() ? 0 : -1;
            for (const auto& f : l.functions)
                if (ds.functions.includes(f, "commissioning")) spec = std::max(spec, ds.functions.depth(f));
            if (spec < 0) continue;
            edges << e << ',' << format_date(ds.events[e].date) << ',' << l.from << ',' << l.to << ','
                  << (l.share ? std::to_string(*l.share) : "") << ',' << spec << '\n';
        }
    holds << "body,from,until\n";
    for (const auto& b : ds.bodies)
        for (const auto& hd : b.holdings)
            if (ds.functions.includes(hd.function, "commissioning"))
                holds << b.id << ',' << format_date(hd.period.from) << ',' << period_end(hd.period) << '\n';
    qs << "kind,arg,date\n";
    for (std::size_t i = 0; i < n; ++i) qs << "resolve," << cq[i].code << ',' << format_date(cq[i].on) << '\n';
    for (std::size_t i = 0; i < n; ++i)
        qs << "successors," << sq[i].first->id << ',' << format_date(sq[i].second) << '\n';
    return 0;
}

int gencsv(const std::string& data, std::size_t rows, const std::string& out_path) {
    const Lineage lin = Lineage::load(data);
    std::vector<std::pair<std::string, Period>> codes;
    for (const auto& b : lin.dataset().bodies)
        for (const auto& c : b.ods)
            if (c.period.overlaps(Period{k_first, k_last}) && lin.holds(b, "commissioning", std::max(k_first, c.period.from)))
                codes.push_back({c.value, c.period});
    std::mt19937_64 rng(7);
    std::FILE* f = std::fopen(out_path.c_str(), "wb");
    if (!f) return 2;
    std::string buf = "org_code,period,activity,spend\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const auto& c = codes[rng() % codes.size()];
        const Date lo = std::max(k_first, c.second.from);
        const Date hi = c.second.until ? std::min(k_last, *c.second.until - boost::gregorian::days(1)) : k_last;
        // monthly figures: the first of a month in the code's period
        Date d = random_date(rng, lo, hi);
        d = Date(d.year(), d.month(), 1);
        if (d < lo) d = lo;
        const unsigned roll = static_cast<unsigned>(rng() % 1000);
        std::string code = c.first, date = format_date(d);
        if (roll == 0) code = "XXX";          // unknown code
        else if (roll == 1) date = "2010-02-30"; // bad date
        else if (roll == 2) code = "";        // missing code
        buf += code;
        buf += ',';
        buf += date;
        buf += ',';
        buf += std::to_string(rng() % 10000);
        buf += ',';
        buf += roll == 3 ? "n/a" : std::to_string(static_cast<double>(rng() % 10000000) / 100.0);
        buf += '\n';
        if (buf.size() > (1 << 20)) {
            std::fwrite(buf.data(), 1, buf.size(), f);
            buf.clear();
        }
    }
    std::fwrite(buf.data(), 1, buf.size(), f);
    std::fclose(f);
    std::cerr << codes.size() << " codes\n";
    return 0;
}

int lookup(const std::string& data, const std::string& to_text, const std::string& out_path) {
    const Lineage lin = Lineage::load(data);
    const Date to = *parse_date(to_text);
    std::ofstream out(out_path);
    out << "org_code,valid_from,valid_until,target,weight\n";
    std::size_t n = 0;
    for (const auto& b : lin.dataset().bodies) {
        // Buckets between the dates of the body's own outgoing links: the weights differ in each.
        std::vector<Date> cuts{b.period.from};
        for (const auto& l : lin.links_of(b, true))
            if (b.period.contains(l.event->date)) cuts.push_back(l.event->date);
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (std::size_t k = 0; k < cuts.size(); ++k) {
            if (cuts[k] > to) break;
            const Date bucket_end = k + 1 < cuts.size() ? cuts[k + 1] : (b.period.until ? *b.period.until : Date(9999, 12, 31));
            const auto row = crosswalk_row(lin, b, cuts[k], to, {});
            if (!row.complete) continue; // an analyst's table has no line for what cannot be apportioned
            for (const auto& c : b.ods) {
                const Date from = std::max(c.period.from, cuts[k]);
                const Date until = std::min(c.period.until ? *c.period.until : Date(9999, 12, 31), bucket_end);
                if (!(from < until)) continue;
                for (const auto& w : row.weights) {
                    out << c.value << ',' << format_date(from) << ',' << format_date(until) << ',' << w.target->id
                        << ',' << *w.weight / row.sum << '\n';
                    ++n;
                }
            }
        }
    }
    std::cerr << n << " lookup rows\n";
    return 0;
}

int load(const std::string& dir, int repeat) {
    std::vector<double> ms;
    std::size_t bodies = 0, events = 0;
    for (int i = 0; i < repeat; ++i) {
        const auto t = Clock::now();
        const Lineage lin = Lineage::load(dir);
        ms.push_back(ms_since(t));
        bodies = lin.dataset().bodies.size();
        events = lin.dataset().events.size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("dir=%s bodies=%zu events=%zu load_build_ms_min=%.1f load_build_ms_median=%.1f max_rss_mib=%ld\n",
                dir.c_str(), bodies, events, ms.front(), ms[ms.size() / 2], max_rss_mib());
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    try {
        if (a.size() >= 3 && a[0] == "queries") return queries(a[1], std::stoul(a[2]), a.size() > 3 ? a[3] : "");
        if (a.size() == 4 && a[0] == "gencsv") return gencsv(a[1], std::stoul(a[2]), a[3]);
        if (a.size() == 4 && a[0] == "lookup") return lookup(a[1], a[2], a[3]);
        if (a.size() >= 2 && a[0] == "load") return load(a[1], a.size() > 2 ? std::stoi(a[2]) : 1);
    } catch (const Error& e) {
        std::cerr << "orglineage_bench: " << e.what() << '\n';
        return 3;
    }
    std::cerr << "usage: orglineage_bench queries DATA N [PREFIX] | gencsv DATA ROWS OUT | lookup DATA TO OUT | "
                 "load DIR [REPEAT]\n";
    return 2;
}
