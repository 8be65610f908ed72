#include "layout/shaper.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "layout/font_config.hpp"
#include "layout/shape_cache.hpp"
#include "text/text.hpp"

namespace vanthu::layout {
namespace {

constexpr double kScale = PANGO_SCALE;

// Sets `layout`'s font: `family` at `size` pt, bold and italic or not.
void set_font(PangoLayout* layout, const std::string& family, double size, bool bold, bool italic) {
    PangoFontDescription* desc = pango_font_description_new();
    // set_family, never from_string: "Times New Roman" would parse as "Times New" + Roman.
    pango_font_description_set_family(desc, family.c_str());
    pango_font_description_set_absolute_size(desc, size * kScale);
    pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
}

// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
size_t utf8_length(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

// The characters after which Pango's break.c (remove_breaks_from_range) allows a line break
// inside a no-break range: hyphens, dashes and visible word dividers.
bool is_pango_dash(const std::string& text, size_t i) {
    static constexpr std::string_view kDashes[] = {"|",      "\u00AD", "\u05A0", "\u05BE",
                                                   "\u0F0B", "\u1361", "\u17D8", "\u17DA",
                                                   "\u2010", "\u2012", "\u2013", "\u2027"};
    const std::string_view rest = std::string_view(text).substr(i);
    for (const auto dash : kDashes)
        if (rest.starts_with(dash)) return true;
    return false;
}

// The substring of `text` around byte `offset`, for messages.
std::string context_of(const std::string& text, size_t offset) {
    size_t b = text.rfind(' ', offset > 0 ? offset - 1 : 0);
    b = b == std::string::npos ? 0 : b + 1;
    size_t e = text.find(' ', offset);
    if (e == std::string::npos) e = text.size();
    return text.substr(b, e - b);
}

// An item that runs right to left (Hebrew, Arabic): its glyphs are in visual order, the
// reverse of its text.
bool right_to_left(const PangoItem* item) { return item->analysis.level % 2 == 1; }

// Glyphs drawn of the glyph group [from, to): not unknown (hex box) and not empty.
int drawn_glyphs(const PangoGlyphString* gs, int from, int to) {
    int drawn = 0;
    for (int i = from; i < to; ++i) {
        const auto glyph = gs->glyphs[i].glyph;
        if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG) && glyph != PANGO_GLYPH_EMPTY) ++drawn;
    }
    return drawn;
}

// The run's clusters in text order: glyphs sharing a log_cluster form one. Pango keeps glyphs
// in visual order, so in a right-to-left run the text starts with the last glyph group and
// log_clusters fall from left to right; the clusters are then read from the end of the glyph
// string, as cairo's CAIRO_TEXT_CLUSTER_FLAG_BACKWARD expects (GlyphRun::backward).
std::vector<Cluster> clusters_of(const PangoGlyphString* gs, int item_length, bool backward) {
    struct Group {
        int from, to, start;  // glyphs [from, to), first text byte
    };
    std::vector<Group> groups;  // in glyph (visual) order
    for (int i = 0; i < gs->num_glyphs;) {
        const int from = i, start = gs->log_clusters[i];
        while (i < gs->num_glyphs && gs->log_clusters[i] == start) ++i;
        groups.push_back({from, i, start});
    }
    if (backward) std::reverse(groups.begin(), groups.end());  // now in text order
    std::vector<Cluster> out;
    out.reserve(groups.size());
    for (size_t k = 0; k < groups.size(); ++k) {
        const int next = k + 1 < groups.size() ? groups[k + 1].start : item_length;
        out.push_back({next - groups[k].start, drawn_glyphs(gs, groups[k].from, groups[k].to)});
    }
    return out;
}

}  // namespace

void use_empty_default_fontconfig() {
    FcConfig* empty = FcConfigCreate();
    FcConfigSetCurrent(empty);  // takes a reference
    FcConfigDestroy(empty);
}

struct Shaper::Impl {
    PangoFontMap* font_map = nullptr;
    PangoContext* context = nullptr;
    std::array<std::string, 4> files;

    ~Impl() {
        if (context) g_object_unref(context);
        if (font_map) g_object_unref(font_map);
    }
};

Shaper::Shaper(const Family& family) : impl_(std::make_unique<Impl>()), family_(family) {
    for (int i = 0; i < 4; ++i) impl_->files[i] = family.face(static_cast<FaceStyle>(i)).path();
    FcConfig* config = private_font_config(impl_->files).config;
    // The configuration read each file's character set already: the coverage checks use it.
    for (int i = 0; i < 4; ++i)
        if (FcCharSet* cs = charset_in(config, impl_->files[i]))
            family.face(static_cast<FaceStyle>(i)).adopt_charset(cs);
    impl_->font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(impl_->font_map), config);
    FcConfigDestroy(config);
    // 72 dpi so that a size of 14 means 14 pt (platform-facts Q1, Q7).
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(impl_->font_map), 72.0);
    impl_->context = pango_font_map_create_context(impl_->font_map);
    pango_context_set_round_glyph_positions(impl_->context, FALSE);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(impl_->context, options);
    cairo_font_options_destroy(options);
    // Every paragraph runs left to right, as a Vietnamese document does: a Hebrew or Arabic name
    // is set right to left inside its line (Unicode bidi) but never turns its paragraph around.
    pango_context_set_base_dir(impl_->context, PANGO_DIRECTION_LTR);
    PangoLanguage* vi = pango_language_from_string("vi");
    pango_context_set_language(impl_->context, vi);
}

