// SPDX-License-Identifier: MIT
// Reading a dataset directory into plain records, through libyaml's events (read/yaml_events.hpp):
// the manifest whole, every other file streamed one record at a time. Every value is checked where
// it is read, with its position; cross-record checks are in src/build/builder.cpp.
#include "read/raw_dataset.hpp"
#include "read/yaml_events.hpp"

#include <orglineage/error.hpp>
#include <orglineage/load.hpp>
#include <orglineage/text.hpp>


#include <algorithm>
#include <array>
#include <atomic>
#include <thread>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace orglineage::detail {

namespace fs = std::filesystem;

namespace {

/// Keys every event may carry: what its record rests on, and whether it is in force.
const std::initializer_list<std::string_view> k_event_caveats = {"deduced", "secondary", "incomplete",
                                                                 "status", "inferred"};

/// Reads one file; positions are relative to the dataset directory's parent for short messages.
class FileReader {
  public:
    FileReader(RawDataset& out, std::string file, fs::path dir)
        : m_out(out), m_file(std::move(file)), m_dir(std::move(dir)) {}

    void read_manifest(YNode root);
    void read_small_areas(YNode n);
    /// The sections of a file read whole (the manifest).
    void read_content(YNode root);
    /// The top-level mapping of a data file, streamed: one record built at a time from the events.
    /// The current event is the mapping's start.
    void stream_content(YamlEvents& events);

    /// A top-level section of a data file and the reader of one of its items.
    struct Section {
        std::string_view key;
        bool mapping;               ///< `sources` maps ids to records; the others are lists
        std::string_view not_so;    ///< what is said when it is neither empty nor of that shape
        void (FileReader::*item)(YNode key, YNode value);
    };
    static const std::array<Section, 7> k_sections;
    static const Section* section(std::string_view key);

  private:
    RawDataset& m_out;
    std::string m_file;
    fs::path m_dir; ///< the directory of the file, for relative paths

    SourcePos pos(YNode n) const {
        if (n.line() < 0) return SourcePos{m_file, 0, 0};
        return SourcePos{m_file, n.line() + 1, n.column() + 1};
    }
    [[noreturn]] void fail(YNode n, const std::string& msg) const {
        throw DataError(pos(n), msg);
    }

    /// A mapping's keys checked against the allowed ones; `x-` keys are comments.
    class Fields {
      public:
        /// `also`: keys every record of a family may carry (e.g. the caveats of every event).
        Fields(const FileReader& r, YNode map, std::string_view what,
               std::initializer_list<std::string_view> allowed,
               std::initializer_list<std::string_view> also = {})
            : m_r(r), m_map(map), m_what(what) {
            if (!map.is_map()) r.fail(map, std::string(what) + " must be a mapping");
            std::set<std::string> seen;
            for (const auto& kv : map.entries()) {
                if (!kv.first.is_scalar()) r.fail(kv.first, "a key must be a plain word");
                const auto key = kv.first.scalar();
                if (!seen.insert(key).second)
                    r.fail(kv.first, "duplicate key '" + key + "' in " + std::string(what));
                if (key.rfind("x-", 0) == 0) continue;
                if (std::find(allowed.begin(), allowed.end(), key) == allowed.end() &&
                    std::find(also.begin(), also.end(), key) == also.end()) {
                    std::string list;
                    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                    for (auto a : also) list += (list.empty() ? "" : ", ") + std::string(a);
                    r.fail(kv.first, "unknown key '" + key + "' in " + std::string(what) +
                                         " (expected one of: " + list + ")");
                }
            }
        }
        /// The value of `key`, or an undefined node (false in a condition) when absent or null.
        [[nodiscard]] YNode opt(const char* key) const {
            const YNode n = m_map[key];
            return n.is_defined() && !n.is_null() ? n : YNode();
        }
        [[nodiscard]] bool has(const char* key) const { return opt(key).is_defined(); }
        [[nodiscard]] YNode req(const char* key) const {
            const YNode n = m_map[key];
            if (!n || n.is_null())
                m_r.fail(m_map, "missing key '" + std::string(key) + "' in " + std::string(m_what));
            return n;
        }

      private:
        const FileReader& m_r;
        YNode m_map;
        // Fuzzing (issue 7, ASan heap-use-after-free): callers pass a temporary such as
        // "kind '" + id + "'", so a view of it dangled by the time req() built its message.
        std::string m_what;
    };

