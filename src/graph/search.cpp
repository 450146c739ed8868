// SPDX-License-Identifier: MIT
// Name search over every name a body or area had: normalised words, ranked by how well they match.
#include <orglineage/search.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace orglineage {

namespace {

std::vector<std::string> words(const std::string& normalised) {
    std::vector<std::string> out;
    std::istringstream in(normalised);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

bool has_word(const std::vector<std::string>& ws, const std::string& w, bool prefix) {
    return std::any_of(ws.begin(), ws.end(),
                       [&](const std::string& x) { return prefix ? x.compare(0, w.size(), w) == 0 : x == w; });
}

/// How `name` matches the query (its normalised form and words); nullopt when it does not.
std::optional<std::pair<MatchQuality, std::size_t>> match(const std::string& query, const std::vector<std::string>& qw,
                                                          const std::string& name) {
    const std::string n = normalise_name(name);
    const auto nw = words(n);
    const std::size_t extra = nw.size() > qw.size() ? nw.size() - qw.size() : 0;
    if (n == query) return std::make_pair(MatchQuality::exact, std::size_t{0});
    auto all = [&](bool prefix) {
        return std::all_of(qw.begin(), qw.end(), [&](const std::string& w) { return has_word(nw, w, prefix); });
    };
    if (all(false)) return std::make_pair(MatchQuality::words, extra);
    if (all(true)) return std::make_pair(MatchQuality::prefix, extra);
    if (query.size() >= 3 && n.find(query) != std::string::npos) return std::make_pair(MatchQuality::partial, extra);
    return std::nullopt;
}

bool kind_ok(const SearchOptions& o, const std::string& kind) {
    return o.kinds.empty() || std::find(o.kinds.begin(), o.kinds.end(), kind) != o.kinds.end();
}

/// Keeps the best of several names of one record.
void offer(std::optional<SearchHit>& best, SearchHit hit) {
    if (!best || hit.quality < best->quality ||
        (hit.quality == best->quality && hit.extra_words < best->extra_words))
        best = std::move(hit);
}

} // namespace

std::string_view to_string(MatchQuality q) noexcept {
    switch (q) {
    case MatchQuality::exact: return "exact";
    case MatchQuality::words: return "words";
    case MatchQuality::prefix: return "prefix";
    case MatchQuality::partial: return "partial";
    }
    return "partial";
}

std::string normalise_name(std::string_view text) {
    std::string out;
    bool space = true;
    auto put = [&](const std::string& s) {
        if (!space) out += ' ';
        out += s;
        space = false;
    };
    std::string word;
    auto flush = [&] {
        if (!word.empty()) put(word);
        word.clear();
    };
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '&') {
            flush();
            put("and");
        } else if (std::isalnum(c) || c >= 0x80) {
            word += static_cast<char>(std::tolower(c));
        } else if (c == '\'') {
            // St Helen's and St Helens are one name: an apostrophe joins, it does not divide
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::vector<SearchHit> search(const Lineage& lineage, std::string_view text, const SearchOptions& options) {
    const std::string query = normalise_name(text);
    const auto qw = words(query);
    std::vector<SearchHit> hits;
    if (qw.empty()) return hits;
    const Dataset& ds = lineage.dataset();
    if (options.bodies)
        for (const auto& b : ds.bodies) {
            if (!kind_ok(options, b.kind) || (options.on && !b.period.contains(*options.on))) continue;
            std::optional<SearchHit> best;
            for (const auto& n : b.names)
                if (auto m = match(query, qw, n.value)) offer(best, SearchHit{&b, nullptr, n.value, m->first, m->second});
            if (best) hits.push_back(*best);
        }
    if (options.areas)
        for (const auto& a : ds.areas) {
            if (!kind_ok(options, a.kind) || (options.on && !a.period.contains(*options.on))) continue;
            if (auto m = match(query, qw, a.name)) hits.push_back(SearchHit{nullptr, &a, a.name, m->first, m->second});
        }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
        if (x.quality != y.quality) return x.quality < y.quality;
        if (x.extra_words != y.extra_words) return x.extra_words < y.extra_words;
        if ((x.body != nullptr) != (y.body != nullptr)) return x.body != nullptr;
        const std::string& kx = x.body ? x.body->id : x.area->code;
        const std::string& ky = y.body ? y.body->id : y.area->code;
        return kx < ky;
    });
    if (options.max && hits.size() > options.max) hits.resize(options.max);
    return hits;
}

} // namespace orglineage
