// SPDX-License-Identifier: MIT
// orglineage — Answers: the dataset and the indexes its answers need, built on first use.
#include <orglineage/area_history.hpp>
#include <orglineage/ask.hpp>
#include <orglineage/small_areas.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <mutex>

namespace orglineage {

/// The area history and the LSOA index are built on first use: a question about a body needs
/// neither, and the LSOA index takes about as long as the dataset to build.
struct Answers::Caches {
    std::once_flag history_once, small_once;
    std::unique_ptr<AreaHistory> history;
    std::unique_ptr<SmallAreas> small;
};

Answers::Answers(const Lineage& lineage, AnswerOptions options)
    : m_lineage(lineage), m_options(options), m_caches(std::make_unique<Caches>()) {}

Answers::~Answers() = default;

const AreaHistory& Answers::area_history() const {
    std::call_once(m_caches->history_once,
                   [this] { m_caches->history = std::make_unique<AreaHistory>(AreaHistory::load(m_lineage)); });
    return *m_caches->history;
}

const SmallAreas& Answers::small_areas() const {
    // A failed load (a table that cannot be read) throws out of call_once, which then runs again
    // on the next call: the error is reported every time, never a half-built index.
    std::call_once(m_caches->small_once,
                   [this] { m_caches->small = std::make_unique<SmallAreas>(SmallAreas::load(m_lineage)); });
    return *m_caches->small;
}

Date Answers::today() const {
    return m_options.today ? *m_options.today : boost::gregorian::day_clock::local_day();
}

} // namespace orglineage