    std::string str(YNode n, std::string_view what) const {
        if (!n.is_scalar()) fail(n, std::string(what) + " must be a single value");
        return n.scalar();
    }
    std::string id_str(YNode n, std::string_view what) const {
        auto s = str(n, what);
        if (s.empty()) fail(n, std::string(what) + " must not be empty");
        for (char c : s)
            if (c == ' ' || c == '\t' || c == '\n')
                fail(n, std::string(what) + " '" + s + "' must not contain white space");
        return s;
    }
    Date date(YNode n, std::string_view what) const {
        const auto s = str(n, what);
        auto d = parse_date(s);
        if (!d) fail(n, "bad date '" + s + "' for " + std::string(what) + " (expected YYYY-MM-DD, a real day)");
        return *d;
    }
    double share(YNode n) const {
        const auto s = str(n, "share");
        double v = 0;
        std::istringstream in(s);
        in.imbue(std::locale::classic());
        if (!(in >> v) || !in.eof() || !std::isfinite(v))
            fail(n, "bad share '" + s + "' (expected a number in (0, 1])");
        if (v <= 0.0 || v > 1.0 + 1e-9) fail(n, "share '" + s + "' is outside (0, 1]");
        return std::min(v, 1.0);
    }
    ShareBasis basis(YNode n) const {
        const auto s = str(n, "basis");
        auto b = parse_share_basis(s);
        if (!b) fail(n, "unknown basis '" + s + "' (expected whole, population, postcodes, practices, area or unknown)");
        return *b;
    }
    bool flag(YNode n, std::string_view what) const {
        const auto s = str(n, what);
        if (s == "true") return true;
        if (s == "false") return false;
        fail(n, "bad value '" + s + "' for " + std::string(what) + " (expected true or false)");
    }
    /// `status: announced` (published, not yet in force) or `in-force` (the default).
    bool status(YNode n) const {
        const auto s = str(n, "status");
        if (s == "announced") return true;
        if (s == "in-force") return false;
        fail(n, "unknown status '" + s + "' (expected in-force or announced)");
    }
    std::vector<std::string> str_list(YNode n, std::string_view what) const {
        std::vector<std::string> out;
        if (!n.is_defined() || n.is_null()) return out;
        if (n.is_scalar()) {
            out.push_back(id_str(n, what));
            return out;
        }
        if (!n.is_sequence()) fail(n, std::string(what) + " must be a value or a list of values");
        for (const auto& e : n.items()) out.push_back(id_str(e, what));
        return out;
    }
    std::vector<Ref> ref_list(YNode n, std::string_view what) const {
        std::vector<Ref> out;
        if (n.is_scalar()) {
            out.push_back({id_str(n, what), pos(n)});
            return out;
        }
        if (!n.is_sequence() || n.size() == 0) fail(n, std::string(what) + " must be an id or a non-empty list of ids");
        for (const auto& e : n.items()) out.push_back({id_str(e, what), pos(e)});
        return out;
    }
    std::vector<Ref> sources(YNode n) const {
        if (n.is_sequence() && n.size() == 0) fail(n, "source must name at least one source");
        return ref_list(n, "source");
    }
    /// from/to of a sub-record: optional, `to` inclusive.
    RawPeriod period(const Fields& f, std::string_view what) const {
        RawPeriod p;
        if (auto n = f.opt("from")) p.from = date(n, std::string(what) + " 'from'");
        if (auto n = f.opt("to")) {
            p.to = date(n, std::string(what) + " 'to'");
            p.to_pos = pos(n);
        }
        if (p.from && p.to && *p.to < *p.from) fail(f.opt("to"), "'to' " + format_date(*p.to) + " is before 'from' " + format_date(*p.from));
        return p;
    }
    std::vector<RawTarget> targets(YNode n) const {
        std::vector<RawTarget> out;
        if (n.is_scalar()) {
            out.push_back({Ref{id_str(n, "body"), pos(n)}, std::nullopt});
            return out;
        }
        if (!n.is_sequence() || n.size() == 0) fail(n, "'to' must be a body id or a non-empty list of {body, share}");
        for (const auto& e : n.items()) {
            if (e.is_scalar()) {
                out.push_back({Ref{id_str(e, "body"), pos(e)}, std::nullopt});
                continue;
            }
            Fields f(*this, e, "a successor", {"body", "share"});
            RawTarget t{Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}, std::nullopt};
            if (auto s = f.opt("share")) t.share = share(s);
            out.push_back(std::move(t));
        }
        return out;
    }

    // One item of a top-level section (see Section): `key` is a mapping entry's key (sources), else
    // absent.
    void read_source(YNode id, YNode value);
    void read_area(YNode key, YNode e);
    void read_body(YNode key, YNode e);
    void read_event_item(YNode key, YNode e);
    // One event: the keys all share, then one reader per kind.
    RawEvent read_event(YNode e);
    void event_common(const Fields& f, RawEvent& ev) const;
    void read_merge(YNode e, const std::string& what, RawEvent& ev);
    void read_split(YNode e, const std::string& what, RawEvent& ev);
    void read_abolish(YNode e, const std::string& what, RawEvent& ev);
    void read_successor_groups(YNode s, RawEvent& ev);
    void read_transfer(YNode e, const std::string& what, RawEvent& ev);
    void read_transfer_function(YNode e, const std::string& what, RawEvent& ev);
    void read_rename(YNode e, const std::string& what, RawEvent& ev);
    void read_recode(YNode e, const std::string& what, RawEvent& ev);
    void read_membership_event(YNode e, const std::string& what, RawEvent& ev);
    void read_establish(YNode e, const std::string& what, RawEvent& ev);
    void read_claim(YNode key, YNode e);
    void read_table(YNode key, YNode e);
    void read_announcement(YNode key, YNode e);
};

