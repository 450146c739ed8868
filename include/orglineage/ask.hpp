// SPDX-License-Identifier: MIT
// orglineage — the answers layer: a question in the user's words in, the whole answer out.
//
// Every front door (the CLI, `orglineage query -`, Python, R, the HTTP server) asks here and only
// lays the Answer out, so they cannot answer differently:
//
//     #include <orglineage/ask.hpp>
//
//     const auto lineage = orglineage::Lineage::load("data/nhs-england");
//     orglineage::Answers answers(lineage);
//     orglineage::WhoQuestion q;
//     q.area = "E06000052";   // a code of any vintage, a name ("Cornwall"), an LSOA (E01...)
//     q.on = "2007-06-01";
//     const orglineage::Answer a = answers.who(q);
//     if (!a.answered()) std::cerr << a.problem->message << '\n';
//     for (const auto& row : a.rows)    // Cornwall and Isles of Scilly PCT, share 1, with its notes
//         std::cout << row.at("id").text() << ' ' << row.at("name").text() << '\n';
//     std::cout << orglineage::to_json(a);   // the CLI's JSON, field for field
//
// The engine's own calls (Lineage::holders, AreaHistory::holders, SmallAreas::holders) stay, as
// the low-level parts these answers are made of: they take codes in force and dates, and leave the
// notes, the reading of names and old codes, and the errors to the caller.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/answer.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/remap.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orglineage {

class AreaHistory;
class SmallAreas;

/// `resolve`: the body that had a code (ODS, ONS, an id, or a name) on a date.
struct ORGLINEAGE_API ResolveQuestion {
    std::string code;
    std::string on; ///< YYYY-MM-DD; empty: every body that ever had the code
};

/// `who`: the bodies holding a function for a place on a date.
struct ORGLINEAGE_API WhoQuestion {
    std::string area; ///< an ONS area code of any date, an area's name, or an LSOA code (E01...)
    std::string on;   ///< YYYY-MM-DD
    std::string function = "commissioning";
    bool legal = false;         ///< the body holding it in law, not a delegate exercising it
    std::string postcode;       ///< instead of `area`: a postcode, looked up in `postcode_file`
    std::string postcode_file;  ///< an ONS Postcode Directory CSV (or any CSV with postcode and LSOA columns)
    bool population = false;    ///< a local authority's shares by its LSOAs' population
};

/// `successors` / `predecessors`: where a body's function went, or came from.
struct ORGLINEAGE_API SuccessionQuestion {
    std::string body;    ///< an id, an ODS or ONS code (of any date), or a name
    std::string on;      ///< YYYY-MM-DD; empty: see Answers::successors and Answers::predecessors
    std::string function = "commissioning";
    std::string code_on; ///< read the code as on this date instead of `on` (codes are reused)
    std::string back_to; ///< predecessors only: follow back to the bodies active on this date
};

/// `groups` (the groups a body belonged to) and `members` (the members of a group).
struct ORGLINEAGE_API GroupsQuestion {
    std::string body; ///< the body (groups) or the group (members): an id, a code or a name
    std::string on;   ///< only the memberships of this date (empty: every one)
    std::string kind; ///< only groups (members) of this kind (empty: every kind)
};

/// `lineage`: the succession graph around a body.
struct ORGLINEAGE_API LineageQuestion {
    std::string body;     ///< an id, a code or a name
    std::string on;       ///< read a code as on this date (codes are reused)
    std::string function; ///< follow only the links carrying this function (empty: all)
    bool connected = false; ///< every body connected in any direction, not just ancestors and descendants
};

/// `snapshot`: the bodies active on a date.
struct ORGLINEAGE_API SnapshotQuestion {
    std::string on;
    std::string kind; ///< a kind, in any case; a kind takes in its family (`pct`: the care trusts too)
};

/// `diff`: the bodies that appeared, ended or changed name or code between two dates.
struct ORGLINEAGE_API DiffQuestion {
    std::string date1, date2;
    std::string kind;
};

/**
 * A question by its name with named arguments, as `orglineage query -` lines, the HTTP server and
 * the parity suite (tests/parity) give them: `{"query": "who", "area": "Cornwall", "on":
 * "2007-06-01"}`. The names are those of the question structs' fields (`legal` and `population`
 * take `true` or `false`).
 */
struct ORGLINEAGE_API NamedQuestion {
    std::string question;                                  ///< resolve, who, successors, ...
    std::vector<std::pair<std::string, std::string>> args; ///< in the order given
    Value id;                                              ///< the asker's id, echoed back (any JSON)
};

