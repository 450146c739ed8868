// SPDX-License-Identifier: MIT
// Internal: what the library's other stages may know of a Lineage beyond its public API — the
// compiled image it was opened from (kept mapped while the Lineage lives; small areas read it).
#pragma once

#include <orglineage/lineage.hpp>

#include <memory>

namespace orglineage::detail {

struct CompiledImage;

struct LineageAccess {
    /// A Lineage over a dataset that was checked when it was compiled (an image's, whose checksum
    /// and references are verified instead): the checking pass is not run twice.
    [[nodiscard]] static Lineage checked(Dataset ds);
    static void attach(Lineage& lin, std::shared_ptr<const CompiledImage> image);
    /// The image the Lineage was opened from, or nullptr when it was read from the sources.
    [[nodiscard]] static const CompiledImage* image(const Lineage& lin) noexcept;
};

} // namespace orglineage::detail
