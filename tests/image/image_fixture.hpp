// SPDX-License-Identifier: MIT
// What the image tests share: the shipped data, compiled once per run, and small file helpers.
#pragma once

#include <orglineage/image.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace image_test {

inline std::string work_path(const std::string& name) { return std::string(ORGLINEAGE_IMAGE_TEST_DIR) + "/" + name; }

/// The shipped data compiled into the test's build folder (once per process).
inline const std::string& shipped_image() {
    static const std::string path = [] {
        // Compiled by the first test process of a run, reused by the others while current.
        const auto p = work_path("shipped.olimg");
        if (!orglineage::image_is_current(p, ORGLINEAGE_SHIPPED_DATA_DIR))
            (void)orglineage::compile_image(ORGLINEAGE_SHIPPED_DATA_DIR, p);
        return p;
    }();
    return path;
}

inline std::vector<unsigned char> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::vector<unsigned char>& b) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

} // namespace image_test
