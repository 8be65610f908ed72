// A small PDF to sign in the sign stage's tests, made by Cairo as vanthu's PDFs are.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <string>

namespace vanthu::sign {

inline cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                       unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A two-page A4 PDF from Cairo, the writer vanthu uses.
inline std::string two_page_pdf() {
    std::string out;
    cairo_surface_t* s =
        cairo_pdf_surface_create_for_stream(append_to_string, &out, 595.28, 841.89);
    cairo_t* cr = cairo_create(s);
    for (const char* text : {"Trang mot", "Trang hai"}) {
        cairo_move_to(cr, 72, 72);
        cairo_show_text(cr, text);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return out;
}

}  // namespace vanthu::sign
