// SPDX-License-Identifier: MIT
// orglineage — small areas: who held a function for an LSOA or a postcode, and population shares of a LAD.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/area_history.hpp>
#include <orglineage/date.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/share.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

namespace detail {
struct SmallAreasImage; // writes the index into a compiled image and reads it back (src/image)
} // namespace detail

/// Where an LSOA answer comes from.
enum class LsoaBasis {
    sourced,        ///< the date lies in the period of an ONS lookup (a `lsoa-coverage` table)
    derived,        ///< between vintages: the nearest vintage carried through the dataset's events
    correspondence, ///< the LSOA is of the other census set: mapped with the ONS 2011<->2021 lookup
    local_authority, ///< no LSOA table answers (another function, or a date outside the tables): the LAD's holders
    district,        ///< before the CCGs: the LSOA's district of the day lay wholly in one body's area
    district_ccg,    ///< before the CCGs: the district was divided; the PCTs the LSOA's first CCG came from narrow it
    ccg              ///< before the CCGs: the district has no holder in the data; the PCTs its first CCG came from
};
[[nodiscard]] ORGLINEAGE_API std::string_view to_string(LsoaBasis b) noexcept;

/// One body answering for an LSOA.
struct ORGLINEAGE_API LsoaHolder {
    const Body* body = nullptr;     ///< the body holding the function
    const Body* location = nullptr; ///< the body the table names when it is not the holder (a sub-ICB location)
    Share share = 1.0;              ///< part of the LSOA (below 1 only where a correspondence or LAD splits it)
    ShareBasis share_basis = ShareBasis::whole;
};

/// The answer of SmallAreas::holders.
struct ORGLINEAGE_API LsoaAnswer {
    std::vector<LsoaHolder> holders;
    LsoaBasis basis = LsoaBasis::sourced;
    bool correspondence = false; ///< the asked code was mapped to the table's LSOA set
    const Table* table = nullptr; ///< the table that answered (directly, or as the nearest vintage)
    std::string lad;              ///< the LSOA's local authority district on the date ("" if unknown)
    std::vector<std::string> notes; ///< how an answer before the CCGs was derived, one sentence each
    /// e.g. `derived from lsoa11-commissioning-2015-07 (vintage 2015-07) and the dataset's events`.
    [[nodiscard]] std::string explain() const;
};

/// One body's population share of a local authority district.
struct ORGLINEAGE_API LadShare {
    const Body* body = nullptr;
    double share = 0;        ///< of the LAD's population
    double population = 0;   ///< people (LSOA estimates of `year`)
    int lsoas = 0;           ///< LSOAs counted (a split LSOA counts where most of it lies)
    /// People in LSOAs this body shared with others in parts not known: not in `population` or `share`.
    double unallocated = 0;
};

/// Population-weighted shares of a LAD by body.
struct ORGLINEAGE_API LadShares {
    std::string lad;
    std::vector<LadShare> shares; ///< largest first
    int year = 0;                 ///< the mid-year population estimates used
    double population = 0;        ///< the LAD total
    double unknown_population = 0; ///< of it, in LSOAs whose division between bodies is not known
    LsoaBasis basis = LsoaBasis::sourced; ///< derived when any LSOA answer was
    const Table* table = nullptr;
    [[nodiscard]] std::string explain() const;
};

/**
 * The LSOA index built from a Lineage's `tables:` (kinds `lsoa-coverage`, `lsoa-lad`,
 * `lsoa-correspondence`, `lsoa-population`): both LSOA sets (2011 and 2021) with the ONS
 * correspondence, each LSOA's LAD over time, and per function a flat array per period, so that
 * `holders` is a binary search over a dozen periods and one array read.
 *
 * Coverage tables name bodies by the ODS/ONS codes of the lookups; they are resolved with
 * Lineage::resolve on the table's first day, and a code that does not resolve fails loading
 * with the CSV file and line. The Lineage must outlive the index.
 *
 * ```
 * auto lin = orglineage::Lineage::load("data/nhs-england");
 * auto sa = orglineage::SmallAreas::load(lin);
 * auto a = sa.holders("commissioning", "E01012367", *orglineage::parse_date("2019-06-01"));
 * ```
 */
