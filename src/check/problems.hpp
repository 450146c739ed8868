// SPDX-License-Identifier: MIT
// Internal: where the checks report. Every check of the checking pass either stops at the first
// problem (loading: it is thrown) or records them all (validating: `orglineage validate` lists them).
#pragma once

#include <orglineage/error.hpp>

#include <string>
#include <vector>

namespace orglineage::detail {

class Problems {
  public:
    /// Records into `list`; without a list, the first problem is thrown as ValidationError.
    explicit Problems(std::vector<std::string>* list) noexcept : m_list(list) {}

    void fail(const SourcePos& pos, const std::string& message) {
        if (!m_list) throw ValidationError(pos, message);
        m_list->push_back(ValidationError(pos, message).what());
        ++m_count;
    }
    /// Records a problem caught as an exception (a row a table reader refused). Callers that are
    /// not collecting rethrow it instead, keeping its type. @pre collecting()
    void add(const DataError& e) {
        m_list->push_back(e.what());
        ++m_count;
    }
    [[nodiscard]] bool collecting() const noexcept { return m_list != nullptr; }
    /// Problems recorded through this reporter.
    [[nodiscard]] std::size_t count() const noexcept { return m_count; }

  private:
    std::vector<std::string>* m_list;
    std::size_t m_count = 0;
};

} // namespace orglineage::detail
