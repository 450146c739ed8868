// SPDX-License-Identifier: MIT
// Replays every saved fuzz input (tests/fuzz_regressions/) as its fuzz target ran it: nothing but
// orglineage::Error may come out, and nothing may crash (the sanitizer build runs this too), and
// each input is done within the time the fuzzers allow one (-timeout=2), measured in CPU time so
// that a loaded machine does not fail it: a hang comes back as a failure, not a stuck suite.
#include "../../fuzz/fuzz_common.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>
#include <orglineage/remap.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace orglineage;
namespace fs = std::filesystem;

namespace {

const fs::path k_regressions = fs::path(ORGLINEAGE_TEST_DATA_DIR) / ".." / "fuzz_regressions";

std::vector<fs::path> inputs(const char* target) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(k_regressions / target, ec))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// The most CPU time one saved input may take (the fuzz runs' -timeout=2).
constexpr double k_seconds_per_input = 2.0;

/// CPU seconds of this process since `from` (std::clock()).
double cpu_seconds_since(std::clock_t from) { return static_cast<double>(std::clock() - from) / CLOCKS_PER_SEC; }

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A scratch dataset directory for this test run.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("orglineage-fuzz-replay-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
};

/// Loads the dataset and asks it questions; returns "" or the Error's message.
std::string load_and_query(const fs::path& dir) {
    try {
        const auto lin = Lineage::load(dir.string());
        for (const auto& b : lin.dataset().bodies) {
            (void)lin.successors(b, b.period.from, "commissioning");
            (void)lin.predecessors(b, b.period.from, "commissioning");
            (void)lin.lineage(b);
        }
        for (const auto& a : lin.dataset().areas) (void)lin.holders("commissioning", a.code, a.period.from);
        (void)validate_directory(dir.string());
        return {};
    } catch (const Error& e) {
        return e.what();
    }
}

} // namespace

TEST_SUITE("fuzz regressions") {
    TEST_CASE("saved loader inputs give a dataset or an orglineage::Error, nothing else") {
        Scratch s;
        fuzz::write_file(s.dir / "dataset.yaml", fuzz::k_manifest);
        const auto files = inputs("loader");
        CHECK_FALSE(files.empty());
        for (const auto& f : files) {
            CAPTURE(f.filename().string());
            fuzz::write_file(s.dir / "data.yaml", read(f));
            const std::clock_t start = std::clock();
            CHECK_NOTHROW((void)load_and_query(s.dir));
            CHECK(cpu_seconds_since(start) < k_seconds_per_input);
        }
    }

    TEST_CASE("saved manifest inputs give a dataset or an orglineage::Error, nothing else") {
        Scratch s;
        for (const auto& f : inputs("manifest")) {
            CAPTURE(f.filename().string());
            fuzz::write_file(s.dir / "dataset.yaml", read(f));
            const std::clock_t start = std::clock();
            CHECK_NOTHROW((void)load_and_query(s.dir));
            CHECK(cpu_seconds_since(start) < k_seconds_per_input);
        }
    }

    TEST_CASE("saved CSV inputs are read and remapped, or rejected with an orglineage::Error") {
        const auto toy = Lineage::load(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
        const auto files = inputs("csv");
        CHECK_FALSE(files.empty());
        for (const auto& f : files) {
            CAPTURE(f.filename().string());
            const auto text = read(f);
            const std::clock_t start = std::clock();
            std::istringstream in(text);
            CsvReader reader(in, ',', 256);
            CsvRecord record;
            std::int64_t last = 0;
            while (reader.next(record)) {
                CHECK(record.line >= last);
                last = record.line;
            }
            for (int variant = 0; variant < 4; ++variant) {
                std::istringstream rin(text);
                std::ostringstream out;
                RemapOptions o;
                o.code_column = "code";
                o.date_column = "date";
                o.value_columns = {"value"};
                o.to = Date(2022, 7, 1);
                o.aggregate = variant % 2 == 0;
                o.nearest = variant >= 2;
                try {
                    (void)remap(toy, rin, out, o, [](const Reject&) {});
                } catch (const Error&) {
                }
            }
            CHECK(cpu_seconds_since(start) < k_seconds_per_input);
        }
    }
}
