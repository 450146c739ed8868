// SPDX-License-Identifier: MIT
// Internal: the cycle check of the checking pass.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace orglineage::detail {

/// The index of a body in a cycle of succession links, or nothing. `edges` are (from, to) pairs.
std::optional<std::size_t> find_cycle(std::size_t vertices,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& edges);

} // namespace orglineage::detail
