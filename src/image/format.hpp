// SPDX-License-Identifier: MIT
// Internal: the layout of an image file (docs/image-format.md): a header, a table of sections,
// then the sections, each with its own checksum so that a part is checked when it is read.
#pragma once

#include "image/codec.hpp"

#include <orglineage/error.hpp>
#include <orglineage/image.hpp>
#include <orglineage/lineage.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace orglineage {
class AreaHistory;
class SmallAreas;
}

namespace orglineage::detail {

inline constexpr std::array<unsigned char, 8> image_magic{'O', 'L', 'I', 'M', 'G', '\r', '\n', 0x1a};
inline constexpr std::size_t header_size = 32;  ///< magic, version, section count, file size, checksum
inline constexpr std::size_t section_entry_size = 32; ///< id, reserved, offset, size, checksum
inline constexpr std::size_t section_alignment = 8;
inline constexpr std::size_t max_sections = 64;

/**
 * The sections an image may hold (docs/image-format.md). A table compiled into the image is one
 * more id here, its name in section_name(), its schema in layout_signature() (open.cpp), its writer
 * in compile.cpp's table sections and its reader where its index is loaded (AreaHistory::load,
 * SmallAreas::load).
 */
enum class SectionId : std::uint32_t { manifest = 1, dataset = 2, small_areas = 3, area_history = 4 };

/// The name of a section in messages: `dataset`, `small-areas`, ...
[[nodiscard]] std::string section_name(SectionId id);

struct Section {
    SectionId id = SectionId::manifest;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;
};

/**
 * A file the image was compiled from, as it was then. Currency is judged by content: the hash of
 * the file's bytes. Size and modification time are a shortcut only, as make takes them: a file
 * whose size and time are as recorded is taken as unchanged without being read (an edit that keeps
 * the size and puts the old time back is not seen); any other is read and hashed, so a copy with
 * new times (a package installed, a checkout) is still current when its bytes are the same.
 */
struct SourceFile {
    std::string path; ///< relative to the dataset directory, '/'-separated
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t hash = 0; ///< image_checksum of the bytes
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
    io(f.hash);
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
    /// @throws IoError when the file cannot be opened or read (with the system's reason)
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

/// The area history in an image: its changes and populations (src/areas/area_history_image.cpp).
struct AreaHistoryImage {
    static void write(ImageWriter& w, const AreaHistory& h);
    /// The field types of the section (see SchemaWriter).
    static std::string schema();
    /// @throws DataError when the section is corrupt or names an area the dataset does not have
    static AreaHistory read(const Lineage& lin, const CompiledImage& image, const Section& section);
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

/// The `*.yaml` and `*.csv` files below a dataset directory, sorted, with sizes, times and the
/// hashes of their bytes. @throws IoError when the directory or a file cannot be read
[[nodiscard]] std::vector<SourceFile> fingerprint(const std::string& directory);

/**
 * Whether `directory` holds the files `recorded` lists with the same bytes: "" when it does, else
 * why not (`'a/b.yaml' changed since the image was compiled`, `'c.csv' is new`, ...). Files whose
 * size and times are as recorded are not read (see SourceFile).
 */
[[nodiscard]] std::string stale_reason(const std::vector<SourceFile>& recorded, const std::string& directory);

/// A checked image and whether it is current for a directory (one mapping, see open_current).
struct ImageCheck {
    std::shared_ptr<CompiledImage> image; ///< null when the file could not be mapped or checked
    ImageState state = ImageState::absent;
    std::string reason;
};
/// Maps the image once and judges it against `directory`; never throws for a bad image.
[[nodiscard]] ImageCheck check_beside(const std::string& image_path, const std::string& directory);

/// Throws DataError for `file` with `what` (the one wording of image errors).
[[noreturn]] void image_error(const std::string& file, const std::string& what);

} // namespace orglineage::detail
