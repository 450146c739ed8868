// SPDX-License-Identifier: MIT
// orglineage — crosswalks: the weights that re-express figures of the bodies of one date in those of another.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace orglineage {

/// How a crosswalk weight was obtained.
enum class WeightMethod {
    /// Forwards: the part of the row body that passed to the target, shares multiplied along
    /// every path of merges, splits, transfers and abolitions (Lineage::successors). Exact as far
    /// as the data's shares are.
    forward_share,
    /// Backwards, the row body came from a single body of the target date: weight 1, exact.
    single_source,
    /// Backwards from several bodies, apportioned by sizes the caller gave (e.g. registered
    /// population): w(P) = f(P) * size(P) / sum over P' of f(P') * size(P').
    sized,
    /// Backwards from several bodies without sizes: forward shares normalised over the row,
    /// which assumes equal-sized predecessors. An estimate; its basis is always `unknown`.
    normalised,
    /// The row body does not hold the function but is a part of a group that does (a sub-ICB
    /// location of its ICB): its figures go where the group's went. Exact (weight 1) when the
    /// group went whole to one body, or when one target's area held all of the row body's;
    /// otherwise which part of the group the row body was is not recorded, and the weights are
    /// unknown (see group_part_row).
    via_group
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(WeightMethod m) noexcept;

/// One cell of a crosswalk: the part of the row body's figure that belongs to the target body.
struct ORGLINEAGE_API Weight {
    const Body* target = nullptr;
    Share weight;                          ///< nullopt when the data records the link but not its share
    ShareBasis basis = ShareBasis::whole;  ///< what the share was measured on
    WeightMethod method = WeightMethod::forward_share;
};

/// One row of a crosswalk: a body active on the `from` date and where its figures go.
struct ORGLINEAGE_API CrosswalkRow {
    const Body* body = nullptr;
    std::vector<Weight> weights; ///< largest first, then by target id
    /// The sum of the known weights (0 when there are none).
    double sum = 0.0;
    /// True when every weight is known and they sum to 1 (within 1e-6): figures are conserved.
    bool complete = false;
};

/// What a crosswalk maps.
struct ORGLINEAGE_API CrosswalkOptions {
    std::string kind;                       ///< kind of the row bodies (empty: every kind holding `function`)
    std::string function = "commissioning"; ///< the function whose succession is followed
    /// Backwards only: sizes of the bodies of the target date (body id → size), used to apportion
    /// a row that came from several bodies (WeightMethod::sized). Bodies missing here fall back
    /// to `normalised` for the whole row.
    std::unordered_map<std::string, double> sizes;
    ShareBasis sizes_basis = ShareBasis::population; ///< what `sizes` measure
};

/**
 * The weight matrix from the bodies of one kind active on `from` to the bodies active on `to`
 * that hold the function then.
 *
 * Forwards (`from <= to`), row P has the successors of P on `to` for the function, following
 * only the links dated after `from` (what P held on `from`, not before): each weight is the part
 * of P that passed to the target, with the basis of the least certain share on its path.
 *
 * Backwards (`from > to`), the data only says which part of each *earlier* body went where (a
 * forward share is a part of the predecessor). Row S (a body on the later date `from`) is built
 * by transposing the forward crosswalk of every body active on `to`: its contributors P with
 * forward shares f(P→S). One contributor gives weight 1 (`single_source`); several are
 * apportioned by `CrosswalkOptions::sizes` when given for all of them (`sized`), else by the
 * normalised forward shares, f(P→S) / Σ f(P'→S) (`normalised`, basis `unknown`). A contributor
 * whose forward share is unknown makes the row's weights unknown.
 *
 * ```
 * auto cw = orglineage::Crosswalk::build(lin, *parse_date("2012-06-01"), *parse_date("2023-06-01"),
 *                                        {"pct"});
 * for (const auto& row : cw.rows()) ...
 * ```
 */
class ORGLINEAGE_API Crosswalk {
  public:
    /**
     * @throws LookupError for an unknown function
     */
    [[nodiscard]] static Crosswalk build(const Lineage& lineage, const Date& from, const Date& to,
                                         const CrosswalkOptions& options);

    [[nodiscard]] const Date& from() const noexcept { return m_from; }
    [[nodiscard]] const Date& to() const noexcept { return m_to; }
    [[nodiscard]] bool forward() const noexcept { return m_from <= m_to; }
    [[nodiscard]] const CrosswalkOptions& options() const noexcept { return m_options; }
    /// The rows, ordered by body id.
    [[nodiscard]] const std::vector<CrosswalkRow>& rows() const noexcept { return m_rows; }
    /// The row of a body, or nullptr when it is not a row body.
    [[nodiscard]] const CrosswalkRow* row(const Body& body) const noexcept;
    /// Every target body that receives a weight, ordered by id.
    [[nodiscard]] std::vector<const Body*> targets() const;
    /// The weight from `row_body` to `target`: 0 when none, nullopt when unknown or not a row body.
    [[nodiscard]] Share weight(const Body& row_body, const Body& target) const;

