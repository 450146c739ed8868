// SPDX-License-Identifier: MIT
// Currency: the files an image was compiled from, each with the hash of its bytes. An image is
// current for a directory when the directory holds the same files with the same bytes, whatever
// their times: a copy installed elsewhere, or checked out again, stays current.
#include "image/format.hpp"

#include <orglineage/image.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace orglineage {

namespace detail {

namespace {

std::int64_t ns(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + static_cast<std::int64_t>(t.tv_nsec);
}

/// A source file's path, size and time (no bytes read).
struct Listed {
    fs::path full;
    SourceFile file;
};

/// The `*.yaml` and `*.csv` files below `dir`, sorted by relative path. @throws IoError
std::vector<Listed> list_sources(const std::string& directory) {
    std::vector<Listed> out;
    const fs::path dir = fs::path(directory).lexically_normal();
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if (ext != ".yaml" && ext != ".csv") continue;
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        Listed l;
        l.full = it->path();
        l.file.path = it->path().lexically_relative(dir).generic_string();
        l.file.size = static_cast<std::uint64_t>(st.st_size);
        l.file.mtime_ns = ns(st.st_mtim);
        out.push_back(std::move(l));
    }
    if (ec) throw IoError(directory, "cannot list the directory (" + ec.message() + ")");
    std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.file.path < b.file.path; });
    return out;
}

/// The hash of a file's bytes. @throws IoError when it cannot be read
std::uint64_t hash_file(const fs::path& path) {
    MappedFile f(path.string());
    return image_checksum(f.data(), f.size());
}

} // namespace

std::vector<SourceFile> fingerprint(const std::string& directory) {
    std::vector<SourceFile> out;
    for (auto& l : list_sources(directory)) {
        l.file.hash = hash_file(l.full);
        out.push_back(std::move(l.file));
    }
    return out;
}

std::string stale_reason(const std::vector<SourceFile>& recorded, const std::string& directory) {
    const auto now = list_sources(directory);
    std::map<std::string, const SourceFile*> then;
    for (const auto& f : recorded) then.emplace(f.path, &f);
    for (const auto& l : now)
        if (!then.count(l.file.path)) return "'" + l.file.path + "' is new since it was compiled";
    std::map<std::string, const Listed*> present;
    for (const auto& l : now) present.emplace(l.file.path, &l);
    for (const auto& f : recorded) {
        const auto it = present.find(f.path);
        if (it == present.end()) return "'" + f.path + "' is gone since it was compiled";
        const SourceFile& cur = it->second->file;
        const std::string changed = "'" + f.path + "' changed since it was compiled";
        if (cur.size != f.size) return changed;
        if (cur.mtime_ns == f.mtime_ns) continue; // the shortcut (see SourceFile)
        if (hash_file(it->second->full) != f.hash) return changed;
    }
    return {};
}

ImageCheck check_beside(const std::string& image_path, const std::string& directory) {
    ImageCheck out;
    struct stat st {};
    if (::stat(image_path.c_str(), &st) != 0) return out; // absent
    try {
        out.image = map_image(image_path);
        out.reason = stale_reason(out.image->manifest.sources, directory);
        out.state = out.reason.empty() ? ImageState::current : ImageState::stale;
    } catch (const Error& e) {
        out.image.reset();
        out.state = ImageState::unreadable;
        const auto* d = dynamic_cast<const DataError*>(&e);
        out.reason = d ? d->message() : std::string(e.what());
    }
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
        return detail::check_beside(image_path, directory).state == ImageState::current;
    } catch (const std::exception&) {
        return false; // unreadable or foreign: not current, so the sources are read instead
    }
}

std::string ImageStatus::note(const std::string& directory) const {
    if (state != ImageState::stale && state != ImageState::unreadable) return {};
    return path + (state == ImageState::stale ? " is stale (" : " cannot be used (") + reason +
           "); reading the sources instead (run 'orglineage compile " + directory + "' to update it)";
}

} // namespace orglineage
