// SPDX-License-Identifier: MIT
// libFuzzer target: the compiled-image reader. The first byte picks the mode: even, the rest is
// opened as it is (the header, table and checksum checks); odd, its checksums are recomputed first
// (detail::reseal_image), so that changed bytes reach the section decoders and the reference
// checks. Opened images are queried a little. Only orglineage::Error may escape; nothing may be
// read out of bounds (ASan). Seeds: images of the toy datasets, written by fuzz_image_seed.
// Keep crashers in tests/fuzz_regressions/image/.
#include "image/format.hpp"

#include <orglineage/lineage.hpp>
#include <orglineage/small_areas.hpp>

#include <memory>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orglineage;
    if (size == 0) return 0;
    std::vector<unsigned char> bytes(data + 1, data + size);
    if (data[0] & 1) detail::reseal_image(bytes);
    try {
        const Lineage lin =
            detail::open_checked(detail::check_image(std::make_unique<detail::MappedFile>(std::move(bytes)), "fuzz"));
        const Date on(2015, 7, 1);
        for (const Body* b : lin.snapshot(on)) {
            (void)lin.successors(*b, Date(2023, 1, 1), "commissioning");
            (void)lin.groups(*b, on);
        }
        for (const auto& a : lin.dataset().areas) (void)lin.holders("commissioning", a.code, on);
        const auto sa = SmallAreas::load(lin);
        (void)sa.holders("commissioning", "E01000001", on);
    } catch (const Error&) {
    }
    return 0;
}
