#include "render/haru_pdf.hpp"

#include <hpdf.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/image_file.hpp"

namespace vanthu::render {
namespace {

// libharu advances by its own widths, truncated to 1/1000 em (up to 0.014 pt a glyph at 14 pt);
// once its pen is this far from the layout's glyph position, the cluster is placed afresh. Less
// than a dot at 1200 dpi.
constexpr double kMaxDrift = 0.05;  // points

[[noreturn]] void fail(std::string code, std::string message) {
    throw core::Failure(
        core::Diagnostic{core::Severity::error, std::move(code), std::move(message), {}, {}});
}

// libharu reports errors through a C callback, which must never throw: the first error is
// recorded and checked after the calls.
struct HaruError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* error = static_cast<HaruError*>(user);
    if (error->code == HPDF_OK) *error = {code, detail};
}

std::string describe(const HaruError& e) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X, detail %u", static_cast<unsigned>(e.code),
                  static_cast<unsigned>(e.detail));
    return buf;
}

class Document {
  public:
    Document() : pdf_(HPDF_New(record_error, &error_)) {
        if (!pdf_) throw std::runtime_error("libharu could not create a document");
    }
    ~Document() { HPDF_Free(pdf_); }
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Doc get() const { return pdf_; }
    const HaruError& error() const { return error_; }

    // Throws (an internal error: the pages were valid) if libharu reported anything so far.
    void check(const char* what) const {
        if (error_.code != HPDF_OK)
            throw std::runtime_error(std::string(what) + " failed (" + describe(error_) + ")");
    }

  private:
    HaruError error_;
    HPDF_Doc pdf_;
};

// Each face's font and each image, loaded once per document.
class Resources {
  public:
    explicit Resources(Document& doc) : doc_(doc) {}

    HPDF_Font font(const layout::Face& face) {
        auto it = fonts_.find(face.file);
        if (it != fonts_.end()) return it->second;
        // Only the first face of a collection: the same one Cairo and Pango use.
        const bool collection = face.file.ends_with(".ttc") || face.file.ends_with(".TTC");
        const char* name =
            collection ? HPDF_LoadTTFontFromFile2(doc_.get(), face.file.c_str(), 0, HPDF_TRUE)
                       : HPDF_LoadTTFontFromFile(doc_.get(), face.file.c_str(), HPDF_TRUE);
        HPDF_Font font = name ? HPDF_GetFont(doc_.get(), name, "UTF-8") : nullptr;
        if (!font)
            fail("font.file", "the libharu writer cannot load the font file " + face.file + " (" +
                                  describe(doc_.error()) + "; it reads TrueType outlines only)");
        return fonts_.emplace(face.file, font).first->second;
    }

    HPDF_Image image(const std::string& file) {
        auto it = images_.find(file);
        if (it != images_.end()) return it->second;
        // The same checks as layout and the Cairo writer, then decoded from memory.
        core::ImageFile png;
        std::string why;
        if (!core::read_png(file, png, why))
            fail("render.image", "cannot read the image " + file + ": " + why);
        HPDF_Image image = HPDF_LoadPngImageFromMem(
            doc_.get(), reinterpret_cast<const HPDF_BYTE*>(png.bytes.data()),
            static_cast<HPDF_UINT>(png.bytes.size()));
        if (!image) fail("render.image", "cannot read the image " + file + ": not a PNG image");
        return images_.emplace(file, image).first->second;
    }

  private:
    Document& doc_;
    std::map<std::string, HPDF_Font> fonts_;
    std::map<std::string, HPDF_Image> images_;
};

// Draws one page's items; y is flipped from the page model's top-left origin.
class PageWriter {
  public:
    PageWriter(HPDF_Page page, double height, const layout::Pages& pages, Resources& resources)
        : page_(page), height_(height), pages_(pages), resources_(resources) {}

