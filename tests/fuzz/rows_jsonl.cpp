// A rows file in JSON Lines (expand/csv.hpp): any bytes either give rows or a core::Failure.
#include "core/diagnostics.hpp"
#include "fuzz_support.hpp"
#include "input/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<int> lines;
    try {
        vanthu::input::parse_rows(vanthu::fuzz::text_of(data, size), "rows.jsonl", &lines);
    } catch (const vanthu::core::Failure& f) {
        vanthu::fuzz::format_all(f.diagnostics());
    }
    return 0;
}