class ORGLINEAGE_API SmallAreas {
  public:
    /// @throws DataError when a table is malformed or names a code nobody had on its dates
    [[nodiscard]] static SmallAreas load(const Lineage& lineage);
    ~SmallAreas();
    SmallAreas(SmallAreas&&) noexcept;
    SmallAreas& operator=(SmallAreas&&) noexcept;
    SmallAreas(const SmallAreas&) = delete;
    SmallAreas& operator=(const SmallAreas&) = delete;

    /// True when the code is a 2011 or a 2021 English LSOA.
    [[nodiscard]] bool is_lsoa(std::string_view code) const noexcept;
    /// Number of LSOAs in the 2011 (`2011`) or 2021 (`2021`) set.
    [[nodiscard]] std::size_t lsoa_count(int census) const noexcept;
    /// The LAD an LSOA was in on a date ("" when not known).
    [[nodiscard]] std::string lad_of(std::string_view lsoa, const Date& on) const;
    /// The LSOAs of the other census set that an LSOA corresponds to (empty when its code is in both).
    [[nodiscard]] std::vector<std::string> corresponding(std::string_view lsoa) const;
    /// The first and last day the LSOA tables answer for directly or by derivation.
    [[nodiscard]] Period span() const noexcept;
    /// The area history the index maps districts with (orglineage/area_history.hpp).
    [[nodiscard]] const AreaHistory& history() const noexcept;

    /**
     * The bodies holding `function` for an LSOA on a date. `commissioning` is answered from the
     * tables (flagged `derived` between vintages); another function from the LAD's holders,
     * narrowed to the LSOA's commissioner where that body is among them. Before the CCGs, through
     * the LSOA's district of the day (its territory, where the district's code was not yet in force)
     * and the PCTs its first CCG came from; `notes` say how.
     * @throws LookupError for an unknown LSOA code or function
     */
    [[nodiscard]] LsoaAnswer holders(std::string_view function, std::string_view lsoa,
                                     const Date& on) const;

    /**
     * The share of a LAD's population each body held `function` for on a date, from the LSOA
     * populations of the nearest mid-year estimate (the manifest's `small-areas: population-years`).
     * @throws LookupError for a LAD with no LSOAs on that date or an unknown function
     */
    [[nodiscard]] LadShares lad_shares(std::string_view function, std::string_view lad,
                                       const Date& on) const;

    /**
     * Checks the tables against the dataset: on every day from the manifest's `small-areas:
     * complete-from` that a sourced table covers, every LSOA has exactly one holder of the tables'
     * function, active and holding it over the whole period; and on each period's first day the
     * LSOA shares of every LAD sum to 1. Loading, validating and compiling run it (the checking pass).
     * @returns the problems found, one line each with the table's file:line:column (empty when all hold)
     */
    [[nodiscard]] std::vector<std::string> validate() const;

  private:
    friend struct detail::SmallAreasImage;
    SmallAreas();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// One rejected row of a postcode file.
struct ORGLINEAGE_API PostcodeReject {
    std::int64_t line = 0;
    std::string reason;
};

/**
 * Postcode -> LSOA, read once from a user-supplied ONS Postcode Directory (or any CSV with a
 * header naming a postcode column — `pcds`, `pcd`, `pcd7`, `pcd8`, `postcode` — and an LSOA column —
 * `lsoa21`, `lsoa11`, `lsoa21cd`, `lsoa11cd`, `lsoa`, `lsoa_code`). The file is streamed; bad rows are
 * rejected with their line numbers and the rest read.
 */
class ORGLINEAGE_API PostcodeIndex {
  public:
    /// @throws DataError when the file cannot be opened or its header has no postcode or LSOA column
    [[nodiscard]] static PostcodeIndex load(const std::string& path);
    /// Postcode as written by people ("tr71aa", "TR7  1AA") to `TR7 1AA`; "" when it is not one.
    [[nodiscard]] static std::string normalise(std::string_view postcode);

    /// The LSOA codes of a postcode (2021 first, then 2011, those the file has); empty when unknown.
    [[nodiscard]] std::vector<std::string> lsoas(std::string_view postcode) const;
    /// The number of postcodes read.
    [[nodiscard]] std::size_t size() const noexcept;
    /// The rows not read, in line order.
    [[nodiscard]] const std::vector<PostcodeReject>& rejects() const noexcept;
    [[nodiscard]] const std::string& path() const noexcept;

  private:
    struct Impl;
    explicit PostcodeIndex(std::shared_ptr<const Impl> impl) noexcept;
    std::shared_ptr<const Impl> m_impl; ///< immutable once read: copies share it
};

} // namespace orglineage