void FileReader::read_manifest(YNode root) {
    Fields f(*this, root, "dataset.yaml",
             {"schema_version", "name", "version", "description", "knowledge-horizon", "kinds", "functions",
              "small-areas", "claims", "sources", "areas", "bodies", "events", "tables", "announcements"});
    auto sv = f.req("schema_version");
    if (str(sv, "schema_version") != "1")
        fail(sv, "unsupported schema_version '" + sv.scalar() + "' (this library reads 1)");
    m_out.schema_version = 1;
    m_out.name = str(f.req("name"), "name");
    m_out.version = str(f.req("version"), "version");
    if (auto d = f.opt("description")) m_out.description = str(d, "description");
    if (auto h = f.opt("knowledge-horizon")) m_out.horizon = date(h, "knowledge-horizon");
    auto kinds = f.req("kinds");
    if (!kinds.is_map()) fail(kinds, "kinds must be a mapping of kind id to {name, functions}");
    for (const auto& kv : kinds.entries()) {
        RawKind k;
        k.info.id = id_str(kv.first, "kind id");
        k.pos = pos(kv.first);
        Fields kf(*this, kv.second, "kind '" + k.info.id + "'", {"name", "functions", "family"});
        k.info.name = str(kf.req("name"), "name");
        if (auto fam = kf.opt("family")) k.family = Ref{id_str(fam, "family"), pos(fam)};
        if (auto fn = kf.opt("functions")) {
            if (!fn.is_sequence()) fail(fn, "functions must be a list");
            for (const auto& e : fn.items()) k.functions.push_back({id_str(e, "function"), pos(e)});
        }
        m_out.kinds.push_back(std::move(k));
    }
    if (auto fns = f.opt("functions")) {
        if (!fns.is_sequence()) fail(fns, "functions must be a list of {id, parent, name}");
        for (const auto& e : fns.items()) {
            Fields ff(*this, e, "a function", {"id", "parent", "name"});
            RawFunction rf;
            rf.info.id = id_str(ff.req("id"), "function id");
            if (auto p = ff.opt("parent")) rf.info.parent = id_str(p, "parent");
            if (auto nm = ff.opt("name")) rf.info.name = str(nm, "name");
            rf.pos = pos(e);
            m_out.functions.push_back(std::move(rf));
        }
    }
    if (auto sa = f.opt("small-areas")) read_small_areas(sa);
    read_content(root);
}

void FileReader::read_small_areas(YNode n) {
    Fields f(*this, n, "small-areas", {"function", "derive-from", "complete-from", "population-years"});
    RawSmallAreas sa;
    sa.pos = pos(n);
    sa.function = Ref{id_str(f.req("function"), "function"), pos(f.req("function"))};
    sa.derive_from = date(f.req("derive-from"), "derive-from");
    sa.complete_from = date(f.req("complete-from"), "complete-from");
    const auto years = f.req("population-years");
    if (!years.is_sequence() || years.size() == 0) fail(years, "population-years must be a non-empty list of years");
    for (const auto& y : years.items()) {
        const auto text = str(y, "a population year");
        const bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) fail(y, "bad population year '" + text + "' (expected YYYY)");
        const int year = std::stoi(text);
        if (!sa.population_years.empty() && year <= sa.population_years.back())
            fail(y, "population-years must ascend ('" + text + "' follows " + std::to_string(sa.population_years.back()) + ")");
        sa.population_years.push_back(year);
    }
    m_out.small_areas = std::move(sa);
}

const std::array<FileReader::Section, 7> FileReader::k_sections{{
    {"sources", true, "sources must be a mapping of source id to {title, url, ...}", &FileReader::read_source},
    {"areas", false, "areas must be a list", &FileReader::read_area},
    {"bodies", false, "bodies must be a list", &FileReader::read_body},
    {"events", false, "events must be a list", &FileReader::read_event_item},
    {"claims", false, "claims must be a list", &FileReader::read_claim},
    {"tables", false, "tables must be a list", &FileReader::read_table},
    {"announcements", false, "announcements must be a list", &FileReader::read_announcement},
}};

const FileReader::Section* FileReader::section(std::string_view key) {
    for (const auto& s : k_sections)
        if (s.key == key) return &s;
    return nullptr;
}

void FileReader::read_content(YNode root) {
    for (const auto& s : k_sections) {
        const YNode n = root[s.key];
        if (!n || n.is_null()) continue;
        if (s.mapping ? !n.is_map() : !n.is_sequence()) fail(n, std::string(s.not_so));
        if (s.mapping) {
            for (const auto& kv : n.entries()) (this->*s.item)(kv.first, kv.second);
        } else {
            for (const auto& e : n.items()) (this->*s.item)(YNode(), e);
        }
    }
}