    void text(const layout::GlyphRun& run) {
        if (run.glyphs.empty()) return;
        // libharu draws characters, not the layout's glyphs: Arabic would lose its joined
        // forms and any right-to-left run its order.
        if (run.backward)
            fail("render.haru", "the libharu writer cannot show the right-to-left text \"" +
                                    run.text + "\" (use the Cairo writer)");
        begin_text();
        HPDF_Font font = resources_.font(pages_.faces.at(run.face));
        if (font != font_ || run.size != size_) {
            HPDF_Page_SetFontAndSize(page_, font, static_cast<HPDF_REAL>(run.size));
            font_ = font, size_ = run.size;
        }
        size_t byte = 0, glyph = 0;
        bool after_space = false;
        for (const auto& cluster : run.clusters) {
            if (cluster.bytes <= 0 || byte + cluster.bytes > run.text.size()) break;
            const std::string_view bytes(run.text.data() + byte, cluster.bytes);
            byte += cluster.bytes;
            if (cluster.glyphs == 0) {
                // Nothing drawn (a default-ignorable character): libharu would draw .notdef.
                flush();
                continue;
            }
            const auto& g = run.glyphs.at(glyph);
            glyph += cluster.glyphs;
            for (unsigned char c : bytes)
                if (c >= 0xF0)
                    fail("render.haru",
                         "the libharu writer cannot show \"" + std::string(bytes) +
                             "\": it has only 16-bit character codes (use the Cairo writer)");
            // Every word starts where the layout puts it; inside a word libharu's advance is
            // kept while it stays within kMaxDrift of the layout.
            if (!segment_.empty() && (after_space || g.y != y_ || std::abs(pen_ - g.x) > kMaxDrift))
                flush();
            if (segment_.empty()) x_ = pen_ = g.x, y_ = g.y;
            segment_ += bytes;
            const HPDF_TextWidth w =
                HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                    static_cast<HPDF_UINT>(bytes.size()));
            pen_ += w.width * run.size / 1000.0;
            after_space = bytes.back() == ' ';
        }
        flush();
    }

    void rule(const layout::Rule& rule) {
        end_text();
        HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(rule.thickness));
        HPDF_Page_SetLineCap(page_, HPDF_BUTT_END);
        HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(rule.x1), flip(rule.y1));
        HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(rule.x2), flip(rule.y2));
        HPDF_Page_Stroke(page_);
    }

    // The whole PNG scaled into the item's box, as the Cairo writer draws it.
    void image(const layout::Image& image) {
        HPDF_Image png = resources_.image(image.file);
        if (HPDF_Image_GetWidth(png) == 0 || HPDF_Image_GetHeight(png) == 0 || image.width <= 0 ||
            image.height <= 0)
            return;
        end_text();
        HPDF_Page_DrawImage(page_, png, static_cast<HPDF_REAL>(image.x),
                            flip(image.y + image.height), static_cast<HPDF_REAL>(image.width),
                            static_cast<HPDF_REAL>(image.height));
    }

    void finish() { end_text(); }

  private:
    HPDF_REAL flip(double y) const { return static_cast<HPDF_REAL>(height_ - y); }

    void begin_text() {
        if (in_text_) return;
        HPDF_Page_BeginText(page_);
        in_text_ = true;
    }
    void end_text() {
        if (!in_text_) return;
        HPDF_Page_EndText(page_);
        in_text_ = false;
    }

    // Shows the pending text at its absolute position (Tm, so no error accumulates).
    void flush() {
        if (segment_.empty()) return;
        HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, static_cast<HPDF_REAL>(x_), flip(y_));
        HPDF_Page_ShowText(page_, segment_.c_str());
        segment_.clear();
    }

    HPDF_Page page_;
    double height_;
    const layout::Pages& pages_;
    Resources& resources_;
    bool in_text_ = false;
    HPDF_Font font_ = nullptr;
    double size_ = 0;
    std::string segment_;  // UTF-8 text waiting to be shown at (x_, y_)
    double x_ = 0, y_ = 0, pen_ = 0;
};

// "YYYY-MM-DD" as a date at midnight without a time zone, like the Cairo writer's.
bool parse_date(const std::string& iso, HPDF_Date& date) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
    date = HPDF_Date{y, m, d, 0, 0, 0, ' ', 0, 0};
    return true;
}

