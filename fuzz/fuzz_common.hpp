// SPDX-License-Identifier: MIT
// Shared by the fuzz targets: a scratch dataset directory (in /dev/shm when there is one) that
// each input is written into, because the loader reads directories, not memory.
#pragma once

#include <orglineage/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace orglineage::fuzz {

inline const char* k_manifest = "schema_version: 1\n"
                                "name: fuzz\n"
                                "version: fuzz-1\n"
                                "kinds:\n"
                                "  pct: {name: Primary Care Trust, functions: [commissioning, public-health]}\n"
                                "  ccg: {name: Clinical Commissioning Group, functions: [commissioning]}\n"
                                "  sha: {name: Strategic Health Authority, functions: [performance-management]}\n"
                                "  nhs-cb: {name: NHS Commissioning Board, functions: [commissioning.primary-care]}\n";

/// A directory of its own for this process, made once.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        std::error_code ec;
        std::filesystem::path base = "/dev/shm";
        if (!std::filesystem::is_directory(base, ec)) base = std::filesystem::temp_directory_path();
        auto d = base / ("orglineage-fuzz-" + std::to_string(::getpid())) / "ds";
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    write_file(path, reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

} // namespace orglineage::fuzz