void FileReader::stream_content(YamlEvents& ev) {
    std::set<std::string> seen;
    YamlValue key, value; // one record's values at a time, reused
    while (ev.next() != YamlEvents::Event::mapping_end) {
        if (ev.event() != YamlEvents::Event::scalar || ev.is_null()) ev.fail("a key must be a plain word");
        const std::string name = ev.text();
        const Section* s = section(name);
        if (!s && name.rfind("x-", 0) != 0)
            ev.fail("unknown key '" + name +
                    "' at the top of a data file (expected sources, areas, bodies, events, claims or tables; "
                    "schema_version, kinds and functions belong in dataset.yaml)");
        if (!seen.insert(name).second) ev.fail("duplicate key '" + name + "' at the top of a data file");
        ev.next();
        if (!s) { // an x- key: a comment
            ev.skip();
            continue;
        }
        if (ev.event() == YamlEvents::Event::scalar && ev.is_null()) continue;
        const auto shape = s->mapping ? YamlEvents::Event::mapping_start : YamlEvents::Event::sequence_start;
        if (ev.event() != shape) ev.fail(std::string(s->not_so));
        const auto end = s->mapping ? YamlEvents::Event::mapping_end : YamlEvents::Event::sequence_end;
        while (ev.next() != end) {
            if (s->mapping) {
                ev.build(key);
                ev.next();
            }
            ev.build(value);
            (this->*s->item)(s->mapping ? YNode(&key) : YNode(), YNode(&value));
        }
    }
}

void FileReader::read_announcement(YNode, YNode e) {
    Fields f(*this, e, "an announcement", {"id", "date", "bodies", "kinds", "source", "note"});
    RawAnnouncement a;
    a.pos = pos(e);
    a.id = id_str(f.req("id"), "id");
    a.date = date(f.req("date"), "date");
    if (auto b = f.opt("bodies")) a.bodies = ref_list(b, "bodies");
    if (auto k = f.opt("kinds")) a.kinds = ref_list(k, "kinds");
    a.note = str(f.req("note"), "note");
    a.source_refs = sources(f.req("source"));
    m_out.announcements.push_back(std::move(a));
}

void FileReader::read_table(YNode, YNode e) {
    Fields f(*this, e, "a table", {"id", "kind", "path", "vintage", "from", "to", "source", "note", "derived"});
    RawTable t;
    t.table.id = id_str(f.req("id"), "id");
    t.table.kind = id_str(f.req("kind"), "kind");
    t.table.pos = pos(e);
    const auto rel = str(f.req("path"), "path");
    const fs::path p = m_dir / rel;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) fail(f.req("path"), "table file '" + rel + "' does not exist");
    t.table.path = p.lexically_normal().string();
    if (auto v = f.opt("vintage")) t.table.vintage = str(v, "vintage");
    if (auto v = f.opt("note")) t.table.note = str(v, "note");
    if (auto v = f.opt("derived")) t.table.derived = flag(v, "derived");
    t.period = period(f, "table");
    if (!t.period.from) fail(e, "missing key 'from' in a table");
    t.source_refs = sources(f.req("source"));
    m_out.tables.push_back(std::move(t));
}

void FileReader::read_source(YNode id, YNode value) {
    Source s;
    s.id = id_str(id, "source id");
    s.pos = pos(id);
    Fields f(*this, value, "source '" + s.id + "'",
             {"title", "url", "publisher", "licence", "accessed", "note", "secondary"});
    s.title = str(f.req("title"), "title");
    if (auto v = f.opt("url")) s.url = str(v, "url");
    if (auto v = f.opt("publisher")) s.publisher = str(v, "publisher");
    if (auto v = f.opt("licence")) s.licence = str(v, "licence");
    if (auto v = f.opt("accessed")) s.accessed = format_date(date(v, "accessed"));
    if (auto v = f.opt("note")) s.note = str(v, "note");
    if (auto v = f.opt("secondary")) s.secondary = flag(v, "secondary");
    m_out.sources.push_back(std::move(s));
}

void FileReader::read_area(YNode, YNode e) {
    Fields f(*this, e, "an area", {"code", "name", "kind", "parent", "from", "to", "source", "note"});
    RawArea a;
    a.area.code = id_str(f.req("code"), "code");
    a.area.name = str(f.req("name"), "name");
    a.area.kind = id_str(f.req("kind"), "kind");
    a.area.pos = pos(e);
    if (auto p = f.opt("parent")) a.parent = Ref{id_str(p, "parent"), pos(p)};
    a.period = period(f, "area");
    a.source_refs = sources(f.req("source"));
    m_out.areas.push_back(std::move(a));
}

