// SPDX-License-Identifier: MIT
// Internal: the builder's state and its steps, in the order build() takes them. Each step reads the
// records as read (src/read) and writes the Dataset; problems carry the record's position.
// builder.cpp: the manifest, sources, areas, bodies, claims and tables; events.cpp: the events, one
// step each; holdings.cpp: the functions each body holds; announced.cpp: announced changes.
#pragma once

#include "check/messages.hpp"
#include "check/problems.hpp"
#include "core/rules.hpp"
#include "read/raw_dataset.hpp"

#include <orglineage/dataset.hpp>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace orglineage::detail {

class Builder {
  public:
    Builder(RawDataset raw, std::vector<std::string>* problems) : m_raw(std::move(raw)), m_problems(problems) {}

    Dataset build();

  private:
    RawDataset m_raw;
    Problems m_problems;
    Dataset m_ds;
    std::unordered_map<std::string, std::size_t> m_body_ix;
    std::unordered_map<std::string, std::size_t> m_area_ix;
    std::unordered_map<std::string, std::size_t> m_source_ix;
    std::vector<const RawBody*> m_raw_of; ///< raw record of each built body
    std::vector<std::optional<std::size_t>> m_end_event;

    void fail(const SourcePos& pos, const std::string& message) { m_problems.fail(pos, message); }

    // Resolving references: each reports what it cannot resolve.
    std::vector<std::string> sources(const std::vector<Ref>& refs);
    Body* body(const Ref& r, std::string_view what);
    bool function(const Ref& r);
    /// A sub-record's period: defaults from `outer`, and must lie inside it.
    Period inner_period(const RawPeriod& p, const Period& outer, const SourcePos& pos, std::string_view what);

    // The steps of build(), in order.
    void build_manifest();
    void build_sources();
    void build_areas();
    void build_bodies();
    void build_body_parts(Body& b, const RawBody& rb);
    void build_events();
    void check_ends();
    void build_holdings();
    void build_claims();
    void build_tables();
    void build_announcements();

    // The steps of one event (events.cpp). Those returning bool report whether the event is sound;
    // an event with unknown subjects (or an unknown group to join or leave) is left out.
    std::vector<std::size_t> events_in_date_order() const;
    std::optional<Event> build_event(const RawEvent& re);
    Event event_record(const RawEvent& re);
    bool take_subjects(const RawEvent& re, const std::string& what, Event& ev, std::vector<Body*>& subjects);
    bool subjects_in_force(const RawEvent& re, const std::string& what, const std::vector<Body*>& subjects);
    bool add_links(const RawEvent& re, const std::string& what, const std::vector<Body*>& subjects, Event& ev);
    bool group_functions(const RawGroup& g, const std::string& what, std::set<std::string>& taken,
                         std::vector<std::string>& functions);
    bool group_shares(const RawEvent& re, const RawGroup& g, const std::string& what, ShareBasis& basis);
    bool link_targets(const RawEvent& re, const RawGroup& g, const std::string& what,
                      const std::vector<Body*>& subjects, const std::vector<std::string>& functions,
                      const std::vector<std::string>& group_sources, ShareBasis basis, Event& ev);
    bool take_areas(const RawEvent& re, const std::string& what, Event& ev);
    void change_names(const RawEvent& re, const std::string& what, Body& b, Event& ev);
    void change_membership(const RawEvent& re, const std::string& what, const Event& ev, Body& b);

    // The functions held (holdings.cpp).
    bool holds(const Body& b, const std::string& f, const Date& d) const;
    void declared_holdings(Body& b, const RawBody& rb);
    void transfer_functions(const Event& ev);
    void check_abolished_functions();
};

} // namespace orglineage::detail
