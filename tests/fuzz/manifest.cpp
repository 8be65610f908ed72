// The manifest check (expand/schema.hpp): a manifest (JSON) and data (YAML) separated by the
// first NUL byte, both fuzzed. The schema is checked itself, then the data against it.
#include "core/diagnostics.hpp"
#include "fuzz_support.hpp"
#include "input/data.hpp"
#include "input/detail.hpp"
#include "input/schema.hpp"

using namespace vanthu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input = fuzz::text_of(data, size);
    const size_t split = input.find('\0');
    if (split == std::string::npos) return 0;
    try {
        const nlohmann::json manifest = input::detail::parse_json_text(
            input.substr(0, split), "manifest.json", "template.manifest");
        const input::Data values = input::parse_data(input.substr(split + 1), "data.yaml");
        if (!manifest.is_object() || !input::has_schema(manifest)) return 0;
        core::Diagnostics diags;
        input::check_data(manifest, values.value, values.file, diags);
        fuzz::format_all(diags.items());
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