void write_info(Document& doc, const layout::Metadata& m, const PdfOptions& options) {
    HPDF_Doc pdf = doc.get();
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "vanthu");
    if (!m.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, m.title.c_str());
    if (!m.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, m.author.c_str());
    if (!m.subject.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, m.subject.c_str());
    if (!m.keywords.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, m.keywords.c_str());
    // A fixed date (the document's own) makes the bytes reproducible; libharu adds none itself.
    HPDF_Date date;
    if (parse_date(m.creation_date.empty() ? options.fallback_date : m.creation_date, date)) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
    doc.check("writing the PDF information");
}

// Page labels ("PL I-2" where an appendix page prints 2) as numbered ranges.
void write_page_labels(HPDF_Doc pdf, const layout::Pages& pages) {
    const std::string* prefix = nullptr;
    int previous = 0;
    for (size_t i = 0; i < pages.pages.size(); ++i) {
        const auto& page = pages.pages[i];
        int number = 0;
        const auto* end = page.label.data() + page.label.size();
        if (std::from_chars(page.label.data(), end, number).ptr != end || number < 1) continue;
        if (!prefix || *prefix != page.label_prefix || number != previous + 1)
            HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(i), HPDF_PAGE_NUM_STYLE_DECIMAL, number,
                              page.label_prefix.empty() ? nullptr : page.label_prefix.c_str());
        prefix = &page.label_prefix, previous = number;
    }
}

// Bookmarks nested by level, as the Cairo writer makes them. libharu cannot leave the zoom as
// it is (/XYZ with a null zoom), so a bookmark fits the page's width from its entry's top.
void write_outline(HPDF_Doc pdf, const layout::Pages& pages, const std::vector<HPDF_Page>& out) {
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    std::vector<std::pair<int, HPDF_Outline>> open;  // (level, outline) of enclosing entries
    for (const auto& e : pages.outline) {
        if (e.page >= out.size()) continue;
        while (!open.empty() && open.back().first >= e.level) open.pop_back();
        HPDF_Outline item = HPDF_CreateOutline(pdf, open.empty() ? nullptr : open.back().second,
                                               e.title.c_str(), utf8);
        HPDF_Destination dest = HPDF_Page_CreateDestination(out[e.page]);
        HPDF_Destination_SetFitH(dest, static_cast<HPDF_REAL>(pages.pages[e.page].height - e.y));
        HPDF_Outline_SetDestination(item, dest);
        open.emplace_back(e.level, item);
    }
}

}  // namespace

std::string write_pdf_haru(const layout::Pages& pages, const PdfOptions& options) {
    Document doc;
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    // Text goes in as UTF-8; the info strings are then written as UTF-16 too.
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    doc.check("setting up libharu");
    write_info(doc, pages.metadata, options);

    Resources resources(doc);
    // Every image up front, so a missing file fails before any drawing starts.
    for (const auto& page : pages.pages)
        for (const auto& item : page.items)
            if (const auto* image = std::get_if<layout::Image>(&item)) resources.image(image->file);

    std::vector<HPDF_Page> written;
    for (const auto& page : pages.pages) {
        HPDF_Page p = HPDF_AddPage(pdf);
        written.push_back(p);
        HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page.width));
        HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page.height));
        PageWriter writer(p, page.height, pages, resources);
        for (const auto& item : page.items) {
            if (const auto* run = std::get_if<layout::GlyphRun>(&item))
                writer.text(*run);
            else if (const auto* rule = std::get_if<layout::Rule>(&item))
                writer.rule(*rule);
            else if (const auto* image = std::get_if<layout::Image>(&item))
                writer.image(*image);
        }
        writer.finish();
        doc.check("drawing a page");
    }
    write_page_labels(pdf, pages);
    write_outline(pdf, pages, written);
    doc.check("writing page labels and bookmarks");

    HPDF_SaveToStream(pdf);
    doc.check("writing the PDF");
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    doc.check("reading the PDF back");
    out.resize(size);
    return out;
}

}  // namespace vanthu::render
