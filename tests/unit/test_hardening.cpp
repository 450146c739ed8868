// SPDX-License-Identifier: MIT
// The library cannot be broken through its public API: hand-built datasets are checked as loaded
// ones are, accessors are total, and only orglineage::Error comes out. Also the text helpers, the
// CSV reader's edge cases and OutputFile, each on data made here.
#include <orglineage/csv.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/output_file.hpp>
#include <orglineage/remap.hpp>
#include <orglineage/suggest.hpp>
#include <orglineage/text.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

using namespace orglineage;

namespace {

Date day(const char* s) { return *parse_date(s); }

Link make_link(const char* from, const char* to) {
    Link l;
    l.from = from;
    l.to = to;
    return l;
}

/// Two PCTs merged into a third on 2006-10-01, each covering one area: a dataset that passes.
Dataset hand_built() {
    Dataset ds;
    KindInfo pct;
    pct.id = "pct";
    pct.name = "Primary Care Trust";
    pct.functions = {"commissioning"};
    ds.kinds["pct"] = pct;
    Area a;
    a.code = "A1";
    a.name = "Alpha";
    a.kind = "la";
    a.period = Period{day("2000-01-01"), std::nullopt};
    ds.areas.push_back(a);
    auto body = [&](const char* id, const char* from, std::optional<Date> until) {
        Body b;
        b.id = id;
        b.kind = "pct";
        b.period = Period{day(from), until};
        b.names.push_back({std::string(id) + " PCT", b.period});
        Holding h;
        h.function = "commissioning";
        h.period = b.period;
        b.holdings.push_back(h);
        Coverage c;
        c.area = "A1";
        c.period = b.period;
        c.share = 0.5;
        c.basis = ShareBasis::population;
        b.coverage.push_back(c);
        ds.bodies.push_back(b);
    };
    body("p/a", "2002-04-01", day("2006-10-01"));
    body("p/b", "2002-04-01", day("2006-10-01"));
    body("p/ab", "2006-10-01", std::nullopt);
    ds.bodies.back().coverage.back().share = 1.0;
    Event ev;
    ev.id = "merge";
    ev.date = day("2006-10-01");
    ev.kind = EventKind::merge;
    ev.subjects = {"p/a", "p/b"};
    ev.links = {make_link("p/a", "p/ab"), make_link("p/b", "p/ab")};
    ds.events.push_back(ev);
    return ds;
}

template <class F> void refused(F&& change, const std::string& message) {
    Dataset ds = hand_built();
    change(ds);
    CHECK_THROWS_WITH_AS(Lineage(std::move(ds)), message.c_str(), ValidationError);
}

} // namespace

