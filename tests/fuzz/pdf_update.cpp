// The PDF incremental-update reader (render/pdf_update.hpp) on any bytes, through
// render::finish_pdf as every writer's output goes: the tail and the catalog are read and the
// update with /Lang and the XMP metadata appended. It gives a PDF or a core::Failure.
#include "render/pdf_finish.hpp"

#include "fuzz_support.hpp"

using namespace vanthu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    layout::Metadata metadata;
    metadata.title = "Công văn";
    metadata.creation_date = "2024-05-10";
    try {
        render::finish_pdf(fuzz::text_of(bytes, size), metadata, 1);
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
