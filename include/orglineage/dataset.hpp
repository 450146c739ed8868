// SPDX-License-Identifier: MIT
// orglineage — a loaded, validated dataset: plain records, nothing indexed yet.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/body.hpp>
#include <orglineage/event.hpp>
#include <orglineage/function.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orglineage {

/// A kind of body and the functions it holds by default.
struct ORGLINEAGE_API KindInfo {
    std::string id;
    std::string name;
    std::vector<std::string> functions;
    std::string family; ///< a wider kind this one counts as (a care trust acting as a PCT: `pct`), or ""
};

/**
 * A change published but not (known to be) in force: an event with `status: announced`, or a
 * direction that names no event yet. Answers for dates on or after it that touch its bodies (or
 * bodies of its kinds) say so.
 */
struct ORGLINEAGE_API Announcement {
    std::string id;
    Date date;
    std::vector<std::string> bodies; ///< bodies in force that it touches
    std::vector<std::string> kinds;  ///< kinds of body it touches (every body of them)
    std::string what;                ///< for an announced event: its kind and the bodies it would make
    std::string note;
    std::vector<std::string> sources;
    bool applied = false; ///< its event is part of the dataset (loaded with announced changes)
    SourcePos pos;
};

/// A completeness claim: the holders of `function` partition every area of `area_kinds`.
struct ORGLINEAGE_API Claim {
    std::string function;
    std::vector<std::string> area_kinds;
    Period period;
    std::vector<std::string> sources;
    SourcePos pos;
};

/**
 * A CSV table the dataset refers to (tens of thousands of rows, e.g. small-area coverage, do not
 * belong in YAML). The core loader checks that it exists and cites sources; the module that reads
 * its `kind` (e.g. small_areas.hpp for `lsoa-coverage`) checks its contents.
 */
struct ORGLINEAGE_API Table {
    std::string id;
    std::string kind;
    std::string path; ///< absolute, resolved against the YAML file that declares it
    Period period;    ///< the dates the table speaks for
    std::string vintage;
    std::vector<std::string> sources;
    std::string note;
    SourcePos pos;
    /// Worked out from other tables and rules, not read from a published lookup (`note` says how):
    /// answers read from it are flagged derived.
    bool derived = false;
};

/// How a dataset is loaded.
struct ORGLINEAGE_API LoadOptions {
    /// Apply the events marked `status: announced` as if they were in force (their answers still
    /// carry a note that they are announced, not confirmed).
    bool include_announced = false;
};

/**
 * How a dataset's `lsoa-*` tables are read: the `small-areas:` block of dataset.yaml, required
 * when the dataset has an `lsoa-coverage` table (docs/data-format.md).
 */
struct ORGLINEAGE_API SmallAreaSettings {
    std::string function;              ///< the function the coverage tables answer for
    Date derive_from;                  ///< the first day their holders are carried back to
    Date complete_from;                ///< from this day every LSOA has one holder on every day
    std::vector<int> population_years; ///< the mid-years of the `lsoa-population` columns, ascending
    SourcePos pos;
};

struct ORGLINEAGE_API Dataset {
    int schema_version = 0;
    std::string name;
    std::string version;
    std::string description;
    std::string directory;
    /// The date up to which the sources were read: later changes may be missing.
    std::optional<Date> horizon;
    std::map<std::string, KindInfo> kinds;
    FunctionCatalogue functions;
    std::vector<Source> sources;
    std::vector<Area> areas;
    std::vector<Body> bodies;
    std::vector<Event> events; ///< sorted by date, then file order
    std::vector<Claim> claims;
    std::vector<Table> tables;
    std::vector<Announcement> announcements;
    std::optional<SmallAreaSettings> small_areas;
};

} // namespace orglineage
