// SPDX-License-Identifier: MIT
// A program built against an installed orglineage: who commissioned Cornwall (E06000052) on 1 June 2010?
#include <orglineage/orglineage.hpp>

#include <iostream>

int main(int argc, char* argv[]) {
    const std::string data = argc > 1 ? argv[1] : ORGLINEAGE_CONSUMER_DATASET;
    try {
        const auto lineage = orglineage::Lineage::load(data);
        const auto holders = lineage.holders("commissioning", "E06000052", orglineage::Date(2010, 6, 1));
        for (const auto& h : holders) std::cout << h.body->id << ' ' << h.body->name_on(orglineage::Date(2010, 6, 1)) << '\n';
        std::cout << "orglineage " << orglineage::version() << ", data " << lineage.dataset().version << '\n';
        return holders.empty() ? 1 : 0;
    } catch (const orglineage::Error& e) {
        std::cerr << "consumer: " << e.what() << '\n';
        return 3;
    }
}
