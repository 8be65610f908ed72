// The markup parser (parse/parse.hpp) and the text pass after it (text::prepare): the input is
// expanded markup, as expand() hands it over. Each gives a document or a core::Failure.
#include "fuzz_support.hpp"
#include "parse/parse.hpp"
#include "text/text.hpp"

using namespace vanthu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    expand::Expanded expanded;
    expanded.text = fuzz::text_of(bytes, size);
    expanded.data_file = "data.yaml";
    try {
        core::Diagnostics diags;
        model::Document doc = parse::parse(expanded, diags);
        text::prepare(std::move(doc), diags);
        fuzz::format_all(diags.items());
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
