// SPDX-License-Identifier: MIT
// Round trip: a dataset written back to YAML reloads to the same records.
#include <orglineage/export.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>

using namespace orglineage;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed at the end of the scope.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() /
               ("orglineage-export-" + std::to_string(rd()) + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Field by field, positions left out (they name the new file).
void check_same(const Period& a, const Period& b) {
    CHECK(a.from == b.from);
    CHECK(a.until == b.until);
}
void check_same(const Body& a, const Body& b) {
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.kind == b.kind);
    check_same(a.period, b.period);
    REQUIRE(a.names.size() == b.names.size());
    for (std::size_t i = 0; i < a.names.size(); ++i) {
        CHECK(a.names[i].value == b.names[i].value);
        check_same(a.names[i].period, b.names[i].period);
    }
    REQUIRE(a.ods.size() == b.ods.size());
    for (std::size_t i = 0; i < a.ods.size(); ++i) {
        CHECK(a.ods[i].value == b.ods[i].value);
        check_same(a.ods[i].period, b.ods[i].period);
    }
    REQUIRE(a.ons.size() == b.ons.size());
    for (std::size_t i = 0; i < a.ons.size(); ++i) {
        CHECK(a.ons[i].value == b.ons[i].value);
        check_same(a.ons[i].period, b.ons[i].period);
    }
    REQUIRE(a.coverage.size() == b.coverage.size());
    for (std::size_t i = 0; i < a.coverage.size(); ++i) {
        CHECK(a.coverage[i].area == b.coverage[i].area);
        check_same(a.coverage[i].period, b.coverage[i].period);
        CHECK(a.coverage[i].share == b.coverage[i].share);
        CHECK(a.coverage[i].basis == b.coverage[i].basis);
        CHECK(a.coverage[i].sources == b.coverage[i].sources);
    }
    REQUIRE(a.holdings.size() == b.holdings.size());
    for (std::size_t i = 0; i < a.holdings.size(); ++i) {
        CHECK(a.holdings[i].function == b.holdings[i].function);
        check_same(a.holdings[i].period, b.holdings[i].period);
        CHECK(a.holdings[i].delegated_by == b.holdings[i].delegated_by);
        CHECK(a.holdings[i].sources == b.holdings[i].sources);
    }
    REQUIRE(a.memberships.size() == b.memberships.size());
    for (std::size_t i = 0; i < a.memberships.size(); ++i) {
        CHECK(a.memberships[i].group == b.memberships[i].group);
        check_same(a.memberships[i].period, b.memberships[i].period);
        CHECK(a.memberships[i].sources == b.memberships[i].sources);
    }
    CHECK(a.sources == b.sources);
    CHECK(a.note == b.note);
}
void check_same(const Event& a, const Event& b) {
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.date == b.date);
    CHECK(a.kind == b.kind);
    CHECK(a.subjects == b.subjects);
    REQUIRE(a.links.size() == b.links.size());
    for (std::size_t i = 0; i < a.links.size(); ++i) {
        CHECK(a.links[i].from == b.links[i].from);
        CHECK(a.links[i].to == b.links[i].to);
        CHECK(a.links[i].share == b.links[i].share);
        CHECK(a.links[i].basis == b.links[i].basis);
        CHECK(a.links[i].functions == b.links[i].functions);
        CHECK(a.links[i].sources == b.links[i].sources);
    }
    CHECK(a.group == b.group);
    CHECK(a.function == b.function);
    CHECK(a.name == b.name);
    CHECK(a.ods == b.ods);
    CHECK(a.ons == b.ons);
    CHECK(a.areas == b.areas);
    CHECK(a.sources == b.sources);
    CHECK(a.note == b.note);
}

