// SPDX-License-Identifier: MIT
// orglineage — the caveats that bear on an answer: what it rests on that is less than a source's word.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

struct LsoaAnswer;
struct LsoaHolder;
struct Weight;

/// What kind of caveat a note is.
enum class NoteKind {
    deduced,        ///< a link deduced (e.g. from geography), not stated by a source
    secondary,      ///< a body or link stated by a secondary source only
    incomplete,     ///< the predecessors (or successors) listed are those found; there may be others
    unknown_share,  ///< the part that passed is not known
    derived,        ///< worked out (multiplied along links, taken from a containing area), not read
    after_horizon,  ///< a date after the data's knowledge horizon
    announced       ///< a change announced but not confirmed in force
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(NoteKind k) noexcept;

/// One caveat, with the record it comes from.
struct ORGLINEAGE_API Note {
    NoteKind kind = NoteKind::deduced;
    std::string text;  ///< a sentence for people
    std::string about; ///< the event, body or announcement id it comes from
    friend bool operator==(const Note& a, const Note& b) { return a.kind == b.kind && a.text == b.text; }
};

/// Adds the notes of `more` not already in `to`.
ORGLINEAGE_API void add_notes(std::vector<Note>& to, const std::vector<Note>& more);

/// The caveats of one succession link: deduced, secondary, an incomplete event, an unknown share.
[[nodiscard]] ORGLINEAGE_API std::vector<Note> link_notes(const Lineage& lineage, const LinkRef& link);

/// The caveats of a body's own record (known from secondary sources only; announced).
[[nodiscard]] ORGLINEAGE_API std::vector<Note> body_notes(const Lineage& lineage, const Body& body);

/**
 * The caveats of an answer about a date: after the knowledge horizon, and every announcement
 * dated on or before `on` that touches one of `bodies` (or a body of its kinds).
 */
[[nodiscard]] ORGLINEAGE_API std::vector<Note> date_notes(const Lineage& lineage, const Date& on,
                                           const std::vector<const Body*>& bodies);

/**
 * The succession links on the paths from `from` to `to`, each later than the one before and none
 * after `on`, carrying `function` (empty: every function); with `since`, none dated on or before it
 * (what `from` held on `since`, as Lineage::successors follows it).
 */
[[nodiscard]] ORGLINEAGE_API std::vector<LinkRef> path_links(const Lineage& lineage, const Body& from, const Body& to,
                                              const Date& on, std::string_view function = {},
                                              std::optional<Date> since = {});

/**
 * Every caveat of a successors answer: the links from `body` to `portion.body` up to `on`, the
 * records of both bodies, a share derived by multiplying along links, and the date's notes.
 * For predecessors pass `forward = false`: the links then run from `portion.body` to `body`.
 */
[[nodiscard]] ORGLINEAGE_API std::vector<Note> portion_notes(const Lineage& lineage, const Body& body, const Portion& portion,
                                              const Date& on, std::string_view function, bool forward,
                                              std::optional<Date> since = {});

/// Every caveat of a holders answer for `area` (its code) on `on`.
[[nodiscard]] ORGLINEAGE_API std::vector<Note> holder_notes(const Lineage& lineage, const Holder& holder, std::string_view area,
                                             const Date& on);

/**
 * Every caveat of one holder of an LSOA answer (SmallAreas::holders) on `on`: how the answer was
 * derived rather than read (between the ONS lookups, through the 2011-2021 correspondence, from
 * the district's holders, before the CCGs through the district and the first CCG), an unknown
 * share, the holder's record and the date's notes.
 */
[[nodiscard]] ORGLINEAGE_API std::vector<Note> lsoa_notes(const Lineage& lineage, const LsoaAnswer& answer,
                                                         const LsoaHolder& holder, const Date& on);

/**
 * Every caveat of one crosswalk weight: figures of `row_body` on `from`, re-expressed in
 * `weight.target` on `to` for `function`. The links followed (forwards those after `from`, from
 * the row body, or from its group for a part of a group; backwards those after `to`, into the
 * row body), the records of both bodies, how the weight was worked out (apportioned by sizes, a
 * normalised estimate, a part taken as its group, an unknown share), and the notes of the later
 * date. `span_end`: the last day of a long crosswalk row's span, when it runs past the knowledge
 * horizon (figures dated after it may belong to changes the data does not know).
 */
[[nodiscard]] ORGLINEAGE_API std::vector<Note> weight_notes(const Lineage& lineage, const Body& row_body, const Weight& weight,
                                                           const Date& from, const Date& to, std::string_view function,
                                                           std::optional<Date> span_end = {});

/// The caveat of figures dated `on` when `on` is after the data's knowledge horizon (else none).
[[nodiscard]] ORGLINEAGE_API std::vector<Note> horizon_notes(const Lineage& lineage, const Date& on);

/// The predecessor set of `body` up to `on` is incomplete: a note for each event into it so marked.
[[nodiscard]] ORGLINEAGE_API std::vector<Note> incomplete_notes(const Lineage& lineage, const Body& body, const Date& on);

} // namespace orglineage
