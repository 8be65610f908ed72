// The second PDF writer, through libharu: layout::Pages -> PDF, reading only the pages (the
// proof that the page model is writer-neutral). Cairo stays the main writer; see
// docs/architecture.md for this writer's limits (ToUnicode map, file size, BMP only).
#pragma once

#include <string>

#include "layout/pages.hpp"
#include "render/pdf_options.hpp"

namespace vanthu::render {

// The PDF file's bytes. Same pages, same bytes. Text is placed word by word (and cluster by
// cluster where libharu's own advance would drift from the layout's) at the glyph positions
// the pages give; libharu measures nothing that decides where text goes.
std::string write_pdf_haru(const layout::Pages& pages, const PdfOptions& options = {});

}  // namespace vanthu::render