/// The limits on one question line (`query -`): longer or deeper lines are refused, one by one.
inline constexpr std::size_t max_question_line = 1 << 20; ///< bytes in a line (1 MiB)
inline constexpr int max_question_depth = 16;             ///< nesting of JSON arrays and objects

/**
 * One line of `query -` as a question: a JSON object (`{"query": "who", "area": ..., "id": ...}`,
 * arguments as strings) or CSV (`who,AREA,DATE[,FUNCTION]`, the arguments in the order
 * question_arguments() gives for CSV). A line that is not a question (not UTF-8 text, longer than
 * max_question_line, nested deeper than max_question_depth, bad JSON, a wrong field) gives a
 * problem instead (exit 2); nothing in the line can crash the reading or take more memory than its
 * length.
 */
struct ORGLINEAGE_API QuestionLine {
    NamedQuestion question;
    std::optional<Problem> problem;
};
[[nodiscard]] ORGLINEAGE_API QuestionLine read_question_line(std::string_view line);

/// The questions ask() answers, in the order they are listed in messages.
[[nodiscard]] ORGLINEAGE_API const std::vector<std::string>& question_names();

/// `search`: bodies and areas by name, best matches first.
struct ORGLINEAGE_API SearchQuestion {
    std::string text;
    std::string on;   ///< only bodies active and areas in force on this date
    std::string kind; ///< a body kind (with its family) or an area kind
    std::string max = "25"; ///< at most this many (0: all)
    bool bodies_only = false;
    bool areas_only = false;
};

/// `changes`: what happened on a day or between two days.
struct ORGLINEAGE_API ChangesQuestion {
    std::string from;
    std::string to;   ///< the last day (empty: `from`, one day's changes)
    std::string kind; ///< an event is shown when a body on either side is of the kind
};

/// `crosswalk`: the weights mapping the bodies of one date onto those of another.
struct ORGLINEAGE_API CrosswalkQuestion {
    std::string from; ///< the date whose bodies are the rows (not with `all_dates`)
    std::string to;
    std::string kind;
    std::string function = "commissioning";
    std::string sizes; ///< backwards: a CSV file `body,size` apportioning a body made from several
    bool all_dates = false; ///< one long table for figures of every date (code, valid_from, valid_to)
};

/// `remap`: how a table of figures is to be re-expressed (the file itself is streamed by remap()).
struct ORGLINEAGE_API RemapQuestion {
    std::string code_column, date_column;
    std::vector<std::string> value_columns;
    std::string to;
    std::string function = "commissioning";
    std::string to_kind;
    std::string date_format = "auto"; ///< auto, YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, YYYY/YY (financial years)
    std::string sizes;                ///< a CSV file `code,size` of the bodies of `to`
    std::string max_rejects;          ///< a count N or a percentage P% (empty: no limit)
    bool aggregate = true, nearest = false, estimates = true, populations = true;
    char delimiter = ',';
    unsigned threads = 0;
};

/// A remap question read: the options for remap()/remap_file(), or why they cannot be.
struct ORGLINEAGE_API RemapReading {
    RemapOptions options;
    std::optional<Problem> problem;
};

/// Settings of the answers (none of them changes what the data says).
struct ORGLINEAGE_API AnswerOptions {
    std::optional<Date> today; ///< "today" for default dates (default: the local calendar day)
    bool include_announced = false; ///< the dataset was loaded with its announced changes applied (said in answers)
};

/**
 * Whether a finished remap answered: no row mapped, or more rejects than `max_rejects` allows
 * (a count N or a percentage P%), is a problem (exit 1) with the CLI's message.
 */
[[nodiscard]] ORGLINEAGE_API std::optional<Problem> judge_remap(const RemapSummary& summary,
                                                                const std::string& max_rejects);

/**
 * The answers to questions about one dataset. The area history and the small-area index are built
 * on first use and kept; one Answers may be used from several threads.
 */
class ORGLINEAGE_API Answers {
  public:
    explicit Answers(const Lineage& lineage, AnswerOptions options = {});
    ~Answers();
    Answers(const Answers&) = delete;
    Answers& operator=(const Answers&) = delete;

