// SPDX-License-Identifier: MIT
// orglineage — the lineage graph and the questions it answers.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/dataset.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

namespace detail {
struct LineageAccess; // the library's own stages (src/graph/lineage_access.hpp)
} // namespace detail

/// Whose holding a `holders` query asks for when a function is delegated.
enum class HolderMode {
    exercising, ///< the body that exercises the function (a delegate, where there is one)
    legal       ///< the body that holds it in law
};

/// One answer of `holders`.
struct ORGLINEAGE_API Holder {
    const Body* body = nullptr;
    Share share;                  ///< part of the area; nullopt when not known
    ShareBasis basis = ShareBasis::whole;
    std::string function;         ///< the function held that answers the question
    std::string via_area;         ///< the area whose coverage answered (the asked one, or a parent)
    std::string delegated_by;     ///< non-empty when held by delegation
};

/// One answer of `successors` / `predecessors`.
struct ORGLINEAGE_API Portion {
    const Body* body = nullptr;
    Share share; ///< part of the asked body (successors) or of the predecessor (predecessors)
    ShareBasis basis = ShareBasis::whole;
};

/// Why the shares of a `succession` answer do not sum to 1 (`none`: they do).
enum class SuccessionGap {
    none,          ///< every share known, summing to 1
    not_active,    ///< the body did not exist on `since`
    not_held,      ///< the body did not hold the function on `since`
    not_yet,       ///< `on` is before `since`
    ended,         ///< part of what it held ended with no successor holding it on `on` (see `ended`)
    unknown_share  ///< the data records where parts went but not in which proportions
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(SuccessionGap g) noexcept;

/// The whole answer of `Lineage::succession`: the portions and why they may not sum to 1.
struct ORGLINEAGE_API Succession {
    std::vector<Portion> portions; ///< largest share first, then by id
    Date since;                    ///< the day whose holding was followed
    Share ended = 0.0;             ///< the part that ended with no successor (nullopt: unknown)
    SuccessionGap gap = SuccessionGap::none;
};

/// A succession link with the event that made it.
struct ORGLINEAGE_API LinkRef {
    const Body* from = nullptr;
    const Body* to = nullptr;
    const Link* link = nullptr;
    const Event* event = nullptr;
};

/// The connected part of the succession graph around one body.
struct ORGLINEAGE_API LineageView {
    const Body* root = nullptr;
    std::vector<const Body*> bodies; ///< in order of start date
    std::vector<LinkRef> links;      ///< in order of date
};

/// What changed between two dates.
struct ORGLINEAGE_API Diff {
    std::vector<const Body*> appeared;
    std::vector<const Body*> ended;
    std::vector<const Body*> renamed; ///< active on both dates under another name or code
};

/// How a code was resolved.
struct ORGLINEAGE_API Resolution {
    std::vector<const Body*> bodies; ///< the candidates (one when unambiguous)
    bool exact = true;               ///< false when no body had the code on the date (nearest taken)
};

/**
 * The dataset as an immutable graph with its indexes: built once, then safe to query from many
 * threads at the same time. Questions in the user's words (names, codes of any date, LSOAs, with
 * notes and errors) are answered by orglineage/ask.hpp over a Lineage:
 *
 * ```
 * auto lin = orglineage::Lineage::load("data/nhs-england");
 * orglineage::Answers answers(lin);
 * orglineage::WhoQuestion q;
 * q.area = "E06000052";
 * q.on = "2007-06-01";
 * auto who = answers.who(q); // Cornwall and Isles of Scilly PCT, with its notes
 * ```
 *
 * The queries below are the low-level parts those answers are made of.
 */
class ORGLINEAGE_API Lineage {
  public:
    // Queries taking a `const Body&` expect one of this Lineage's bodies (from find, at, resolve,
    // ...). A body of another Lineage stands for the body of this one with the same id; one whose id
    // this Lineage does not have is refused with LookupError ("body 'X' is not in this lineage").

    /**
     * Checks a dataset as loading does (references, ids, periods, shares in [0, 1], codes, cycles,
     * completeness claims) and indexes it, so that a hand-built dataset cannot break a query.
     * @throws ValidationError for the first rule it breaks
     */
    explicit Lineage(Dataset dataset);
    /**
     * Loads a dataset: a compiled image (image.hpp) when `path` is one, or when the directory has
     * a current image beside it (`DIR.olimg`, compiled from the same files); else the directory's
     * YAML and tables, checked. An image holds the dataset with its announced changes set aside:
     * asking for them (`options`) reads the directory.
     * @throws DataError, ValidationError
     */
    [[nodiscard]] static Lineage load(const std::string& path, const LoadOptions& options = {});
    ~Lineage();
    Lineage(Lineage&&) noexcept;
    Lineage& operator=(Lineage&&) noexcept;
    Lineage(const Lineage&) = delete;
    Lineage& operator=(const Lineage&) = delete;

    [[nodiscard]] const Dataset& dataset() const noexcept;

