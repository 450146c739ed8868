// SPDX-License-Identifier: MIT
// The image and the YAML give the same dataset and the same answers: every body and area of the
// shipped data on a grid of dates, and every LSOA on the dates of the small-area tables.
#include "image/records.hpp"
#include "image_fixture.hpp"

#include <orglineage/area_history.hpp>
#include <orglineage/small_areas.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace orglineage;

namespace {

struct Pair {
    Lineage yaml = load_sources(ORGLINEAGE_SHIPPED_DATA_DIR);
    Lineage image = open_image(image_test::shipped_image());
};
Pair& both() {
    static Pair p;
    return p;
}

/// The days most changes happen on (1 April, 1 July, 1 October) and the day before 1 April, each year.
std::vector<Date> grid() {
    std::vector<Date> out;
    for (int y = 1997; y <= 2026; ++y)
        for (auto [m, d] : {std::pair{3, 31}, {4, 1}, {7, 1}, {10, 1}}) out.emplace_back(y, m, d);
    return out;
}
/// A coarser grid for the traversals (1 April and 1 July each year), to keep the test quick.
std::vector<Date> coarse_grid() {
    std::vector<Date> out;
    for (int y = 1997; y <= 2026; ++y)
        for (auto [m, d] : {std::pair{4, 1}, {7, 1}}) out.emplace_back(y, m, d);
    return out;
}

std::string share(const Share& s) {
    std::ostringstream os;
    os.precision(17);
    if (s) os << *s;
    else os << '?';
    return os.str();
}

std::string text(const std::vector<const Body*>& bs) {
    std::string s;
    for (const Body* b : bs) s += b->id + ";";
    return s;
}
std::string text(const std::vector<Portion>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.body->id + "=" + share(p.share) + "/" + std::string(to_string(p.basis)) + ";";
    return s;
}
std::string text(const std::vector<Holder>& hs) {
    std::string s;
    for (const auto& h : hs)
        s += h.body->id + "=" + share(h.share) + "/" + std::string(to_string(h.basis)) + "/" + h.function + "/" +
             h.via_area + "/" + h.delegated_by + ";";
    return s;
}
std::string text(const LsoaAnswer& a) {
    std::string s = std::string(to_string(a.basis)) + "/" + a.lad + "/" + (a.correspondence ? "c" : "") + "/" +
                    (a.table ? a.table->id : "") + ":";
    for (const auto& h : a.holders)
        s += h.body->id + "@" + (h.location ? h.location->id : "") + "=" + share(h.share) + ";";
    return s;
}

/// Runs `answer` on both and reports the first query whose answers differ.
template <class F> void same(const char* what, F answer, std::size_t& count) {
    ++count;
    const std::string a = answer(both().yaml), b = answer(both().image);
    if (a != b) FAIL_CHECK(what << ": YAML '" << a << "' but image '" << b << "'");
}

} // namespace

TEST_CASE("image and YAML hold the same dataset, every field of every record") {
    // Encoded with the same field lists, the two datasets are the same bytes.
    detail::ImageWriter a, b;
    a(both().yaml.dataset());
    b(both().image.dataset());
    CHECK(a.size() > 1000000);
    CHECK(a.bytes() == b.bytes());
}

