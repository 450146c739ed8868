// SPDX-License-Identifier: MIT
// orglineage — Value, the tree an answer is made of (its JSON shape).
#include <orglineage/answer.hpp>

namespace orglineage {

Value Value::list() {
    Value v;
    v.m_type = Type::list;
    return v;
}

Value Value::record() {
    Value v;
    v.m_type = Type::record;
    return v;
}

Value Value::text_or_null(const std::string& text) { return text.empty() ? Value() : Value(text); }

const std::string& Value::text() const noexcept {
    static const std::string none;
    return m_type == Type::text ? m_text : none;
}

double Value::number() const noexcept {
    if (m_type == Type::number) return m_number;
    if (m_type == Type::integer) return static_cast<double>(m_integer);
    return 0;
}

void Value::push_back(Value v) {
    if (m_type == Type::null) m_type = Type::list;
    m_items.push_back(std::move(v));
}

Value& Value::operator[](std::string_view key) {
    if (m_type == Type::null) m_type = Type::record;
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == key) return m_items[i];
    m_keys.emplace_back(key);
    m_items.emplace_back();
    return m_items.back();
}

const Value* Value::find(std::string_view key) const noexcept {
    if (m_type != Type::record) return nullptr;
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == key) return &m_items[i];
    return nullptr;
}

const Value& Value::at(std::string_view key) const noexcept {
    static const Value null;
    const Value* v = find(key);
    return v ? *v : null;
}

bool operator==(const Value& a, const Value& b) {
    if (a.m_type != b.m_type) return false;
    switch (a.m_type) {
    case Value::Type::null: return true;
    case Value::Type::boolean: return a.m_bool == b.m_bool;
    case Value::Type::integer: return a.m_integer == b.m_integer;
    case Value::Type::number: return a.m_number == b.m_number;
    case Value::Type::text: return a.m_text == b.m_text;
    case Value::Type::list: return a.m_items == b.m_items;
    case Value::Type::record: return a.m_keys == b.m_keys && a.m_items == b.m_items;
    }
    return false;
}

} // namespace orglineage
