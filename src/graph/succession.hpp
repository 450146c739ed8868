// SPDX-License-Identifier: MIT
// The succession index: per body and function, its outgoing steps (links grouped by date, integer
// targets) and the periods it holds the function, built once with the Lineage; the walks of
// successors and predecessors run over it (see docs/succession.md).
#pragma once

#include "graph/function_table.hpp"
#include "graph/text_index.hpp"

#include <orglineage/dataset.hpp>
#include <orglineage/lineage.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orglineage::detail {

class SuccessionIndex {
  public:
    SuccessionIndex(const Dataset& ds, const TextIndex& body_ix);

    /// The catalogue index of a function id, or nullopt.
    [[nodiscard]] std::optional<std::uint32_t> function_index(std::string_view f) const noexcept;

    /// True when body `v` is active on `d` and holds `f` (or a function including it) then.
    [[nodiscard]] bool holds(std::uint32_t v, std::uint32_t f, const Date& d) const noexcept;

    /// The day whose holding `successors` follows when the caller gives none.
    [[nodiscard]] Date default_since(std::uint32_t v, std::uint32_t f, const Date& on) const;

    [[nodiscard]] Succession successors(std::uint32_t v, const Date& on, std::uint32_t f,
                                        std::optional<Date> since) const;
    [[nodiscard]] std::vector<Portion> predecessors(std::uint32_t v, const Date& on, std::uint32_t f,
                                                    std::optional<Date> back_to) const;

    /// A link's share; NaN when the data records the link but not its share.
    struct Target {
        std::uint32_t to = 0;
        double share = 0.0;
        ShareBasis basis = ShareBasis::whole;
    };
    /// What leaves one body for one function on one day: the most specific links of each event.
    struct Step {
        Date date;
        std::uint32_t begin = 0, end = 0; ///< into m_targets
        double known = 0.0;               ///< the sum of the known shares
        bool any_unknown = false;
        bool continues = false; ///< the body still holds the function on that day (a transfer)
        ShareBasis moved_basis = ShareBasis::whole;
    };
    /// A link into a body: the source and the step of the source it belongs to.
    struct Incoming {
        std::uint32_t from = 0;
        std::uint32_t step = 0;   ///< into m_steps
        std::uint32_t target = 0; ///< into m_targets
    };

    [[nodiscard]] const Step* steps_begin(std::uint32_t v, std::uint32_t f) const noexcept {
        return m_steps.data() + m_step_offset[slot(v, f)];
    }
    [[nodiscard]] const Step* steps_end(std::uint32_t v, std::uint32_t f) const noexcept {
        return m_steps.data() + m_step_offset[slot(v, f) + 1];
    }
    [[nodiscard]] const Target& target(std::uint32_t i) const noexcept { return m_targets[i]; }

  private:
    [[nodiscard]] std::size_t slot(std::uint32_t v, std::uint32_t f) const noexcept {
        return static_cast<std::size_t>(v) * m_functions + f;
    }
    void build_steps(const Dataset& ds, const TextIndex& body_ix, const FunctionTable& fns);
    void build_holds(const Dataset& ds, const FunctionTable& fns);

    const Dataset& m_ds;
    std::size_t m_functions = 0;
    std::vector<std::uint32_t> m_hold_offset; ///< per (body, function) slot, into m_holds
    std::vector<Period> m_holds;
    std::vector<std::uint32_t> m_step_offset; ///< per slot, into m_steps (steps in date order)
    std::vector<Step> m_steps;
    std::vector<Target> m_targets;
    std::vector<std::uint32_t> m_in_offset; ///< per slot, into m_incoming
    std::vector<Incoming> m_incoming;
};

} // namespace orglineage::detail