    /**
     * `resolve`: the bodies that had `code` on `on` (the nearest in time when nobody did then;
     * every body that ever had it without a date), else the body a name stands for. Rows: `id kind
     * name ods ons from to notes`. Several bodies on one date: every one, exit code 1 and a remark.
     */
    [[nodiscard]] Answer resolve(const ResolveQuestion& question) const;

    /**
     * `who`: the holders of a function for an area (any vintage: an area out of force is answered
     * for its territory, and the rows say so), an LSOA, or a postcode. Rows: `id kind name ods
     * share basis function via_area derivation notes` (an LSOA: `... location lad basis`). Nobody:
     * no rows, exit code 1 and a remark saying why.
     */
    [[nodiscard]] Answer who(const WhoQuestion& question) const;

    /**
     * `who` for many places and dates in one call: question i asks `areas[i]` on `dates[i]` (a
     * list of one is used for every i). One table: each row is a who() row with `input`, the
     * question's index (0-based), first; a question that could not be answered is a record in
     * `extra["errors"]` (`input`, `exit`, `message`), one that nobody held is in `extra["empty"]`
     * (`input`, `message`). The query gives `command`, `function`, `mode` and `inputs`.
     * Different lengths (neither 1) are a problem (exit 2).
     */
    [[nodiscard]] Answer who_many(const std::vector<std::string>& areas, const std::vector<std::string>& dates,
                                  const std::string& function = "commissioning", bool legal = false) const;

    /**
     * `successors`: the bodies that on `on` hold what the body held. Without `on`: for a body that
     * has ended, the day after its last day; otherwise today. Rows: `id kind name ods ons from to
     * share basis notes`; the query carries `total_share`, `ended_share` and `gap`.
     */
    [[nodiscard]] Answer successors(const SuccessionQuestion& question) const;
    /// `predecessors`: the bodies that before held what the body holds on `on` (default: its first day).
    [[nodiscard]] Answer predecessors(const SuccessionQuestion& question) const;

    /// `groups`: rows `id kind name ods ons from to member_from member_to sources notes`, by start.
    [[nodiscard]] Answer groups(const GroupsQuestion& question) const;
    /// `members`: the members of a group, rows as for groups().
    [[nodiscard]] Answer members(const GroupsQuestion& question) const;
    /**
     * `lineage`: rows are the bodies (`id kind name ods ons from to notes`); `extra["links"]` the
     * links (`date event event_id from to share basis functions sources notes`). With `view`, the
     * graph itself too (for pictures: orglineage/dot.hpp).
     */
    [[nodiscard]] Answer lineage(const LineageQuestion& question, LineageView* view = nullptr) const;
    /// `search`: rows `type id kind name ods ons from to matched match notes`, best first.
    [[nodiscard]] Answer search(const SearchQuestion& question) const;
    /// `changes`: rows `date kind from to share basis functions event source_ids notes`, by date.
    [[nodiscard]] Answer changes(const ChangesQuestion& question) const;
    /// `crosswalk`: rows `from_id from_code from_name to_id to_code to_name weight basis method notes`
    /// (with `all_dates`: `code valid_from valid_to source_id target_id target_code weight basis method`).
    [[nodiscard]] Answer crosswalk(const CrosswalkQuestion& question) const;
    /// `remap`: the question's options checked and read (function, kind, dates, formats, sizes).
    [[nodiscard]] RemapReading read_remap(const RemapQuestion& question) const;

    /// `snapshot`: rows `id kind name ods ons from to notes`; the query lists the kinds taken.
    [[nodiscard]] Answer snapshot(const SnapshotQuestion& question) const;
    /// `diff`: rows `change id kind name ods ons from to links was link_list notes`.
    [[nodiscard]] Answer diff(const DiffQuestion& question) const;

    /**
     * Any question by name (see NamedQuestion): an unknown question, an unknown or missing
     * argument is a problem (exit 2) naming the ones there are.
     */
    [[nodiscard]] Answer ask(const NamedQuestion& question) const;

    [[nodiscard]] const Lineage& lineage() const noexcept { return m_lineage; }
    /// The area history of the dataset (built on first use).
    [[nodiscard]] const AreaHistory& area_history() const;
    /// The small-area (LSOA) index of the dataset (built on first use). @throws DataError
    [[nodiscard]] const SmallAreas& small_areas() const;
    /// Today, as these answers take it.
    [[nodiscard]] Date today() const;

  private:
    struct Caches;
    const Lineage& m_lineage;
    AnswerOptions m_options;
    std::unique_ptr<Caches> m_caches;
};

} // namespace orglineage
