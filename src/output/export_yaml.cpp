// SPDX-License-Identifier: MIT
// Writing a Dataset back to YAML. The loader derives some records from others (names and codes
// from rename/recode events, memberships from join events, holdings from kind defaults and
// transfer-function events), so the writer gives each fact in the one place it came from, and
// reloading does not apply a change twice.
#include <orglineage/error.hpp>
#include <orglineage/export.hpp>
#include <orglineage/output_file.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace orglineage {

namespace {

/// Strings the loader would read as null (and so as missing) must be quoted.
bool reads_as_null(const std::string& s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

void scalar(YAML::Emitter& e, const std::string& s) {
    if (reads_as_null(s))
        e << YAML::DoubleQuoted << s;
    else
        e << s;
}

void key_value(YAML::Emitter& e, const char* key, const std::string& value) {
    e << YAML::Key << key << YAML::Value;
    scalar(e, value);
}

void opt_value(YAML::Emitter& e, const char* key, const std::string& value) {
    if (!value.empty()) key_value(e, key, value);
}

/// The shortest text that reads back as the same double.
std::string number(double v) {
    char buf[40];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        std::istringstream in(buf);
        in.imbue(std::locale::classic());
        double back = 0;
        if (in >> back && back == v) break;
    }
    return buf;
}

void id_list(YAML::Emitter& e, const char* key, const std::vector<std::string>& ids) {
    e << YAML::Key << key << YAML::Value;
    if (ids.size() == 1) {
        scalar(e, ids.front());
        return;
    }
    e << YAML::Flow << YAML::BeginSeq;
    for (const auto& id : ids) scalar(e, id);
    e << YAML::EndSeq;
}

void sources(YAML::Emitter& e, const std::vector<std::string>& ids) {
    if (!ids.empty()) id_list(e, "source", ids);
}

/// from/to of a sub-record: written where they differ from the defaults the loader would take.
void sub_period(YAML::Emitter& e, const Period& p, const Period& outer) {
    if (p.from != outer.from) key_value(e, "from", format_date(p.from));
    if (p.until != outer.until && p.until) key_value(e, "to", format_date(*p.last_day()));
}

bool is_builtin(const FunctionInfo& f) {
    static const FunctionCatalogue builtin;
    const auto* b = builtin.find(f.id);
    return b && b->parent == f.parent && b->name == f.name;
}

void write_manifest(YAML::Emitter& e, const Dataset& ds) {
    e << YAML::Key << "schema_version" << YAML::Value << (ds.schema_version ? ds.schema_version : 1);
    key_value(e, "name", ds.name);
    key_value(e, "version", ds.version);
    opt_value(e, "description", ds.description);
    if (ds.horizon) key_value(e, "knowledge-horizon", format_date(*ds.horizon));
    if (const auto& sa = ds.small_areas) {
        e << YAML::Key << "small-areas" << YAML::Value << YAML::Flow << YAML::BeginMap;
        key_value(e, "function", sa->function);
        key_value(e, "derive-from", format_date(sa->derive_from));
        key_value(e, "complete-from", format_date(sa->complete_from));
        e << YAML::Key << "population-years" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const int y : sa->population_years) e << y;
        e << YAML::EndSeq << YAML::EndMap;
    }
    e << YAML::Key << "kinds" << YAML::Value << YAML::BeginMap;
    for (const auto& [id, k] : ds.kinds) {
        e << YAML::Key << id << YAML::Value << YAML::Flow << YAML::BeginMap;
        key_value(e, "name", k.name);
        opt_value(e, "family", k.family);
        e << YAML::Key << "functions" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& f : k.functions) scalar(e, f);
        e << YAML::EndSeq << YAML::EndMap;
    }
    e << YAML::EndMap;
    std::vector<const FunctionInfo*> added;
    for (const auto& f : ds.functions.all())
        if (!is_builtin(f)) added.push_back(&f);
    if (!added.empty()) {
        e << YAML::Key << "functions" << YAML::Value << YAML::BeginSeq;
        for (const auto* f : added) {
            e << YAML::Flow << YAML::BeginMap;
            key_value(e, "id", f->id);
            opt_value(e, "parent", f->parent);
            opt_value(e, "name", f->name);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
}

void write_sources(YAML::Emitter& e, const Dataset& ds) {
    if (ds.sources.empty()) return;
    e << YAML::Key << "sources" << YAML::Value << YAML::BeginMap;
    for (const auto& s : ds.sources) {
        e << YAML::Key << s.id << YAML::Value << YAML::BeginMap;
        key_value(e, "title", s.title);
        opt_value(e, "url", s.url);
        opt_value(e, "publisher", s.publisher);
        opt_value(e, "licence", s.licence);
        opt_value(e, "accessed", s.accessed);
        opt_value(e, "note", s.note);
        if (s.secondary) key_value(e, "secondary", "true");
        e << YAML::EndMap;
    }
    e << YAML::EndMap;
}

void write_areas(YAML::Emitter& e, const Dataset& ds) {
    if (ds.areas.empty()) return;
    const Date beginning(boost::gregorian::min_date_time);
    e << YAML::Key << "areas" << YAML::Value << YAML::BeginSeq;
    for (const auto& a : ds.areas) {
        e << YAML::Flow << YAML::BeginMap;
        key_value(e, "code", a.code);
        key_value(e, "name", a.name);
        key_value(e, "kind", a.kind);
        opt_value(e, "parent", a.parent);
        if (a.period.from != beginning) key_value(e, "from", format_date(a.period.from));
        if (a.period.until) key_value(e, "to", format_date(*a.period.last_day()));
        sources(e, a.sources);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

/// The first value of a name or code, when the body had it from its start (a recode may add a
/// code later; that is the event's to write).
const std::string* initial(const std::vector<Timed<std::string>>& values, const Body& b) {
    if (values.empty() || values.front().period.from != b.period.from) return nullptr;
    return &values.front().value;
}

/// Memberships that join events created (the reloaded join creates them again).
std::set<std::pair<std::string, std::size_t>> joined_memberships(const Dataset& ds) {
    std::map<std::string, const Body*> by_id;
    for (const auto& b : ds.bodies) by_id.emplace(b.id, &b);
    std::set<std::pair<std::string, std::size_t>> out;
    for (const auto& ev : ds.events) {
        if (ev.kind != EventKind::join || ev.subjects.empty()) continue;
        auto it = by_id.find(ev.subjects.front());
        if (it == by_id.end()) continue;
        const auto& ms = it->second->memberships;
        // The last matching one not taken yet: joins are appended after the member-of entries.
        for (std::size_t i = ms.size(); i-- > 0;) {
            if (ms[i].group == ev.group && ms[i].period.from == ev.date && ms[i].sources == ev.sources &&
                out.emplace(it->second->id, i).second)
                break;
        }
    }
    return out;
}

/// True when a body's holdings are exactly its kind's defaults (then `functions:` is left out).
bool default_holdings(const Body& b, const Dataset& ds) {
    auto k = ds.kinds.find(b.kind);
    if (k == ds.kinds.end() || k->second.functions.size() != b.holdings.size()) return false;
    for (std::size_t i = 0; i < b.holdings.size(); ++i) {
        const auto& h = b.holdings[i];
        if (h.function != k->second.functions[i] || !(h.period == b.period) || !h.delegated_by.empty() ||
            !h.sources.empty() || !h.part.empty())
            return false;
    }
    return true;
}

void write_bodies(YAML::Emitter& e, const Dataset& ds) {
    if (ds.bodies.empty()) return;
    const auto joined = joined_memberships(ds);
    e << YAML::Key << "bodies" << YAML::Value << YAML::BeginSeq;
    for (const auto& b : ds.bodies) {
        e << YAML::BeginMap;
        key_value(e, "id", b.id);
        key_value(e, "kind", b.kind);
        if (const auto* n = initial(b.names, b)) key_value(e, "name", *n);
        else if (!b.names.empty()) key_value(e, "name", b.names.front().value);
        if (const auto* c = initial(b.ods, b)) key_value(e, "ods", *c);
        if (const auto* c = initial(b.ons, b)) key_value(e, "ons", *c);
        key_value(e, "from", format_date(b.period.from));
        if (b.period.until) key_value(e, "to", format_date(*b.period.last_day()));
        sources(e, b.sources);
        opt_value(e, "note", b.note);
        if (b.secondary_only) key_value(e, "secondary-only", "true");
        if (b.placeholder) key_value(e, "placeholder", "true");
        opt_value(e, "inferred", b.inferred);
        if (b.announced) key_value(e, "status", "announced");
        if (!b.coverage.empty()) {
            e << YAML::Key << "coverage" << YAML::Value << YAML::BeginSeq;
            for (const auto& c : b.coverage) {
                e << YAML::Flow << YAML::BeginMap;
                key_value(e, "area", c.area);
                // An unknown share is written as basis: unknown with no share, which the loader reads back the same.
                if (c.share && *c.share != 1.0) key_value(e, "share", number(*c.share));
                if (!c.share || c.basis != ShareBasis::whole || *c.share < 1.0)
                    key_value(e, "basis", std::string(to_string(c.share ? c.basis : ShareBasis::unknown)));
                sub_period(e, c.period, b.period);
                if (c.sources != b.sources) sources(e, c.sources);
                opt_value(e, "note", c.note);
                e << YAML::EndMap;
            }
            e << YAML::EndSeq;
        }
        if (!default_holdings(b, ds)) {
            e << YAML::Key << "functions" << YAML::Value << YAML::BeginSeq;
            for (const auto& h : b.holdings) {
                e << YAML::Flow << YAML::BeginMap;
                key_value(e, "function", h.function);
                sub_period(e, h.period, b.period);
                opt_value(e, "delegated-by", h.delegated_by);
                sources(e, h.sources);
                opt_value(e, "part", h.part);
                e << YAML::EndMap;
            }
            e << YAML::EndSeq;
        }
        bool any_member = false;
        for (std::size_t i = 0; i < b.memberships.size(); ++i) {
            if (joined.count({b.id, i})) continue;
            if (!any_member) e << YAML::Key << "member-of" << YAML::Value << YAML::BeginSeq;
            any_member = true;
            const auto& m = b.memberships[i];
            e << YAML::Flow << YAML::BeginMap;
            key_value(e, "group", m.group);
            // Always explicit: the default (the days both bodies exist) depends on the group.
            key_value(e, "from", format_date(m.period.from));
            if (m.period.until) key_value(e, "to", format_date(*m.period.last_day()));
            sources(e, m.sources);
            if (m.deduced) key_value(e, "deduced", "true");
            if (!m.note.empty()) key_value(e, "note", m.note);
            e << YAML::EndMap;
        }
        if (any_member) e << YAML::EndSeq;
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

/// A successor list: a single body without a share, or {body, share} entries.
void targets(YAML::Emitter& e, const std::vector<const Link*>& links) {
    e << YAML::Key << "to" << YAML::Value << YAML::BeginSeq;
    const bool several = links.size() > 1;
    for (const auto* l : links) {
        e << YAML::Flow << YAML::BeginMap;
        key_value(e, "body", l->to);
        if (several && l->share) key_value(e, "share", number(*l->share));
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
    // One successor takes everything (share 1); its basis matters only without a share.
    if (several || links.front()->basis != ShareBasis::whole)
        key_value(e, "basis", std::string(to_string(links.front()->basis)));
}

/// The distinct targets of an event's links (one link per subject and target).
std::vector<const Link*> by_target(const std::vector<const Link*>& links) {
    std::vector<const Link*> out;
    std::set<std::string> seen;
    for (const auto* l : links)
        if (seen.insert(l->to).second) out.push_back(l);
    return out;
}

void write_event(YAML::Emitter& e, const Event& ev) {
    e << YAML::BeginMap;
    key_value(e, "id", ev.id);
    key_value(e, "date", format_date(ev.date));
    key_value(e, "kind", std::string(to_string(ev.kind)));
    std::vector<const Link*> links;
    for (const auto& l : ev.links) links.push_back(&l);
    const auto first_to = links.empty() ? std::string{} : links.front()->to;
    switch (ev.kind) {
    case EventKind::merge:
        id_list(e, "from", ev.subjects);
        key_value(e, "to", first_to);
        break;
    case EventKind::split:
        key_value(e, "from", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        if (!links.empty()) targets(e, by_target(links));
        break;
    case EventKind::abolish: {
        key_value(e, "body", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        // Links come group by group; a group is the run of links with the same functions.
        std::vector<std::vector<const Link*>> groups;
        for (const auto* l : links) {
            if (groups.empty() || groups.back().front()->functions != l->functions) groups.emplace_back();
            groups.back().push_back(l);
        }
        if (!groups.empty()) {
            e << YAML::Key << "successors" << YAML::Value << YAML::BeginSeq;
            for (const auto& g : groups) {
                e << YAML::BeginMap;
                e << YAML::Key << "functions" << YAML::Value << YAML::Flow << YAML::BeginSeq;
                for (const auto& f : g.front()->functions) scalar(e, f);
                e << YAML::EndSeq;
                targets(e, g);
                sources(e, g.front()->sources);
                e << YAML::EndMap;
            }
            e << YAML::EndSeq;
        }
        break;
    }
    case EventKind::transfer:
        key_value(e, "from", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        key_value(e, "to", first_to);
        if (!links.empty()) {
            if (links.front()->share) key_value(e, "share", number(*links.front()->share));
            key_value(e, "basis", std::string(to_string(links.front()->basis)));
        }
        if (!ev.areas.empty()) {
            e << YAML::Key << "areas" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const auto& a : ev.areas) scalar(e, a);
            e << YAML::EndSeq;
        }
        break;
    case EventKind::transfer_function:
        key_value(e, "function", ev.function);
        id_list(e, "from", ev.subjects);
        key_value(e, "to", first_to);
        break;
    case EventKind::rename:
        key_value(e, "body", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        key_value(e, "name", ev.name.value_or(std::string{}));
        break;
    case EventKind::recode:
        key_value(e, "body", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        // An empty code removes it: written as null.
        if (ev.ods) {
            e << YAML::Key << "ods" << YAML::Value;
            if (ev.ods->empty()) e << YAML::Null;
            else scalar(e, *ev.ods);
        }
        if (ev.ons) {
            e << YAML::Key << "ons" << YAML::Value;
            if (ev.ons->empty()) e << YAML::Null;
            else scalar(e, *ev.ons);
        }
        break;
    case EventKind::join:
    case EventKind::leave:
        key_value(e, "body", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        key_value(e, "group", ev.group);
        break;
    case EventKind::establish:
        key_value(e, "body", ev.subjects.empty() ? std::string{} : ev.subjects.front());
        break;
    }
    sources(e, ev.sources);
    opt_value(e, "note", ev.note);
    if (!ev.deduced.empty()) id_list(e, "deduced", ev.deduced);
    if (!ev.secondary.empty()) id_list(e, "secondary", ev.secondary);
    opt_value(e, "inferred", ev.inferred);
    if (ev.incomplete) key_value(e, "incomplete", "true");
    if (ev.announced) key_value(e, "status", "announced");
    e << YAML::EndMap;
}

/// Announcements that are not events of the dataset (an applied announced event is written as one).
void write_announcements(YAML::Emitter& e, const Dataset& ds) {
    std::vector<const Announcement*> own;
    for (const auto& a : ds.announcements)
        if (!a.applied) own.push_back(&a);
    if (own.empty()) return;
    e << YAML::Key << "announcements" << YAML::Value << YAML::BeginSeq;
    for (const auto* a : own) {
        e << YAML::BeginMap;
        key_value(e, "id", a->id);
        key_value(e, "date", format_date(a->date));
        if (!a->bodies.empty()) id_list(e, "bodies", a->bodies);
        if (!a->kinds.empty()) id_list(e, "kinds", a->kinds);
        key_value(e, "note", a->note);
        sources(e, a->sources);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

void write_claims(YAML::Emitter& e, const Dataset& ds) {
    if (ds.claims.empty()) return;
    e << YAML::Key << "claims" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : ds.claims) {
        e << YAML::BeginMap;
        key_value(e, "function", c.function);
        e << YAML::Key << "area-kinds" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& k : c.area_kinds) scalar(e, k);
        e << YAML::EndSeq;
        key_value(e, "from", format_date(c.period.from));
        if (c.period.until) key_value(e, "to", format_date(*c.period.last_day()));
        sources(e, c.sources);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

void write_tables(YAML::Emitter& e, const Dataset& ds) {
    if (ds.tables.empty()) return;
    e << YAML::Key << "tables" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : ds.tables) {
        e << YAML::BeginMap;
        key_value(e, "id", t.id);
        key_value(e, "kind", t.kind);
        key_value(e, "path", t.path);
        opt_value(e, "vintage", t.vintage);
        key_value(e, "from", format_date(t.period.from));
        if (t.period.until) key_value(e, "to", format_date(*t.period.last_day()));
        sources(e, t.sources);
        opt_value(e, "note", t.note);
        if (t.derived) key_value(e, "derived", "true");
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;
}

} // namespace

void write_yaml(std::ostream& out, const Dataset& dataset) {
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap;
    write_manifest(e, dataset);
    write_sources(e, dataset);
    write_areas(e, dataset);
    write_bodies(e, dataset);
    if (!dataset.events.empty()) {
        e << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
        for (const auto& ev : dataset.events) write_event(e, ev);
        e << YAML::EndSeq;
    }
    write_claims(e, dataset);
    write_tables(e, dataset);
    write_announcements(e, dataset);
    e << YAML::EndMap;
    if (!e.good()) throw Error("cannot write the dataset as YAML: " + e.GetLastError());
    out << "# " << dataset.name << " " << dataset.version
        << ", written by orglineage (docs/data-format.md); a complete dataset in one file\n"
        << e.c_str() << '\n';
}

std::string to_yaml(const Dataset& dataset) {
    std::ostringstream out;
    write_yaml(out, dataset);
    return out.str();
}

void export_dataset(const Dataset& dataset, const std::string& directory) {
    namespace fs = std::filesystem;
    // Writing over the dataset read would leave its manifest holding everything beside the files
    // that hold it already: a dataset that no longer loads.
    std::error_code same_ec;
    if (!dataset.directory.empty() && fs::equivalent(directory, dataset.directory, same_ec))
        throw Error(directory + ": is the directory the dataset was read from (export to another one)");
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) throw IoError(directory, "cannot create the directory (" + ec.message() + ")");
    OutputFile out((fs::path(directory) / "dataset.yaml").string());
    write_yaml(out.stream(), dataset);
    out.commit();
}

} // namespace orglineage