void FileReader::read_body(YNode, YNode e) {
    Fields f(*this, e, "a body",
             {"id", "kind", "name", "ods", "ons", "from", "to", "source", "note", "coverage",
              "functions", "member-of", "secondary-only", "status", "placeholder", "inferred"});
    RawBody b;
    b.id = id_str(f.req("id"), "id");
    b.pos = pos(e);
    b.kind = Ref{id_str(f.req("kind"), "kind"), pos(f.req("kind"))};
    b.name = str(f.req("name"), "name");
    if (b.name.empty()) fail(f.req("name"), "name must not be empty");
    if (auto v = f.opt("ods")) b.ods = id_str(v, "ods");
    if (auto v = f.opt("ons")) b.ons = id_str(v, "ons");
    b.from = date(f.req("from"), "from");
    if (auto v = f.opt("to")) {
        b.to = date(v, "to");
        b.to_pos = pos(v);
        if (*b.to < b.from) fail(v, "'to' " + format_date(*b.to) + " is before 'from' " + format_date(b.from));
    }
    b.source_refs = sources(f.req("source"));
    if (auto v = f.opt("note")) b.note = str(v, "note");
    if (auto v = f.opt("secondary-only")) b.secondary_only = flag(v, "secondary-only");
    if (auto v = f.opt("status")) b.announced = status(v);
    if (auto v = f.opt("placeholder")) b.placeholder = flag(v, "placeholder");
    if (auto v = f.opt("inferred")) b.inferred = str(v, "inferred");
    // What a placeholder stands for reaches every answer that names it: it must be said.
    if (b.placeholder && b.note.empty()) fail(e, "a placeholder body needs a note saying what it stands for");
    if (auto cov = f.opt("coverage")) {
        if (!cov.is_sequence()) fail(cov, "coverage must be a list");
        for (const auto& c : cov.items()) {
            Fields cf(*this, c, "a coverage entry", {"area", "share", "basis", "from", "to", "source", "note"});
            RawCoverage rc;
            rc.area = Ref{id_str(cf.req("area"), "area"), pos(cf.req("area"))};
            rc.pos = pos(c);
            rc.period = period(cf, "coverage");
            if (auto s = cf.opt("share")) rc.share = share(s);
            if (auto s = cf.opt("basis")) rc.basis = basis(s);
            if (rc.share && *rc.share < 1.0 && !rc.basis)
                fail(c, "coverage of '" + rc.area.id + "' has share < 1 but no basis");
            if (auto s = cf.opt("source")) rc.source_refs = sources(s);
            if (auto s = cf.opt("note")) rc.note = str(s, "note");
            b.coverage.push_back(std::move(rc));
        }
    }
    if (auto fns = f.opt("functions")) {
        if (!fns.is_sequence()) fail(fns, "functions must be a list");
        b.has_functions = true;
        for (const auto& c : fns.items()) {
            Fields hf(*this, c, "a function entry", {"function", "from", "to", "delegated-by", "source", "part"});
            RawHolding h;
            h.function = Ref{id_str(hf.req("function"), "function"), pos(hf.req("function"))};
            h.pos = pos(c);
            h.period = period(hf, "function");
            if (auto d = hf.opt("delegated-by")) h.delegated_by = Ref{id_str(d, "delegated-by"), pos(d)};
            if (auto s = hf.opt("source")) h.source_refs = sources(s);
            if (auto s = hf.opt("part")) h.part = str(s, "part");
            b.holdings.push_back(std::move(h));
        }
    }
    if (auto mem = f.opt("member-of")) {
        if (!mem.is_sequence()) fail(mem, "member-of must be a list");
        for (const auto& c : mem.items()) {
            Fields mf(*this, c, "a member-of entry", {"group", "from", "to", "source", "deduced", "note"});
            RawMembership m;
            m.group = Ref{id_str(mf.req("group"), "group"), pos(mf.req("group"))};
            m.pos = pos(c);
            m.period = period(mf, "member-of");
            if (auto s = mf.opt("source")) m.source_refs = sources(s);
            if (auto v = mf.opt("deduced")) m.deduced = flag(v, "deduced");
            if (auto s = mf.opt("note")) m.note = str(s, "note");
            // A deduction the answers cannot explain would be a guess: the note says how it was made.
            if (m.deduced && m.note.empty()) fail(c, "a deduced membership needs a note saying how it was deduced");
            b.memberships.push_back(std::move(m));
        }
    }
    m_out.bodies.push_back(std::move(b));
}

void FileReader::read_event_item(YNode, YNode e) { m_out.events.push_back(read_event(e)); }

RawEvent FileReader::read_event(YNode e) {
    if (!e.is_map()) fail(e, "an event must be a mapping");
    auto kind_node = e["kind"];
    if (!kind_node || kind_node.is_null()) fail(e, "missing key 'kind' in an event");
    const auto kind_s = str(kind_node, "kind");
    auto kind = parse_event_kind(kind_s);
    if (!kind)
        fail(kind_node, "unknown event kind '" + kind_s +
                            "' (expected establish, abolish, merge, split, transfer, rename, "
                            "recode, join, leave or transfer-function)");
    const std::string what = "a " + kind_s + " event";
    RawEvent ev;
    ev.kind = *kind;
    ev.pos = pos(e);
    switch (*kind) {
    case EventKind::merge: read_merge(e, what, ev); break;
    case EventKind::split: read_split(e, what, ev); break;
    case EventKind::abolish: read_abolish(e, what, ev); break;
    case EventKind::transfer: read_transfer(e, what, ev); break;
    case EventKind::transfer_function: read_transfer_function(e, what, ev); break;
    case EventKind::rename: read_rename(e, what, ev); break;
    case EventKind::recode: read_recode(e, what, ev); break;
    case EventKind::join:
    case EventKind::leave: read_membership_event(e, what, ev); break;
    case EventKind::establish: read_establish(e, what, ev); break;
    }
    return ev;
}