TEST_CASE("image records list every field: a new field in a record must be added to src/image/records.hpp") {
    // The sizes of the records on this platform (64-bit libstdc++), as records.hpp lists them. A
    // record that grew has a field the image does not store yet: add it to its `fields` function
    // (one line), then update the size here.
#if defined(__GLIBCXX__) && defined(__x86_64__)
    CHECK_MESSAGE(sizeof(Body) == 360, "Body changed: update fields(Body) in src/image/records.hpp");
    CHECK_MESSAGE(sizeof(Event) == 480, "Event changed: update fields(Event)");
    CHECK_MESSAGE(sizeof(Link) == 136, "Link changed: update fields(Link)");
    CHECK_MESSAGE(sizeof(Area) == 208, "Area changed: update fields(Area)");
    CHECK_MESSAGE(sizeof(Coverage) == 168, "Coverage changed: update fields(Coverage)");
    CHECK_MESSAGE(sizeof(Holding) == 176, "Holding changed: update fields(Holding)");
    CHECK_MESSAGE(sizeof(Membership) == 152, "Membership changed: update fields(Membership)");
    CHECK_MESSAGE(sizeof(Source) == 272, "Source changed: update fields(Source)");
    CHECK_MESSAGE(sizeof(Claim) == 136, "Claim changed: update fields(Claim)");
    CHECK_MESSAGE(sizeof(Table) == 248, "Table changed: update fields(Table)");
    CHECK_MESSAGE(sizeof(KindInfo) == 120, "KindInfo changed: update fields(KindInfo)");
    CHECK_MESSAGE(sizeof(Dataset) == 496, "Dataset changed: update fields(Dataset)");
    CHECK_MESSAGE(sizeof(SmallAreaSettings) == 104, "SmallAreaSettings changed: update fields(SmallAreaSettings)");
    CHECK_MESSAGE(sizeof(Announcement) == 224, "Announcement changed: update fields(Announcement)");
    CHECK_MESSAGE(sizeof(SourcePos) == 40, "SourcePos changed: update fields(SourcePos)");
#else
    MESSAGE("record sizes are checked on 64-bit libstdc++ only");
#endif
}

TEST_CASE("image and YAML resolve every code of every body the same on a grid of dates") {
    std::size_t n = 0;
    for (const auto& b : both().yaml.dataset().bodies) {
        std::vector<std::string> codes{b.id};
        for (const auto& c : b.ods) codes.push_back(c.value);
        for (const auto& c : b.ons) codes.push_back(c.value);
        for (const auto& code : codes) {
            same("resolve_all", [&](const Lineage& l) { return text(l.resolve_all(code)); }, n);
            for (const Date& d : grid())
                same("resolve", [&](const Lineage& l) {
                    const auto r = l.resolve_nearest(code, d);
                    return text(r.bodies) + (r.exact ? "" : "~");
                }, n);
        }
    }
    MESSAGE(n << " resolutions compared");
}

TEST_CASE("image and YAML give the same successors, predecessors and groups of every body on a grid of dates") {
    std::size_t n = 0;
    const auto& ds = both().yaml.dataset();
    for (const auto& b : ds.bodies)
        for (const Date& d : coarse_grid()) {
            auto body = [&](const Lineage& l) -> const Body& { return l.at(b.id); };
            same("successors", [&](const Lineage& l) { return text(l.successors(body(l), d, "commissioning")); }, n);
            same("predecessors", [&](const Lineage& l) { return text(l.predecessors(body(l), d, "commissioning")); }, n);
            same("groups", [&](const Lineage& l) { return text(l.groups(body(l), d)); }, n);
            same("members", [&](const Lineage& l) { return text(l.members(body(l), d)); }, n);
        }
    for (const auto& b : ds.bodies)
        same("lineage", [&](const Lineage& l) {
            const auto v = l.lineage(l.at(b.id));
            std::string s = text(v.bodies);
            for (const auto& link : v.links) s += link.from->id + ">" + link.to->id + "@" + link.event->id + ";";
            return s;
        }, n);
    MESSAGE(n << " answers compared");
}

TEST_CASE("image and YAML give the same holders of every area and the same snapshots on a grid of dates") {
    std::size_t n = 0;
    const auto& ds = both().yaml.dataset();
    for (const Date& d : grid()) {
        same("snapshot", [&](const Lineage& l) { return text(l.snapshot(d)); }, n);
        for (const auto& a : ds.areas)
            for (const char* f : {"commissioning", "public-health", "commissioning.primary-care.dental"})
                same("holders", [&](const Lineage& l) { return text(l.holders(f, a.code, d)); }, n);
    }
    MESSAGE(n << " answers compared");
}

