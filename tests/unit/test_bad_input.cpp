// SPDX-License-Identifier: MIT
// The bad-input corpus (tests/data/invalid/, issue 7): each mistake a person makes gives one exact
// message with file:line:column and nothing else; inputs that are odd but legal load. A 100 MB file
// is generated here, in a temporary directory, never committed.
#include <orglineage/lineage.hpp>
#include <orglineage/load.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace orglineage;
namespace fs = std::filesystem;

namespace {

std::string invalid(const std::string& name) { return std::string(ORGLINEAGE_TEST_DATA_DIR) + "/invalid/" + name; }

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        std::random_device rd;
        path = fs::temp_directory_path() /
               ("orglineage-bad-input-" + std::to_string(rd()) + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count())) /
               name;
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path.parent_path(), ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

/// Loading throws exactly `message` as `E`, and validate_directory reports it first.
template <class E> void check_rejected(const std::string& dir, const std::string& message) {
    CAPTURE(dir);
    CHECK_THROWS_WITH_AS((void)Lineage::load(dir), message.c_str(), E);
    const auto problems = validate_directory(dir);
    REQUIRE(problems.size() == 1);
    CHECK(problems.front() == message);
}

const char* k_manifest = "schema_version: 1\nname: broken\nversion: test\nkinds:\n"
                         "  pct: {name: Primary Care Trust, functions: [commissioning]}\n";

} // namespace