/// The keys every event has.
void FileReader::event_common(const Fields& f, RawEvent& ev) const {
    ev.id = id_str(f.req("id"), "id");
    ev.date = date(f.req("date"), "date");
    ev.source_refs = sources(f.req("source"));
    if (auto v = f.opt("note")) ev.note = str(v, "note");
    if (auto v = f.opt("deduced")) ev.deduced = ref_list(v, "deduced");
    if (auto v = f.opt("secondary")) ev.secondary = ref_list(v, "secondary");
    if (auto v = f.opt("incomplete")) ev.incomplete = flag(v, "incomplete");
    if (auto v = f.opt("status")) ev.announced = status(v);
    if (auto v = f.opt("inferred")) ev.inferred = str(v, "inferred");
}

void FileReader::read_merge(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "from", "to", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = ref_list(f.req("from"), "from");
    auto to = f.req("to");
    RawGroup g;
    g.pos = pos(to);
    g.targets = {RawTarget{Ref{id_str(to, "to"), pos(to)}, std::nullopt}};
    ev.groups.push_back(std::move(g));
}

void FileReader::read_split(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "from", "to", "basis", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("from"), "from"), pos(f.req("from"))}};
    RawGroup g;
    g.targets = targets(f.req("to"));
    g.pos = pos(f.req("to"));
    if (auto b = f.opt("basis")) g.basis = basis(b);
    ev.groups.push_back(std::move(g));
}

void FileReader::read_abolish(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "body", "successors", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}};
    if (auto s = f.opt("successors")) read_successor_groups(s, ev);
}

void FileReader::read_successor_groups(YNode s, RawEvent& ev) {
    if (!s.is_sequence()) fail(s, "successors must be a list of {functions, to, basis}");
    for (const auto& gn : s.items()) {
        Fields gf(*this, gn, "a successor group", {"functions", "to", "basis", "source"});
        RawGroup g;
        g.pos = pos(gn);
        auto fns = gf.req("functions");
        if (fns.is_scalar()) g.functions.push_back({id_str(fns, "function"), pos(fns)});
        else if (fns.is_sequence() && fns.size() > 0)
            for (const auto& fnode : fns.items()) g.functions.push_back({id_str(fnode, "function"), pos(fnode)});
        else fail(fns, "functions must be a function id or a non-empty list of them");
        g.targets = targets(gf.req("to"));
        if (auto b = gf.opt("basis")) g.basis = basis(b);
        if (auto src = gf.opt("source")) g.source_refs = sources(src);
        ev.groups.push_back(std::move(g));
    }
}

void FileReader::read_transfer(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "from", "to", "share", "basis", "areas", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("from"), "from"), pos(f.req("from"))}};
    RawGroup g;
    g.pos = pos(f.req("to"));
    std::optional<double> sh;
    if (auto s = f.opt("share")) sh = share(s);
    g.targets = {RawTarget{Ref{id_str(f.req("to"), "to"), pos(f.req("to"))}, sh}};
    if (auto b = f.opt("basis")) g.basis = basis(b);
    else if (!sh) g.basis = ShareBasis::unknown;
    if (sh && !f.has("basis")) fail(f.opt("share"), "a transfer with a share needs a basis");
    ev.groups.push_back(std::move(g));
    if (auto a = f.opt("areas")) ev.areas = ref_list(a, "areas");
}

void FileReader::read_transfer_function(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "function", "from", "to", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.function = Ref{id_str(f.req("function"), "function"), pos(f.req("function"))};
    ev.subjects = ref_list(f.req("from"), "from");
    RawGroup g;
    g.pos = pos(f.req("to"));
    g.targets = {RawTarget{Ref{id_str(f.req("to"), "to"), pos(f.req("to"))}, std::nullopt}};
    g.functions = {ev.function};
    ev.groups.push_back(std::move(g));
}

void FileReader::read_rename(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "body", "name", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}};
    ev.name = str(f.req("name"), "name");
}

void FileReader::read_recode(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "body", "ods", "ons", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}};
    // A key present with null removes the code; absent leaves it alone.
    if (e["ods"]) ev.ods = e["ods"].is_null() ? std::string{} : id_str(e["ods"], "ods");
    if (e["ons"]) ev.ons = e["ons"].is_null() ? std::string{} : id_str(e["ons"], "ons");
    if (!ev.ods && !ev.ons) fail(e, "a recode event needs 'ods' or 'ons'");
}

void FileReader::read_membership_event(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "body", "group", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}};
    ev.group = Ref{id_str(f.req("group"), "group"), pos(f.req("group"))};
}

void FileReader::read_establish(YNode e, const std::string& what, RawEvent& ev) {
    Fields f(*this, e, what, {"id", "date", "kind", "body", "source", "note"}, k_event_caveats);
    event_common(f, ev);
    ev.subjects = {Ref{id_str(f.req("body"), "body"), pos(f.req("body"))}};
}

void FileReader::read_claim(YNode, YNode e) {
    Fields f(*this, e, "a claim", {"function", "area-kinds", "from", "to", "source", "note"});
    RawClaim c;
    c.pos = pos(e);
    c.function = Ref{id_str(f.req("function"), "function"), pos(f.req("function"))};
    c.area_kinds = str_list(f.req("area-kinds"), "area kind");
    c.from = date(f.req("from"), "from");
    if (auto t = f.opt("to")) {
        c.to = date(t, "to");
        if (*c.to < c.from) fail(t, "'to' is before 'from'");
    }
    c.source_refs = sources(f.req("source"));
    m_out.claims.push_back(std::move(c));
}

