// SPDX-License-Identifier: MIT
// libFuzzer target: the remap CSV reader. The input is read record by record with CsvReader (with
// a small record limit, so the over-long path is reached too), then remapped on the hand-built toy
// dataset (tests/data/valid/toy) as `code,date,value` figures. Only orglineage::Error may escape.
// Keep crashers in tests/fuzz_regressions/csv/.
#include "fuzz_common.hpp"

#include <orglineage/csv.hpp>
#include <orglineage/lineage.hpp>
#include <orglineage/remap.hpp>

#include <memory>
#include <sstream>

#ifndef ORGLINEAGE_FUZZ_TOY_DIR
#error "ORGLINEAGE_FUZZ_TOY_DIR must name tests/data/valid/toy"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orglineage;
    static const std::unique_ptr<Lineage> toy = std::make_unique<Lineage>(Lineage::load(ORGLINEAGE_FUZZ_TOY_DIR));
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(text);
        CsvReader reader(in, ',', 256);
        CsvRecord record;
        std::int64_t last_line = 0;
        while (reader.next(record)) {
            // Line numbers only go forward, and views stay inside what was read.
            if (record.line < last_line) __builtin_trap();
            last_line = record.line;
            for (auto f : record.fields)
                for (char c : f) (void)c;
        }
    }
    try {
        std::istringstream in(text);
        std::ostringstream out;
        RemapOptions options;
        options.code_column = "code";
        options.date_column = "date";
        options.value_columns = {"value"};
        options.to = Date(2022, 7, 1);
        options.aggregate = (size % 2) == 0;
        options.nearest = (size % 3) == 0;
        (void)remap(*toy, in, out, options, [](const Reject&) {});
    } catch (const Error&) {
    }
    return 0;
}
