// Test support: the images a key holder brings to a signature, drawn with Cairo: a blue
// handwritten-looking signature and an obviously fake red seal ("MẪU" in the middle), both on a
// transparent background. Deterministic: the same bytes every time.
#pragma once

#include <cairo.h>

#include <cmath>
#include <filesystem>

namespace vanthu::testing {

// A blue signature, 600 × 240 pixels, transparent around the strokes.
inline bool write_signature_png(const std::filesystem::path& file) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 600, 240);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.05, 0.15, 0.75);
    cairo_set_line_width(cr, 9);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_move_to(cr, 30, 170);
    cairo_curve_to(cr, 90, 20, 150, 20, 140, 150);
    cairo_curve_to(cr, 135, 220, 220, 60, 260, 120);
    cairo_curve_to(cr, 300, 180, 340, 40, 380, 110);
    cairo_curve_to(cr, 420, 180, 470, 60, 570, 90);
    cairo_move_to(cr, 60, 200);
    cairo_curve_to(cr, 220, 170, 400, 230, 560, 180);
    cairo_stroke(cr);
    cairo_destroy(cr);
    const bool ok = cairo_surface_write_to_png(s, file.c_str()) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok;
}

// A red round seal, 400 × 400 pixels: two rings and "MẪU" (a sample, no real body's seal).
inline bool write_seal_png(const std::filesystem::path& file) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 400);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0.85, 0.05, 0.05, 0.9);
    cairo_set_line_width(cr, 14);
    cairo_arc(cr, 200, 200, 185, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 6);
    cairo_arc(cr, 200, 200, 120, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 90);
    cairo_text_extents_t e;
    cairo_text_extents(cr, "MẪU", &e);
    cairo_move_to(cr, 200 - e.width / 2 - e.x_bearing, 200 - e.height / 2 - e.y_bearing);
    cairo_show_text(cr, "MẪU");
    cairo_destroy(cr);
    const bool ok = cairo_surface_write_to_png(s, file.c_str()) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok;
}

}  // namespace vanthu::testing
