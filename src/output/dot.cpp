// SPDX-License-Identifier: MIT
// The Graphviz writer. Written by hand rather than with boost::write_graphviz: the picture needs
// ranks by start date, a legend cluster and escaped multi-line labels, which are plain text here.
#include <orglineage/dot.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace orglineage {

namespace {

/// Fill colours, one per kind in the order the dataset declares its kinds (pale, so text reads).
constexpr const char* k_palette[] = {"#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#d9d2e9", "#fce5cd",
                                     "#d0e0e3", "#ead1dc", "#e6b8af", "#c9daf8", "#b6d7a8", "#ffe599",
                                     "#b4a7d6", "#a2c4c9", "#f9cb9c", "#dddddd"};

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + '"';
}

std::string percent(double share) {
    std::ostringstream os;
    const double p = share * 100.0;
    if (std::fabs(p - std::round(p)) < 0.05) os << std::llround(p);
    else os << std::fixed << std::setprecision(1) << p;
    os << '%';
    return os.str();
}

std::string codes_of(const Body& b) {
    std::string out;
    auto add = [&](const std::vector<Timed<std::string>>& codes) {
        std::string prev;
        for (const auto& c : codes) {
            if (c.value.empty() || c.value == prev) continue;
            out += (out.empty() ? "" : " / ") + c.value;
            prev = c.value;
        }
    };
    add(b.ods);
    add(b.ons);
    return out;
}

bool is_deduced(const LinkRef& l) {
    const auto& d = l.event->deduced;
    return std::find(d.begin(), d.end(), l.from->id) != d.end() || std::find(d.begin(), d.end(), l.to->id) != d.end();
}

/// The legend: a box per kind shown, a sample of each kind of arrow, and what the numbers mean.
template <class Colour>
void write_legend(std::ostream& out, const Dataset& ds, const std::set<std::string>& kinds_shown, Colour colour_of) {
    out << "  subgraph cluster_legend {\n    label=\"legend\"; fontsize=10; style=dashed; color=\"#999999\";\n";
    for (const auto& k : kinds_shown) {
        auto it = ds.kinds.find(k);
        const std::string name = it == ds.kinds.end() ? k : it->second.name;
        out << "    " << quote("legend:" + k) << " [label=" << quote(name) << ", fillcolor=" << quote(colour_of(k))
            << "];\n";
    }
    const char* samples[][3] = {
        {"solid", "every function passes (merge, split, transfer)", ""},
        {"dashed", "only the functions named on the arrow pass", ", style=dashed"},
        {"dotted", "deduced (e.g. from geography), not stated by a source", ", style=dotted, color=\"#666666\""},
        {"announced", "announced, not confirmed in force", ", color=\"#cc0000\", fontcolor=\"#cc0000\""}};
    for (const auto& sm : samples) {
        const std::string a = std::string("legend:") + sm[0] + ":a", b = std::string("legend:") + sm[0] + ":b";
        out << "    " << quote(a) << " [label=\"\", shape=point, width=0.05];\n"
            << "    " << quote(b) << " [label=\"\", shape=point, width=0.05];\n"
            << "    " << quote(a) << " -> " << quote(b) << " [label=" << quote(sm[1]) << sm[2] << "];\n";
    }
    out << "    \"legend:numbers\" [shape=note, fillcolor=\"#ffffff\", label="
        << quote("An arrow runs from predecessor to successor, labelled with the event and its date.\n"
                 "A percentage is the share of the predecessor (the arrow's tail) that passed along it,\n"
                 "for the functions named (none named: all); no percentage: the whole passed;\n"
                 "'share unknown': no source read gives the proportion.\n"
                 "A thick border marks the body asked about; a box gives names, codes and dates.")
        << "];\n  }\n";
}

} // namespace

void write_dot(std::ostream& out, const Lineage& lineage, const LineageView& view) {
    const Dataset& ds = lineage.dataset();
    std::map<std::string, std::string> colour;
    std::size_t n = 0;
    for (const auto& kv : ds.kinds) colour[kv.first] = k_palette[n++ % std::size(k_palette)];
    auto colour_of = [&](const std::string& kind) {
        auto it = colour.find(kind);
        return it == colour.end() ? std::string("#ffffff") : it->second;
    };

    out << "digraph lineage {\n"
        << "  label=" << quote("Lineage of " + (view.root ? view.root->name() + " (" + view.root->id + ")" : ""))
        << "; labelloc=t; fontname=\"Helvetica\";\n"
        << "  rankdir=LR; nodesep=0.25; ranksep=0.6;\n"
        << "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
        << "  edge [fontname=\"Helvetica\", fontsize=9];\n";

    std::map<Date, std::vector<const Body*>> by_start;
    std::set<std::string> kinds_shown;
    for (const Body* b : view.bodies) {
        by_start[b->period.from].push_back(b);
        kinds_shown.insert(b->kind);
        std::string label = b->name();
        if (b->names.size() > 1 && b->names.front().value != b->name()) label += "\n(was " + b->names.front().value + ")";
        if (const auto codes = codes_of(*b); !codes.empty()) label += "\n" + codes;
        label += "\n" + format_date(b->period.from) + " – " +
                 (b->period.last_day() ? format_date(*b->period.last_day()) : std::string("today"));
        out << "  " << quote(b->id) << " [label=" << quote(label) << ", fillcolor=" << quote(colour_of(b->kind))
            << ", tooltip=" << quote(b->id + " (" + b->kind + ")");
        if (b == view.root) out << ", penwidth=3";
        out << "];\n";
    }
    // Bodies that started on the same day stand in one column: time runs left to right.
    for (const auto& [date, bodies] : by_start) {
        if (bodies.size() < 2) continue;
        out << "  { rank=same;";
        for (const Body* b : bodies) out << ' ' << quote(b->id) << ';';
        out << " }\n";
    }
    for (const auto& l : view.links) {
        std::string label = std::string(to_string(l.event->kind)) + "\n" + format_date(l.event->date);
        if (!l.link->share) label += "\nshare unknown";
        else if (*l.link->share < 1.0 - 1e-9) label += "\n" + percent(*l.link->share);
        if (!l.link->functions.empty()) {
            std::string fns;
            for (const auto& f : l.link->functions) fns += (fns.empty() ? "" : ", ") + f;
            label += "\n" + fns;
        }
        const bool deduced = is_deduced(l);
        if (deduced) label += "\n(deduced)";
        if (l.event->announced) label += "\n(announced)";
        out << "  " << quote(l.from->id) << " -> " << quote(l.to->id) << " [label=" << quote(label)
            << ", tooltip=" << quote(l.event->id);
        if (deduced) out << ", style=dotted, color=\"#666666\", fontcolor=\"#444444\"";
        else if (!l.link->functions.empty()) out << ", style=dashed";
        if (l.event->announced) out << ", color=\"#cc0000\", fontcolor=\"#cc0000\"";
        out << "];\n";
    }
    write_legend(out, ds, kinds_shown, colour_of);
    out << "}\n";
}

} // namespace orglineage
