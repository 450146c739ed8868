// SPDX-License-Identifier: MIT
// Rejects kept in order in bounded memory: records `line reason message-size raw-size message raw`.
#include "remap/reject_spool.hpp"

#include <orglineage/error.hpp>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace orglineage::detail {

namespace {

struct Head {
    std::int64_t line;
    std::int32_t reason;
    std::uint32_t message_size, raw_size;
};

[[noreturn]] void fail(const char* what) {
    throw IoError("(temporary file of rejected rows)", std::string(what) + ": " + std::strerror(errno));
}

} // namespace

void RejectSpool::push(const Reject& r) {
    m_bytes += sizeof(Reject) + r.message.size() + r.raw.size();
    m_kept.push_back(r);
    if (m_bytes > m_memory) spill();
}

void RejectSpool::spill() {
    if (!m_file) {
        m_file.reset(std::tmpfile());
        if (!m_file) fail("cannot create");
    }
    for (const Reject& r : m_kept) {
        const Head h{r.line, static_cast<std::int32_t>(r.reason), static_cast<std::uint32_t>(r.message.size()),
                     static_cast<std::uint32_t>(r.raw.size())};
        if (std::fwrite(&h, sizeof h, 1, m_file.get()) != 1 ||
            std::fwrite(r.message.data(), 1, r.message.size(), m_file.get()) != r.message.size() ||
            std::fwrite(r.raw.data(), 1, r.raw.size(), m_file.get()) != r.raw.size())
            fail("cannot write");
    }
    m_spilled += m_kept.size();
    m_kept.clear();
    m_bytes = 0;
}

void RejectSpool::replay(std::int64_t line_offset, const std::function<void(const Reject&)>& to) {
    if (m_file) {
        if (std::fflush(m_file.get()) != 0 || std::fseek(m_file.get(), 0, SEEK_SET) != 0) fail("cannot read back");
        Reject r;
        for (std::size_t k = 0; k < m_spilled; ++k) {
            Head h{};
            if (std::fread(&h, sizeof h, 1, m_file.get()) != 1) fail("cannot read back");
            r.line = h.line + line_offset;
            r.reason = static_cast<RejectReason>(h.reason);
            r.message.resize(h.message_size);
            r.raw.resize(h.raw_size);
            if (std::fread(r.message.data(), 1, h.message_size, m_file.get()) != h.message_size ||
                std::fread(r.raw.data(), 1, h.raw_size, m_file.get()) != h.raw_size)
                fail("cannot read back");
            to(r);
        }
        m_file.reset();
        m_spilled = 0;
    }
    for (Reject& r : m_kept) {
        r.line += line_offset;
        to(r);
    }
    m_kept.clear();
    m_bytes = 0;
}

} // namespace orglineage::detail
