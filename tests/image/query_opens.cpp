// SPDX-License-Identifier: MIT
// A query on a current image opens the image once and no other data file: every `open` and
// `fopen` of this process is seen here (the definitions below take the place of the C library's
// for the whole program) while a directory is loaded and asked about an area out of force, an
// area's population and an LSOA. Usage: orglineage_query_opens DATA_DIR WORK_IMAGE
#include <orglineage/area_history.hpp>
#include <orglineage/image.hpp>
#include <orglineage/small_areas.hpp>

#include <cstdarg>
#include <cstdio>
#include <dlfcn.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

bool g_recording = false;
std::vector<std::string>& opened() {
    static std::vector<std::string> paths;
    return paths;
}
void seen(const char* path, int dir = AT_FDCWD) {
    if (!g_recording || !path) return;
    g_recording = false; // what follows may open files itself
    std::string full = path;
    if (full.empty() || full.front() != '/') {
        // Relative to the directory `dir` stands for (a listing walks a tree this way).
        std::error_code ec;
        const auto base = dir == AT_FDCWD ? std::filesystem::current_path(ec)
                                           : std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(dir), ec);
        full = (base / full).string();
    }
    opened().push_back(full);
    g_recording = true;
}
template <class F> F next(const char* name) { return reinterpret_cast<F>(dlsym(RTLD_NEXT, name)); }

mode_t mode_arg(int flags, va_list ap) {
    return (flags & (O_CREAT | O_TMPFILE)) != 0 ? static_cast<mode_t>(va_arg(ap, int)) : 0;
}

} // namespace

extern "C" {
int open(const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    seen(path);
    return next<int (*)(const char*, int, ...)>("open")(path, flags, mode);
}
int open64(const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    seen(path);
    return next<int (*)(const char*, int, ...)>("open64")(path, flags, mode);
}
int openat(int dir, const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    seen(path, dir);
    return next<int (*)(int, const char*, int, ...)>("openat")(dir, path, flags, mode);
}
int openat64(int dir, const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    seen(path, dir);
    return next<int (*)(int, const char*, int, ...)>("openat64")(dir, path, flags, mode);
}
FILE* fopen(const char* path, const char* mode) {
    seen(path);
    return next<FILE* (*)(const char*, const char*)>("fopen")(path, mode);
}
FILE* fopen64(const char* path, const char* mode) {
    seen(path);
    return next<FILE* (*)(const char*, const char*)>("fopen64")(path, mode);
}
}

int main(int argc, char* argv[]) {
    namespace fs = std::filesystem;
    using namespace orglineage;
    if (argc != 3) {
        std::cerr << "usage: orglineage_query_opens DATA_DIR WORK_IMAGE\n";
        return 2;
    }
    const std::string dir = argv[1], image = argv[2];
    try {
        (void)compile_image(dir, image);
        // The recorder must see the library's opens: an ifstream opened here proves it does.
        g_recording = true;
        { std::ifstream probe(image); }
        if (opened().size() != 1) {
            std::cerr << "FAIL: the recorder does not see opens (" << opened().size() << ")\n";
            return 1;
        }
        opened().clear();
        ImageStatus status;
        const Lineage lin = load_preferring_image(dir, image, status);
        const auto history = AreaHistory::load(lin);
        const auto cornwall = history.holders("commissioning", "E06000052", *parse_date("2007-06-01"));
        const auto population = history.population("E06000052");
        const auto lsoas = SmallAreas::load(lin);
        const auto lsoa = lsoas.holders("commissioning", "E01019727", *parse_date("2022-07-01"));
        g_recording = false;
        if (status.state != ImageState::current || cornwall.holders.empty() || population.first <= 0 ||
            lsoa.holders.empty()) {
            std::cerr << "FAIL: no answer from the image (state " << static_cast<int>(status.state) << ", "
                      << status.reason << ")\n";
            return 1;
        }
        const auto root = fs::weakly_canonical(dir).string() + "/";
        const auto image_path = fs::weakly_canonical(image).string();
        // Files under the data directory opened (its directories may be listed: that reads no data).
        auto count = [&](int& image_opens, int& data_opens) {
            image_opens = data_opens = 0;
            for (const auto& p : opened()) {
                const auto full = fs::weakly_canonical(p).string();
                if (full == image_path) ++image_opens;
                else if (full.rfind(root, 0) == 0 && fs::is_regular_file(full)) ++data_opens;
                std::cout << "opened " << p << "\n";
            }
        };
        int image_opens = 0, data_opens = 0;
        count(image_opens, data_opens);
        if (image_opens != 1 || data_opens != 0) {
            std::cerr << "FAIL: the image opened " << image_opens << " times, data files " << data_opens << " times\n";
            return 1;
        }
        // The control: read from the sources, the same questions open the tables, and the count sees it.
        opened().clear();
        g_recording = true;
        const Lineage from_sources = load_sources(dir);
        (void)AreaHistory::load(from_sources).population("E06000052");
        g_recording = false;
        count(image_opens, data_opens);
        if (data_opens < 3) {
            std::cerr << "FAIL: the control read the sources but " << data_opens << " data files were seen opened\n";
            return 1;
        }
        std::cout << "PASS: one open of the image, no data file (the sources' load opened " << data_opens << ")\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "FAIL: " << e.what() << "\n";
        return 1;
    }
}
