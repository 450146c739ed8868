// SPDX-License-Identifier: MIT
// Checking the dataset's CSV tables. The readers of the area history and of the LSOA index check
// every row with its file:line:column as they read it; reading them here, in the checking pass, makes
// a broken table an error of loading and validating rather than of the first query that reads it.
#include "check/tables.hpp"
#include "check/problems.hpp"

#include <orglineage/area_history.hpp>
#include <orglineage/error.hpp>
#include <orglineage/small_areas.hpp>

#include <algorithm>

namespace orglineage::detail {

namespace {

bool any_table(const Dataset& ds, std::initializer_list<std::string_view> kinds) {
    return std::any_of(ds.tables.begin(), ds.tables.end(), [&](const Table& t) {
        return std::find(kinds.begin(), kinds.end(), t.kind) != kinds.end();
    });
}

} // namespace

TableIndexes check_tables(const Lineage& lin, std::vector<std::string>* list) {
    const Dataset& ds = lin.dataset();
    Problems problems(list);
    TableIndexes built;
    try {
        if (any_table(ds, {"lsoa-coverage"})) {
            // The LSOA index reads the area tables too.
            built.small_areas = std::make_unique<SmallAreas>(SmallAreas::load(lin));
            const auto found = built.small_areas->validate();
            if (!found.empty() && !problems.collecting())
                throw ValidationError(SourcePos{}, found.front() + (found.size() > 1 ? " (and " +
                                                                        std::to_string(found.size() - 1) +
                                                                        " more problems in the LSOA tables)"
                                                                  : std::string()));
            if (list) list->insert(list->end(), found.begin(), found.end());
        } else if (any_table(ds, {"area-changes", "area-population"})) {
            built.area_history = std::make_unique<AreaHistory>(AreaHistory::load(lin));
        }
    } catch (const DataError& e) {
        if (!problems.collecting()) throw;
        problems.add(e);
    }
    return built;
}

} // namespace orglineage::detail
