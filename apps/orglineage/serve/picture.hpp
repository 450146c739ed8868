// SPDX-License-Identifier: MIT
// orglineage serve — a Graphviz picture drawn by Graphviz's `dot`, as SVG.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace orglineage::serve {

/**
 * Draws a `digraph` with `dot -Tsvg` (found on the PATH) and returns the SVG; nullopt, with the
 * reason in `error`, when dot cannot be run, fails, or takes longer than `limit` (it is killed).
 * The DOT text goes in on dot's standard input: no file is read or written.
 */
[[nodiscard]] std::optional<std::string> draw_svg(const std::string& dot, std::string& error,
                                                  std::chrono::milliseconds limit = std::chrono::seconds(10));

} // namespace orglineage::serve
