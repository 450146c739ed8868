// SPDX-License-Identifier: MIT
// A dataset's function catalogue as integers, for the indexes built when a Lineage is made: which
// function includes which (a holding of `commissioning` answers for `commissioning.acute`) and how
// deep each is, worked out once instead of by walking the catalogue's strings per use.
#pragma once

#include <orglineage/function.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace orglineage::detail {

class FunctionTable {
  public:
    explicit FunctionTable(const FunctionCatalogue& catalogue) {
        const auto& all = catalogue.all();
        m_size = all.size();
        for (const auto& f : all) {
            m_ids.push_back(f.id);
            m_depth.push_back(catalogue.depth(f.id));
        }
        m_includes.assign(m_size * m_size, 0);
        for (std::size_t h = 0; h < m_size; ++h)
            for (std::size_t f = 0; f < m_size; ++f) m_includes[h * m_size + f] = catalogue.includes(all[h].id, all[f].id);
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    /// The catalogue index of a function id, or nullopt.
    [[nodiscard]] std::optional<std::uint32_t> index(std::string_view id) const noexcept {
        for (std::size_t i = 0; i < m_ids.size(); ++i)
            if (m_ids[i] == id) return static_cast<std::uint32_t>(i);
        return std::nullopt;
    }
    /// True when holding `held` includes `asked` (it is `asked` or one of its ancestors).
    [[nodiscard]] bool includes(std::uint32_t held, std::uint32_t asked) const noexcept {
        return m_includes[held * m_size + asked] != 0;
    }
    /// 1 for a root, 2 for its children, ...
    [[nodiscard]] int depth(std::uint32_t f) const noexcept { return m_depth[f]; }

  private:
    std::size_t m_size = 0;
    std::vector<std::string_view> m_ids; ///< views of the catalogue's ids (it outlives the table)
    std::vector<int> m_depth;
    std::vector<std::uint8_t> m_includes;
};

} // namespace orglineage::detail