/// The line (1-based) where a second YAML document starts: a `---` marker at the start of a line
/// after content (or after another marker). Comments, blank lines and directives (`%YAML`) are not
/// content.
std::optional<int> second_document_line(const std::string& text) {
    bool content = false;
    int line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++line;
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view l(text.data() + start, end - start);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (line == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
        const bool marker = l.substr(0, 3) == "---" && (l.size() == 3 || l[3] == ' ' || l[3] == '\t');
        if (marker) {
            if (content) return line;
            content = l.find_first_not_of(" \t", 3) != std::string_view::npos; // `--- value`
        } else if (!l.empty() && l.find_first_not_of(" \t") != std::string_view::npos &&
                   l[l.find_first_not_of(" \t")] != '#' && l.front() != '%' && l.substr(0, 3) != "...") {
            content = true;
        }
        start = end + 1;
    }
    return std::nullopt;
}

/// The first line (1-based) whose indentation holds a tab, a common cause of syntax errors.
std::optional<int> tab_indented_line(const std::string& text) {
    int line = 1;
    bool at_start = true;
    for (char c : text) {
        if (c == '\n') {
            ++line;
            at_start = true;
        } else if (at_start && c == '\t') {
            return line;
        } else if (c != ' ') {
            at_start = false;
        }
    }
    return std::nullopt;
}

std::string display_path(const fs::path& p, const fs::path& dir) {
    // Name files as `<dataset dir name>/<relative path>`: short, and what a person finds.
    // Lexically first: resolving the path would fail on a link that leads nowhere or loops.
    const auto lexical = p.lexically_relative(dir.parent_path());
    if (!lexical.empty() && *lexical.begin() != "..") return lexical.generic_string();
    std::error_code ec;
    auto rel = fs::relative(p, dir.parent_path(), ec);
    return ec || rel.empty() ? p.string() : rel.generic_string();
}

/// Parses the whole text without keeping anything: syntax errors, aliases and too deep nesting
/// anywhere in the first document, and a second document, are found before any record is read.
void check_syntax(const std::string& text, const std::string& shown) {
    YamlEvents ev(text, shown);
    int documents = 0;
    while (ev.next() != YamlEvents::Event::stream_end) {
        if (ev.event() != YamlEvents::Event::document_start || ++documents < 2) continue;
        // A second document would be ignored: refused instead (its own content is not parsed).
        const auto second = second_document_line(text);
        throw DataError(SourcePos{shown, second ? *second : ev.line() + 1, 1},
                        "a dataset file holds one YAML document, this one holds more");
    }
}

/// Reads the one document of a file: the manifest as a whole (it is small), a data file streamed.
/// Leaves the events at the document's end.
void read_document(RawDataset& out, YamlEvents& ev, const fs::path& path, const std::string& shown, bool manifest) {
    using Event = YamlEvents::Event;
    ev.next(); // the stream's start
    auto empty = [&] {
        // An empty file is most often a write that went wrong: say so rather than load less.
        if (manifest) throw DataError(SourcePos{shown, 0, 0}, "the manifest is empty");
        throw DataError(SourcePos{shown, 0, 0},
                        "the file is empty (a data file holds sources, areas, bodies, events, claims or tables)");
    };
    if (ev.next() == Event::stream_end) empty();
    ev.next(); // past the document's start: its root value
    if (ev.event() == Event::scalar && ev.is_null()) empty();
    if (ev.event() != Event::mapping_start)
        ev.fail("a dataset file must be a mapping with sources, areas, bodies, events, claims or tables");
    FileReader r(out, shown, path.parent_path());
    if (manifest) {
        YamlValue root;
        ev.build(root);
        r.read_manifest(YNode(&root));
    } else {
        r.stream_content(ev);
    }
    ev.next(); // the document's end
}

} // namespace