TEST_CASE("image and YAML give the same territories, holders and populations of every area on a grid of dates") {
    // The image's area history is its own section: no CSV is read when the Lineage is an image's.
    const auto hy = AreaHistory::load(both().yaml);
    const auto hi = AreaHistory::load(both().image);
    REQUIRE(hy.changes().size() > 50);
    REQUIRE(hy.changes().size() == hi.changes().size());
    for (std::size_t i = 0; i < hy.changes().size(); ++i) {
        const auto &a = hy.changes()[i], &b = hi.changes()[i];
        CHECK(a.date == b.date);
        CHECK(a.from == b.from);
        CHECK(a.to == b.to);
        CHECK(share(a.from_share) == share(b.from_share));
        CHECK(share(a.to_share) == share(b.to_share));
        CHECK(a.basis == b.basis);
        CHECK(a.sources == b.sources);
        CHECK(a.note == b.note);
        CHECK(a.pos.str() == b.pos.str());
    }
    std::size_t n = 0, populated = 0;
    for (const auto& a : both().yaml.dataset().areas) {
        CHECK(hy.population(a.code) == hi.population(a.code));
        populated += hy.population(a.code).first > 0;
        for (const Date& d : coarse_grid()) {
            auto answer = [&](const AreaHistory& h) {
                const auto p = h.holders("commissioning", a.code, d);
                std::string t = p.territory.describe() + "|" + p.territory.weighting + "|" + text(p.holders);
                for (const auto& note : p.notes) t += "|" + note;
                return t;
            };
            ++n;
            const auto x = answer(hy), y = answer(hi);
            if (x != y) FAIL_CHECK("area " << a.code << " on " << format_date(d) << ": YAML '" << x << "' but image '" << y << "'");
        }
    }
    CHECK(populated > 300);
    MESSAGE(n << " area answers compared");
}

TEST_CASE("image and YAML give the same small-area answers for every LSOA") {
    const auto sy = SmallAreas::load(both().yaml);
    const auto si = SmallAreas::load(both().image);
    REQUIRE(sy.lsoa_count(2011) > 30000);
    CHECK(sy.lsoa_count(2011) == si.lsoa_count(2011));
    CHECK(sy.lsoa_count(2021) == si.lsoa_count(2021));
    CHECK(sy.span() == si.span());
    std::size_t n = 0, lsoas = 0;
    std::vector<std::string> codes;
    for (int i = 1; i < 40000; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "E01%06d", i);
        CHECK(sy.is_lsoa(code) == si.is_lsoa(code));
        if (sy.is_lsoa(code)) codes.emplace_back(code);
    }
    for (const char* day : {"2013-06-01", "2015-07-01", "2016-06-01", "2019-06-01", "2021-06-01", "2022-07-01",
                            "2023-06-01", "2024-06-01"}) {
        const Date d = *parse_date(day);
        for (const auto& c : codes) {
            ++lsoas;
            const auto a = text(sy.holders("commissioning", c, d)), b = text(si.holders("commissioning", c, d));
            if (a != b) FAIL_CHECK("LSOA " << c << " on " << day << ": YAML '" << a << "' but image '" << b << "'");
            if (sy.lad_of(c, d) != si.lad_of(c, d)) FAIL_CHECK("LAD of " << c << " on " << day);
        }
        ++n;
    }
    for (const auto& c : codes) {
        const Date d = *parse_date("2014-06-01");
        if (text(sy.holders("public-health", c, d)) != text(si.holders("public-health", c, d)))
            FAIL_CHECK("public health of LSOA " << c);
        if (sy.corresponding(c) != si.corresponding(c)) FAIL_CHECK("correspondence of " << c);
    }
    for (const auto& a : both().yaml.dataset().areas) {
        if (a.code.compare(0, 3, "E06") != 0 && a.code.compare(0, 3, "E07") != 0 && a.code.compare(0, 3, "E08") != 0)
            continue;
        for (const char* day : {"2016-06-01", "2022-07-01"}) {
            const Date d = *parse_date(day);
            auto shares = [&](const SmallAreas& s) {
                try {
                    const auto x = s.lad_shares("commissioning", a.code, d);
                    std::string t = std::to_string(x.year) + "/" + share(x.population) + ":";
                    for (const auto& e : x.shares) t += e.body->id + "=" + share(e.share) + ";";
                    return t;
                } catch (const LookupError& e) {
                    return std::string("! ") + e.what();
                }
            };
            if (shares(sy) != shares(si)) FAIL_CHECK("LAD shares of " << a.code << " on " << day);
        }
    }
    CHECK(si.validate() == sy.validate());
    MESSAGE(lsoas << " LSOA answers compared on " << n << " dates");
}
