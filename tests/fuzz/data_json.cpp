// JSON read as a data file and as a rows file holding a list of objects (expand/data.hpp,
// expand/csv.hpp): any bytes either load or give a core::Failure.
#include "core/diagnostics.hpp"
#include "fuzz_support.hpp"
#include "input/csv.hpp"
#include "input/data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text = vanthu::fuzz::text_of(data, size);
    try {
        vanthu::input::parse_data(text, "data.json");
    } catch (const vanthu::core::Failure& f) {
        vanthu::fuzz::format_all(f.diagnostics());
    }
    try {
        vanthu::input::parse_rows(text, "rows.json");
    } catch (const vanthu::core::Failure& f) {
        vanthu::fuzz::format_all(f.diagnostics());
    }
    return 0;
}
