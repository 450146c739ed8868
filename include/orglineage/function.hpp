// SPDX-License-Identifier: MIT
// orglineage — the catalogue of functions a body can hold, as a hierarchy.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace orglineage {

/// One function: a dotted id (`commissioning.primary-care.dental`), its parent id ("" at a root).
struct ORGLINEAGE_API FunctionInfo {
    std::string id;
    std::string parent;
    std::string name;
};

/// The functions known to a dataset: the built-in ones plus those its manifest adds.
class ORGLINEAGE_API FunctionCatalogue {
  public:
    /// The built-in catalogue (see docs/data-format.md).
    FunctionCatalogue();

    /// Adds a function; its parent must be known. @returns false if the id exists already.
    bool add(FunctionInfo info);

    [[nodiscard]] bool contains(std::string_view id) const;
    [[nodiscard]] const FunctionInfo* find(std::string_view id) const;
    /// True when `ancestor` is `id` or one of its ancestors (holding `ancestor` includes `id`).
    [[nodiscard]] bool includes(std::string_view ancestor, std::string_view id) const;
    /// 1 for a root, 2 for its children, ...; 0 when unknown.
    [[nodiscard]] int depth(std::string_view id) const;
    [[nodiscard]] const std::vector<FunctionInfo>& all() const noexcept { return m_functions; }

  private:
    std::vector<FunctionInfo> m_functions;
};

} // namespace orglineage