void read_file(RawDataset& out, const fs::path& path, const std::string& shown, bool manifest) {
    // The text is held whole while its records are read. The largest shipped file is about 1 MB;
    // anything near the limit is a mistake or belongs in several files (or, for table data, in a
    // CSV `tables:` entry).
    constexpr std::uintmax_t k_max_file_size = 64U << 20U;
    std::error_code size_error;
    if (const auto size = fs::file_size(path, size_error); !size_error && size > k_max_file_size)
        throw DataError(SourcePos{shown, 0, 0},
                        "file is larger than 64 MiB, the most a dataset file may be (split it into several files)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourcePos{shown, 0, 0}, std::string("cannot open the file (") + std::strerror(errno) + ")");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw DataError(SourcePos{shown, 0, 0}, "cannot read the file (an input/output error)");
    const std::string text = buf.str();
    // Name the first bad byte's line and column: a person opening the file finds where it went wrong.
    auto at = [&](std::size_t offset) {
        const auto line_start = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
        const int col = 1 + static_cast<int>(line_start == std::string::npos ? offset : offset - line_start - 1);
        return SourcePos{shown, line, col};
    };
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw DataError(at(nul), "not a text file (it holds a NUL byte)");
    // Every name and note reaches JSON answers, which must be UTF-8.
    if (const auto bad = invalid_utf8(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
        throw DataError(at(*bad), std::string("not UTF-8 text (byte ") + hex + "; save the file as UTF-8)");
    }
    try {
        // Syntax first, over the whole text, so that a broken file is reported as broken rather
        // than by the first record the break cuts short; then the records, streamed.
        check_syntax(text, shown);
        YamlEvents events(text, shown);
        read_document(out, events, path, shown, manifest);
    } catch (const DataError& e) {
        // A syntax error is the likelier cause when the text indents with tabs: say so.
        if (e.message().rfind("YAML syntax error", 0) != 0) throw;
        const auto tab = tab_indented_line(text);
        if (!tab) throw;
        throw DataError(e.pos(), e.message() + " (line " + std::to_string(*tab) +
                                     " is indented with a tab; YAML indents with spaces)");
    }
}

namespace {

/// The whole of a dataset's YAML, summed over its files: its records are held in memory (a few
/// times the text); the shipped data is about 1.2 MB.
constexpr std::uintmax_t k_max_dataset_size = 128U << 20U;

/// Every `*.yaml` below `dir` but the manifest. Anything the walk cannot see through is an error
/// naming the path: a directory that cannot be read, a link that leads nowhere or round in a loop.
/// Skipping it would load less than the dataset holds and call it valid.
std::vector<fs::path> dataset_files(const fs::path& dir, const fs::path& manifest) {
    auto shown = [&](const fs::path& p) { return display_path(p, dir); };
    auto walk_error = [&](const fs::path& p, const std::error_code& e) -> DataError {
        return DataError(SourcePos{shown(p), 0, 0}, "cannot read the directory (" + e.message() + ")");
    };
    std::vector<fs::path> files;
    std::uintmax_t total = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) throw walk_error(dir, ec);
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path p = it->path();
        std::error_code sec;
        const auto link = it->symlink_status(sec);
        if (sec) throw walk_error(p, sec);
        if (fs::is_symlink(link)) {
            // The target's status: ELOOP for a loop, ENOENT for a dangling link.
            const auto target = fs::status(p, sec);
            if (sec || !fs::exists(target)) {
                const bool loop = sec.value() == ELOOP;
                throw DataError(SourcePos{shown(p), 0, 0},
                                loop ? "a symbolic link that goes round in a loop"
                                     : "a symbolic link to nothing (its target '" +
                                           fs::read_symlink(p, sec).string() + "' does not exist)");
            }
            if (!fs::is_regular_file(target)) continue; // links to directories are not followed
        } else if (fs::is_directory(link)) {
            // Open it now, so that an unreadable directory is named rather than skipped.
            fs::directory_iterator probe(p, sec);
            if (sec) throw walk_error(p, sec);
            continue;
        } else if (!fs::is_regular_file(link)) {
            continue;
        }
        if (p.extension() != ".yaml" || p == manifest) continue;
        const auto size = fs::file_size(p, sec);
        if (sec) throw DataError(SourcePos{shown(p), 0, 0}, "cannot read the file (" + sec.message() + ")");
        total += size;
        if (total > k_max_dataset_size)
            throw DataError(SourcePos{shown(dir), 0, 0},
                            "the dataset's YAML files hold more than 128 MiB, the most a dataset may hold "
                            "(large tables belong in CSV files named under tables:)");
        files.push_back(p);
    }
    if (ec) throw walk_error(dir, ec);
    return files;
}

} // namespace

RawDataset read_directory(const std::string& directory, std::vector<std::string>* problems) {
    fs::path dir = fs::path(directory).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path(); // "x/" names the directory x
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DataError(SourcePos{directory, 0, 0}, "not a dataset directory (no such directory)");
    const auto manifest = dir / "dataset.yaml";
    if (!fs::is_regular_file(manifest, ec))
        throw DataError(SourcePos{directory, 0, 0}, "not a dataset directory (no dataset.yaml in it)");
    std::vector<fs::path> files = dataset_files(dir, manifest);
    std::sort(files.begin(), files.end());
    RawDataset out;
    out.directory = dir.string();
    // The manifest must be readable: everything else depends on its kinds.
    read_file(out, manifest, display_path(manifest, dir), true);
    // Parsing dominates loading, and files are independent: parse them on every core,
    // each into its own part, then append the parts in path order so results do not depend on timing.
    std::vector<RawDataset> parts(files.size());
    std::vector<std::exception_ptr> errors(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                read_file(parts[i], files[i], display_path(files[i], dir), false);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    const std::size_t n_threads =
        std::min<std::size_t>(files.size(), std::max(1U, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < n_threads; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (errors[i]) {
            try {
                std::rethrow_exception(errors[i]);
            } catch (const DataError& e) {
                if (!problems) throw;
                problems->push_back(e.what());
            }
        }
        auto append = [](auto& to, auto& from) {
            to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        };
        append(out.sources, parts[i].sources);
        append(out.areas, parts[i].areas);
        append(out.bodies, parts[i].bodies);
        append(out.events, parts[i].events);
        append(out.claims, parts[i].claims);
        append(out.tables, parts[i].tables);
        append(out.announcements, parts[i].announcements);
    }
    return out;
}

} // namespace orglineage::detail
