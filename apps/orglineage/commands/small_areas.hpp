// SPDX-License-Identifier: MIT
// orglineage CLI — small areas for `who`: --area LSOA, --postcode PC --postcode-file F, --population.
#pragma once

#include "../cli.hpp"

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

} // namespace orglineage::cli
