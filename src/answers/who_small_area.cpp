// SPDX-License-Identifier: MIT
// orglineage — `who` for small areas: an LSOA, a postcode (with a user-supplied ONSPD-like file),
// and a local authority's population shares. The answers come from orglineage/small_areas.hpp.
#include "reading.hpp"
#include "who_parts.hpp"

#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <cmath>

namespace orglineage::answers {

namespace {

bool looks_like_lsoa(const std::string& s) {
    return s.size() == 9 && (s.compare(0, 3, "E01") == 0 || s.compare(0, 3, "W01") == 0);
}

Answer answer_lsoa(const Answers& answers, const std::string& lsoa, const WhoQuestion& q, const Date& on, Answer out) {
    const Lineage& lin = answers.lineage();
    const SmallAreas& sa = answers.small_areas();
    if (!sa.is_lsoa(lsoa))
        fail(ProblemKind::not_found, "'" + lsoa + "' is not an English LSOA (2011 or 2021) in the small-area tables");
    const auto a = sa.holders(q.function, lsoa, on);
    out.columns = {"id", "kind", "name", "ods", "share", "location", "lad", "basis"};
    out.csv_columns = {"derivation"};
    out.query["lsoa"] = lsoa;
    out.query["lad"] = a.lad;
    out.query["on"] = q.on;
    out.query["function"] = q.function;
    out.query["basis"] = std::string(to_string(a.basis));
    out.query["source"] = a.explain();
    Value notes = Value::list();
    for (const auto& n : a.notes) notes.push_back(n);
    out.query["notes"] = std::move(notes);
    if (a.table) out.query["table"] = a.table->id;
    out.query["data"] = data_value(lin);
    for (const auto& h : a.holders) {
        Value r = body_value(*h.body, on);
        r["share"] = share_value(h.share);
        r["share_basis"] = std::string(to_string(h.share_basis));
        r["location"] = h.location ? Value(h.location->ods_on(on)) : Value("");
        r["location_id"] = h.location ? Value(h.location->id) : Value();
        r["lad"] = a.lad;
        r["basis"] = std::string(to_string(a.basis));
        r["derivation"] = a.explain();
        r["notes"] = notes_value(lsoa_notes(lin, a, h, on));
        out.rows.push_back(std::move(r));
    }
    out.remarks.push_back({RemarkKind::source, a.explain()});
    if (a.holders.empty()) {
        out.remarks.push_back(
            {RemarkKind::outcome, "nobody held '" + q.function + "' for LSOA " + lsoa + " on " + q.on + " in this dataset"});
        out.exit_code = answer_not_found;
    }
    return out;
}

/// The LSOA of a postcode (the one the small-area tables know), with a remark on the file's rejects.
std::string postcode_lsoa(const Answers& answers, const WhoQuestion& q, const std::string& norm, Answer& out) {
    const auto pc = PostcodeIndex::load(q.postcode_file);
    if (!pc.rejects().empty()) {
        const auto& r = pc.rejects().front();
        out.remarks.push_back({RemarkKind::outcome, std::to_string(pc.rejects().size()) + " rows of " + q.postcode_file +
                                                        " rejected (first: line " + std::to_string(r.line) + ": " +
                                                        r.reason + ")"});
    }
    const auto lsoas = pc.lsoas(norm);
    if (lsoas.empty()) fail(ProblemKind::not_found, "postcode '" + norm + "' is not in " + q.postcode_file);
    // Prefer the LSOA of the census the date's table uses; the index maps the other one too.
    const SmallAreas& sa = answers.small_areas();
    for (const auto& l : lsoas)
        if (sa.is_lsoa(l)) return l;
    fail(ProblemKind::not_found, "postcode '" + norm + "' is in " + lsoas.front() + ", not an English LSOA");
}

} // namespace

std::optional<Answer> who_small_area(const Answers& answers, const WhoQuestion& q, const Date& on) {
    Answer out;
    out.query["command"] = "who";
    if (!q.postcode.empty()) {
        if (q.postcode_file.empty())
            fail(ProblemKind::bad_question, "--postcode needs --postcode-file (an ONS Postcode Directory CSV)");
        const auto norm = PostcodeIndex::normalise(q.postcode);
        if (norm.empty()) fail(ProblemKind::bad_question, "not a postcode '" + q.postcode + "'");
        const std::string lsoa = postcode_lsoa(answers, q, norm, out);
        out.query["postcode"] = norm;
        return answer_lsoa(answers, lsoa, q, on, std::move(out));
    }
    if (looks_like_lsoa(q.area)) return answer_lsoa(answers, q.area, q, on, std::move(out));
    return std::nullopt;
}

void population_shares(const Answers& answers, const std::string& lad, const Date& on, const std::string& function,
                       Answer& out) {
    const auto s = answers.small_areas().lad_shares(function, lad, on);
    for (const auto& x : s.shares) {
        Value* row = nullptr;
        for (auto& r : out.rows)
            if (r.at("id").text() == x.body->id) row = &r;
        if (!row) {
            out.rows.push_back(body_value(*x.body, on));
            row = &out.rows.back();
            (*row)["function"] = function;
            (*row)["via_area"] = "LSOAs";
        }
        (*row)["share"] = x.unallocated > 0 ? Value() : Value(x.share);
        (*row)["basis"] = x.unallocated > 0 ? "unknown" : "population";
        (*row)["derivation"] = s.explain();
        (*row)["unallocated_population"] = static_cast<long long>(std::llround(x.unallocated));
        (*row)["population"] = static_cast<long long>(std::llround(x.population));
        (*row)["lsoas"] = x.lsoas;
    }
    out.query["share_basis"] = s.explain();
    out.query["population"] = static_cast<long long>(std::llround(s.population));
    out.query["unknown_population"] = static_cast<long long>(std::llround(s.unknown_population));
    if (s.unknown_population > 0)
        out.remarks.push_back({RemarkKind::caveat, std::to_string(std::llround(s.unknown_population)) + " of " +
                                                       std::to_string(std::llround(s.population)) +
                                                       " people live in LSOAs whose division between these bodies is "
                                                       "not known; their bodies' shares are unknown"});
    if (std::find(out.columns.begin(), out.columns.end(), "population") == out.columns.end()) {
        out.columns.push_back("population");
        out.columns.push_back("lsoas");
    }
}

} // namespace orglineage::answers
