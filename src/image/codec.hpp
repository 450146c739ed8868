// SPDX-License-Identifier: MIT
// Internal: the byte codec of the compiled image. One `fields(io, record)` function per record type
// lists its members once; the same list writes (ImageWriter) and reads (ImageReader), so a field
// added to a record is one line in one place. Integers are little-endian, dates Julian day numbers,
// strings and lists a u32 count then their items. The reader checks every length against the bytes
// left and never reads past the end of its span.
#pragma once

#include <orglineage/dataset.hpp>
#include <orglineage/date.hpp>
#include <orglineage/error.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace orglineage::detail {

/// True for T and const T: lets one `fields` overload serve writing (const) and reading.
template <class T, class Record>
using if_record = std::enable_if_t<std::is_same_v<std::remove_const_t<T>, Record>, int>;

/// The largest valid value of an enum stored in an image (an out-of-range byte is refused).
template <class E> struct EnumLimit;

/// A checksum of a byte span: FNV-1a over 8-byte words in four lanes (several GB/s), then the
/// tail bytes. Not cryptographic: it finds corruption and truncation, not forgery.
[[nodiscard]] std::uint64_t image_checksum(const unsigned char* data, std::size_t size) noexcept;

/// Records that point into a Dataset (a Body, a Table) are stored as indexes into its lists.
inline constexpr std::uint32_t no_index = ~std::uint32_t{0};

class ImageWriter {
  public:
    /// `dataset`: what Body and Table pointers written through this writer point into.
    explicit ImageWriter(const Dataset* dataset = nullptr) : m_dataset(dataset) {}

    [[nodiscard]] const std::string& bytes() const noexcept { return m_out; }
    [[nodiscard]] std::string take() { return std::move(m_out); }
    [[nodiscard]] std::size_t size() const noexcept { return m_out.size(); }

    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { put_le(v, 4); }
    void u64(std::uint64_t v) { put_le(v, 8); }
    void raw(const void* p, std::size_t n) { m_out.append(static_cast<const char*>(p), n); }
    void patch_u64(std::size_t at, std::uint64_t v) {
        for (int i = 0; i < 8; ++i) m_out[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
    }

    void operator()(bool v) { u8(v ? 1 : 0); }
    void operator()(std::uint8_t v) { u8(v); }
    void operator()(int v) { u32(static_cast<std::uint32_t>(v)); }
    void operator()(std::uint32_t v) { u32(v); }
    void operator()(std::size_t v) { u64(v); }
    void operator()(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void operator()(double v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        u64(bits);
    }
    void operator()(const std::string& s) {
        count(s.size());
        raw(s.data(), s.size());
    }
    void operator()(const Date& d);
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(const E& e) {
        u8(static_cast<std::uint8_t>(e));
    }
    template <class T> void operator()(const std::optional<T>& o) {
        u8(o ? 1 : 0);
        if (o) (*this)(*o);
    }
    template <class A, class B> void operator()(const std::pair<A, B>& p) {
        (*this)(p.first);
        (*this)(p.second);
    }
    template <class T, std::size_t N> void operator()(const std::array<T, N>& a) {
        for (const auto& x : a) (*this)(x);
    }
    template <class T> void operator()(const std::vector<T>& v) {
        count(v.size());
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && host_is_little()) {
            raw(v.data(), v.size() * sizeof(T)); // plain numbers: one copy, as the reader takes them
        } else {
            for (const auto& x : v) (*this)(x);
        }
    }
    template <class K, class V> void operator()(const std::map<K, V>& m) {
        count(m.size());
        for (const auto& [k, v] : m) {
            (*this)(k);
            (*this)(v);
        }
    }
    /// A record: its `fields` list.
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0,
              class = decltype(fields(std::declval<ImageWriter&>(), std::declval<const T&>()))>
    void operator()(const T& record) {
        fields(*this, record);
    }
    void operator()(const Body* b) { u32(b ? index_of(b, m_dataset->bodies) : no_index); }
    void operator()(const Table* t) { u32(t ? index_of(t, m_dataset->tables) : no_index); }

    static constexpr bool host_is_little() {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return true;
#else
        return false;
#endif
    }

  private:
    template <class T> static std::uint32_t index_of(const T* p, const std::vector<T>& all) {
        return static_cast<std::uint32_t>(p - all.data());
    }
    void count(std::size_t n) { u32(static_cast<std::uint32_t>(n)); }
    void put_le(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i) m_out.push_back(static_cast<char>(v >> (8 * i)));
    }
    const Dataset* m_dataset;
    std::string m_out;
};

/**
 * Walks the same `fields` lists as the writer and reader, recording the type of every field (and
 * of one item of each list): its checksum, kept in the manifest, tells an image written by a
 * library whose records had other fields, which is then compiled again instead of misread.
 */
class SchemaWriter {
  public:
    [[nodiscard]] const std::string& text() const noexcept { return m_out; }
    template <class T> void operator()(const T&) {
        if constexpr (std::is_same_v<T, std::string>) m_out += 's';
        else if constexpr (std::is_same_v<T, Date>) m_out += 'd';
        else if constexpr (std::is_pointer_v<T>) m_out += 'p';
        else if constexpr (std::is_enum_v<T>) m_out += 'e';
        else if constexpr (std::is_arithmetic_v<T>) m_out += "n" + std::to_string(sizeof(T)) + (std::is_floating_point_v<T> ? "f" : "");
        else nested(static_cast<const T*>(nullptr));
    }

