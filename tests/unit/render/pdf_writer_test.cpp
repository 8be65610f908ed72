#include <gtest/gtest.h>

#include "layout/font_set.hpp"
#include "layout/shaper.hpp"
#include "render/cairo_writer.hpp"

using namespace vanthu;

namespace {

const std::string kDir = "/usr/share/fonts/truetype/liberation2/";

layout::Pages one_line_pages(const std::string& text) {
    static layout::FontSet fonts = [] {
        layout::FontSet f;
        f.add_family("Liberation Serif",
                     {kDir + "LiberationSerif-Regular.ttf", kDir + "LiberationSerif-Bold.ttf",
                      kDir + "LiberationSerif-Italic.ttf", kDir + "LiberationSerif-BoldItalic.ttf"},
                     "test");
        return f;
    }();
    layout::Shaper shaper(fonts.choose({"Liberation Serif"}, true));
    core::Diagnostics diags;
    layout::TextSpec spec;
    spec.runs = {{text, {}, false}};
    auto shaped = shaper.shape(spec, diags);
    layout::Pages pages;
    layout::Page page{595.2756, 841.8898, "1", {}};
    for (auto run : shaped.lines.at(0).runs) {
        run.x += 100;
        run.baseline = 100;
        for (auto& g : run.glyphs) g.x += 100, g.y += 100;
        page.items.emplace_back(run);
    }
    page.items.emplace_back(layout::Rule{100, 110, 200, 110, 0.5});
    pages.pages.push_back(page);
    pages.faces = shaper.faces();
    pages.metadata.creation_date = "2024-05-10";
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
