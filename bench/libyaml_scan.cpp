// SPDX-License-Identifier: MIT
// The compile benchmark's peer (bench/image.sh): libyaml reading every `*.yaml` below a directory
// through its event parser and counting the events, the least any reader of the same text does.
// Usage: orglineage_bench_libyaml DIR
#include <yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char* argv[]) {
    namespace fs = std::filesystem;
    if (argc != 2) {
        std::fprintf(stderr, "usage: orglineage_bench_libyaml DIR\n");
        return 2;
    }
    std::size_t files = 0, events = 0, bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
        if (e.path().extension() != ".yaml") continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        for (bool done = false; !done;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                std::fprintf(stderr, "%s: %s\n", e.path().c_str(), parser.problem ? parser.problem : "error");
                yaml_parser_delete(&parser);
                return 1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            ++events;
        }
        yaml_parser_delete(&parser);
        ++files;
        bytes += text.size();
    }
    std::printf("libyaml: %zu files, %zu bytes, %zu events\n", files, bytes, events);
    return 0;
}
