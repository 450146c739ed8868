// SPDX-License-Identifier: MIT
// orglineage — places through time: an area asked about on a date when its code was not in force is
// answered for its territory, mapped through the area changes onto the areas of that date.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/date.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/share.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

namespace detail {
struct AreaHistoryImage;
} // namespace detail

/// One row of an `area-changes` table: (part of) the territory of `from` passed to `to` on `date`.
struct ORGLINEAGE_API AreaChange {
    Date date;
    std::string from;
    std::string to;
    Share from_share = 1.0; ///< the part of `from` (its population) that went to `to`
    Share to_share;         ///< the part of `to` that came from `from`; nullopt when not known
    ShareBasis basis = ShareBasis::whole;
    std::vector<std::string> sources;
    std::string note;
    SourcePos pos;
};

/// A piece of a territory on a date: an area of that date, how much of it lies in the territory,
/// and its share of the territory's population.
struct ORGLINEAGE_API TerritoryPart {
    const Area* area = nullptr;
    Share part_of_area = 1.0; ///< the part of `area` inside the territory
    Share share = 1.0;        ///< the part of the territory that `area` holds
    ShareBasis basis = ShareBasis::whole;
};

/// The territory of an area, on a date, in the areas of that date.
struct ORGLINEAGE_API Territory {
    const Area* asked = nullptr;
    Date on;
    bool in_force = true;          ///< the asked code was in force on the date (then parts is itself)
    std::vector<TerritoryPart> parts;
    std::vector<const AreaChange*> changes; ///< the changes crossed, in the order met
    /// How the parts' shares were weighed when the changes did not give them ("" when they did).
    std::string weighting;
    /// `E06000052 is not in force on 2007-06-01; answered for its territory: ...` ("" when in force).
    [[nodiscard]] std::string explain() const;
    /// The parts as people read them: `all of Somerset (E10000027)`, or the list of areas.
    [[nodiscard]] std::string describe() const;
};

/// How the holders of a place were found.
enum class PlaceBasis {
    read,      ///< the area was in force: its own coverage answered
    territory, ///< the area's territory on the date answered (see Territory)
};
[[nodiscard]] ORGLINEAGE_API std::string_view to_string(PlaceBasis b) noexcept;

/// The answer of AreaHistory::holders.
struct ORGLINEAGE_API PlaceAnswer {
    Territory territory;
    std::vector<Holder> holders; ///< shares are parts of the territory; via_area lists the parts
    PlaceBasis basis = PlaceBasis::read;
    /// How the answer was derived, one sentence each (empty when read as it stands).
    std::vector<std::string> notes;
};

/**
 * The history of the dataset's areas, from its `area-changes` and `area-population` tables.
 * Only lower-tier areas (districts, unitaries, metropolitan districts, London boroughs) pass
 * territory on; an upper-tier area (a county) stands for its districts of the day.
 *
 * ```
 * auto lin = orglineage::Lineage::load("data/nhs-england");
 * auto hist = orglineage::AreaHistory::load(lin);
 * auto a = hist.holders("commissioning", "E06000052", *orglineage::parse_date("2007-06-01"));
 * std::cout << a.territory.explain();  // E06000052 is not in force on 2007-06-01; answered for ...
 * ```
 * The Lineage must outlive the history.
 */
class ORGLINEAGE_API AreaHistory {
  public:
    /// @throws DataError for a malformed table, an unknown area, a change not dated on the first day
    ///         of `to` and the day after the last of `from`, or shares of an area that do not sum to 1
    [[nodiscard]] static AreaHistory load(const Lineage& lineage);
    ~AreaHistory();
    AreaHistory(AreaHistory&&) noexcept;
    AreaHistory& operator=(AreaHistory&&) noexcept;
    AreaHistory(const AreaHistory&) = delete;
    AreaHistory& operator=(const AreaHistory&) = delete;

    /// Every change, in date order.
    [[nodiscard]] const std::vector<AreaChange>& changes() const noexcept;
    /// The population the tables give for an area (0 when none) and its mid-year.
    [[nodiscard]] std::pair<double, int> population(std::string_view area) const;

    /**
     * The territory of `area` on `on`: the area itself when in force, else the areas of that date
     * its territory overlapped (forwards through the changes after it ended, backwards through
     * those that made it), each with its share of the territory's population.
     * @throws LookupError for an unknown area
     */
    [[nodiscard]] Territory territory(std::string_view area, const Date& on) const;

    /**
     * The holders of `function` for the territory of `area` on `on`: Lineage::holders of each
     * part, weighted by the part's share. A body holding every part alone holds all of it (share 1)
     * even where the parts' shares are unknown.
     * @throws LookupError for an unknown function or area
     */
    [[nodiscard]] PlaceAnswer holders(std::string_view function, std::string_view area, const Date& on,
                                      HolderMode mode = HolderMode::exercising) const;

  private:
    friend struct detail::AreaHistoryImage; // writes and reads it in a compiled image
    AreaHistory();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace orglineage