  private:
    Date m_from;
    Date m_to;
    CrosswalkOptions m_options;
    std::vector<CrosswalkRow> m_rows;
    std::unordered_map<const Body*, std::size_t> m_index;
};

/**
 * The bodies that hold on `to` what `body` held on `since` for `function`:
 * `Lineage::successors(body, to, function, since)` (a transfer out of a body before `since` does
 * not concern a figure the body reported on `since`).
 * @throws LookupError for an unknown function
 */
[[nodiscard]] ORGLINEAGE_API std::vector<Portion> successors_since(const Lineage& lineage, const Body& body, const Date& since,
                                                    const Date& to, std::string_view function);

/**
 * The crosswalk row of one body on date `on` towards the bodies active on `to`: forwards when
 * `on <= to` (`Lineage::successors(body, to, function, on)`), else backwards by the same rule as
 * Crosswalk::build, its contributors being `Lineage::predecessors(body, on, function, to)`. A
 * body that does not hold the function on `on` but belongs to one group that does is mapped
 * through the group (WeightMethod::via_group). The row Crosswalk::build gives for `body` is
 * `crosswalk_row(lineage, body, from, to, options)`.
 * @throws LookupError for an unknown function
 */
[[nodiscard]] ORGLINEAGE_API CrosswalkRow crosswalk_row(const Lineage& lineage, const Body& body, const Date& on, const Date& to,
                                         const CrosswalkOptions& options);

/**
 * The one group `body` belongs to on `on` that holds `function` then, when `body` does not hold
 * it itself (a sub-ICB location and its ICB); nullptr when it holds it, or when no group or
 * several do (which one answers is not said).
 */
[[nodiscard]] ORGLINEAGE_API const Body* holding_group(const Lineage& lineage, const Body& body, const Date& on,
                                                       std::string_view function);

/**
 * The crosswalk row of `part`, a part of `group` on `on` that does not hold the function itself,
 * towards the bodies of `to`, from the group's row (WeightMethod::via_group): all of it goes where
 * the group went when the group went whole to one body (weight 1); the group's weights and
 * methods when the part is all of the group (its only member on `on`); all of it to the one target
 * whose area on `to` held every area the part covered on `on` (wholly, or in the same share: a
 * sub-ICB location and the CCG whose code and area it kept or lay in); otherwise the targets with unknown weights, since which part
 * of the group it was is not recorded (the group's proportions are not the part's). Crosswalk rows
 * and remap's published codes both follow this rule.
 */
[[nodiscard]] ORGLINEAGE_API CrosswalkRow group_part_row(const Lineage& lineage, const Body& part, const Body& group,
                                                         const CrosswalkRow& group_row, const Date& on, const Date& to);

/// Fills `row.sum` and `row.complete` from its weights and sorts them (largest first).
ORGLINEAGE_API void finish_row(CrosswalkRow& row);

/**
 * One row of the long crosswalk table: a code as a table would carry it, the days on which a
 * figure under that code maps with these weights, and one target.
 */
struct ORGLINEAGE_API LongCrosswalkRow {
    std::string code;        ///< an ODS or ONS code, or the body id
    const Body* source = nullptr;
    Date valid_from;         ///< first day (inclusive)
    Date valid_to;           ///< last day (inclusive)
    const Body* target = nullptr;
    /// The weight a remap applies (the row's weights divided by their sum, so that they add up to
    /// 1 exactly); nullopt where remap rejects the figure (unknown shares, or part of it ended).
    Share weight;
    ShareBasis basis = ShareBasis::whole;
    WeightMethod method = WeightMethod::forward_share;
};

/**
 * The crosswalk towards the bodies of `to` from every date: for every body (of `options.kind`,
 * or holding the function), every span of days over which its crosswalk row stays the same, and
 * every code it had then, the targets and weights. One join on `code` and
 * `date BETWEEN valid_from AND valid_to` remaps a table of figures as `remap` does
 * (docs/crosswalk-and-remap.md shows the SQL). Ordered by code, then date, then target id.
 * @throws LookupError for an unknown function
 */
[[nodiscard]] ORGLINEAGE_API std::vector<LongCrosswalkRow> long_crosswalk(const Lineage& lineage, const Date& to,
                                                           const CrosswalkOptions& options);

} // namespace orglineage
