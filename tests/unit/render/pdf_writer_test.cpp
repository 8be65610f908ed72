#include <gtest/gtest.h>

#include <cmath>

#include <cairo.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "layout/font_set.hpp"
#include "layout/shaper.hpp"
#include "render/cairo_writer.hpp"
#include "tools/one_line_pages.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/test_fonts.hpp"

using namespace vanthu;

namespace {

layout::Pages one_line_pages(const std::string& text) {
    static layout::FontSet fonts = vanthu::testing::liberation_serif();
    layout::Shaper shaper(fonts.choose({"Liberation Serif"}, true));
    auto pages = vanthu::testing::one_line_pages(shaper, text);
    pages.pages.front().items.emplace_back(layout::Rule{100, 110, 200, 110, 0.5});
    return pages;
}

}  // namespace

TEST(PdfWriter, WritesAPdf) {
    render::FontCache fonts;
    auto pdf = render::write_pdf(one_line_pages("Độc lập - Tự do - Hạnh phúc"), fonts);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(PdfWriter, SamePagesSameBytes) {
    render::FontCache a, b;
    auto pages = one_line_pages("Hà Nội, ngày 14 tháng 10 năm 2021");
    EXPECT_TRUE(render::write_pdf(pages, a) == render::write_pdf(pages, b));
}

TEST(PdfWriter, CreationDateComesFromThePages) {
    render::FontCache fonts;
    auto pdf = render::write_pdf(one_line_pages("x"), fonts);
    // Cairo 1.16 writes "(20240510000000)"; poppler reads it as 2024-05-10T00:00:00.
    EXPECT_NE(pdf.find("/CreationDate (20240510000000"), std::string::npos);
}

TEST(PngWriter, OneImagePerPage) {
    render::FontCache fonts;
    auto images = render::write_png(one_line_pages("Việt Nam"), fonts, 36);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(images[0].substr(1, 3), "PNG");
}

// A resolution that is not a number, or outside core::limits' range, is render.dpi ("nan"
// once reached Cairo and ended in an internal error).
TEST(PngWriter, ResolutionOutsideTheLimitsIsRefused) {
    render::FontCache fonts;
    const auto pages = one_line_pages("Việt Nam");
    for (const double dpi : {std::nan(""), 0.0, 17.9, 601.0, HUGE_VAL}) {
        try {
            render::write_png(pages, fonts, dpi);
            ADD_FAILURE() << dpi << " dpi was accepted";
        } catch (const core::Failure& f) {
            ASSERT_FALSE(f.diagnostics().empty());
            EXPECT_EQ(f.diagnostics()[0].code, "render.dpi") << dpi;
        }
    }
    EXPECT_EQ(render::write_png(pages, fonts, 18).size(), 1u);
}

namespace {

// A solid PNG of 20 × 10 pixels in `rgb` (0xRRGGBB), written to a fresh temporary file.
std::string solid_png(const std::string& name, uint32_t rgb) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("vanthu-render-" + std::to_string(::getpid()) + "-" + name + ".png");
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 20, 10);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(s, file.c_str());
    cairo_surface_destroy(s);
    return file.string();
}

struct Reader {
    const std::string& bytes;
    size_t at = 0;
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes.size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The 0xRRGGBB colour of pixel (x, y) of a PNG file's bytes.
uint32_t pixel(const std::string& png, int x, int y) {
    Reader reader{png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_from, &reader);
    EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const auto* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
    uint32_t value = 0;
    std::memcpy(&value, row + 4 * x, 4);
    cairo_surface_destroy(s);
    return value & 0xffffff;
}

}  // namespace

TEST(ImageItem, PdfWithAnImageIsTheSameBytesEveryTime) {
    auto pages = one_line_pages("Nguyễn Văn A");
    const auto file = solid_png("same", 0xcc2020);
    pages.pages[0].items.emplace_back(layout::Image{file, 300, 400, 60, 30});
    render::FontCache a, b;
    const auto first = render::write_pdf(pages, a);
    EXPECT_TRUE(first == render::write_pdf(pages, b));
    EXPECT_NE(first.find("/Subtype /Image"), std::string::npos);
    std::filesystem::remove(file);
}

TEST(ImageItem, PngDrawsTheImageScaledIntoItsBox) {
    auto pages = one_line_pages("x");
    const auto file = solid_png("box", 0xff0000);
    // 20 × 10 pixels into a 100 × 80 pt box: stretched, filling the box.
    pages.pages[0].items.emplace_back(layout::Image{file, 300, 400, 100, 80});
    render::FontCache fonts;
    const auto png = render::write_png(pages, fonts, 72).at(0);
    EXPECT_EQ(pixel(png, 350, 440), 0xff0000u);
    EXPECT_EQ(pixel(png, 310, 470), 0xff0000u);
    EXPECT_EQ(pixel(png, 296, 440), 0xffffffu);
    EXPECT_EQ(pixel(png, 350, 484), 0xffffffu);
    std::filesystem::remove(file);
}

TEST(ImageItem, AMissingFileIsAnError) {
    auto pages = one_line_pages("x");
    pages.pages[0].items.emplace_back(layout::Image{"/nonexistent/ky.png", 300, 400, 60, 30});
    render::FontCache fonts;
    try {
        render::write_pdf(pages, fonts);
        FAIL() << "expected an error";
    } catch (const core::Failure& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.image");
        EXPECT_NE(e.diagnostics().at(0).message.find("/nonexistent/ky.png"), std::string::npos);
    }
}

// Right-to-left runs (and a Latin word an override would have turned around) are written with
// backward clusters; the text comes back in its logical order.
TEST(PdfWriter, WritesRightToLeftTextInLogicalOrder) {
    render::FontCache fonts;
    const std::string pdf = render::write_pdf(one_line_pages("Đối tác שלום עולם ký"), fonts);
    const auto file = std::filesystem::temp_directory_path() /
                      ("vanthu-rtl-" + std::to_string(::getpid()) + ".pdf");
    vanthu::testing::write_file(file, pdf);
    const std::string text = vanthu::testing::pdftotext_raw(file);
    std::filesystem::remove(file);
    EXPECT_NE(text.find("Đối tác"), std::string::npos) << text;
    EXPECT_NE(text.find("שלום"), std::string::npos) << text;
    EXPECT_NE(text.find("עולם"), std::string::npos) << text;
}
