// The signature check of `vanthu verify` (sign/verify.hpp) on any bytes (no trusted roots): the
// update chain, the catalog, the form's fields, each signature's /ByteRange and /Contents, the CMS
// (OpenSSL) and the revision analysis. It gives the checks or a core::Failure. This is the one
// reader of PDFs that vanthu did not write.
#include "sign/verify.hpp"

#include "fuzz_support.hpp"

using namespace vanthu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    const std::string pdf = fuzz::text_of(bytes, size);
    try {
        sign::verify_pdf(pdf, {});
    } catch (const core::Failure& f) {
        fuzz::format_all(f.diagnostics());
    }
    return 0;
}