TEST_SUITE("hardening") {
    TEST_CASE("Body accessors are total on a body with no names") {
        const Body b{};
        CHECK(b.name().empty());
        CHECK(b.name_on(day("2010-01-01")).empty());
        CHECK(b.ods_on(day("2010-01-01")).empty());
        CHECK(b.last_ons().empty());
    }

    TEST_CASE("a hand-built dataset that keeps the rules makes a Lineage that answers") {
        const Lineage lin(hand_built());
        const auto s = lin.successors(lin.at("p/a"), day("2007-01-01"), "commissioning");
        REQUIRE(s.size() == 1);
        CHECK(s.front().body->id == "p/ab");
        CHECK(*s.front().share == 1.0);
    }

    TEST_CASE("Lineage(Dataset) refuses what loading refuses, with ValidationError") {
        refused([](Dataset& ds) { ds.bodies[0].coverage[0].area = "NOPE"; },
                "unknown area 'NOPE' in the coverage of 'p/a'");
        refused([](Dataset& ds) { Membership m;
                        m.group = "p/none";
                        m.period = ds.bodies[0].period;
                        ds.bodies[0].memberships.push_back(m); },
                "unknown body 'p/none' in member-of of 'p/a'");
        refused([](Dataset& ds) { ds.events[0].links[1].to = "p/zz"; },
                "unknown body 'p/zz' in a link of merge event 'merge'");
        refused([](Dataset& ds) { ds.bodies[1].id = "p/a"; }, "duplicate body id 'p/a'");
        refused([](Dataset& ds) { ds.bodies[0].period.until = day("2001-01-01"); },
                "'p/a' ends before it starts (2002-04-01 to the day before 2001-01-01)");
        refused([](Dataset& ds) { ds.bodies[0].coverage[0].share = std::nan(""); },
                "the coverage of 'A1' by 'p/a' has share nan, outside [0, 1]");
        refused([](Dataset& ds) { ds.bodies[0].coverage[0].share = -0.5; },
                "the coverage of 'A1' by 'p/a' has share -0.500000, outside [0, 1]");
        refused([](Dataset& ds) { ds.events[0].links[0].share = 1.5; },
                "the link from 'p/a' to 'p/ab' in merge event 'merge' has share 1.500000, outside [0, 1]");
        refused([](Dataset& ds) { ds.bodies[0].kind = "ccg"; }, "unknown kind 'ccg' of 'p/a'");
        refused([](Dataset& ds) { ds.bodies[0].holdings[0].function = "nope"; },
                "unknown function 'nope' in the functions of 'p/a'");
        refused(
            [](Dataset& ds) {
                ds.events[0].links.push_back(make_link("p/ab", "p/a"));
            },
            "succession goes round in a cycle through 'p/ab' on 2006-10-01");
        refused(
            [](Dataset& ds) {
                ds.bodies[0].ods.push_back({"5AA", ds.bodies[0].period});
                ds.bodies[1].ods.push_back({"5AA", ds.bodies[1].period});
            },
            "ODS code '5AA' is held by 'p/b' and 'p/a' on 2002-04-01");
        refused([](Dataset& ds) { ds.events.push_back(ds.events[0]); }, "duplicate event id 'merge'");
    }

    TEST_CASE("a query given a body of another Lineage answers for its id, or refuses it with LookupError") {
        const Lineage lin(hand_built());
        Dataset other_ds = hand_built();
        other_ds.bodies[2].id = "p/elsewhere";
        for (auto& l : other_ds.events[0].links) l.to = "p/elsewhere";
        const Lineage other(std::move(other_ds));
        // The same id in another Lineage stands for this Lineage's body.
        const auto s = lin.successors(other.at("p/a"), day("2007-01-01"), "commissioning");
        REQUIRE(s.size() == 1);
        CHECK(s.front().body == &lin.at("p/ab"));
        // An id this Lineage lacks is an error naming the body, not std::out_of_range.
        const Body& stranger = other.at("p/elsewhere");
        const char* message = "body 'p/elsewhere' is not in this lineage";
        CHECK_THROWS_WITH_AS((void)lin.successors(stranger, day("2007-01-01"), "commissioning"), message, LookupError);
        CHECK_THROWS_WITH_AS((void)lin.predecessors(stranger, day("2007-01-01"), "commissioning"), message,
                             LookupError);
        CHECK_THROWS_WITH_AS((void)lin.default_since(stranger, "commissioning", day("2007-01-01")), message,
                             LookupError);
        CHECK_THROWS_WITH_AS((void)lin.links_of(stranger, true), message, LookupError);
        CHECK_THROWS_WITH_AS((void)lin.lineage(stranger), message, LookupError);
        CHECK_THROWS_WITH_AS((void)lin.members(stranger, day("2007-01-01")), message, LookupError);
    }

    TEST_CASE("remap of figures for a body without a name writes an empty name, no crash") {
        Dataset ds = hand_built();
        for (auto& b : ds.bodies) b.names.clear();
        ds.bodies[2].ods.push_back({"5AB", ds.bodies[2].period});
        const Lineage lin(std::move(ds));
        std::istringstream in("code,date,value\np/a,2005-06-01,10\n");
        std::ostringstream out;
        RemapOptions o;
        o.code_column = "code";
        o.date_column = "date";
        o.value_columns = {"value"};
        o.to = day("2010-01-01");
        const auto s = remap(lin, in, out, o);
        CHECK(s.counts.mapped == 1);
        CHECK(out.str() == "code,name,date,value,rows,basis,body_id,notes\n5AB,,2005-06-01,10,1,whole,p/ab,\n");
    }

    TEST_CASE("did-you-mean gives nothing for text longer than any code, and messages shorten it") {
        const Lineage lin(hand_built());
        CHECK(similar_codes(lin, std::string(131000, 'Q')).empty());
        CHECK(similar_codes(lin, "p/aa") == std::vector<std::string>{"p/a", "p/ab"});
        CHECK(shortened(std::string(100, 'x'), 10) == "xxxxxxxxxx... (100 bytes)");
        CHECK(shortened("short", 10) == "short");
        // Never half a character: the cut moves back to the start of the é.
        CHECK(shortened("abcdefghi\xC3\xA9xyz", 10) == "abcdefghi... (14 bytes)");
    }

    TEST_CASE("invalid_utf8 finds the first byte that is not UTF-8") {
        CHECK(!invalid_utf8("plain ASCII and caf\xC3\xA9 and \xF0\x9F\x98\x80"));
        CHECK(invalid_utf8("caf\xE9") == std::optional<std::size_t>(3));      // Latin-1
        CHECK(invalid_utf8("\xC0\xAF") == std::optional<std::size_t>(0));     // overlong
        CHECK(invalid_utf8("a\xED\xA0\x80") == std::optional<std::size_t>(1)); // a surrogate
        CHECK(invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0)); // above U+10FFFF
        CHECK(invalid_utf8("ab\xE2\x82") == std::optional<std::size_t>(2));    // cut short
    }

    TEST_CASE("CsvReader reads CR-only line ends and counts lines right") {
        std::istringstream in("a,b\r1,2\r\"x\ry\",3\r4,5\r");
        CsvReader r(in);
        CsvRecord rec;
        std::string got;
        while (r.next(rec)) got += std::to_string(rec.line) + ":" + std::string(rec.fields[0]) + "|";
        CHECK(got == "1:a|2:1|3:x\ry|5:4|");
    }

    TEST_CASE("CsvReader takes a line of any length as one bad record") {
        std::istringstream in("a,b\n" + std::string(5 << 20, 'x') + "\n1,2\n");
        CsvReader r(in, ',', 1 << 20);
        CsvRecord rec;
        REQUIRE(r.next(rec));
        REQUIRE(r.next(rec));
        CHECK(!rec.ok());
        CHECK(rec.line == 2);
        CHECK(rec.raw.size() == 4096);
        REQUIRE(r.next(rec));
        CHECK(rec.ok());
        CHECK(rec.line == 3);
        CHECK(rec.fields[1] == "2");
        CHECK(!r.next(rec));
    }

    TEST_CASE("CsvReader refuses a delimiter that cannot separate fields") {
        std::istringstream in("a\n");
        CHECK_THROWS_WITH_AS(CsvReader(in, '"'), "the CSV delimiter cannot be '\"' (it is the quote character)", Error);
        CHECK_THROWS_WITH_AS(CsvReader(in, '\n'), "the CSV delimiter cannot be a line end or NUL", Error);
    }

    TEST_CASE("OutputFile: the target appears only on commit, complete") {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / ("orglineage-output-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        const auto target = (dir / "out.csv").string();
        {
            OutputFile f(target);
            f.stream() << "half";
            CHECK(!fs::exists(target));
        } // not committed: nothing appears, no temporary is left
        CHECK(fs::is_empty(dir));
        {
            std::ofstream(target) << "old\n";
            OutputFile f(target);
            f.stream() << "new\n";
            std::ifstream before(target);
            CHECK(std::string(std::istreambuf_iterator<char>(before), {}) == "old\n");
            f.commit();
        }
        std::ifstream after(target);
        CHECK(std::string(std::istreambuf_iterator<char>(after), {}) == "new\n");
        CHECK_THROWS_WITH_AS(OutputFile((dir / "no" / "such" / "x").string()),
                             ((dir / "no" / "such" / "x").string() + ": cannot create a file in '" +
                              (dir / "no" / "such").string() + "' (No such file or directory)")
                                 .c_str(),
                             IoError);
        if (fs::exists("/dev/full")) {
            OutputFile f("/dev/full");
            f.stream() << "x";
            CHECK_THROWS_WITH_AS(f.commit(), "/dev/full: cannot write (No space left on device)", IoError);
        } else {
            MESSAGE("skipped the full-disk case: this machine has no /dev/full");
        }
        fs::remove_all(dir);
    }

    namespace output_cases {
    namespace fs = std::filesystem;
    std::string read_all(const fs::path& p) {
        std::ifstream in(p);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    fs::path fresh_dir(const std::string& name) {
        const fs::path dir = fs::temp_directory_path() / ("orglineage-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        return dir;
    }
    } // namespace output_cases

    TEST_CASE("OutputFile writes through a symbolic link: the link stays a link, its target gets the data") {
        using namespace output_cases;
        const fs::path dir = fresh_dir("link");
        fs::create_directories(dir / "real");
        std::ofstream(dir / "real" / "out.csv") << "old\n";
        fs::create_symlink("real/out.csv", dir / "link.csv");       // relative
        fs::create_symlink(dir / "link.csv", dir / "link2.csv");    // a chain of two
        {
            OutputFile f((dir / "link2.csv").string());
            f.stream() << "new\n";
            f.commit();
        }
        CHECK(fs::is_symlink(dir / "link.csv"));
        CHECK(fs::is_symlink(dir / "link2.csv"));
        CHECK(read_all(dir / "real" / "out.csv") == "new\n");
        // A dangling link: the file appears where it points.
        fs::create_symlink("real/later.csv", dir / "dangling.csv");
        {
            OutputFile f((dir / "dangling.csv").string());
            f.stream() << "x\n";
            f.commit();
        }
        CHECK(fs::is_symlink(dir / "dangling.csv"));
        CHECK(read_all(dir / "real" / "later.csv") == "x\n");
        fs::remove_all(dir);
    }

    TEST_CASE("OutputFile writes a descriptor of this process where it stands (a /dev/stdout whose file is regular)") {
        using namespace output_cases;
        const fs::path dir = fresh_dir("fd");
        const fs::path file = dir / "stdout.txt";
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, "before\n", 7) == 7);
        // What /dev/stdout is: a link to /proc/self/fd/N, behind which stat sees a regular file.
        fs::create_symlink("/proc/self/fd/" + std::to_string(fd), dir / "stdout-link");
        {
            OutputFile f((dir / "stdout-link").string());
            f.stream() << "notes\n";
            f.commit();
        }
        REQUIRE(::write(fd, "after\n", 6) == 6);
        ::close(fd);
        CHECK(fs::is_symlink(dir / "stdout-link"));
        CHECK(read_all(file) == "before\nnotes\nafter\n"); // appended where the descriptor stood, not over it
        auto entries = std::distance(fs::directory_iterator(dir), fs::directory_iterator());
        CHECK(entries == 2); // no temporary left beside it
        CHECK_THROWS_WITH_AS(OutputFile("/proc/self/fd/987654"),
                             "/proc/self/fd/987654: cannot write: descriptor 987654 is not open", IoError);
        fs::remove_all(dir);
    }

    TEST_CASE("OutputFile refuses to replace a read-only file or one with other hard links") {
        using namespace output_cases;
        const fs::path dir = fresh_dir("refuse");
        const fs::path ro = dir / "ro.csv";
        std::ofstream(ro) << "keep\n";
        fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        CHECK_THROWS_WITH_AS(OutputFile(ro.string()),
                             (ro.string() + ": cannot write: the file is read-only; it is not replaced (make it "
                                            "writable or choose another name)")
                                 .c_str(),
                             IoError);
        CHECK(read_all(ro) == "keep\n");
        const fs::path a = dir / "a.csv";
        std::ofstream(a) << "shared\n";
        fs::create_hard_link(a, dir / "b.csv");
        CHECK_THROWS_WITH_AS(OutputFile(a.string()),
                             (a.string() + ": cannot write: the file has 1 other hard link(s) that replacing it "
                                           "would break (remove them or choose another name)")
                                 .c_str(),
                             IoError);
        CHECK(read_all(dir / "b.csv") == "shared\n");
        fs::permissions(ro, fs::perms::owner_all);
        fs::remove_all(dir);
    }

    TEST_CASE("OutputFile: a name near NAME_MAX works, and a killed run's temporary is removed") {
        using namespace output_cases;
        const fs::path dir = fresh_dir("names");
        const std::string long_name(250, 'n');
        {
            OutputFile f((dir / long_name).string());
            f.stream() << "ok\n";
            f.commit();
        }
        CHECK(read_all(dir / long_name) == "ok\n");
        // A leftover of a process that no longer exists (pid 0x7ffffff0 is beyond pid_max), and a
        // file that only looks alike: the first goes, the second stays.
        std::ofstream(dir / ".orglineage-2147483632-0.tmp") << "leftover";
        std::ofstream(dir / ".orglineage-notes.tmp") << "someone else's";
        {
            OutputFile f((dir / "next.csv").string());
            f.stream() << "x\n";
            f.commit();
        }
        CHECK(!fs::exists(dir / ".orglineage-2147483632-0.tmp"));
        CHECK(fs::exists(dir / ".orglineage-notes.tmp"));
        fs::remove_all(dir);
    }

    TEST_CASE("check_distinct_files refuses an output that is an input or another output") {
        namespace fs = std::filesystem;
        const auto in = (fs::temp_directory_path() / ("orglineage-in-" + std::to_string(::getpid()))).string();
        std::ofstream(in) << "x\n";
        CHECK_THROWS_WITH_AS(check_distinct_files({{"FILE", in}}, {{"--output", in}}),
                             ("--output '" + in + "' is the same file as FILE (writing it would destroy what is read or written there)").c_str(),
                             Error);
        CHECK_THROWS_WITH_AS(check_distinct_files({}, {{"-o", "/tmp/x/../y"}, {"--rejects", "/tmp/y"}}),
                             "--rejects '/tmp/y' is the same file as -o (writing it would destroy what is read or written there)",
                             Error);
        CHECK_NOTHROW(check_distinct_files({{"FILE", "-"}}, {{"-o", ""}, {"--rejects", in + ".rejects"}}));
        fs::remove(in);
    }
}
