// SPDX-License-Identifier: MIT
// orglineage CLI — small areas for `who`: --area LSOA, --postcode PC --postcode-file F, --population.
#pragma once

#include "../cli.hpp"

#include <orglineage/area_history.hpp>

#include <string>

namespace orglineage::cli {

/// The options small areas add to `who`.
struct SmallAreaOptions {
    std::string postcode;
    std::string postcode_file;
    bool population = false;
};

/// Adds --postcode, --postcode-file and --population to the `who` command.
void add_small_area_options(CLI::App& who, SmallAreaOptions& options);

/**
 * Answers `who` when the area is an LSOA code or a postcode is given (then prints and returns true);
 * returns false for anything else (a local authority), which `who` answers itself.
 * @throws Failure for an unknown postcode, a postcode outside England, a bad postcode file
 */
bool who_small_area(Context& ctx, const std::string& area, const SmallAreaOptions& options,
                    const std::string& on, const std::string& function);

/// With --population: rewrites the `share`/`basis` of `who --area LAD` rows with the LSOA
/// population shares (adding bodies the LSOAs show and the rows lack), and says so in the query.
void population_shares(Context& ctx, const std::string& lad, const Date& on, const std::string& function,
                       Output& out);

/// The area history of the loaded dataset, built on first use.
const AreaHistory& area_history(Context& ctx);

/// Writes how an answer was derived into a JSON query block: `basis`, `notes` and the territory's parts.
void describe_answer(const PlaceAnswer& answer, Json& query);

} // namespace orglineage::cli
