// SPDX-License-Identifier: MIT
// Successors latency on the shipped data, and the same graph and queries for the networkx
// baseline (bench/networkx_successors.py); bench/succession.sh runs both and prints the ratio.
//   orglineage_bench_succession DATA N PREFIX
// writes PREFIX.{periods,holds,edges,queries}.csv and prints median/p99 and a checksum of the
// answers, which the baseline prints too (same answers, same checksum).
#include <orglineage/orglineage.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace orglineage;

namespace {

std::string end_of(const Period& p) { return p.until ? format_date(*p.until) : "9999-12-31"; }

void export_graph(const Lineage& lin, const std::string& prefix) {
    const auto& ds = lin.dataset();
    std::ofstream periods(prefix + ".periods.csv"), holds(prefix + ".holds.csv"), edges(prefix + ".edges.csv");
    periods << "body,from,until\n";
    holds << "body,from,until\n";
    for (const auto& b : ds.bodies) {
        periods << b.id << ',' << format_date(b.period.from) << ',' << end_of(b.period) << '\n';
        for (const auto& h : b.holdings)
            if (ds.functions.includes(h.function, "commissioning"))
                holds << b.id << ',' << format_date(h.period.from) << ',' << end_of(h.period) << '\n';
    }
    // One row per link carrying commissioning, with how specifically it does.
    edges << "event,date,from,to,share,specificity\n";
    for (std::size_t e = 0; e < ds.events.size(); ++e)
        for (const auto& l : ds.events[e].links) {
            int spec = l.functions.empty() ? 0 : -1;
            for (const auto& f : l.functions)
                if (ds.functions.includes(f, "commissioning")) spec = std::max(spec, ds.functions.depth(f));
            if (spec < 0) continue;
            char share[32] = "";
            if (l.share) std::snprintf(share, sizeof share, "%.17g", *l.share);
            edges << e << ',' << format_date(ds.events[e].date) << ',' << l.from << ',' << l.to << ',' << share << ','
                  << spec << '\n';
        }
}

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 4) {
        std::cerr << "usage: orglineage_bench_succession DATA N PREFIX\n";
        return 2;
    }
    const Lineage lin = Lineage::load(argv[1]);
    const std::size_t n = std::stoul(argv[2]);
    const std::string prefix = argv[3];
    const auto& ds = lin.dataset();
    std::vector<const Body*> holders;
    for (const auto& b : ds.bodies)
        if (std::any_of(b.holdings.begin(), b.holdings.end(),
                        [&](const Holding& h) { return ds.functions.includes(h.function, "commissioning"); }))
            holders.push_back(&b);
    std::mt19937_64 rng(42);
    const Date last(2026, 6, 30);
    std::vector<std::pair<const Body*, Date>> qs(n);
    for (auto& q : qs) {
        const Body* b = holders[rng() % holders.size()];
        const long span = (last - b->period.from).days();
        q = {b, b->period.from + boost::gregorian::days(static_cast<long>(rng() % static_cast<unsigned long>(span + 1)))};
    }
    using Clock = std::chrono::steady_clock;
    std::vector<double> ns(n);
    std::size_t portions = 0, unknown = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto t0 = Clock::now();
        const auto r = lin.successors(*qs[i].first, qs[i].second, "commissioning");
        const auto t1 = Clock::now();
        ns[i] = std::chrono::duration<double, std::nano>(t1 - t0).count();
        portions += r.size();
        for (const auto& p : r) p.share ? void(sum += *p.share) : void(++unknown);
    }
    std::sort(ns.begin(), ns.end());
    std::printf("orglineage successors queries=%zu median_ns=%.0f p99_ns=%.0f portions=%zu unknown=%zu share_sum=%.4f\n",
                n, ns[n / 2], ns[n * 99 / 100], portions, unknown, sum);
    export_graph(lin, prefix);
    std::ofstream q(prefix + ".queries.csv");
    q << "body,date\n";
    for (const auto& [b, d] : qs) q << b->id << ',' << format_date(d) << '\n';
    return 0;
}
