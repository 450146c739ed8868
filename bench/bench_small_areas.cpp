// SPDX-License-Identifier: MIT
// bench_small_areas [DATA_DIR]: loading the LSOA tables and LSOA query latency, as ratios against the
// load of the shipped dataset (so the figures mean the same on a slower machine).
#include <orglineage/orglineage.hpp>
#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

/// Resident memory in MB (Linux), 0 elsewhere.
double rss_mb() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        std::getline(in, key);
    }
    return 0;
}

template <class F> double best_of(int runs, F&& f) {
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        f();
        best = std::min(best, seconds_since(t));
    }
    return best;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const std::string dir = argc > 1 ? argv[1] : ORGLINEAGE_BENCH_DATA_DIR;
        const int runs = 3;
        const double t_dataset = best_of(runs, [&] { (void)orglineage::Lineage::load(dir); });
        const auto lin = orglineage::Lineage::load(dir);

        const double rss0 = rss_mb();
        std::unique_ptr<orglineage::SmallAreas> keep;
        const double t_small = best_of(runs, [&] {
            keep.reset();
            keep = std::make_unique<orglineage::SmallAreas>(orglineage::SmallAreas::load(lin));
        });
        const double rss1 = rss_mb();
        const auto& sa = *keep;

        // Queries: every 7th LSOA of the 2011 set on dates across sourced and derived periods.
        std::vector<std::string> lsoas;
        for (int i = 1000001; i <= 1033768; i += 7) {
            const std::string code = "E0" + std::to_string(i);
            if (sa.is_lsoa(code)) lsoas.push_back(code);
        }
        std::vector<orglineage::Date> dates;
        for (const char* d : {"2014-06-01", "2016-06-01", "2019-06-01", "2021-06-01", "2022-08-01",
                              "2023-06-01", "2024-06-01"})
            dates.push_back(*orglineage::parse_date(d));
        std::size_t n = 0, found = 0;
        const double t_query = best_of(runs, [&] {
            n = found = 0;
            for (const auto& d : dates)
                for (const auto& l : lsoas) {
                    found += sa.holders("commissioning", l, d).holders.size();
                    ++n;
                }
        });
        const double per_query = t_query / static_cast<double>(n);

        const auto lad_date = *orglineage::parse_date("2019-06-01");
        const double t_lad = best_of(runs, [&] { (void)sa.lad_shares("commissioning", "E06000049", lad_date); });

        std::printf("dataset load (Lineage::load):         %9.3f s   (= 1)\n", t_dataset);
        std::printf("LSOA tables load + index (SmallAreas): %9.3f s   ratio %.3f of the dataset load\n", t_small,
                    t_small / t_dataset);
        std::printf("  memory of the index:                 %9.1f MB  (RSS growth; %zu + %zu LSOAs)\n",
                    rss1 - rss0, sa.lsoa_count(2011), sa.lsoa_count(2021));
        std::printf("LSOA query holders():                  %9.1f ns  ratio %.2e of the dataset load (%zu queries, %zu answers)\n",
                    per_query * 1e9, per_query / t_dataset, n, found);
        std::printf("LAD population shares (Cheshire East): %9.1f us  ratio %.2e of the dataset load\n",
                    t_lad * 1e6, t_lad / t_dataset);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_small_areas: " << e.what() << '\n';
        return 1;
    }
}
