// A data file in YAML (expand/data.hpp): any bytes either load or give a core::Failure.
#include "input/data.hpp"

#include "core/diagnostics.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        vanthu::input::parse_data(vanthu::fuzz::text_of(data, size), "data.yaml");
    } catch (const vanthu::core::Failure& f) {
        vanthu::fuzz::format_all(f.diagnostics());
    }
    return 0;
}
