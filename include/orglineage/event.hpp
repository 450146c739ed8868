// SPDX-License-Identifier: MIT
// orglineage — events: what changed, on which day, on whose authority.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/date.hpp>
#include <orglineage/error.hpp>
#include <orglineage/share.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

enum class EventKind {
    establish,
    abolish,
    merge,
    split,
    transfer,
    rename,
    recode,
    join,
    leave,
    transfer_function
};

[[nodiscard]] ORGLINEAGE_API std::string_view to_string(EventKind k) noexcept;
[[nodiscard]] ORGLINEAGE_API std::optional<EventKind> parse_event_kind(std::string_view s) noexcept;

/**
 * A succession link: (a part of) what `from` held passes to `to` on the event's date.
 * `share` is the part of `from` that passes; `functions` limits the link to those functions and
 * everything below them (empty: every function).
 */
struct ORGLINEAGE_API Link {
    std::string from;
    std::string to;
    Share share = 1.0;
    ShareBasis basis = ShareBasis::whole;
    std::vector<std::string> functions;
    std::vector<std::string> sources; ///< in addition to the event's
};

struct ORGLINEAGE_API Event {
    std::string id;
    Date date;
    EventKind kind = EventKind::establish;
    /// The bodies the event is about: merge/split/transfer/transfer-function `from`,
    /// abolish/establish/rename/recode/join/leave `body`.
    std::vector<std::string> subjects;
    std::vector<Link> links;
    std::string group;                ///< join/leave
    std::string function;             ///< transfer-function
    std::optional<std::string> name;  ///< rename
    std::optional<std::string> ods;   ///< recode: new ODS code ("" removes it)
    std::optional<std::string> ons;   ///< recode: new ONS code ("" removes it)
    std::vector<std::string> areas;   ///< transfer: the areas concerned
    std::vector<std::string> sources;
    std::string note;
    /// Bodies whose link in this event is deduced (e.g. from geography), not stated by a source.
    std::vector<std::string> deduced;
    /// Bodies whose link in this event is stated by a secondary source only.
    std::vector<std::string> secondary;
    /// The bodies listed are those found: a merge may have had other predecessors, a split or
    /// abolition other successors.
    bool incomplete = false;
    /// Announced, not (known to be) in force: present only when loaded with announced changes.
    bool announced = false;
    SourcePos pos;
    /// The rule the event's shares rest on, where it is inferred rather than read (e.g. how an area
    /// was divided); answers that use the event's links say so.
    std::string inferred;
};

} // namespace orglineage