Shaper::~Shaper() = default;

int Shaper::face_index(std::vector<Face>& faces, const Face& f) {
    for (size_t i = 0; i < faces.size(); ++i)
        if (faces[i] == f) return static_cast<int>(i);
    faces.push_back(f);
    return static_cast<int>(faces.size() - 1);
}

double Shaper::measure(const std::string& text, double size, bool bold, bool italic) {
    TextSpec spec;
    spec.runs = {{text, {}, false}};
    spec.size = size;
    spec.bold = bold;
    spec.italic = italic;
    core::Diagnostics ignored;
    auto shaped = shape(spec, ignored);
    return shaped.lines.empty() ? 0 : shaped.lines.front().width;
}

void Shaper::load_faces(const std::vector<Typography::FontUse>& fonts) {
    PangoLayout* layout = pango_layout_new(impl_->context);
    static constexpr std::string_view kSample = "Đoàn kết - Sáng tạo 2024";
    pango_layout_set_text(layout, kSample.data(), static_cast<int>(kSample.size()));
    for (const auto& f : fonts) {
        set_font(layout, family_.name, f.size, f.bold, f.italic);
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
    }
    g_object_unref(layout);
}

void Shaper::reuse_shaped_text(size_t capacity) {
    cache_ = capacity > 0 ? std::make_unique<ShapeCache>(capacity) : nullptr;
}

ShapedText Shaper::shape(const TextSpec& spec, core::Diagnostics& diags) {
    if (!cache_) return shape_uncached(spec, diags);
    std::string key = ShapeCache::key(spec);
    if (const ShapedText* hit = cache_->find(key)) return *hit;
    core::Diagnostics found;
    ShapedText out = shape_uncached(spec, found);
    // A text with a problem is shaped again each time, so every document reports it.
    if (found.items().empty()) cache_->insert(std::move(key), out);
    for (const auto& d : found.items()) diags.add(d);
    return out;
}

