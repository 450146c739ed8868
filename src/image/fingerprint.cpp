// SPDX-License-Identifier: MIT
// Staleness: the files an image was compiled from, each with its size and modification time. An
// image is current for a directory when the directory holds the same files, unchanged.
#include "image/format.hpp"

#include <orglineage/image.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace orglineage {

namespace detail {

std::vector<SourceFile> fingerprint(const std::string& directory) {
    std::vector<SourceFile> out;
    const fs::path dir = fs::path(directory).lexically_normal();
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const auto ext = it->path().extension();
        if ((ext != ".yaml" && ext != ".csv") || !it->is_regular_file(ec)) continue;
        SourceFile f;
        f.path = it->path().lexically_relative(dir).generic_string();
        f.size = static_cast<std::uint64_t>(it->file_size(ec));
        const auto t = it->last_write_time(ec);
        f.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return out;
}

} // namespace detail

std::string image_beside(const std::string& directory) {
    fs::path dir = fs::path(directory).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path(); // "x/" names the directory x
    return dir.string() + ".olimg";
}

bool image_is_current(const std::string& image_path, const std::string& directory) noexcept {
    try {
        std::error_code ec;
        if (!fs::is_regular_file(image_path, ec) || !fs::is_directory(directory, ec)) return false;
        const auto image = detail::map_image(image_path);
        return image->manifest.sources == detail::fingerprint(directory);
    } catch (const std::exception&) {
        return false; // unreadable or foreign: not current, so the sources are read instead
    }
}

} // namespace orglineage
