// SPDX-License-Identifier: MIT
// YAML through libyaml's events (see yaml_events.hpp).
#include "read/yaml_events.hpp"

#include <yaml.h>

#include <cstring>

namespace orglineage::detail {

const std::string& YNode::scalar() const noexcept {
    static const std::string none;
    return is_scalar() ? m_v->text : none;
}

std::size_t YNode::size() const noexcept {
    if (is_sequence()) return m_v->items.size();
    if (is_map()) return m_v->items.size() / 2;
    return 0;
}

YNode YNode::operator[](std::string_view key) const noexcept {
    if (!is_map()) return YNode();
    for (std::size_t i = 0; i + 1 < m_v->items.size(); i += 2) {
        const YamlValue& k = m_v->items[i];
        if (k.kind == YamlValue::Kind::scalar && k.text == key) return YNode(&m_v->items[i + 1]);
    }
    return YNode();
}

std::vector<YNode> YNode::items() const {
    std::vector<YNode> out;
    if (!is_sequence()) return out;
    out.reserve(m_v->items.size());
    for (const auto& v : m_v->items) out.emplace_back(&v);
    return out;
}

std::vector<std::pair<YNode, YNode>> YNode::entries() const {
    std::vector<std::pair<YNode, YNode>> out;
    if (!is_map()) return out;
    out.reserve(m_v->items.size() / 2);
    for (std::size_t i = 0; i + 1 < m_v->items.size(); i += 2)
        out.emplace_back(YNode(&m_v->items[i]), YNode(&m_v->items[i + 1]));
    return out;
}

struct YamlEvents::Impl {
    yaml_parser_t parser{};
    yaml_event_t event{};
    bool have_event = false;
    ~Impl() {
        if (have_event) yaml_event_delete(&event);
        yaml_parser_delete(&parser);
    }
};

YamlEvents::YamlEvents(const std::string& text, std::string file)
    : m_impl(std::make_unique<Impl>()), m_file(std::move(file)) {
    if (!yaml_parser_initialize(&m_impl->parser)) throw DataError(SourcePos{m_file, 0, 0}, "out of memory");
    yaml_parser_set_input_string(&m_impl->parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

YamlEvents::~YamlEvents() = default;

void YamlEvents::fail(const std::string& message) const {
    throw DataError(SourcePos{m_file, m_line + 1, m_column + 1}, message);
}

namespace {

/// A plain scalar that YAML reads as null; a quoted or tagged one is text.
bool plain_null(const yaml_event_t& e) {
    if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || !e.data.scalar.plain_implicit) return false;
    const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

} // namespace

YamlEvents::Event YamlEvents::next() {
    Impl& m = *m_impl;
    if (m.have_event) {
        yaml_event_delete(&m.event);
        m.have_event = false;
    }
    if (!yaml_parser_parse(&m.parser, &m.event)) {
        const auto& p = m.parser;
        // The problem's position, and where the structure it broke began.
        const yaml_mark_t at = p.problem_mark;
        std::string what = p.problem ? p.problem : "bad file";
        if (p.context)
            what += std::string(" (") + p.context + " that began at line " + std::to_string(p.context_mark.line + 1) +
                    ", column " + std::to_string(p.context_mark.column + 1) + ")";
        throw DataError(SourcePos{m_file, static_cast<int>(at.line) + 1, static_cast<int>(at.column) + 1},
                        "YAML syntax error: " + what);
    }
    m.have_event = true;
    const yaml_event_t& e = m.event;
    m_line = static_cast<int>(e.start_mark.line);
    m_column = static_cast<int>(e.start_mark.column);
    m_null = false;
    switch (e.type) {
    case YAML_STREAM_START_EVENT: m_event = Event::stream_start; break;
    case YAML_STREAM_END_EVENT: m_event = Event::stream_end; break;
    case YAML_DOCUMENT_START_EVENT: m_event = Event::document_start; break;
    case YAML_DOCUMENT_END_EVENT: m_event = Event::document_end; break;
    case YAML_SEQUENCE_START_EVENT: m_event = Event::sequence_start; break;
    case YAML_SEQUENCE_END_EVENT: m_event = Event::sequence_end; break;
    case YAML_MAPPING_START_EVENT: m_event = Event::mapping_start; break;
    case YAML_MAPPING_END_EVENT: m_event = Event::mapping_end; break;
    case YAML_SCALAR_EVENT:
        m_event = Event::scalar;
        m_text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        m_null = plain_null(e);
        break;
    case YAML_ALIAS_EVENT:
        // A value written once and referred to elsewhere: a data file writes each value out, so
        // that every record reads as it stands (and no alias can make a value refer to itself).
        fail("an alias ('*" + std::string(reinterpret_cast<const char*>(e.data.alias.anchor)) +
             "'): dataset files do not use anchors and aliases (write the value out)");
    case YAML_NO_EVENT: fail("YAML syntax error: unexpected end of the file");
    }
    if (m_event == Event::sequence_start || m_event == Event::mapping_start) {
        if (++m_depth > max_depth) fail("values nested more than " + std::to_string(max_depth) + " levels deep");
    } else if (m_event == Event::sequence_end || m_event == Event::mapping_end) {
        --m_depth;
    }
    return m_event;
}

void YamlEvents::build(YamlValue& into) {
    into.line = m_line;
    into.column = m_column;
    into.items.clear();
    into.text.clear();
    switch (m_event) {
    case Event::scalar:
        into.kind = m_null ? YamlValue::Kind::null : YamlValue::Kind::scalar;
        if (!m_null) into.text = m_text;
        return;
    case Event::sequence_start:
    case Event::mapping_start: {
        const bool seq = m_event == Event::sequence_start;
        into.kind = seq ? YamlValue::Kind::sequence : YamlValue::Kind::mapping;
        const Event end = seq ? Event::sequence_end : Event::mapping_end;
        while (next() != end) {
            into.items.emplace_back();
            build(into.items.back()); // as deep as next() lets the values nest
        }
        return;
    }
    default: fail("YAML syntax error: a value was expected");
    }
}

void YamlEvents::skip() {
    if (m_event != Event::sequence_start && m_event != Event::mapping_start) return;
    const int depth = m_depth;
    while (m_depth >= depth) next();
}

} // namespace orglineage::detail
