// SPDX-License-Identifier: MIT
// Internal: YAML read through libyaml's event parser. A data file is streamed: the reader builds
// the value of one record (one body, one event, one source) at a time from the events, hands it on
// and lets it go, so memory holds one record's values, never the document. Positions are kept on
// every value for the messages.
#pragma once

#include <orglineage/error.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orglineage::detail {

/// One value of a record as the events gave it.
struct YamlValue {
    enum class Kind : std::uint8_t { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    int line = -1;   ///< 0-based, where the value starts (as libyaml marks it)
    int column = -1;
    std::string text;             ///< a scalar's text
    std::vector<YamlValue> items; ///< a sequence's items; a mapping's keys and values in turn
};

/// A view of a YamlValue (or of nothing: an absent key), asked as the reader asks values.
class YNode {
  public:
    YNode() = default;
    explicit YNode(const YamlValue* v) noexcept : m_v(v) {}

    [[nodiscard]] bool is_defined() const noexcept { return m_v != nullptr; }
    explicit operator bool() const noexcept { return is_defined(); }
    [[nodiscard]] bool is_null() const noexcept { return m_v && m_v->kind == YamlValue::Kind::null; }
    [[nodiscard]] bool is_scalar() const noexcept { return m_v && m_v->kind == YamlValue::Kind::scalar; }
    [[nodiscard]] bool is_sequence() const noexcept { return m_v && m_v->kind == YamlValue::Kind::sequence; }
    [[nodiscard]] bool is_map() const noexcept { return m_v && m_v->kind == YamlValue::Kind::mapping; }
    /// A scalar's text ("" for anything else).
    [[nodiscard]] const std::string& scalar() const noexcept;
    /// 0-based line and column; -1 for an absent value.
    [[nodiscard]] int line() const noexcept { return m_v ? m_v->line : -1; }
    [[nodiscard]] int column() const noexcept { return m_v ? m_v->column : -1; }
    /// Items of a sequence, entries of a mapping; 0 otherwise.
    [[nodiscard]] std::size_t size() const noexcept;
    /// The value of the first entry whose key is the scalar `key`; absent when none (or not a mapping).
    [[nodiscard]] YNode operator[](std::string_view key) const noexcept;
    /// A sequence's items (none for anything else).
    [[nodiscard]] std::vector<YNode> items() const;
    /// A mapping's entries, key and value (none for anything else).
    [[nodiscard]] std::vector<std::pair<YNode, YNode>> entries() const;

  private:
    const YamlValue* m_v = nullptr;
};

/**
 * libyaml's parser over a text, one event at a time. Syntax errors, aliases and nesting deeper
 * than max_depth are DataErrors at their file:line:column.
 */
class YamlEvents {
  public:
    enum class Event { stream_start, stream_end, document_start, document_end, scalar, sequence_start,
                       sequence_end, mapping_start, mapping_end };
    static constexpr int max_depth = 100;

    /// `text` must outlive the parser; `file` names it in messages.
    YamlEvents(const std::string& text, std::string file);
    ~YamlEvents();
    YamlEvents(const YamlEvents&) = delete;
    YamlEvents& operator=(const YamlEvents&) = delete;

    /// Moves to the next event. @throws DataError for a syntax error or an alias
    Event next();
    /// The current event's kind, and where it starts (0-based).
    [[nodiscard]] Event event() const noexcept { return m_event; }
    [[nodiscard]] int line() const noexcept { return m_line; }
    [[nodiscard]] int column() const noexcept { return m_column; }
    /// The current scalar's text.
    [[nodiscard]] const std::string& text() const noexcept { return m_text; }
    /// The current scalar is a null (`~`, `null`, or nothing, unquoted).
    [[nodiscard]] bool is_null() const noexcept { return m_null; }
    /// Builds the whole value that starts at the current event (a scalar or a collection).
    void build(YamlValue& into);
    /// Skips the whole value that starts at the current event.
    void skip();
    /// Throws DataError at the current event's position.
    [[noreturn]] void fail(const std::string& message) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    Event m_event = Event::stream_start;
    int m_line = 0, m_column = 0;
    std::string m_text;
    bool m_null = false;
    std::string m_file;
    int m_depth = 0;
};

} // namespace orglineage::detail
