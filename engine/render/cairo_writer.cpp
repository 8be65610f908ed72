#include "render/cairo_writer.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/diagnostics.hpp"
#include "core/image_file.hpp"
#include "core/limits.hpp"

namespace vanthu::render {

struct FontCache::Impl {
    FT_Library library = nullptr;
    std::map<std::string, cairo_font_face_t*> faces;

    ~Impl() {
        // Cairo keeps faces alive in its caches; the FT_Face is released through user data.
        for (auto& [path, face] : faces) cairo_font_face_destroy(face);
        faces.clear();
        // The library is intentionally not freed while Cairo may still hold faces from it.
    }
};

FontCache::FontCache() : impl_(std::make_unique<Impl>()) {
    if (FT_Init_FreeType(&impl_->library) != 0)
        throw std::runtime_error("FreeType could not be initialised");
}

FontCache::~FontCache() = default;

void* FontCache::cairo_face(const layout::Face& face) {
    auto it = impl_->faces.find(face.file);
    if (it != impl_->faces.end()) return it->second;
    FT_Face ft = nullptr;
    if (FT_New_Face(impl_->library, face.file.c_str(), 0, &ft) != 0)
        throw core::Failure(core::Diagnostic{
            core::Severity::error, "font.file", "cannot load font file " + face.file, {}, {}});
    cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(ft, 0);
    static cairo_user_data_key_t key;
    cairo_font_face_set_user_data(cf, &key, ft,
                                  [](void* p) { FT_Done_Face(static_cast<FT_Face>(p)); });
    impl_->faces.emplace(face.file, cf);
    return cf;
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A PNG's bytes handed to Cairo's stream reader.
struct Reader {
    const std::string& bytes;
    size_t at;
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The PNGs of one output, each loaded once (a signature image may appear on several pages).
class Images {
  public:
    Images() = default;
    Images(const Images&) = delete;
    Images& operator=(const Images&) = delete;
    ~Images() {
        for (auto& [file, surface] : surfaces_) cairo_surface_destroy(surface);
    }

    cairo_surface_t* get(const std::string& file) {
        auto it = surfaces_.find(file);
        if (it != surfaces_.end()) return it->second;
        // Read through the same checks as layout (a regular file, its declared size bounded),
        // then decoded from memory: the file is opened once, by this check.
        core::ImageFile png;
        std::string why;
        if (!core::read_png(file, png, why))
            throw core::Failure(core::Diagnostic{core::Severity::error,
                                                 "render.image",
                                                 "cannot read the image " + file + ": " + why,
                                                 {},
                                                 {}});
        Reader reader{png.bytes, 0};
        cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read_from, &reader);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(surface);
            throw core::Failure(core::Diagnostic{
                core::Severity::error,
                "render.image",
                "cannot read the image " + file + ": it is not a PNG image Cairo can decode",
                {},
                {}});
        }
        return surfaces_.emplace(file, surface).first->second;
    }

    // Loads every image of `pages` up front, so a missing file fails before any drawing starts.
    void load_all(const layout::Pages& pages) {
        for (const auto& page : pages.pages)
            for (const auto& item : page.items)
                if (const auto* image = std::get_if<layout::Image>(&item)) get(image->file);
    }

  private:
    std::map<std::string, cairo_surface_t*> surfaces_;
};

// Draws the whole PNG scaled into the item's box.
void draw_image(cairo_t* cr, const layout::Image& image, Images& images) {
    cairo_surface_t* png = images.get(image.file);
    const int w = cairo_image_surface_get_width(png);
    const int h = cairo_image_surface_get_height(png);
    if (w <= 0 || h <= 0 || image.width <= 0 || image.height <= 0) return;
    cairo_save(cr);
    cairo_translate(cr, image.x, image.y);
    cairo_scale(cr, image.width / w, image.height / h);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);  // also restores the black source for the text
}

