// SPDX-License-Identifier: MIT
// Internal: the area history behind AreaHistory (include/orglineage/area_history.hpp), read from the
// tables by area_history.cpp and kept in a compiled image by area_history_image.cpp.
#pragma once

#include <orglineage/area_history.hpp>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orglineage {

// Hidden: the exported AreaHistory would otherwise export its implementation with it.
struct ORGLINEAGE_NO_EXPORT AreaHistory::Impl {
    const Lineage* lin = nullptr;
    std::vector<AreaChange> changes;
    std::unordered_map<std::string, std::vector<std::size_t>> by_from, by_to;
    std::unordered_map<std::string, std::pair<double, int>> pop;
    std::unordered_map<std::string, std::vector<const Area*>> children;

    /// Sorts the changes, indexes them by area and checks them (after reading or decoding).
    void index();
    void read_changes(const Table& t);
    void read_population(const Table& t);
    void check_changes() const;

    struct Piece {
        Share part = 1.0;
        Share share = 1.0;
        ShareBasis basis = ShareBasis::whole;
    };
    struct Walk {
        Date on;
        std::set<std::string> whole;            ///< areas known to lie wholly in the territory
        std::map<std::string, Piece> out;       ///< the parts reached, by code
        std::vector<const AreaChange*> crossed; ///< the changes crossed, in the order met
    };
    void carry(const Area& a, Piece p, Walk& w, int depth) const;
    [[nodiscard]] Share part_in(const AreaChange& ch, const Piece& p, bool forwards, const Walk& w) const;
    [[nodiscard]] std::vector<std::pair<const Area*, Piece>> seeds(const Area& a, const Date& on) const;
    /// @returns the mid-years used, e.g. "2020" ("" when not weighed)
    std::string weigh_by_population(std::vector<TerritoryPart>& parts) const;
};

} // namespace orglineage
