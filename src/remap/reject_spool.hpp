// SPDX-License-Identifier: MIT
// The rejects of a thread that is not the first, kept until the threads before it have given
// theirs (rejects are reported in input order): in memory up to a bound, then in an anonymous
// temporary file, so that memory stays flat however many rows are rejected.
#pragma once

#include <orglineage/remap.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace orglineage::detail {

class RejectSpool {
  public:
    /// `memory`: the bytes of rejects kept in memory before they go to the file.
    explicit RejectSpool(std::size_t memory = std::size_t{4} << 20) : m_memory(memory) {}
    /// @throws IoError when the temporary file cannot be made or written
    void push(const Reject& r);
    /// Gives every reject kept, in the order pushed, each line moved by `line_offset`; then empty.
    /// @throws IoError when the temporary file cannot be read back
    void replay(std::int64_t line_offset, const std::function<void(const Reject&)>& to);
    [[nodiscard]] bool empty() const noexcept { return m_kept.empty() && m_spilled == 0; }

  private:
    void spill();
    struct Closer {
        void operator()(std::FILE* f) const noexcept { std::fclose(f); }
    };
    std::size_t m_memory;
    std::size_t m_bytes = 0; ///< of the rejects in m_kept
    std::vector<Reject> m_kept;
    std::unique_ptr<std::FILE, Closer> m_file; ///< removed by the system when closed
    std::size_t m_spilled = 0; ///< rejects in the file
};

} // namespace orglineage::detail
