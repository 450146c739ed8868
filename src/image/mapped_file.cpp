// SPDX-License-Identifier: MIT
// A read-only mapping of an image file (POSIX mmap), so that opening costs no copy of the bytes.
#include "image/format.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define ORGLINEAGE_HAVE_MMAP 1
#endif

namespace orglineage::detail {

void image_error(const std::string& file, const std::string& what) {
    throw DataError(SourcePos{file, 0, 0}, "bad compiled image: " + what);
}

MappedFile::MappedFile(const std::string& path) {
#ifdef ORGLINEAGE_HAVE_MMAP
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(path, std::string("cannot open (") + std::strerror(errno) + ")");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw IoError(path, "cannot open (not a regular file)");
    }
    m_size = static_cast<std::size_t>(st.st_size);
    if (m_size > 0) {
        void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            m_data = static_cast<const unsigned char*>(p);
            m_mapped = true;
        }
    }
    ::close(fd);
    if (m_mapped || m_size == 0) return;
#endif
    // No mapping: read the whole file (the image is a few MB).
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, std::string("cannot open (") + std::strerror(errno) + ")");
    m_copy.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    m_data = m_copy.data();
    m_size = m_copy.size();
}

MappedFile::MappedFile(std::vector<unsigned char> bytes) : m_copy(std::move(bytes)) {
    m_data = m_copy.data();
    m_size = m_copy.size();
}

MappedFile::~MappedFile() {
#ifdef ORGLINEAGE_HAVE_MMAP
    if (m_mapped) ::munmap(const_cast<unsigned char*>(m_data), m_size);
#endif
}

} // namespace orglineage::detail
