// SPDX-License-Identifier: MIT
// libFuzzer target: the input is the manifest (dataset.yaml) of a dataset with no other file.
// Only orglineage::Error may escape. Keep crashers in tests/fuzz_regressions/manifest/.
#include "fuzz_common.hpp"

#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orglineage;
    const auto dir = fuzz::scratch_dir().parent_path() / "manifest";
    static const bool ready = [&] {
        std::filesystem::create_directories(dir);
        return true;
    }();
    (void)ready;
    fuzz::write_file(dir / "dataset.yaml", data, size);
    try {
        const auto lineage = Lineage::load(dir.string());
        for (const auto& b : lineage.dataset().bodies) (void)lineage.successors(b, b.period.from, "commissioning");
    } catch (const Error&) {
    }
    return 0;
}
