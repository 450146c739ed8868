// SPDX-License-Identifier: MIT
// The references of a decoded image, checked once: what the YAML checker proved of the sources,
// re-proved cheaply of the bytes (a Lineage follows these ids without looking).
#include "image/format.hpp"

#include <unordered_set>

namespace orglineage::detail {

namespace {

class RefCheck {
  public:
    RefCheck(const Dataset& ds, const std::string& file) : m_ds(ds), m_file(file) {
        for (const auto& b : ds.bodies)
            if (!m_bodies.insert(b.id).second) fail("body '" + b.id + "' twice");
        for (const auto& a : ds.areas) m_areas.insert(a.code);
    }
    void body(const std::string& id, const std::string& where) const {
        if (!m_bodies.count(id)) fail(where + " names unknown body '" + id + "'");
    }
    void area(const std::string& code, const std::string& where) const {
        if (!m_areas.count(code)) fail(where + " names unknown area '" + code + "'");
    }
    void function(const std::string& id, const std::string& where) const {
        if (!m_ds.functions.contains(id)) fail(where + " names unknown function '" + id + "'");
    }
    [[noreturn]] void fail(const std::string& what) const { image_error(m_file, what); }

  private:
    const Dataset& m_ds;
    const std::string& m_file;
    std::unordered_set<std::string> m_bodies;
    std::unordered_set<std::string> m_areas;
};

void check_body(const RefCheck& c, const Body& b) {
    const std::string where = "body '" + b.id + "'";
    if (b.names.empty()) c.fail(where + " has no name");
    for (const auto& cov : b.coverage) c.area(cov.area, where);
    for (const auto& h : b.holdings) {
        c.function(h.function, where);
        if (!h.delegated_by.empty()) c.body(h.delegated_by, where);
    }
    for (const auto& m : b.memberships) c.body(m.group, where);
}

} // namespace

void check_references(const Dataset& ds, const std::string& file) {
    const RefCheck c(ds, file);
    for (const auto& b : ds.bodies) check_body(c, b);
    for (const auto& e : ds.events) {
        const std::string where = "event '" + e.id + "'";
        for (const auto& l : e.links) {
            c.body(l.from, where);
            c.body(l.to, where);
            for (const auto& f : l.functions) c.function(f, where);
        }
        for (const auto& s : e.subjects) c.body(s, where);
        if (!e.group.empty()) c.body(e.group, where);
        if (!e.function.empty()) c.function(e.function, where);
    }
}

} // namespace orglineage::detail
