// SPDX-License-Identifier: MIT
// orglineage CLI — small areas for `who`: an LSOA, a postcode (with a user-supplied ONSPD-like file),
// and population shares of a LAD. The answers come from orglineage/small_areas.hpp.
#include "small_areas.hpp"

#include <orglineage/small_areas.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

namespace orglineage::cli {

namespace {

/// The LSOA index of the loaded dataset, built on first use (about as long as the dataset load).
const SmallAreas& small_areas(Context& ctx) {
    static const Lineage* built_for = nullptr;
    static std::unique_ptr<SmallAreas> index;
    const Lineage& lin = ctx.lineage();
    if (!index || built_for != &lin) {
        index = std::make_unique<SmallAreas>(SmallAreas::load(lin));
        built_for = &lin;
    }
    return *index;
}

} // namespace

const AreaHistory& area_history(Context& ctx) {
    static const Lineage* built_for = nullptr;
    static std::unique_ptr<AreaHistory> history;
    const Lineage& lin = ctx.lineage();
    if (!history || built_for != &lin) {
        history = std::make_unique<AreaHistory>(AreaHistory::load(lin));
        built_for = &lin;
    }
    return *history;
}

void describe_answer(const PlaceAnswer& answer, Json& query) {
    query["basis"] = std::string(to_string(answer.basis));
    query["notes"] = answer.notes;
    if (answer.territory.in_force) return;
    Json parts = Json::array();
    for (const auto& p : answer.territory.parts)
        parts.push_back(Json{{"area", p.area->code},
                             {"name", p.area->name},
                             {"kind", p.area->kind},
                             {"share", share_json(p.share)},
                             {"part_of_area", share_json(p.part_of_area)},
                             {"basis", std::string(to_string(p.basis))}});
    query["territory"] = parts;
}

namespace {

bool looks_like_lsoa(const std::string& s) {
    return s.size() == 9 && (s.compare(0, 3, "E01") == 0 || s.compare(0, 3, "W01") == 0);
}

void answer_lsoa(Context& ctx, const std::string& lsoa, const std::string& on_text, const std::string& function,
                 Json query) {
    const SmallAreas& sa = small_areas(ctx);
    const Date on = date_arg(on_text);
    if (!sa.is_lsoa(lsoa))
        throw Failure(exit_not_found, "'" + lsoa + "' is not an English LSOA (2011 or 2021) in the small-area tables");
    const auto a = sa.holders(function, lsoa, on);
    Output out;
    out.columns = {"id", "kind", "name", "ods", "share", "location", "lad", "basis"};
    query["lsoa"] = lsoa;
    query["lad"] = a.lad;
    query["on"] = on_text;
    query["function"] = function;
    query["basis"] = std::string(to_string(a.basis));
    query["source"] = a.explain();
    query["notes"] = a.notes;
    if (ctx.format == "csv") out.columns.push_back("derivation");
    if (a.table) query["table"] = a.table->id;
    query["data"] = ctx.data_info();
    out.query = query;
    for (const auto& h : a.holders) {
        Json r = body_json(*h.body, on);
        r["share"] = share_json(h.share);
        r["share_basis"] = std::string(to_string(h.share_basis));
        r["location"] = h.location ? Json(h.location->ods_on(on)) : Json("");
        r["location_id"] = h.location ? Json(h.location->id) : Json(nullptr);
        r["lad"] = a.lad;
        r["basis"] = std::string(to_string(a.basis));
        r["derivation"] = a.explain();
        r["notes"] = notes_json(lsoa_notes(ctx.lineage(), a, h, on));
        out.results.push_back(r);
    }
    emit(ctx, std::move(out));
    if (ctx.format == "text") say("source: " + a.explain());
    if (a.holders.empty()) {
        say("nobody held '" + function + "' for LSOA " + lsoa + " on " + on_text + " in this dataset");
        ctx.exit_code = exit_not_found;
    }
}

} // namespace

void add_small_area_options(CLI::App& who, SmallAreaOptions& o) {
    who.add_option("--postcode", o.postcode, "a postcode (any spacing or case), looked up in --postcode-file");
    who.add_option("--postcode-file", o.postcode_file,
                   "an ONS Postcode Directory CSV (or any CSV with postcode and LSOA columns), not shipped")
        ->check(CLI::ExistingFile);
    who.add_flag("--population", o.population,
                 "for a local authority: shares of its population from the LSOA tables (ONS mid-year LSOA estimates)");
}

bool who_small_area(Context& ctx, const std::string& area, const SmallAreaOptions& o, const std::string& on,
                    const std::string& function) {
    if (!o.postcode.empty()) {
        if (o.postcode_file.empty())
            throw Failure(exit_usage, "--postcode needs --postcode-file (an ONS Postcode Directory CSV)");
        const auto norm = PostcodeIndex::normalise(o.postcode);
        if (norm.empty()) throw Failure(exit_usage, "not a postcode '" + o.postcode + "'");
        const auto pc = PostcodeIndex::load(o.postcode_file);
        if (!pc.rejects().empty()) {
            const auto& r = pc.rejects().front();
            say(std::to_string(pc.rejects().size()) + " rows of " + o.postcode_file + " rejected (first: line " +
                std::to_string(r.line) + ": " + r.reason + ")");
        }
        const auto lsoas = pc.lsoas(norm);
        if (lsoas.empty()) throw Failure(exit_not_found, "postcode '" + norm + "' is not in " + o.postcode_file);
        const SmallAreas& sa = small_areas(ctx);
        // Prefer the LSOA of the census the date's table uses; the index maps the other one too.
        std::string lsoa;
        for (const auto& l : lsoas)
            if (sa.is_lsoa(l)) {
                lsoa = l;
                break;
            }
        if (lsoa.empty())
            throw Failure(exit_not_found, "postcode '" + norm + "' is in " + lsoas.front() + ", not an English LSOA");
        answer_lsoa(ctx, lsoa, on, function, Json{{"command", "who"}, {"postcode", norm}});
        return true;
    }
    if (looks_like_lsoa(area)) {
        answer_lsoa(ctx, area, on, function, Json{{"command", "who"}});
        return true;
    }
    return false;
}

void population_shares(Context& ctx, const std::string& lad, const Date& on, const std::string& function,
                       Output& out) {
    const auto s = small_areas(ctx).lad_shares(function, lad, on);
    for (const auto& x : s.shares) {
        Json* row = nullptr;
        for (auto& r : out.results)
            if (r.contains("id") && r["id"] == x.body->id) row = &r;
        if (!row) {
            out.results.push_back(body_json(*x.body, on));
            row = &out.results.back();
            (*row)["function"] = function;
            (*row)["via_area"] = "LSOAs";
        }
        (*row)["share"] = x.unallocated > 0 ? Json(nullptr) : Json(x.share);
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
        say("note: " + std::to_string(std::llround(s.unknown_population)) + " of " +
            std::to_string(std::llround(s.population)) +
            " people live in LSOAs whose division between these bodies is not known; their bodies' shares are unknown");
    if (std::find(out.columns.begin(), out.columns.end(), "population") == out.columns.end()) {
        out.columns.push_back("population");
        out.columns.push_back("lsoas");
    }
}

} // namespace orglineage::cli
