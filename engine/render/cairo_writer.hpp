// Cairo writers: layout::Pages -> PDF, and PNG or SVG page images for previews. Writers read the
// pages and nothing else; they never measure text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/pages.hpp"
#include "render/pdf_options.hpp"

namespace vanthu::render {

// Loads each font file once and hands Cairo the face; reused across documents.
class FontCache {
  public:
    FontCache();
    ~FontCache();
    FontCache(const FontCache&) = delete;
    FontCache& operator=(const FontCache&) = delete;

    // A cairo_font_face_t* for `face` (owned by the cache).
    void* cairo_face(const layout::Face& face);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Writes a throwaway page with a line in each of `cairo_faces` (cairo_font_face_t*) and drops
// it, so that Cairo's PDF code, its font subsetter and zlib are loaded and set up before the
// first real document (a warm-up: about 1 ms of the first document's writing). May run on
// another thread while a document is laid out.
void warm_up_pdf_writer(const std::vector<void*>& cairo_faces);

// The PDF file's bytes. Same pages, same bytes.
std::string write_pdf(const layout::Pages& pages, FontCache& fonts, const PdfOptions& options = {});

// PNG images of the pages at `dpi`, one file's bytes per page.
std::vector<std::string> write_png(const layout::Pages& pages, FontCache& fonts, double dpi);

// SVG images of the pages (in points; glyphs as outlines), one file's bytes per page.
std::vector<std::string> write_svg(const layout::Pages& pages, FontCache& fonts);

}  // namespace vanthu::render