    /// The body with that id, or nullptr.
    [[nodiscard]] const Body* find(std::string_view id) const noexcept;
    /// @throws LookupError when no body has that id
    [[nodiscard]] const Body& at(std::string_view id) const;
    [[nodiscard]] const Area* find_area(std::string_view code) const noexcept;
    /// Areas whose code or name (case-insensitive) is `text`.
    [[nodiscard]] std::vector<const Area*> find_areas(std::string_view text) const;

    /// The bodies that had an ODS or ONS code (or id) on a date; several only in broken data.
    [[nodiscard]] std::vector<const Body*> resolve(std::string_view code, const Date& on) const;
    /// Like resolve, but where nobody had the code on the date, the nearest holder in time
    /// (the latest before, else the earliest after), with `exact == false`.
    [[nodiscard]] Resolution resolve_nearest(std::string_view code, const Date& on) const;
    /// Every body that ever had the code (or id), in date order.
    [[nodiscard]] std::vector<const Body*> resolve_all(std::string_view code) const;

    /**
     * Bodies holding `function` for `area` on a date, with the part of the area each covered.
     * Low-level: `area` is the code of an area in force on the date (one out of force has no holders), no
     * notes, no LSOAs; Answers::who (orglineage/ask.hpp) answers the user's question.
     * The most specific holding wins: where one body holds `commissioning` and another
     * `commissioning.primary-care` for the same area, the second answers for dental contracts.
     * @throws LookupError for an unknown function or area
     */
    [[nodiscard]] std::vector<Holder> holders(std::string_view function, std::string_view area,
                                              const Date& on,
                                              HolderMode mode = HolderMode::exercising) const;

    /**
     * The bodies that on `on` hold what `body` held on `since` for `function`, following merges,
     * splits, transfers and per-function abolitions dated after `since` and up to `on` (a link
     * dated on or before `since` never contributes); shares multiply along paths and add where
     * paths meet. Unknown shares are kept symbolically: where they provably add up to a known
     * part (paths that re-converge on one body) the share is known. Where every part ends in one
     * body and nothing ended, that body has share 1. See docs/succession.md.
     * @param since default: the day before the body's first link carrying the function after its
     *        start (its first form); `on` (or the body's last day) when that is earlier
     * @throws LookupError for an unknown function
     */
    [[nodiscard]] Succession succession(const Body& body, const Date& on, std::string_view function,
                                        std::optional<Date> since = {}) const;

    /// `succession(...).portions`. @throws LookupError for an unknown function
    [[nodiscard]] std::vector<Portion> successors(const Body& body, const Date& on, std::string_view function,
                                                  std::optional<Date> since = {}) const;

    /// The `since` that `succession` takes when none is given. @throws LookupError for an unknown function
    [[nodiscard]] Date default_since(const Body& body, std::string_view function, const Date& on) const;

    /**
     * Where what `body` holds on `on` came from. Nothing when `body` does not hold `function`.
     * Without `back_to`: the direct predecessors (links into it dated up to `on` that carried the
     * function into it), each with the link's forward share (a part of the predecessor).
     * With `back_to`: exactly the inverse of `successors(P, on, function, back_to)`: every body P
     * active on `back_to` whose successors include `body`, with the same share (the part of P as
     * it was on `back_to` that is in `body` on `on`), ordered by id. A continuing body is its own
     * predecessor with what it kept.
     * @throws LookupError for an unknown function
     */
    [[nodiscard]] std::vector<Portion> predecessors(const Body& body, const Date& on,
                                                    std::string_view function,
                                                    std::optional<Date> back_to = {}) const;

    /// Every body connected to `body` by succession, with the links and their events.
    [[nodiscard]] LineageView lineage(const Body& body) const;

    /// Bodies active on a date (of one kind, or all when `kind` is empty), ordered by id.
    [[nodiscard]] std::vector<const Body*> snapshot(const Date& on, std::string_view kind = {}) const;

    /// What changed between two dates (of one kind, or all).
    [[nodiscard]] Diff diff(const Date& d1, const Date& d2, std::string_view kind = {}) const;

    /// The groups (clusters, SHAs, regions, ICBs) a body belonged to on a date.
    [[nodiscard]] std::vector<const Body*> groups(const Body& body, const Date& on) const;
    /// The members of a group on a date.
    [[nodiscard]] std::vector<const Body*> members(const Body& group, const Date& on) const;

    /// Succession links leaving (`outgoing`) or entering a body, in date order.
    [[nodiscard]] std::vector<LinkRef> links_of(const Body& body, bool outgoing) const;

    /// True when the body holds the function (or one that includes it) on a date.
    [[nodiscard]] bool holds(const Body& body, std::string_view function, const Date& on) const;

  private:
    friend struct detail::LineageAccess;
    /// A dataset the checking pass has passed already (loading and validating check it once).
    struct Checked {};
    Lineage(Dataset dataset, Checked);
    friend std::vector<std::string> validate_directory(const std::string& directory);
    friend Lineage load_sources(const std::string& directory, const LoadOptions& options);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace orglineage
