// SPDX-License-Identifier: MIT
// orglineage — the compiled dataset: one checked binary image that opens in milliseconds.
#pragma once

#include <orglineage/lineage.hpp>

#include <cstdint>
#include <string>

namespace orglineage {

/// The image format version this library writes and reads (docs/image-format.md).
inline constexpr std::uint32_t image_format_version = 1;

/// What an image's header and manifest say about it.
struct ImageInfo {
    std::string path;
    std::uint32_t format_version = 0;
    std::string data_name;
    std::string data_version;
    std::string directory;    ///< the dataset directory it was compiled from
    std::uint64_t size = 0;   ///< bytes
    std::size_t sources = 0;  ///< files it was compiled from (their sizes and times are kept)
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
ImageInfo compile_image(const std::string& directory, const std::string& image_path);

/**
 * Opens an image: maps the file read-only, checks its magic number, format version, sizes and
 * checksums, and makes the Lineage (the small-area index is read from it by SmallAreas::load).
 * @throws DataError naming the file and what is wrong (bad magic, wrong version, truncated at
 *         offset N, checksum mismatch); nothing is read past the end of the file
 */
[[nodiscard]] Lineage open_image(const std::string& image_path);

/// The header and manifest of an image (checked as open_image checks them). @throws DataError
[[nodiscard]] ImageInfo image_info(const std::string& image_path);

/// True when `path` is a file that begins with the image magic number.
[[nodiscard]] bool is_image_file(const std::string& path) noexcept;

/// Where the image of a dataset directory lives beside it: `data/nhs-england` -> `data/nhs-england.olimg`.
[[nodiscard]] std::string image_beside(const std::string& directory);

/**
 * True when the image was compiled from `directory` as it is now: the same `*.yaml` and `*.csv`
 * files below it, each with the size and modification time recorded at compile time. False for a
 * missing, unreadable or foreign file.
 */
[[nodiscard]] bool image_is_current(const std::string& image_path, const std::string& directory) noexcept;

/// Reads the YAML and tables of a directory, never an image (what compile_image checks).
/// @throws DataError, ValidationError
[[nodiscard]] Lineage load_sources(const std::string& directory, const LoadOptions& options = {});

} // namespace orglineage
