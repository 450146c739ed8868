// SPDX-License-Identifier: MIT
// Input text made safe to show: a NUL or an escape byte read from a CSV file must not reach a
// terminal raw (an escape sequence can rewrite what the user sees) nor hide in a rejects file.
#pragma once

#include <string>
#include <string_view>

namespace orglineage::detail {

/// How much of the text is kept as it is.
enum class Controls {
    all,        ///< every control byte escaped: text for one line of a message
    keep_lines, ///< tab, CR and LF kept (a CSV field may hold them): a record's raw text
};

/// `text` with each control byte (below 0x20, and 0x7f) written `\xNN`, the rest unchanged.
[[nodiscard]] std::string printable(std::string_view text, Controls which = Controls::all);

/// Whether printable would change `text`.
[[nodiscard]] bool has_controls(std::string_view text, Controls which = Controls::all) noexcept;

} // namespace orglineage::detail
