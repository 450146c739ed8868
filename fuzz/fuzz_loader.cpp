// SPDX-License-Identifier: MIT
// libFuzzer target: the input is one data file of a dataset with a fixed manifest. Loading,
// validating and building the graph may fail only with orglineage::Error; anything else escaping
// (or a sanitizer report, a hang, a crash) is a bug. Keep crashers in tests/fuzz_regressions/loader/.
#include "fuzz_common.hpp"

#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orglineage;
    static const bool ready = [] {
        fuzz::write_file(fuzz::scratch_dir() / "dataset.yaml", fuzz::k_manifest);
        return true;
    }();
    (void)ready;
    fuzz::write_file(fuzz::scratch_dir() / "data.yaml", data, size);
    try {
        const auto lineage = Lineage::load(fuzz::scratch_dir().string());
        // A dataset that loads must answer questions without throwing anything but Error.
        for (const auto& b : lineage.dataset().bodies) {
            (void)lineage.successors(b, b.period.from, "commissioning");
            (void)lineage.predecessors(b, b.period.from, "commissioning");
            (void)lineage.lineage(b);
        }
        for (const auto& a : lineage.dataset().areas) (void)lineage.holders("commissioning", a.code, a.period.from);
    } catch (const Error&) {
    }
    try {
        (void)validate_directory(fuzz::scratch_dir().string());
    } catch (const Error&) {
    }
    return 0;
}
