// SPDX-License-Identifier: MIT
// Internal: records as read from the files, before references are resolved.
#pragma once

#include <orglineage/dataset.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace orglineage::detail {

/// A reference to another record, with where it was written.
struct Ref {
    std::string id;
    SourcePos pos;
};

struct RawPeriod {
    std::optional<Date> from;
    std::optional<Date> to; ///< inclusive
    SourcePos to_pos;
};

struct RawKind {
    KindInfo info;
    std::vector<Ref> functions;
    std::optional<Ref> family;
    SourcePos pos;
};
struct RawFunction {
    FunctionInfo info;
    SourcePos pos;
};
struct RawArea {
    Area area;
    std::optional<Ref> parent;
    RawPeriod period;
    std::vector<Ref> source_refs;
};
struct RawCoverage {
    Ref area;
    RawPeriod period;
    std::optional<double> share;
    std::optional<ShareBasis> basis;
    std::vector<Ref> source_refs;
    std::string note;
    SourcePos pos;
};
struct RawHolding {
    Ref function;
    RawPeriod period;
    std::optional<Ref> delegated_by;
    std::vector<Ref> source_refs;
    SourcePos pos;
    std::string part;
};
struct RawMembership {
    Ref group;
    RawPeriod period;
    bool deduced = false;
    std::string note;
    std::vector<Ref> source_refs;
    SourcePos pos;
};
struct RawBody {
    std::string id;
    Ref kind;
    std::string name;
    std::string ods;
    std::string ons;
    Date from;
    std::optional<Date> to;
    SourcePos to_pos;
    std::vector<Ref> source_refs;
    std::string note;
    std::vector<RawCoverage> coverage;
    bool has_functions = false;
    std::vector<RawHolding> holdings;
    std::vector<RawMembership> memberships;
    bool secondary_only = false;
    bool announced = false;
    bool placeholder = false;
    std::string inferred;
    SourcePos pos;
};
struct RawTarget {
    Ref body;
    std::optional<double> share;
};
/// One set of successors: a merge/split/transfer target list, or one group of an abolition.
struct RawGroup {
    std::vector<Ref> functions; ///< empty: every function
    std::vector<RawTarget> targets;
    std::optional<ShareBasis> basis;
    std::vector<Ref> source_refs;
    SourcePos pos;
};
struct RawEvent {
    std::string id;
    Date date;
    EventKind kind = EventKind::establish;
    std::vector<Ref> subjects;
    std::vector<RawGroup> groups;
    Ref group;
    Ref function;
    std::optional<std::string> name;
    std::optional<std::string> ods;
    std::optional<std::string> ons;
    std::vector<Ref> areas;
    std::vector<Ref> source_refs;
    std::string note;
    std::vector<Ref> deduced;
    std::string inferred;
    std::vector<Ref> secondary;
    bool incomplete = false;
    bool announced = false;
    SourcePos pos;
};
struct RawAnnouncement {
    std::string id;
    Date date;
    std::vector<Ref> bodies;
    std::vector<Ref> kinds;
    std::string what;
    std::string note;
    std::vector<Ref> source_refs;
    bool applied = false;
    SourcePos pos;
};
struct RawClaim {
    Ref function;
    std::vector<std::string> area_kinds;
    Date from;
    std::optional<Date> to;
    std::vector<Ref> source_refs;
    SourcePos pos;
};

struct RawTable {
    Table table;
    RawPeriod period;
    std::vector<Ref> source_refs;
};

struct RawSmallAreas {
    Ref function;
    Date derive_from;
    Date complete_from;
    std::vector<int> population_years;
    SourcePos pos;
};

struct RawDataset {
    int schema_version = 0;
    std::string name;
    std::string version;
    std::string description;
    std::string directory;
    std::optional<Date> horizon;
    std::vector<RawKind> kinds;
    std::vector<RawFunction> functions;
    std::vector<Source> sources;
    std::vector<RawArea> areas;
    std::vector<RawBody> bodies;
    std::vector<RawEvent> events;
    std::vector<RawClaim> claims;
    std::vector<RawTable> tables;
    std::vector<RawAnnouncement> announcements;
    std::optional<RawSmallAreas> small_areas;
};

/// Reads one file into `out`. @throws DataError
void read_file(RawDataset& out, const std::filesystem::path& path, const std::string& shown, bool manifest);

/// Reads a dataset directory. With `problems`, a file that cannot be read is recorded there and
/// skipped; without, the first error is thrown.
RawDataset read_directory(const std::string& directory, std::vector<std::string>* problems);

} // namespace orglineage::detail
