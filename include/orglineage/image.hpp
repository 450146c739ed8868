// SPDX-License-Identifier: MIT
// orglineage — the compiled dataset: one checked binary image that opens in milliseconds.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <orglineage/lineage.hpp>

#include <cstdint>
#include <string>

namespace orglineage {

/// The image format version this library writes and reads (docs/image-format.md).
inline constexpr std::uint32_t image_format_version = 2;

/// What an image's header and manifest say about it.
struct ORGLINEAGE_API ImageInfo {
    std::string path;
    std::uint32_t format_version = 0;
    std::string data_name;
    std::string data_version;
    std::string directory;    ///< the dataset directory it was compiled from
    std::uint64_t size = 0;   ///< bytes
    std::size_t sources = 0;  ///< files it was compiled from (the hashes of their bytes are kept)
    bool small_areas = false; ///< holds the small-area index
};

/**
 * Checks a dataset directory (YAML and tables: everything `orglineage validate` checks, the
 * small-area tables included) and writes it as one image at `image_path` (written to a temporary
 * file first, then renamed: a reader never sees half an image).
 * @returns what was written
 * @throws DataError, ValidationError when the data does not check; DataError when the file
 *         cannot be written
 */
ORGLINEAGE_API ImageInfo compile_image(const std::string& directory, const std::string& image_path);

/**
 * Opens an image: maps the file read-only, checks its magic number, format version, sizes and
 * checksums, and makes the Lineage (the small-area index is read from it by SmallAreas::load).
 * @throws DataError naming the file and what is wrong (bad magic, wrong version, truncated at
 *         offset N, checksum mismatch); nothing is read past the end of the file
 */
[[nodiscard]] ORGLINEAGE_API Lineage open_image(const std::string& image_path);

/// The header and manifest of an image (checked as open_image checks them). @throws DataError
[[nodiscard]] ORGLINEAGE_API ImageInfo image_info(const std::string& image_path);

/// True when `path` is a file that begins with the image magic number.
[[nodiscard]] ORGLINEAGE_API bool is_image_file(const std::string& path) noexcept;

/// Where the image of a dataset directory lives beside it: `data/nhs-england` -> `data/nhs-england.olimg`.
[[nodiscard]] ORGLINEAGE_API std::string image_beside(const std::string& directory);

/**
 * True when the image was compiled from `directory` as it is now: the same `*.yaml` and `*.csv`
 * files below it, with the same bytes (judged by the hashes the image records; a file whose size
 * and modification time are those recorded is taken as unchanged without being read). False for
 * a missing, unreadable or foreign file.
 */
[[nodiscard]] ORGLINEAGE_API bool image_is_current(const std::string& image_path, const std::string& directory) noexcept;

/// What became of an image when a dataset directory was loaded (see load_preferring_image).
enum class ImageState {
    absent,     ///< there is no file at the image's path
    current,    ///< compiled from the directory's files as they are now: the dataset was read from it
    stale,      ///< the directory's files changed since it was compiled: the sources were read
    unreadable, ///< corrupt, truncated, or of another format or layout: the sources were read
};

/// Which image a load used, or why it did not.
struct ORGLINEAGE_API ImageStatus {
    std::string path;
    ImageState state = ImageState::absent;
    std::string reason; ///< why it was stale or unreadable, e.g. `'a/b.yaml' changed since it was compiled`
    /**
     * For people, when an image was passed over ("" otherwise): `data/x.olimg is stale ('a.yaml'
     * changed since it was compiled); reading the sources instead (run 'orglineage compile data/x'
     * to update it)`.
     */
    [[nodiscard]] std::string note(const std::string& directory) const;
};

/**
 * Loads a dataset directory from the image at `image_path` when that is current for it (the image
 * is mapped once and no other data file is opened; the directory is listed and its files are read
 * only to hash those whose times changed), else from the directory's sources, checked.
 * @param status set to what became of the image (current, absent, stale or unreadable, and why)
 * @throws DataError, ValidationError when the sources are read and do not check
 */
[[nodiscard]] ORGLINEAGE_API Lineage load_preferring_image(const std::string& directory, const std::string& image_path,
                                            ImageStatus& status, const LoadOptions& options = {});

/// Reads the YAML and tables of a directory, never an image (what compile_image checks).
/// @throws DataError, ValidationError
[[nodiscard]] ORGLINEAGE_API Lineage load_sources(const std::string& directory, const LoadOptions& options = {});

} // namespace orglineage