// A right-to-left run's text in the order of its glyphs (visual, left to right), code point by
// code point, with its clusters in that order. Cairo could take the logical order
// (CAIRO_TEXT_CLUSTER_FLAG_BACKWARD), but text extractors (poppler, pdf.js) expect right-to-left
// glyphs in visual order and turn them back themselves: with the logical order pdftotext split
// words ("ע ולם") and turned Arabic ligatures around ("السالم" for "السلام").
const std::string& visual_text(const layout::GlyphRun& run,
                               std::vector<cairo_text_cluster_t>& clusters) {
    static thread_local std::string out;
    out.clear();
    std::vector<size_t> starts;
    size_t at = 0;
    for (const auto& c : run.clusters) starts.push_back(at), at += static_cast<size_t>(c.bytes);
    for (size_t k = run.clusters.size(); k-- > 0;) {
        const auto& c = run.clusters[k];
        clusters.push_back({c.bytes, c.glyphs});
        // The cluster's own characters reversed too (a lam-alef ligature is two letters).
        size_t end = starts[k] + static_cast<size_t>(c.bytes);
        while (end > starts[k]) {
            size_t begin = end - 1;
            while (begin > starts[k] &&
                   (static_cast<unsigned char>(run.text[begin]) & 0xC0) == 0x80)
                --begin;
            out.append(run.text, begin, end - begin);
            end = begin;
        }
    }
    return out;
}

void draw_page(cairo_t* cr, const layout::Page& page, const layout::Pages& pages, FontCache& fonts,
               Images& images) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    cairo_set_source_rgb(cr, 0, 0, 0);

    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    for (const auto& item : page.items) {
        if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
            if (run->glyphs.empty()) continue;
            cairo_set_font_face(
                cr, static_cast<cairo_font_face_t*>(fonts.cairo_face(pages.faces.at(run->face))));
            cairo_set_font_size(cr, run->size);
            glyphs.clear();
            for (const auto& g : run->glyphs) glyphs.push_back({g.id, g.x, g.y});
            clusters.clear();
            const std::string& text = run->backward ? visual_text(*run, clusters) : run->text;
            if (!run->backward)
                for (const auto& c : run->clusters) clusters.push_back({c.bytes, c.glyphs});
            cairo_show_text_glyphs(cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
                                   static_cast<int>(glyphs.size()), clusters.data(),
                                   static_cast<int>(clusters.size()),
                                   static_cast<cairo_text_cluster_flags_t>(0));
        } else if (const auto* rule = std::get_if<layout::Rule>(&item)) {
            cairo_set_line_width(cr, rule->thickness);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            cairo_move_to(cr, rule->x1, rule->y1);
            cairo_line_to(cr, rule->x2, rule->y2);
            cairo_stroke(cr);
        } else if (const auto* image = std::get_if<layout::Image>(&item)) {
            draw_image(cr, *image, images);
        }
    }
}

// Bookmarks, nested by level: each entry goes under the nearest earlier entry of a lower level.
void add_outline(cairo_surface_t* surface, const std::vector<layout::OutlineEntry>& outline) {
    std::vector<std::pair<int, int>> open;  // (level, cairo id) of the enclosing entries
    for (const auto& e : outline) {
        while (!open.empty() && open.back().first >= e.level) open.pop_back();
        const int parent = open.empty() ? CAIRO_PDF_OUTLINE_ROOT : open.back().second;
        char link[96];
        std::snprintf(link, sizeof link, "page=%zu pos=[0 %.2f]", e.page + 1, e.y);
        const int id = cairo_pdf_surface_add_outline(surface, parent, e.title.c_str(), link,
                                                     static_cast<cairo_pdf_outline_flags_t>(0));
        open.emplace_back(e.level, id);
    }
}

// A page image: white paper, then the page at `scale` pixels (or units) per point.
cairo_status_t draw_image_page(cairo_surface_t* surface, double scale, const layout::Page& page,
                               const layout::Pages& pages, FontCache& fonts, Images& images) {
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    draw_page(cr, page, pages, fonts, images);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    return status;
}

// Cairo names SVG groups, images and patterns after a process-wide surface counter
// ("surface601"), so the same page would come out different the second time in one process.
// Renumbers them in order of first use, in definitions (id="…") and references ("#…").
std::string renumber_surface_ids(const std::string& svg) {
    static const char* const kPrefixes[] = {"surface", "image", "pattern", "source", "mask"};
    std::map<std::string, int> numbers;
    std::string out;
    out.reserve(svg.size());
    size_t i = 0;
    while (i < svg.size()) {
        const size_t at = svg.find_first_of("\"#", i);
        if (at == std::string::npos) break;
        out.append(svg, i, at + 1 - i);
        i = at + 1;
        for (const char* prefix : kPrefixes) {
            const size_t n = std::char_traits<char>::length(prefix);
            if (svg.compare(i, n, prefix) != 0) continue;
            size_t end = i + n;
            while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
            if (end == i + n) break;
            const std::string old = svg.substr(i, end - i);
            const auto [it, added] = numbers.try_emplace(old, static_cast<int>(numbers.size()) + 1);
            out += prefix + std::to_string(it->second);
            i = end;
            break;
        }
    }
    out.append(svg, i, std::string::npos);
    return out;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

}  // namespace