void check_round_trip(const std::string& directory) {
    const Dataset original = load_dataset(directory);
    TempDir tmp;
    export_dataset(original, tmp.path.string());
    const Dataset again = load_dataset(tmp.path.string());

    CHECK(again.schema_version == original.schema_version);
    CHECK(again.name == original.name);
    CHECK(again.version == original.version);
    CHECK(again.description == original.description);
    REQUIRE(again.kinds.size() == original.kinds.size());
    for (const auto& [id, k] : original.kinds) {
        REQUIRE(again.kinds.count(id) == 1);
        CHECK(again.kinds.at(id).name == k.name);
        CHECK(again.kinds.at(id).functions == k.functions);
    }
    REQUIRE(again.functions.all().size() == original.functions.all().size());
    for (std::size_t i = 0; i < original.functions.all().size(); ++i) {
        CHECK(again.functions.all()[i].id == original.functions.all()[i].id);
        CHECK(again.functions.all()[i].parent == original.functions.all()[i].parent);
        CHECK(again.functions.all()[i].name == original.functions.all()[i].name);
    }
    REQUIRE(again.sources.size() == original.sources.size());
    for (std::size_t i = 0; i < original.sources.size(); ++i) {
        const auto &a = original.sources[i], &b = again.sources[i];
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        CHECK(a.url == b.url);
        CHECK(a.publisher == b.publisher);
        CHECK(a.licence == b.licence);
        CHECK(a.accessed == b.accessed);
        CHECK(a.note == b.note);
    }
    REQUIRE(again.areas.size() == original.areas.size());
    for (std::size_t i = 0; i < original.areas.size(); ++i) {
        const auto &a = original.areas[i], &b = again.areas[i];
        CHECK(a.code == b.code);
        CHECK(a.name == b.name);
        CHECK(a.kind == b.kind);
        CHECK(a.parent == b.parent);
        check_same(a.period, b.period);
        CHECK(a.sources == b.sources);
    }
    REQUIRE(again.bodies.size() == original.bodies.size());
    for (std::size_t i = 0; i < original.bodies.size(); ++i) check_same(original.bodies[i], again.bodies[i]);
    REQUIRE(again.events.size() == original.events.size());
    for (std::size_t i = 0; i < original.events.size(); ++i) check_same(original.events[i], again.events[i]);
    REQUIRE(again.claims.size() == original.claims.size());
    for (std::size_t i = 0; i < original.claims.size(); ++i) {
        CHECK(again.claims[i].function == original.claims[i].function);
        CHECK(again.claims[i].area_kinds == original.claims[i].area_kinds);
        check_same(again.claims[i].period, original.claims[i].period);
        CHECK(again.claims[i].sources == original.claims[i].sources);
    }
    REQUIRE(again.tables.size() == original.tables.size());
    for (std::size_t i = 0; i < original.tables.size(); ++i) {
        CHECK(again.tables[i].id == original.tables[i].id);
        CHECK(again.tables[i].path == original.tables[i].path);
        check_same(again.tables[i].period, original.tables[i].period);
    }
    // Writing is a fixed point: the reloaded dataset writes the same text.
    CHECK(to_yaml(again) == to_yaml(original));
}

} // namespace

TEST_SUITE("export") {
    TEST_CASE("export writes the toy dataset back to YAML that reloads to the same records") {
        check_round_trip(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
    }

    TEST_CASE("export writes every kind of record and event back (renames, recodes, joins, transfers)") {
        check_round_trip(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/every_kind");
    }

    TEST_CASE("export writes the shipped dataset back to YAML that reloads to the same graph") {
        check_round_trip(ORGLINEAGE_SHIPPED_DATA_DIR);
    }

    TEST_CASE("export of the shipped dataset answers queries as the original does") {
        const auto original = Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR);
        TempDir tmp;
        export_dataset(original.dataset(), tmp.path.string());
        const auto again = Lineage::load(tmp.path.string());
        const Date on(2007, 6, 1);
        const auto a = original.holders("commissioning", "E06000052", on);
        const auto b = again.holders("commissioning", "E06000052", on);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].body->id == b[i].body->id);
            CHECK(a[i].share == b[i].share);
        }
        for (const auto* body : original.snapshot(Date(2013, 3, 31), "pct")) {
            const auto sa = original.successors(*body, Date(2023, 1, 1), "commissioning");
            const auto sb = again.successors(again.at(body->id), Date(2023, 1, 1), "commissioning");
            REQUIRE(sa.size() == sb.size());
            for (std::size_t i = 0; i < sa.size(); ++i) {
                CHECK(sa[i].body->id == sb[i].body->id);
                CHECK(sa[i].share == sb[i].share);
            }
        }
    }

    TEST_CASE("export rejects a directory it cannot create") {
        CHECK_THROWS_AS(export_dataset(Dataset{}, "/proc/orglineage-cannot-write-here"), Error);
    }
}
