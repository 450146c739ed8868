// SPDX-License-Identifier: MIT
// The streaming CSV reader: quoting, line ends, BOM, empty lines, and every kind of malformed record.
#include <orglineage/csv.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace orglineage;

namespace {

struct Read {
    std::vector<std::string> fields;
    std::int64_t line;
    std::string error;
    std::string raw;
};

std::vector<Read> read_all(const std::string& text, std::size_t max_record = 1 << 20) {
    std::istringstream in(text);
    CsvReader r(in, ',', max_record);
    CsvRecord rec;
    std::vector<Read> out;
    while (r.next(rec)) out.push_back({{rec.fields.begin(), rec.fields.end()}, rec.line, rec.error, std::string(rec.raw)});
    return out;
}

} // namespace

TEST_SUITE("csv") {

TEST_CASE("CsvReader splits plain records and numbers their lines") {
    const auto rs = read_all("a,b,c\n1,2,3\n");
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK(rs[1].fields == std::vector<std::string>{"1", "2", "3"});
    CHECK(rs[1].line == 2);
    CHECK(rs[1].raw == "1,2,3");
}

TEST_CASE("CsvReader keeps empty fields and reads a last line without a line end") {
    const auto rs = read_all("a,,c\n,x,");
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].fields == std::vector<std::string>{"a", "", "c"});
    CHECK(rs[1].fields == std::vector<std::string>{"", "x", ""});
}

TEST_CASE("CsvReader unquotes fields with commas, doubled quotes and line breaks") {
    const auto rs = read_all("code,name\n\"5QP\",\"Cornwall, and \"\"Scilly\"\"\"\n\"01\nA\",x\nlast,1\n");
    REQUIRE(rs.size() == 4);
    CHECK(rs[1].fields == std::vector<std::string>{"5QP", "Cornwall, and \"Scilly\""});
    CHECK(rs[2].fields == std::vector<std::string>{"01\nA", "x"});
    CHECK(rs[2].line == 3);
    CHECK(rs[3].line == 5); // the embedded line break counts
}

TEST_CASE("CsvReader handles CRLF line ends, a byte-order mark and empty lines") {
    const auto rs = read_all("\xEF\xBB\xBF" "code,v\r\n\r\nA,1\r\n\n\"B\",2\r\n\r\n");
    REQUIRE(rs.size() == 3);
    CHECK(rs[0].fields == std::vector<std::string>{"code", "v"});
    CHECK(rs[1].fields == std::vector<std::string>{"A", "1"});
    CHECK(rs[1].line == 3);
    CHECK(rs[2].fields == std::vector<std::string>{"B", "2"});
    CHECK(rs[2].line == 5);
}

TEST_CASE("CsvReader reports a quote inside an unquoted field and goes on at the next line") {
    const auto rs = read_all("a,b\nx,y\"z\nc,d\n");
    REQUIRE(rs.size() == 3);
    CHECK(rs[1].error == "quote inside an unquoted field");
    CHECK(rs[1].line == 2);
    CHECK(rs[1].raw == "x,y\"z");
    CHECK(rs[2].fields == std::vector<std::string>{"c", "d"});
    CHECK(rs[2].line == 3);
}

TEST_CASE("CsvReader reports text after a closing quote") {
    const auto rs = read_all("a,b\n\"x\"y,1\nc,d\n");
    REQUIRE(rs.size() == 3);
    CHECK(rs[1].error == "text after a closing quote");
    CHECK(rs[2].fields == std::vector<std::string>{"c", "d"});
}

TEST_CASE("CsvReader reports a quote never closed and keeps the lines after it") {
    const auto rs = read_all("a,b\n\"x,1\nc,d\ne,f\n");
    REQUIRE(rs.size() == 4);
    CHECK(rs[1].error == "quote never closed");
    CHECK(rs[1].line == 2);
    CHECK(rs[2].fields == std::vector<std::string>{"c", "d"});
    CHECK(rs[2].line == 3);
    CHECK(rs[3].line == 4);
}

TEST_CASE("CsvReader reports a record longer than its limit and goes on") {
    std::string text = "a,b\n\"";
    text += std::string(200, 'x');
    text += "\nc,d\n";
    for (int i = 0; i < 50; ++i) text += "e,f\n";
    const auto rs = read_all(text, 64);
    REQUIRE(rs.size() >= 3);
    CHECK(rs[1].error.find("too long") != std::string::npos);
    CHECK(rs[2].fields == std::vector<std::string>{"c", "d"});
    CHECK(rs.size() == 53);
}

TEST_CASE("CsvReader reads records across its buffer's refills") {
    std::string text = "code,date,value\n";
    for (int i = 0; i < 200000; ++i) text += "\"A,B\",2010-01-01," + std::to_string(i) + "\n";
    std::istringstream in(text);
    CsvReader r(in);
    CsvRecord rec;
    REQUIRE(r.next(rec));
    long long sum = 0, n = 0;
    while (r.next(rec)) {
        REQUIRE(rec.ok());
        REQUIRE(rec.fields.size() == 3);
        REQUIRE(rec.fields[0] == "A,B");
        sum += std::stoll(std::string(rec.fields[2]));
        ++n;
    }
    CHECK(n == 200000);
    CHECK(sum == 200000LL * 199999 / 2);
    CHECK(r.bytes_read() == text.size());
}

} // TEST_SUITE
