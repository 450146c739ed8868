// SPDX-License-Identifier: MIT
// The answers layer (orglineage/ask.hpp) on the shipped dataset: the README's questions in the
// user's words, the notes and readings they carry, the errors with their suggestions and exit
// codes, the vectorised who, and the reading of `query -` lines within their limits.
#include <orglineage/ask.hpp>
#include <orglineage/lineage.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace orglineage;

namespace {

const Answers& answers() {
    static const auto lin = std::make_unique<Lineage>(Lineage::load(ORGLINEAGE_SHIPPED_DATA_DIR));
    static const Answers a(*lin);
    return a;
}

bool has_note(const Value& row, NoteKind kind) {
    for (const auto& n : notes_of(row))
        if (n.kind == kind) return true;
    return false;
}

bool has_remark(const Answer& a, RemarkKind kind, const std::string& part) {
    for (const auto& r : a.remarks)
        if (r.kind == kind && r.text.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("who: Cornwall by today's code in 2007 is its PCT, derived from the territory, with notes") {
    WhoQuestion q;
    q.area = "E06000052";
    q.on = "2007-06-01";
    const Answer a = answers().who(q);
    REQUIRE(a.answered());
    CHECK(a.exit_code == 0);
    REQUIRE(a.rows.size() == 1);
    CHECK(a.rows[0].at("id").text() == "pct/5QP");
    CHECK(a.rows[0].at("share").number() == doctest::Approx(1.0));
    CHECK(a.rows[0].at("derivation").text() == "territory of E06000052 on 2007-06-01");
    CHECK(has_note(a.rows[0], NoteKind::derived));
    CHECK(a.query.at("basis").text() == "territory");
    CHECK(has_remark(a, RemarkKind::caveat, "E06000052 (Cornwall) is not in force on 2007-06-01"));
}

TEST_CASE("who: a name is read as its area, and the query says which") {
    WhoQuestion q;
    q.area = "Cornwall";
    q.on = "2012-06-01";
    const Answer a = answers().who(q);
    REQUIRE(a.answered());
    CHECK(a.query.at("area").text() == "E06000052");
    REQUIRE(!a.rows.empty());
    CHECK(a.rows[0].at("id").text() == "pct/5QP");
}

TEST_CASE("who: an LSOA before the CCGs is answered through its district, derived") {
    WhoQuestion q;
    q.area = "E01019727";
    q.on = "2010-06-01";
    const Answer a = answers().who(q);
    REQUIRE(a.answered());
    REQUIRE(a.rows.size() == 1);
    CHECK(a.rows[0].at("id").text() == "pct/5LH");
    CHECK(a.rows[0].at("lad").text() == "E07000037");
    CHECK(has_note(a.rows[0], NoteKind::derived));
    CHECK(a.csv_columns == std::vector<std::string>{"derivation"});
}

TEST_CASE("who: a typo is a problem with the nearest names as suggestions, exit 1") {
    WhoQuestion q;
    q.area = "Cornwal";
    q.on = "2007-06-01";
    const Answer a = answers().who(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->kind == ProblemKind::not_found);
    CHECK(a.exit_code == 1);
    CHECK(a.problem->message.rfind("unknown area 'Cornwal' (did you mean: ", 0) == 0);
    CHECK(!a.problem->suggestions.empty());
    CHECK(a.rows.empty());
}

TEST_CASE("who: a bad date and an unknown function are bad questions, exit 2") {
    WhoQuestion q;
    q.area = "E06000052";
    q.on = "2007-02-30";
    Answer a = answers().who(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->kind == ProblemKind::bad_question);
    CHECK(a.problem->exit_code == 2);
    CHECK(a.problem->message == "bad date '2007-02-30' (expected YYYY-MM-DD, a real calendar day)");
    q.on = "2007-06-01";
    q.function = "comissioning";
    a = answers().who(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->message.rfind("unknown function 'comissioning' (known: ", 0) == 0);
}

TEST_CASE("successors: a CCG's reused code read on the day asked; shares of the README") {
    SuccessionQuestion q;
    q.body = "01Y";
    q.on = "2022-07-01";
    q.code_on = "2022-06-30";
    const Answer a = answers().successors(q);
    REQUIRE(a.answered());
    REQUIRE(a.rows.size() == 2);
    CHECK(a.rows[0].at("id").text() == "icb/E54000057");
    CHECK(a.rows[0].at("share").number() == doctest::Approx(0.8711).epsilon(0.0001));
    CHECK(a.rows[1].at("id").text() == "icb/E54000058");
    CHECK(a.query.at("body").at("kind").text() == "ccg");
}

TEST_CASE("successors: without a date, the day after an ended body's last day, said as a reading") {
    SuccessionQuestion q;
    q.body = "pct/5QP";
    const Answer a = answers().successors(q);
    REQUIRE(a.answered());
    CHECK(a.query.at("on").text() == "2013-04-01");
    CHECK(a.query.at("on_default").boolean());
    CHECK(has_remark(a, RemarkKind::reading, "the day after pct/5QP's last day"));
}

TEST_CASE("resolve: a name one body had; an ambiguous name lists the candidates") {
    ResolveQuestion q;
    q.code = "NHS Kernow CCG";
    Answer a = answers().resolve(q);
    REQUIRE(a.answered());
    REQUIRE(a.rows.size() == 1);
    CHECK(a.rows[0].at("id").text() == "ccg/11N");
    CHECK(has_remark(a, RemarkKind::reading, "taking 'NHS Kernow CCG' as the name of ccg/11N"));
    q.code = "Derbyshire";
    a = answers().resolve(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->kind == ProblemKind::ambiguous);
    CHECK(a.problem->suggestions.size() > 1);
}

TEST_CASE("snapshot: the published totals (152 PCTs in 2010, 42 ICBs in 2022)") {
    CHECK(answers().snapshot({"2010-01-01", "pct"}).rows.size() == 152);
    CHECK(answers().snapshot({"2022-07-01", "icb"}).rows.size() == 42);
    const Answer bad = answers().snapshot({"2010-01-01", "pcts"});
    REQUIRE(!bad.answered());
    CHECK(bad.problem->exit_code == 2);
}

TEST_CASE("who_many: one table, each row with its question's index; errors and empty answers by index") {
    const Answer a = answers().who_many({"E06000052", "Cornwal", "E01019727", "E06000052"},
                                        {"2007-06-01", "2007-06-01", "2022-07-01", "2007-06-01"});
    REQUIRE(a.answered());
    REQUIRE(a.rows.size() == 3);
    CHECK(a.rows[0].at("input").integer() == 0);
    CHECK(a.rows[0].at("id").text() == "pct/5QP");
    CHECK(a.rows[1].at("input").integer() == 2);
    CHECK(a.rows[1].at("id").text() == "icb/E54000058");
    CHECK(a.rows[2].at("input").integer() == 3);
    REQUIRE(a.extra.at("errors").size() == 1);
    CHECK(a.extra.at("errors").items()[0].at("input").integer() == 1);
    CHECK(a.extra.at("errors").items()[0].at("exit").integer() == 1);
    // One date for every area.
    CHECK(answers().who_many({"E06000052", "E01019727"}, {"2010-06-01"}).rows.size() == 2);
    CHECK(!answers().who_many({"a", "b", "c"}, {"2010-06-01", "2011-06-01"}).answered());
}

TEST_CASE("ask: named questions, unknown names refused with the known ones") {
    NamedQuestion q;
    q.question = "who";
    q.args = {{"area", "E06000052"}, {"on", "2007-06-01"}};
    CHECK(answers().ask(q).rows.at(0).at("id").text() == "pct/5QP");
    q.args.emplace_back("colour", "red");
    Answer a = answers().ask(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->message ==
          "unknown argument 'colour' for 'who' (area, on, function, legal, postcode, postcode_file, population)");
    q.question = "whom";
    a = answers().ask(q);
    REQUIRE(!a.answered());
    CHECK(a.problem->message.rfind("unknown query 'whom' (resolve, who, ", 0) == 0);
}

TEST_CASE("read_question_line: JSON and CSV; too deep, not UTF-8, too long are problems, not crashes") {
    auto q = read_question_line(R"({"query":"who","area":"E06000052","on":"2007-06-01","id":[1,{"a":2}]})");
    REQUIRE(!q.problem);
    CHECK(q.question.question == "who");
    CHECK(q.question.args.size() == 2);
    CHECK(q.question.id.size() == 2);
    q = read_question_line("who,E06000052,2007-06-01");
    REQUIRE(!q.problem);
    CHECK(q.question.args[1] == std::pair<std::string, std::string>("on", "2007-06-01"));
    const std::string deep = R"({"query":"who","id":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    q = read_question_line(deep);
    REQUIRE(q.problem);
    CHECK(q.problem->message == "JSON nested 100001 deep (at most 16)");
    q = read_question_line("who,E0600\xff" "0052,2007-06-01");
    REQUIRE(q.problem);
    CHECK(q.problem->message == "not UTF-8 text (byte 10)");
    q = read_question_line("who," + std::string(max_question_line, 'a'));
    REQUIRE(q.problem);
    CHECK(q.problem->message == "line of 1048580 bytes (at most 1048576)");
}

TEST_CASE("to_json, to_text and to_csv lay out the same rows") {
    WhoQuestion q;
    q.area = "E06000052";
    q.on = "2007-06-01";
    const Answer a = answers().who(q);
    const std::string json = to_json(a);
    CHECK(json.find("\"id\": \"pct/5QP\"") != std::string::npos);
    CHECK(json.find("\"kind\": \"derived\"") != std::string::npos);
    const std::string csv = to_csv(a);
    CHECK(csv.rfind("id,kind,name,ods,share,basis,function,via_area,derivation,notes\npct/5QP,pct,", 0) == 0);
    const std::string text = to_text(a);
    CHECK(text.find("\nNotes:\n  [derived] ") != std::string::npos);
}
