#include "sign/text_appearance.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace vanthu::sign {
namespace {

constexpr double kMm = 72 / 25.4;
constexpr double kSize = 10;  // points (ô 14)
constexpr double kPad = 2;

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Cairo's current path (y down from `top`) as PDF path operators (y up, in a box `height`
// tall), filled.
std::string path_operators(cairo_t* cr, double height) {
    std::string out;
    cairo_path_t* path = cairo_copy_path(cr);
    auto point = [&](const cairo_path_data_t& p) {
        return number(p.point.x) + ' ' + number(height - p.point.y) + ' ';
    };
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t* d = &path->data[i];
        switch (d->header.type) {
            case CAIRO_PATH_MOVE_TO:
                out += point(d[1]) + "m\n";
                break;
            case CAIRO_PATH_LINE_TO:
                out += point(d[1]) + "l\n";
                break;
            case CAIRO_PATH_CURVE_TO:
                out += point(d[1]) + point(d[2]) + point(d[3]) + "c\n";
                break;
            case CAIRO_PATH_CLOSE_PATH:
                out += "h\n";
                break;
        }
    }
    cairo_path_destroy(path);
    return out.empty() ? out : "0 g\n" + out + "f\n";
}

}  // namespace

Appearance build_text_appearance(const std::vector<std::string>& lines, double page_width,
                                 double page_height, int& next) {
    // A font map of its own over the system's fontconfig configuration, read here: the vanthu
    // command leaves the process's default configuration empty (a render matches only in its
    // family's files), and these outlines must not depend on what an Engine loaded before.
    FcConfig* config = FcInitLoadConfigAndFonts();
    const std::unique_ptr<PangoFontMap, decltype(&g_object_unref)> map(
        pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT), g_object_unref);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config);
    FcConfigDestroy(config);
    cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, nullptr);
    cairo_t* cr = cairo_create(surface);
    PangoContext* context = pango_font_map_create_context(map.get());
    // Unhinted, unrounded: the same outlines whatever the device.
    pango_context_set_round_glyph_positions(context, FALSE);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* desc = pango_font_description_new();
    // Set as a family, never parsed: "Times New Roman" would read as "Times New" + Roman.
    // Fontconfig gives Liberation Serif, its metric twin, where Times New Roman is missing.
    pango_font_description_set_family(desc, "Times New Roman");
    pango_font_description_set_absolute_size(desc, kSize * PANGO_SCALE);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    std::string text;
    for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
    pango_layout_set_text(layout, text.c_str(), -1);
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    const double w = static_cast<double>(width) / PANGO_SCALE + 2 * kPad;
    const double h = static_cast<double>(height) / PANGO_SCALE + 2 * kPad;
    cairo_move_to(cr, kPad, kPad);
    pango_cairo_layout_path(cr, layout);
    const std::string content = path_operators(cr, h);
    g_object_unref(layout);
    g_object_unref(context);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);

    // In the top margin, its right edge 10 mm from the page's (the diagram's ô 14 reaches
    // into the right margin).
    Appearance a;
    a.rect = {page_width - 10 * kMm - w, page_height - 6 * kMm - h, w, h};
    a.form = next++;
    a.objects.push_back({a.form, 0,
                         "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number(w) + ' ' +
                             number(h) + "] /Length " + std::to_string(content.size()) +
                             " >>\nstream\n" + content + "\nendstream"});
    return a;
}

}  // namespace vanthu::sign
