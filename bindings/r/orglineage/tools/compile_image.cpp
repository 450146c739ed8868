// SPDX-License-Identifier: MIT
// Compiles the package's dataset into its image at install time (as `orglineage compile` does), so
// that ol_load() opens it in milliseconds:  compile_image DATASET_DIR IMAGE
#include <orglineage/image.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: compile_image DATASET_DIR IMAGE\n";
        return 2;
    }
    try {
        const auto info = orglineage::compile_image(argv[1], argv[2]);
        std::cout << "compiled " << info.data_name << ' ' << info.data_version << " into " << argv[2] << '\n';
    } catch (const orglineage::Error& e) {
        std::cerr << "compile_image: " << e.what() << '\n';
        return 3;
    }
    return 0;
}