ShapedText Shaper::shape_uncached(const TextSpec& spec, core::Diagnostics& diags) {
    std::string text;
    struct RunRange {
        size_t begin, end;
        model::InlineStyle style;
    };
    std::vector<RunRange> ranges;
    for (const auto& r : spec.runs) {
        ranges.push_back({text.size(), text.size() + r.text.size(), r.style});
        text += r.text;
    }

    // Coverage first, for a message that names the character and where it came from.
    for (const auto& r : ranges) {
        const auto& face =
            family_.face(face_style(spec.bold || r.style.bold, spec.italic || r.style.italic));
        auto piece = std::string_view(text).substr(r.begin, r.end - r.begin);
        if (auto missing = first_missing_char(face, piece)) {
            // Never a box or another font's letter (platform-facts §2): the clerk is told.
            diags.add({core::Severity::error,
                       "font.missing-glyph",
                       "font " + family_.name + " " + style_name(face.style()) +
                           " has no glyph for " + text::character_label(missing->code_point) +
                           " in \"" + context_of(text, r.begin + missing->offset) + "\"",
                       spec.where,
                       {"the font cannot print this character: write it another way (or in "
                        "Vietnamese), or give a font that has it with --font-dir and "
                        "--font-family"}});
        }
    }

    PangoLayout* layout = pango_layout_new(impl_->context);
    pango_layout_set_auto_dir(layout, FALSE);  // the context's left-to-right base direction
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    set_font(layout, family_.name, spec.size, spec.bold, spec.italic);

    PangoAttrList* attrs = pango_attr_list_new();
    auto insert = [&](PangoAttribute* a, size_t b, size_t e) {
        a->start_index = static_cast<guint>(b);
        a->end_index = static_cast<guint>(e);
        pango_attr_list_insert(attrs, a);
    };
    // Kerning off: deterministic across threads and the same advances a second writer sees.
    insert(pango_attr_font_features_new("kern 0"), 0, text.size());
    insert(pango_attr_insert_hyphens_new(FALSE), 0, text.size());
    for (const auto& r : ranges) {
        if (r.style.bold) insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), r.begin, r.end);
        if (r.style.italic) insert(pango_attr_style_new(PANGO_STYLE_ITALIC), r.begin, r.end);
        if (r.style.superscript)
            insert(pango_attr_size_new_absolute(static_cast<int>(spec.size * 0.62 * kScale)),
                   r.begin, r.end);
    }
    for (const auto& k : spec.keep_together) {
        if (k.end <= k.begin || k.end > text.size()) continue;
        insert(pango_attr_allow_breaks_new(FALSE), k.begin, k.end);
        // Pango allows a break after a dash ("2022 – 2027") even inside such a range, but never
        // looks at a range's first character: a range from each dash to the end, applied after
        // the whole one (the later start wins), takes that break away again.
        for (size_t i = k.begin + utf8_length(text[k.begin]); i < k.end; i += utf8_length(text[i]))
            if (is_pango_dash(text, i)) insert(pango_attr_allow_breaks_new(FALSE), i, k.end);
    }
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);

    if (spec.width > 0) {
        pango_layout_set_width(layout, static_cast<int>(std::lround(spec.width * kScale)));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
    } else {
        pango_layout_set_width(layout, -1);
    }
    pango_layout_set_indent(layout, static_cast<int>(std::lround(spec.indent * kScale)));
    pango_layout_set_justify(layout, spec.align == Align::justify);
    pango_layout_set_alignment(layout, spec.align == Align::center  ? PANGO_ALIGN_CENTER
                                       : spec.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                    : PANGO_ALIGN_LEFT);

    ShapedText out;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        ShapedLine sl;
        sl.left = logical.x / kScale;
        sl.width = logical.width / kScale;
        if (spec.width > 0 && sl.width > spec.width + 0.01 && line->length > 0) {
            diags.error("layout.overflow",
                        "\"" + text.substr(line->start_index, line->length) +
                            "\" cannot be broken and is wider than its column (" +
                            std::to_string(std::lround(sl.width)) + " pt > " +
                            std::to_string(std::lround(spec.width)) + " pt)",
                        spec.where);
        }
        double x = sl.left;
        for (GSList* l = line->runs; l; l = l->next) {
            auto* run = static_cast<PangoGlyphItem*>(l->data);
            PangoItem* item = run->item;
            PangoGlyphString* gs = run->glyphs;
            GlyphRun gr;
            gr.x = x;
            gr.text = text.substr(item->offset, item->length);
            // The face this run really uses, by file: a missing style must never pass silently.
            FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(item->analysis.font));
            FcChar8* file = nullptr;
            FcPatternGetString(pattern, FC_FILE, 0, &file);
            PangoFontDescription* fd = pango_font_describe(item->analysis.font);
            gr.size = pango_font_description_get_size(fd) / kScale;
            pango_font_description_free(fd);
            const std::string used = file ? reinterpret_cast<const char*>(file) : "";
            int style_index = -1;
            for (int i = 0; i < 4; ++i)
                if (impl_->files[i] == used) style_index = i;
            if (style_index < 0) {
                diags.error("font.fallback",
                            "text \"" + gr.text + "\" came out in " + used +
                                ", which is not a font of " + family_.name,
                            spec.where);
                style_index = 0;
            }
            gr.face = face_index(faces_, family_.face(static_cast<FaceStyle>(style_index)).face());

            // Style of the input text at a byte offset (underline does not split Pango items).
            auto style_at = [&](size_t offset) -> model::InlineStyle {
                for (const auto& r : ranges)
                    if (offset >= r.begin && offset < r.end) return r.style;
                return {};
            };
            const double rise =
                style_at(static_cast<size_t>(item->offset)).superscript ? -spec.size * 0.33 : 0;
            PangoFontMetrics* metrics = nullptr;
            double underline_start = -1;  // x where the current underlined stretch began
            auto end_underline = [&](double at) {
                if (underline_start < 0) return;
                if (!metrics) metrics = pango_font_get_metrics(item->analysis.font, nullptr);
                const double th = pango_font_metrics_get_underline_thickness(metrics) / kScale;
                const double pos =
                    -pango_font_metrics_get_underline_position(metrics) / kScale + th / 2;
                sl.underlines.push_back({underline_start, pos, at, pos, th});
                underline_start = -1;
            };

            double gx = x;
            for (int i = 0; i < gs->num_glyphs; ++i) {
                const PangoGlyphInfo& g = gs->glyphs[i];
                const bool underlined =
                    style_at(static_cast<size_t>(item->offset + gs->log_clusters[i])).underline;
                if (underlined && underline_start < 0) underline_start = gx;
                if (!underlined) end_underline(gx);
                if (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                    // Reported by the coverage check above; never draw a hex box.
                    gx += g.geometry.width / kScale;
                    continue;
                }
                if (g.glyph != PANGO_GLYPH_EMPTY)
                    gr.glyphs.push_back({g.glyph, gx + g.geometry.x_offset / kScale,
                                         g.geometry.y_offset / kScale + rise});
                gx += g.geometry.width / kScale;
            }
            gr.backward = right_to_left(item);
            gr.clusters = clusters_of(gs, item->length, gr.backward);
            gr.width = gx - x;
            end_underline(gx);
            if (metrics) pango_font_metrics_unref(metrics);
            x = gx;
            sl.runs.push_back(std::move(gr));
        }
        out.lines.push_back(std::move(sl));
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return out;
}

}  // namespace vanthu::layout
