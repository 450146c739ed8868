// SPDX-License-Identifier: MIT
// Small areas before the CCGs: an LSOA answered through its district of the day and through the PCTs
// its first CCG came from (see pct_era.cpp).
#pragma once

#include <orglineage/area_history.hpp>
#include <orglineage/small_areas.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace orglineage::detail {

struct EraAnswer {
    std::vector<LsoaHolder> holders;
    LsoaBasis basis = LsoaBasis::local_authority;
    std::string lad;                ///< the district of the day ("" when it is several)
    std::vector<std::string> notes; ///< how it was derived
};

/**
 * The holders of `function` on `on`, a day before the CCGs began (`ccg_start`), for an LSOA that lay
 * in `lad` (a district code of any date) and was commissioned on `ccg_start` by `ccgs` (holders of
 * `table_function`, the function of the LSOA tables).
 * Exact where its district of the day had one holder, or where the PCTs its CCG came from narrow
 * the district's holders to one; otherwise the district's holders with the district's shares.
 */
/// `bodies` as LSOA holders: alone, the whole; several together, each an unknown share.
[[nodiscard]] std::vector<LsoaHolder> unknown_shares(const std::vector<const Body*>& bodies);

[[nodiscard]] EraAnswer answer_before_ccgs(const Lineage& lin, const AreaHistory& history, std::string_view function,
                                           std::string_view table_function, const std::string& lad, const std::vector<const Body*>& ccgs,
                                           const Date& ccg_start, const Date& on);

} // namespace orglineage::detail
