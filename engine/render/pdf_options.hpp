// Options shared by the PDF writers (Cairo and libharu).
#pragma once

#include <string>

namespace vanthu::render {

struct PdfOptions {
    // Creation date written into the PDF when the pages carry none (ISO "YYYY-MM-DD").
    std::string fallback_date = "2000-01-01";
};

}  // namespace vanthu::render
