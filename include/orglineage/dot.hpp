// SPDX-License-Identifier: MIT
// orglineage — a lineage view as a Graphviz picture.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <iosfwd>

namespace orglineage {

/**
 * Writes a lineage view as a Graphviz `digraph`, laid out left to right by time: bodies as boxes
 * labelled with name, codes and dates, filled by kind (a legend lists the kinds shown); edges from
 * predecessor to successor labelled with the event kind, its date, the share passed (when not the
 * whole: a percentage is the share of the predecessor that passed) and the functions (when the link
 * carries only some: a dashed arrow). A deduced link is dotted and grey, an announced one red. The
 * asked body has a thick border; a legend explains the kinds, the arrows and the numbers.
 *
 * ```
 * auto lin = orglineage::Lineage::load("data/nhs-england");
 * orglineage::write_dot(std::cout, lin, lin.lineage(lin.at("pct/5QP")));
 * ```
 * Render with `dot -Tsvg lineage.dot -o lineage.svg`.
 */
ORGLINEAGE_API void write_dot(std::ostream& out, const Lineage& lineage, const LineageView& view);

} // namespace orglineage
