// SPDX-License-Identifier: MIT
// orglineage — the ancestors and descendants of one body, following succession in time.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <string_view>

namespace orglineage {

/**
 * The bodies a body came from and the bodies its holdings went to: succession links followed
 * backwards from it (each earlier than the one after it) and forwards from it (each later than the
 * one before it). Unlike Lineage::lineage, which returns everything connected in any direction (in
 * the shipped data, through the NHS Commissioning Board, nearly every body), siblings and cousins
 * are left out, so the picture stays readable.
 * With `function`, only links carrying it (or a part of it, or a function containing it) are followed.
 * @throws LookupError for an unknown function
 */
[[nodiscard]] ORGLINEAGE_API LineageView ancestry(const Lineage& lineage, const Body& body, std::string_view function = {});

} // namespace orglineage
