// SPDX-License-Identifier: MIT
// The parity suite's library door: answers each question of a question file through the answers
// layer (orglineage/ask.hpp) and writes one raw answer line per question (README.md, "Raw answers").
//   parity_library DATA QUESTIONS.jsonl > library.jsonl
#include <orglineage/ask.hpp>
#include <orglineage/load.hpp>

#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char* argv[]) {
    if (argc != 3) {
        std::cerr << "usage: parity_library DATA QUESTIONS.jsonl\n";
        return 2;
    }
    try {
        const auto lineage = orglineage::Lineage::load(argv[1]);
        const orglineage::Answers answers(lineage);
        std::ifstream in(argv[2], std::ios::binary);
        if (!in) {
            std::cerr << "cannot read " << argv[2] << '\n';
            return 2;
        }
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const auto q = orglineage::read_question_line(line);
            orglineage::Value raw = orglineage::Value::record();
            raw["id"] = q.question.id;
            const orglineage::Answer a = q.problem ? orglineage::Answer{} : answers.ask(q.question);
            const auto* problem = q.problem ? &*q.problem : a.problem ? &*a.problem : nullptr;
            raw["exit"] = problem ? problem->exit_code : a.exit_code;
            raw["error"] = problem ? orglineage::Value(problem->message) : orglineage::Value();
            raw["answer"] = problem ? orglineage::Value() : orglineage::to_value(a);
            std::cout << orglineage::dump_json(raw) << '\n';
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "parity_library: " << e.what() << '\n';
        return 3;
    }
}