  private:
    template <class T> void nested(const std::optional<T>*) { item<T>('o'); }
    template <class T> void nested(const std::vector<T>*) { item<T>('v'); }
    template <class T, std::size_t N> void nested(const std::array<T, N>*) { item<T>('a'); }
    template <class A, class B> void nested(const std::pair<A, B>*) {
        m_out += '(';
        (*this)(A{});
        (*this)(B{});
        m_out += ')';
    }
    template <class K, class V> void nested(const std::map<K, V>*) {
        m_out += 'm';
        (*this)(K{});
        (*this)(V{});
    }
    template <class T> void nested(const T*) {
        m_out += '{';
        const T record{};
        fields(*this, record);
        m_out += '}';
    }
    template <class T> void item(char kind) {
        m_out += kind;
        (*this)(T{});
    }
    std::string m_out;
};

class ImageReader {
  public:
    /// Reads `size` bytes at `data`, which start at `base_offset` in the file named `file`.
    /// `dataset`: what Body and Table indexes read through this reader refer to.
    ImageReader(const unsigned char* data, std::size_t size, std::string file, std::size_t base_offset,
                const Dataset* dataset = nullptr)
        : m_data(data), m_size(size), m_file(std::move(file)), m_base(base_offset), m_dataset(dataset) {}

    [[nodiscard]] std::size_t offset() const noexcept { return m_base + m_at; }
    [[nodiscard]] bool at_end() const noexcept { return m_at == m_size; }
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    /// @throws DataError naming the file, the offset and `what`
    [[noreturn]] void fail(const std::string& what) const;

    std::uint8_t u8() { return static_cast<std::uint8_t>(take_le(1)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take_le(4)); }
    std::uint64_t u64() { return take_le(8); }
    const unsigned char* raw(std::size_t n) {
        need(n);
        const unsigned char* p = m_data + m_at;
        m_at += n;
        return p;
    }

    void operator()(bool& v) {
        const auto b = u8();
        if (b > 1) fail("bad flag " + std::to_string(b));
        v = b == 1;
    }
    void operator()(std::uint8_t& v) { v = u8(); }
    void operator()(int& v) { v = static_cast<int>(u32()); }
    void operator()(std::uint32_t& v) { v = u32(); }
    void operator()(std::size_t& v) { v = static_cast<std::size_t>(u64()); }
    void operator()(std::int64_t& v) { v = static_cast<std::int64_t>(u64()); }
    void operator()(double& v) {
        const std::uint64_t bits = u64();
        std::memcpy(&v, &bits, sizeof v);
    }
    void operator()(std::string& s) {
        const std::size_t n = count(1);
        const unsigned char* p = raw(n);
        s.assign(reinterpret_cast<const char*>(p), n);
    }
    void operator()(Date& d);
    template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(E& e) {
        const auto b = u8();
        if (b > static_cast<std::uint8_t>(EnumLimit<E>::value)) fail("bad enumerator " + std::to_string(b));
        e = static_cast<E>(b);
    }
    template <class T> void operator()(std::optional<T>& o) {
        bool present = false;
        (*this)(present);
        if (!present) {
            o.reset();
            return;
        }
        T v{};
        (*this)(v);
        o = std::move(v);
    }
    template <class A, class B> void operator()(std::pair<A, B>& p) {
        (*this)(p.first);
        (*this)(p.second);
    }
    template <class T, std::size_t N> void operator()(std::array<T, N>& a) {
        for (auto& x : a) (*this)(x);
    }
    template <class T> void operator()(std::vector<T>& v) {
        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && ImageWriter::host_is_little()) {
            const std::size_t n = count(sizeof(T));
            v.resize(n);
            if (n) std::memcpy(v.data(), raw(n * sizeof(T)), n * sizeof(T));
        } else {
            const std::size_t n = count(1);
            v.clear();
            v.resize(n);
            for (auto& x : v) (*this)(x);
        }
    }
    template <class K, class V> void operator()(std::map<K, V>& m) {
        const std::size_t n = count(2);
        m.clear();
        for (std::size_t i = 0; i < n; ++i) {
            K k{};
            V v{};
            (*this)(k);
            (*this)(v);
            m.emplace(std::move(k), std::move(v));
        }
    }
    template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0,
              class = decltype(fields(std::declval<ImageReader&>(), std::declval<T&>()))>
    void operator()(T& record) {
        fields(*this, record);
    }
    void operator()(const Body*& b) { b = pointer_into(m_dataset->bodies, "body"); }
    void operator()(const Table*& t) { t = pointer_into(m_dataset->tables, "table"); }

  private:
    template <class T> const T* pointer_into(const std::vector<T>& all, const char* what) {
        const std::size_t at = offset();
        const std::uint32_t i = u32();
        if (i == no_index) return nullptr;
        if (i >= all.size())
            fail_at(at, std::string(what) + " index " + std::to_string(i) + " out of range (" +
                            std::to_string(all.size()) + ")");
        return &all[i];
    }
    /// A count of items that take at least `min_bytes` each: never more than the bytes left
    /// could hold, so a corrupt count cannot make a huge allocation.
    std::size_t count(std::size_t min_bytes) {
        const std::size_t at = offset();
        const std::size_t n = u32();
        if (n > (m_size - m_at) / min_bytes)
            fail_at(at, "count " + std::to_string(n) + " exceeds the " + std::to_string(m_size - m_at) +
                            " bytes left");
        return n;
    }
    void need(std::size_t n) const {
        if (n > m_size - m_at)
            fail("truncated: " + std::to_string(n) + " bytes needed, " + std::to_string(m_size - m_at) + " left");
    }
    std::uint64_t take_le(int n) {
        const unsigned char* p = raw(static_cast<std::size_t>(n));
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
        return v;
    }
    [[noreturn]] void fail_at(std::size_t at, const std::string& what) const;

    const unsigned char* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
    std::string m_file;
    std::size_t m_base;
    const Dataset* m_dataset;
};

} // namespace orglineage::detail