TEST_SUITE("bad input") {
    TEST_CASE("loader rejects a binary file (NUL bytes) without parsing it") {
        check_rejected<DataError>(invalid("binary_file"), "binary_file/data.yaml:1:4: not a text file (it holds a NUL byte)");
    }

    TEST_CASE("loader rejects binary bytes without NULs as text that is not UTF-8, at the first bad byte") {
        check_rejected<DataError>(invalid("binary_no_nul"),
                                  "binary_no_nul/data.yaml:1:1: not UTF-8 text (byte 0x89; save the file as UTF-8)");
    }

    TEST_CASE("loader rejects deeply nested YAML without overflowing the stack") {
        // The reader stops at 100 levels (YamlEvents::max_depth), before building anything deeper.
        check_rejected<DataError>(invalid("deep_nesting"), "deep_nesting/data.yaml:2:104: values nested more than 100 levels deep");
        check_rejected<DataError>(invalid("deep_block_nesting"),
                                  "deep_block_nesting/data.yaml:2:201: values nested more than 100 levels deep");
        check_rejected<DataError>(invalid("deep_flow_mappings"),
                                  "deep_flow_mappings/data.yaml:1:404: values nested more than 100 levels deep");
    }

    TEST_CASE("loader rejects wrong indentation with the line and column") {
        check_rejected<DataError>(invalid("over_indented"), "over_indented/data.yaml:6:11: YAML syntax error: mapping values are not allowed in this context");
        check_rejected<DataError>(invalid("syntax_error"), "syntax_error/data.yaml:6:4: YAML syntax error: did not find expected '-' indicator (while parsing a block collection that began at line 4, column 3)");
    }

    TEST_CASE("loader rejects dates that are not real days, in the wrong order or in another format") {
        check_rejected<DataError>(invalid("not_a_real_day"),
                                  "not_a_real_day/data.yaml:4:51: bad date '2006-02-30' for from (expected YYYY-MM-DD, a real day)");
        check_rejected<DataError>(invalid("bad_date"),
                                  "bad_date/data.yaml:7:11: bad date '2006-13-01' for from (expected YYYY-MM-DD, a real day)");
        check_rejected<DataError>(invalid("british_date"),
                                  "british_date/data.yaml:4:51: bad date '01/10/2006' for from (expected YYYY-MM-DD, a real day)");
        check_rejected<DataError>(invalid("to_before_from"),
                                  "to_before_from/data.yaml:4:67: 'to' 2006-09-30 is before 'from' 2006-10-01");
    }

    TEST_CASE("loader rejects a data file that is a list or has a misspelt section") {
        check_rejected<DataError>(invalid("top_level_list"),
                                  "top_level_list/data.yaml:1:1: a dataset file must be a mapping with sources, "
                                  "areas, bodies, events, claims or tables");
        check_rejected<DataError>(invalid("unknown_section"),
                                  "unknown_section/data.yaml:3:1: unknown key 'body' at the top of a data file "
                                  "(expected sources, areas, bodies, events, claims or tables; schema_version, "
                                  "kinds and functions belong in dataset.yaml)");
    }

    TEST_CASE("loader rejects a merge into a body that is never defined or does not exist yet") {
        check_rejected<ValidationError>(invalid("merge_into_undefined_body"),
                                        "merge_into_undefined_body/data.yaml:6:64: unknown body 'pct/c' in merge event 'e1'");
        check_rejected<ValidationError>(invalid("merge_into_future_body"),
                                        "merge_into_future_body/data.yaml:7:64: merge event 'e1': successor 'pct/b' "
                                        "is not active on 2006-10-01 (it runs 2007-04-01..)");
    }

    TEST_CASE("loader names the record a required key is missing from (fuzz: the name once dangled)") {
        check_rejected<DataError>(invalid("source_without_title"),
                                  "source_without_title/data.yaml:2:17: missing key 'title' in source 'si-2006-2072'");
        check_rejected<DataError>(invalid("kind_without_name"),
                                  "kind_without_name/dataset.yaml:6:45: missing key 'name' in kind "
                                  "'a-kind-with-a-long-id-past-small-strings'");
    }

    TEST_CASE("loader accepts a body referenced before it is defined (references resolve after every file)") {
        const auto lin = Lineage::load(invalid("reference_before_definition"));
        CHECK(lin.dataset().bodies.size() == 4);
        const auto succ = lin.successors(lin.at("pct/a"), Date(2007, 1, 1), "commissioning");
        REQUIRE(succ.size() == 1);
        CHECK(succ.front().body->id == "pct/c");
        const auto groups = lin.groups(lin.at("pct/a"), Date(2003, 1, 1));
        REQUIRE(groups.size() == 1);
        CHECK(groups.front()->id == "sha/q");
        CHECK(validate_directory(invalid("reference_before_definition")).empty());
    }

    TEST_CASE("loader rejects an empty data file and an empty manifest") {
        check_rejected<DataError>(invalid("empty_data_file"),
                                  "empty_data_file/empty.yaml: the file is empty (a data file holds sources, areas, "
                                  "bodies, events, claims or tables)");
        check_rejected<DataError>(invalid("empty_manifest"), "empty_manifest/dataset.yaml: the manifest is empty");
    }

    TEST_CASE("loader rejects a second YAML document in one file") {
        check_rejected<DataError>(invalid("two_documents"),
                                  "two_documents/data.yaml:5:1: a dataset file holds one YAML document, this one holds more");
    }

    TEST_CASE("loader reads Windows line ends and a byte-order mark as usual") {
        const auto ds = load_dataset(invalid("crlf_and_bom"));
        REQUIRE(ds.bodies.size() == 1);
        CHECK(ds.bodies.front().name() == "Alpha PCT");
    }

    TEST_CASE("loader refuses a 100 MB file before parsing it (yaml-cpp would need tens of GB)") {
        TempDir tmp("huge");
        std::ofstream(tmp.path / "dataset.yaml") << k_manifest;
        {
            std::ofstream out(tmp.path / "data.yaml", std::ios::binary);
            out << "sources:\n  s: {title: A source}\n";
            const std::string line = "# " + std::string(97, 'x') + "\n"; // 100 bytes
            std::string block;
            for (int i = 0; i < 10000; ++i) block += line; // 1 MB
            for (int i = 0; i < 100; ++i) out << block;
            out << "bodies:\n  - {id: pct/a, kind: pct, name: Alpha PCT, from: 2006-13-01, source: s}\n";
        }
        CHECK(fs::file_size(tmp.path / "data.yaml") > 100'000'000);
        CHECK_THROWS_WITH_AS((void)load_dataset(tmp.path.string()),
                             "huge/data.yaml: file is larger than 64 MiB, the most a dataset file may be (split it "
                             "into several files)",
                             DataError);
    }

    TEST_CASE("loader rejects a file of random bytes with a DataError, whatever the bytes") {
        // A quick, deterministic sweep; the fuzz targets under fuzz/ do this at length.
        TempDir tmp("random");
        std::ofstream(tmp.path / "dataset.yaml") << k_manifest;
        std::mt19937 rng(20261124);
        for (int round = 0; round < 200; ++round) {
            std::string bytes(static_cast<std::size_t>(rng() % 512), '\0');
            for (auto& c : bytes) c = static_cast<char>(1 + rng() % 255); // no NUL: past the text check
            std::ofstream(tmp.path / "data.yaml", std::ios::binary | std::ios::trunc) << bytes;
            try {
                (void)Lineage::load(tmp.path.string());
            } catch (const Error&) {
                // only the library's own errors may escape
            }
        }
    }
}
