// SPDX-License-Identifier: MIT
// Internal: the layout of an image file (docs/image-format.md): a header, a table of sections,
// then the sections, each with its own checksum so that a part is checked when it is read.
#pragma once

#include "image/codec.hpp"

#include <orglineage/error.hpp>
#include <orglineage/lineage.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace orglineage {
class SmallAreas;
}

namespace orglineage::detail {

inline constexpr std::array<unsigned char, 8> image_magic{'O', 'L', 'I', 'M', 'G', '\r', '\n', 0x1a};
inline constexpr std::size_t header_size = 32;  ///< magic, version, section count, file size, checksum
inline constexpr std::size_t section_entry_size = 32; ///< id, reserved, offset, size, checksum
inline constexpr std::size_t section_alignment = 8;
inline constexpr std::size_t max_sections = 64;

enum class SectionId : std::uint32_t { manifest = 1, dataset = 2, small_areas = 3 };

struct Section {
    SectionId id = SectionId::manifest;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;
};

/// A file the image was compiled from, as it was then (what staleness is judged by).
struct SourceFile {
    std::string path; ///< relative to the dataset directory, '/'-separated
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    friend bool operator==(const SourceFile& a, const SourceFile& b) {
        return a.path == b.path && a.size == b.size && a.mtime_ns == b.mtime_ns;
    }
};

/// The first section: what the image is of.
struct Manifest {
    std::uint64_t layout = 0; ///< layout_signature() of the library that wrote it; first, so read first
    std::string data_name;
    std::string data_version;
    std::string directory;      ///< as compiled
    std::string library_version; ///< of the compiler
    std::vector<SourceFile> sources;
};

template <class Io, class T, if_record<T, SourceFile> = 0> void fields(Io& io, T& f) {
    io(f.path);
    io(f.size);
    io(f.mtime_ns);
}
template <class Io, class T, if_record<T, Manifest> = 0> void fields(Io& io, T& m) {
    io(m.layout);
    io(m.data_name);
    io(m.data_version);
    io(m.directory);
    io(m.library_version);
    io(m.sources);
}

/// A file mapped read-only (or, where mapping is not possible, read into memory).
class MappedFile {
  public:
    /// @throws DataError when the file cannot be opened or read
    explicit MappedFile(const std::string& path);
    /// Bytes already in memory (tests, the fuzz target).
    explicit MappedFile(std::vector<unsigned char> bytes);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    [[nodiscard]] const unsigned char* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }

  private:
    const unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
    std::vector<unsigned char> m_copy;
};

/// An image whose header and section table have been checked, kept alive by the Lineage that was
/// opened from it (the small-area section is decoded from it on first use).
struct CompiledImage {
    std::string path;
    std::unique_ptr<MappedFile> file;
    std::vector<Section> sections;
    Manifest manifest;

    /// The section, or nullptr when the image has none of that id.
    [[nodiscard]] const Section* find(SectionId id) const noexcept;
    /// A reader over a section after checking its checksum. @throws DataError on a mismatch
    [[nodiscard]] ImageReader reader(const Section& s, const Dataset* dataset = nullptr) const;
};

/// The small-area index in an image: its fields are listed beside it, in src/areas/small_areas.cpp.
struct SmallAreasImage {
    static void write(ImageWriter& w, const SmallAreas& sa);
    /// The field types of the small-area index (see SchemaWriter).
    static std::string schema();
    /// @throws DataError when the section is corrupt
    static SmallAreas read(const Lineage& lin, const CompiledImage& image, const Section& section);
};

/// The checksum of the field types of every record the image stores (see SchemaWriter).
[[nodiscard]] std::uint64_t layout_signature();

/// Maps a file and checks its header, section table and manifest. @throws DataError
[[nodiscard]] std::shared_ptr<CompiledImage> map_image(const std::string& path);
/// Checks the header, section table and manifest of an image already read. @throws DataError
[[nodiscard]] std::shared_ptr<CompiledImage> check_image(std::unique_ptr<MappedFile> file, const std::string& name);
/// Decodes the dataset of a checked image and makes the Lineage. @throws DataError
[[nodiscard]] Lineage open_checked(std::shared_ptr<CompiledImage> image);

/// The references a Lineage follows without checking (ids, area codes, function parents), checked
/// once in a decoded image: a file whose checksums were forged cannot make the queries fail.
/// @throws DataError naming `file` and the first bad reference
void check_references(const Dataset& ds, const std::string& file);

/**
 * Recomputes the checksums of an image's sections and header in place (where the table's entries
 * lie inside the buffer): for the fuzz target and tests, so that altered bytes reach the decoders
 * instead of stopping at the checksum.
 */
void reseal_image(std::vector<unsigned char>& bytes);

/// The `*.yaml` and `*.csv` files below a dataset directory, sorted, with sizes and times.
[[nodiscard]] std::vector<SourceFile> fingerprint(const std::string& directory);

/// Throws DataError for `file` with `what` (the one wording of image errors).
[[noreturn]] void image_error(const std::string& file, const std::string& what);

} // namespace orglineage::detail
