// SPDX-License-Identifier: MIT
// orglineage — the parts of a `who` answer shared by its files. Internal to src/answers.
#pragma once

#include <orglineage/area_history.hpp>
#include <orglineage/ask.hpp>

#include <optional>

namespace orglineage::answers {

/// Writes how a place's answer was derived into a query block: `basis`, `notes` and, for an area
/// out of force, its territory's parts.
void describe_place(const PlaceAnswer& answer, Value& query);

/**
 * The answer for an LSOA code or a postcode (`question.postcode` with its file); nothing for
 * anything else (an area, which `who` answers itself).
 * @throws Unanswerable for an unknown postcode or LSOA, a postcode outside England, a bad postcode file
 */
[[nodiscard]] std::optional<Answer> who_small_area(const Answers& answers, const WhoQuestion& question, const Date& on);

/// With `population`: rewrites the `share`/`basis` of a local authority's rows with its LSOAs'
/// population shares (adding bodies the LSOAs show and the rows lack), and says so in the query.
void population_shares(const Answers& answers, const std::string& lad, const Date& on, const std::string& function,
                       Answer& out);

} // namespace orglineage::answers
