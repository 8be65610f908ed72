// AES-256 protection through qpdf's C API, with libqpdf opened only when a document is
// protected: linked in, it and GnuTLS behind it cost every vanthu process about 7 ms of
// start-up (docs/performance.md, "One render").
#pragma once

#include <string>

#include "render/pdf_finish.hpp"

namespace vanthu::render {

// `pdf` encrypted with `protection` (PDF 2.0 security handler, R6). Throws core::Failure
// (render.protect) when libqpdf cannot be opened or qpdf reports an error.
std::string protect_with_qpdf(const std::string& pdf, const Protection& protection);

}  // namespace vanthu::render
