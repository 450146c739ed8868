// SPDX-License-Identifier: MIT
// The loader: one fixture per mistake under tests/data/invalid/, each with its exact message.
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace orglineage;

namespace {
std::string invalid(const char* name) { return std::string(ORGLINEAGE_TEST_DATA_DIR) + "/invalid/" + name; }
} // namespace

TEST_SUITE("load") {
    TEST_CASE("loader reads the toy dataset and normalises it") {
        const auto ds = load_dataset(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
        CHECK(ds.name == "toy");
        CHECK(ds.version == "test-1");
        CHECK(ds.bodies.size() == 17);
        CHECK(ds.events.size() == 14);
        CHECK(ds.claims.size() == 2);
        // Events come sorted by date.
        for (std::size_t i = 1; i < ds.events.size(); ++i) CHECK(ds.events[i - 1].date <= ds.events[i].date);
    }

    TEST_CASE("loader converts the inclusive last day to a half-open period") {
        const auto ds = load_dataset(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/valid/toy");
        const auto it = std::find_if(ds.bodies.begin(), ds.bodies.end(), [](const Body& b) { return b.id == "p/a"; });
        REQUIRE(it != ds.bodies.end());
        const Body& a = *it;
        CHECK(a.period.from == Date(2002, 4, 1));
        CHECK(a.period.until == Date(2006, 10, 1));
        CHECK(a.period.last_day() == Date(2006, 9, 30));
    }

    TEST_CASE("loader rejects each kind of mistake with its file, line, column and message") {
        struct Case {
            const char* fixture;
            const char* message;
            bool validation;
        };
        const Case cases[] = {
            {"unknown_key", "unknown_key/data.yaml:6:5: unknown key 'nmae' in a body (expected one of: id, kind, name, ods, ons, from, to, source, note, coverage, functions, member-of, secondary-only, status, placeholder, inferred)", false},
            {"missing_field", "missing_field/data.yaml:4:5: missing key 'from' in a body", false},
            {"bad_date", "bad_date/data.yaml:7:11: bad date '2006-13-01' for from (expected YYYY-MM-DD, a real day)", false},
            {"british_date", "british_date/data.yaml:4:51: bad date '01/10/2006' for from (expected YYYY-MM-DD, a real day)", false},
            {"duplicate_key", "duplicate_key/data.yaml:4:45: duplicate key 'name' in a body", false},
            {"share_out_of_range", "share_out_of_range/data.yaml:12:27: share '1.5' is outside (0, 1]", false},
            {"syntax_error", "syntax_error/data.yaml:6:4: YAML syntax error: did not find expected '-' indicator (while parsing a block collection that began at line 4, column 3)", false},
            {"tabs", "tabs/dataset.yaml:5:1: YAML syntax error: found character that cannot start any token (while scanning for the next token that began at line 5, column 1) (line 5 is indented with a tab; YAML indents with spaces)", false},
            {"empty_manifest", "empty_manifest/dataset.yaml: the manifest is empty", false},
            {"unknown_body", "unknown_body/data.yaml:6:64: unknown body 'pct/nope' in merge event 'e1'", true},
            {"shares_do_not_sum", "shares_do_not_sum/data.yaml:13:7: shares in split event 'e1' sum to 0.9, not 1", true},
            {"unexplained_end", "unexplained_end/data.yaml:8:9: 'pct/a' ends on 2006-09-30 but no event on 2006-10-01 ends it (a merge from it, a split of it or its abolition)", true},
            {"code_overlap", "code_overlap/data.yaml:5:5: ODS code '5AA' is held by 'pct/b' and 'pct/a' on 2006-10-01", true},
            {"cycle", "cycle/data.yaml:8:5: succession goes round in a cycle through 'pct/b' on 2006-10-01", true},
            {"unknown_source", "unknown_source/data.yaml:4:71: unknown source 'si-2006-9999' (declare it in a sources: block)", true},
            {"duplicate_id", "duplicate_id/data.yaml:5:5: duplicate body id 'pct/a' (first declared at duplicate_id/data.yaml:4:5)", true},
            {"unknown_kind", "unknown_kind/data.yaml:4:23: unknown kind 'pcg' (declare it in dataset.yaml)", true},
            {"merge_into_future_body", "merge_into_future_body/data.yaml:7:64: merge event 'e1': successor 'pct/b' is not active on 2006-10-01 (it runs 2007-04-01..)", true},
            {"deduced_membership_without_note", "deduced_membership_without_note/data.yaml:11:9: a deduced membership needs a note saying how it was deduced", false},
            {"placeholder_without_note", "placeholder_without_note/data.yaml:5:5: a placeholder body needs a note saying what it stands for", false},
            {"claim_fails", "claim_fails/data.yaml:9:5: claim for 'commissioning' fails on 2002-04-01: area 'A2' (Barton) is covered by nobody", true},
        };
        for (const auto& c : cases) {
            CAPTURE(c.fixture);
            if (c.validation) {
                CHECK_THROWS_WITH_AS((void)Lineage::load(invalid(c.fixture)), c.message, ValidationError);
            } else {
                CHECK_THROWS_WITH_AS((void)Lineage::load(invalid(c.fixture)), c.message, DataError);
            }
            // validate_directory reports the same problem instead of throwing.
            const auto problems = validate_directory(invalid(c.fixture));
            REQUIRE_FALSE(problems.empty());
            CHECK(problems.front() == c.message);
        }
    }

    TEST_CASE("DataError carries the position as fields") {
        try {
            (void)load_dataset(invalid("bad_date"));
            FAIL("no error");
        } catch (const DataError& e) {
            CHECK(e.file() == "bad_date/data.yaml");
            CHECK(e.line() == 7);
            CHECK(e.column() == 11);
            CHECK(e.message() == "bad date '2006-13-01' for from (expected YYYY-MM-DD, a real day)");
        }
    }

    TEST_CASE("loader rejects a directory that is not a dataset") {
        CHECK_THROWS_WITH_AS((void)load_dataset(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/no-such-dir"),
                             (std::string(ORGLINEAGE_TEST_DATA_DIR) + "/no-such-dir: not a dataset directory (no such directory)").c_str(),
                             DataError);
        CHECK_THROWS_WITH_AS((void)load_dataset(std::string(ORGLINEAGE_TEST_DATA_DIR) + "/invalid"),
                             (std::string(ORGLINEAGE_TEST_DATA_DIR) + "/invalid: not a dataset directory (no dataset.yaml in it)").c_str(),
                             DataError);
    }

    TEST_CASE("validate_directory collects problems from every file") {
        const auto problems = validate_directory(invalid("shares_do_not_sum"));
        CHECK(problems.size() == 1);
    }
}
