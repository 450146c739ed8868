// SPDX-License-Identifier: MIT
// orglineage — a body (organisation) and an area, with everything that changes over time.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/date.hpp>
#include <orglineage/error.hpp>
#include <orglineage/share.hpp>

#include <string>
#include <vector>

namespace orglineage {

/// A value valid over a period (a name, a code).
template <class T> struct Timed {
    T value;
    Period period;
};

/// Part or all of an area served by a body over a period.
struct ORGLINEAGE_API Coverage {
    std::string area; ///< area code
    Period period;
    Share share = 1.0; ///< the part of the area served; nullopt when not known
    ShareBasis basis = ShareBasis::whole;
    std::vector<std::string> sources;
    std::string note; ///< why the share is what it is (required for a completeness claim to accept an unknown share)
    SourcePos pos;
};

/// A function held over a period, by right or by delegation.
struct ORGLINEAGE_API Holding {
    std::string function;
    Period period;
    std::string delegated_by; ///< body id keeping the legal duty; empty when held in law
    std::vector<std::string> sources;
    SourcePos pos;
    /// Where only part of the function is held (e.g. some specialised services): which part. Answers
    /// that rest on the holding say so.
    std::string part;
};

/// Membership of a group (cluster, SHA, region, ICB) over a period.
struct ORGLINEAGE_API Membership {
    std::string group; ///< body id of the group
    Period period;
    std::vector<std::string> sources;
    SourcePos pos;
    bool deduced = false; ///< the sources name the group, not this member in it: worked out (see note)
    std::string note;     ///< how the membership was found, or what is uncertain about it
};

/// One organisation. Its id is stable; its codes and names may change and may be reused by others.
struct ORGLINEAGE_API Body {
    std::string id;
    std::string kind;
    Period period;
    std::vector<Timed<std::string>> names; ///< in date order, not overlapping
    std::vector<Timed<std::string>> ods;   ///< ODS codes in date order
    std::vector<Timed<std::string>> ons;   ///< ONS codes in date order
    std::vector<Coverage> coverage;
    std::vector<Holding> holdings; ///< kind defaults and transfers already applied
    std::vector<Membership> memberships;
    std::vector<std::string> sources;
    std::string note;
    bool secondary_only = false; ///< the body is known from secondary sources only
    bool announced = false;      ///< announced, not in force (present only when asked for)
    /// Not one organisation: it stands for one or more bodies the sources read do not name (its note says
    /// what is known), so that an area's holder on a date is said to be unnamed rather than left out.
    bool placeholder = false;
    /// What of the record is inferred rather than read (its name, its code) and how; every answer that names
    /// the body carries it. Empty when everything in the record is read from its sources.
    std::string inferred;
    SourcePos pos;

    /// The name on a date, else the nearest (first before, else first after); "" when it has none.
    [[nodiscard]] const std::string& name_on(const Date& d) const noexcept;
    /// The last name it had; "" when it has none (a hand-built body).
    [[nodiscard]] const std::string& name() const noexcept;
    /// The ODS/ONS code on a date, or "" when it had none then.
    [[nodiscard]] std::string ods_on(const Date& d) const;
    [[nodiscard]] std::string ons_on(const Date& d) const;
    /// The code it had last (or "").
    [[nodiscard]] std::string last_ods() const { return ods.empty() ? std::string{} : ods.back().value; }
    [[nodiscard]] std::string last_ons() const { return ons.empty() ? std::string{} : ons.back().value; }
    [[nodiscard]] bool active_on(const Date& d) const noexcept { return period.contains(d); }
};

/// An area unit that coverage is expressed in (a local authority, England, an LSOA).
struct ORGLINEAGE_API Area {
    std::string code; ///< its identity (an ONS code)
    std::string name;
    std::string kind;
    std::string parent; ///< area code, or ""
    Period period;
    std::vector<std::string> sources;
    SourcePos pos;
};

/// A citation.
struct ORGLINEAGE_API Source {
    std::string id;
    std::string title;
    std::string url;
    std::string publisher;
    std::string licence;
    std::string accessed;
    std::string note;
    bool secondary = false; ///< a secondary source (an encyclopaedia, a copy), not a primary record
    SourcePos pos;
};

} // namespace orglineage
