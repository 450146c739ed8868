// SPDX-License-Identifier: MIT
// orglineage — questions by name with named arguments (`query -`, the HTTP server, the parity
// suite): each name's arguments, which are required, and the call that answers it.
#include "reading.hpp"

#include <orglineage/ask.hpp>

#include <algorithm>
#include <functional>

namespace orglineage {

using namespace answers;

namespace {

/// The arguments of a question as given, checked against its known names.
class Args {
  public:
    Args(const NamedQuestion& q, const std::vector<std::string>& known) : m_q(q) {
        for (const auto& [name, value] : q.args)
            if (std::find(known.begin(), known.end(), name) == known.end())
                fail(ProblemKind::bad_question, "unknown argument " + in_quotes(name) + " for '" + q.question + "' (" +
                                                    join(known, ", ") + ")",
                     known);
    }
    /// The argument's value ("" when absent; the last when given twice).
    [[nodiscard]] std::string get(const std::string& name) const {
        std::string v;
        for (const auto& [n, value] : m_q.args)
            if (n == name) v = value;
        return v;
    }
    [[nodiscard]] std::string get(const std::string& name, std::string fallback) const {
        for (const auto& [n, value] : m_q.args)
            if (n == name) return get(name);
        return fallback;
    }
    [[nodiscard]] const std::string& need(const std::string& name) const {
        for (auto it = m_q.args.rbegin(); it != m_q.args.rend(); ++it)
            if (it->first == name && !it->second.empty()) return it->second;
        fail(ProblemKind::bad_question, "'" + m_q.question + "' needs '" + name + "'");
    }
    [[nodiscard]] bool flag(const std::string& name) const {
        const std::string v = get(name);
        if (v.empty() || v == "false") return false;
        if (v == "true") return true;
        fail(ProblemKind::bad_question, "'" + name + "' is true or false, not " + in_quotes(v));
    }

  private:
    const NamedQuestion& m_q;
};

struct Kind {
    std::string name;
    std::vector<std::string> args; ///< in the order of the CSV form
    std::function<Answer(const Answers&, const Args&)> answer;
};

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all{
        {"resolve", {"code", "on"},
         [](const Answers& a, const Args& g) { return a.resolve({g.need("code"), g.get("on")}); }},
        {"who", {"area", "on", "function", "legal", "postcode", "postcode_file", "population"},
         [](const Answers& a, const Args& g) {
             WhoQuestion q;
             q.area = g.get("area");
             q.on = g.need("on");
             q.function = g.get("function", q.function);
             q.legal = g.flag("legal");
             q.postcode = g.get("postcode");
             q.postcode_file = g.get("postcode_file");
             q.population = g.flag("population");
             if (q.area.empty() && q.postcode.empty()) fail(ProblemKind::bad_question, "'who' needs 'area' or 'postcode'");
             return a.who(q);
         }},
        {"successors", {"body", "on", "function", "code_on"},
         [](const Answers& a, const Args& g) {
             SuccessionQuestion q;
             q.body = g.need("body");
             q.on = g.get("on");
             q.function = g.get("function", q.function);
             q.code_on = g.get("code_on");
             return a.successors(q);
         }},
        {"predecessors", {"body", "on", "function", "code_on", "back_to"},
         [](const Answers& a, const Args& g) {
             SuccessionQuestion q;
             q.body = g.need("body");
             q.on = g.get("on");
             q.function = g.get("function", q.function);
             q.code_on = g.get("code_on");
             q.back_to = g.get("back_to");
             return a.predecessors(q);
         }},
        {"groups", {"body", "on", "kind"},
         [](const Answers& a, const Args& g) { return a.groups({g.need("body"), g.get("on"), g.get("kind")}); }},
        {"members", {"body", "on", "kind"},
         [](const Answers& a, const Args& g) { return a.members({g.need("body"), g.get("on"), g.get("kind")}); }},
        {"snapshot", {"on", "kind"},
         [](const Answers& a, const Args& g) { return a.snapshot({g.need("on"), g.get("kind")}); }},
        {"diff", {"date1", "date2", "kind"},
         [](const Answers& a, const Args& g) { return a.diff({g.need("date1"), g.need("date2"), g.get("kind")}); }},
        {"lineage", {"body", "on", "function", "connected"},
         [](const Answers& a, const Args& g) {
             return a.lineage({g.need("body"), g.get("on"), g.get("function"), g.flag("connected")});
         }},
        {"search", {"text", "on", "kind", "max", "bodies_only", "areas_only"},
         [](const Answers& a, const Args& g) {
             SearchQuestion q;
             q.text = g.need("text");
             q.on = g.get("on");
             q.kind = g.get("kind");
             q.max = g.get("max", q.max);
             q.bodies_only = g.flag("bodies_only");
             q.areas_only = g.flag("areas_only");
             return a.search(q);
         }},
        {"changes", {"from", "to", "kind"},
         [](const Answers& a, const Args& g) { return a.changes({g.need("from"), g.get("to"), g.get("kind")}); }},
        {"crosswalk", {"from", "to", "kind", "function", "sizes", "all_dates"},
         [](const Answers& a, const Args& g) {
             CrosswalkQuestion q;
             q.from = g.get("from");
             q.to = g.need("to");
             q.kind = g.get("kind");
             q.function = g.get("function", q.function);
             q.sizes = g.get("sizes");
             q.all_dates = g.flag("all_dates");
             return a.crosswalk(q);
         }},
    };
    return all;
}

} // namespace

namespace answers {

const std::vector<std::string>* csv_arguments(std::string_view question) {
    for (const auto& k : kinds())
        if (k.name == question) return &k.args;
    return nullptr;
}

} // namespace answers

const std::vector<std::string>& question_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& k : kinds()) out.push_back(k.name);
        return out;
    }();
    return names;
}

Answer Answers::ask(const NamedQuestion& q) const {
    for (const auto& k : kinds())
        if (k.name == q.question)
            return guarded(k.name.c_str(), [&] {
                const Args args(q, k.args);
                return k.answer(*this, args);
            });
    return problem_answer(q.question, ProblemKind::bad_question,
                          "unknown query " + in_quotes(q.question) + " (" + join(question_names(), ", ") + ")",
                          question_names());
}

} // namespace orglineage