void warm_up_pdf_writer(const std::vector<void*>& cairo_faces) {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr,
        595, 842);
    cairo_t* cr = cairo_create(surface);
    double y = 50;
    for (void* face : cairo_faces) {
        cairo_set_font_face(cr, static_cast<cairo_font_face_t*>(face));
        cairo_set_font_size(cr, 14);
        cairo_move_to(cr, 50, y += 20);
        cairo_show_text(cr, "Đoàn kết - Sáng tạo 2024");
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
}

std::string write_pdf(const layout::Pages& pages, FontCache& fonts, const PdfOptions& options) {
    Images images;
    images.load_all(pages);
    std::string out;
    const double w0 = pages.pages.empty() ? 595.2756 : pages.pages.front().width;
    const double h0 = pages.pages.empty() ? 841.8898 : pages.pages.front().height;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &out, w0, h0);
    const auto& m = pages.metadata;
    // A fixed creation date (the document's own) makes the bytes reproducible.
    const std::string date =
        (m.creation_date.empty() ? options.fallback_date : m.creation_date) + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "vanthu");
    if (!m.title.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m.title.c_str());
    if (!m.author.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, m.author.c_str());
    if (!m.subject.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m.subject.c_str());
    if (!m.keywords.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, m.keywords.c_str());

    cairo_t* cr = cairo_create(surface);
    for (const auto& page : pages.pages) {
        cairo_pdf_surface_set_size(surface, page.width, page.height);
        cairo_pdf_surface_set_page_label(surface, (page.label_prefix + page.label).c_str());
        draw_page(cr, page, pages, fonts, images);
        cairo_show_page(cr);
    }
    add_outline(surface, pages.outline);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    check(status, "PDF writing failed");
    return out;
}

std::vector<std::string> write_png(const layout::Pages& pages, FontCache& fonts, double dpi) {
    // "not in [min, max]" written so that NaN is refused too.
    if (!(dpi >= core::limits::kPreviewDpiMin && dpi <= core::limits::kPreviewDpiMax)) {
        std::ostringstream range;
        range << "the resolution of page images must be a number from "
              << core::limits::kPreviewDpiMin << " to " << core::limits::kPreviewDpiMax
              << " dpi, got " << dpi;
        throw core::Failure(
            core::Diagnostic{core::Severity::error, "render.dpi", range.str(), std::nullopt, {}});
    }
    std::vector<std::string> images;
    const double scale = dpi / 72.0;
    Images pngs;
    pngs.load_all(pages);
    for (const auto& page : pages.pages) {
        const int w = static_cast<int>(page.width * scale + 0.5);
        const int h = static_cast<int>(page.height * scale + 0.5);
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_status_t status = draw_image_page(surface, scale, page, pages, fonts, pngs);
        std::string bytes;
        if (status == CAIRO_STATUS_SUCCESS)
            status = cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
        cairo_surface_destroy(surface);
        check(status, "PNG writing failed");
        images.push_back(std::move(bytes));
    }
    return images;
}

std::vector<std::string> write_svg(const layout::Pages& pages, FontCache& fonts) {
    std::vector<std::string> images;
    Images pngs;
    pngs.load_all(pages);
    for (const auto& page : pages.pages) {
        std::string bytes;
        cairo_surface_t* surface =
            cairo_svg_surface_create_for_stream(append_to_string, &bytes, page.width, page.height);
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
        cairo_status_t status = draw_image_page(surface, 1, page, pages, fonts, pngs);
        cairo_surface_finish(surface);
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        check(status, "SVG writing failed");
        images.push_back(renumber_surface_ids(bytes));
    }
    return images;
}

}  // namespace vanthu::render
