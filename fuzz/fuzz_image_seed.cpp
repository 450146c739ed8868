// SPDX-License-Identifier: MIT
// Writes the seed images of fuzz_image: `fuzz_image_seed OUT_DIR DATASET_DIR...` compiles each
// dataset and writes it twice, as it is (mode byte 0) and to be resealed (mode byte 1).
#include <orglineage/image.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: fuzz_image_seed OUT_DIR DATASET_DIR...\n";
        return 2;
    }
    try {
        for (int i = 2; i < argc; ++i) {
            const std::string tmp = std::string(argv[1]) + "/seed.olimg.tmp";
            (void)orglineage::compile_image(argv[i], tmp);
            std::ifstream in(tmp, std::ios::binary);
            const std::string image{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            for (char mode : {'\0', '\1'}) {
                std::ofstream out(std::string(argv[1]) + "/seed-" + std::to_string(i) + "-" + std::to_string(mode) +
                                  ".olimg", std::ios::binary);
                out << mode << image;
            }
            std::remove(tmp.c_str());
        }
    } catch (const orglineage::Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}
