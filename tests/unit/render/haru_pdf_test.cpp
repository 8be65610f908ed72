// The libharu writer on hand-made pages: where its text goes (read back from the content
// streams with qpdf), its information dictionary, page sizes, images and errors.
#include <gtest/gtest.h>

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <regex>

#include "layout/font_set.hpp"
#include "layout/shaper.hpp"
#include "render/haru_pdf.hpp"
#include "tools/one_line_pages.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/test_fonts.hpp"

using namespace vanthu;
namespace fs = std::filesystem;
namespace probe = vanthu::testing;

namespace {

layout::Shaper& shaper() {
    static layout::FontSet fonts = vanthu::testing::liberation_serif();
    static layout::Shaper s(fonts.choose({"Liberation Serif"}, true));
    return s;
}

// `text` shaped on one line whose origin is (100, 100) of an A4 page.
layout::Pages one_line_pages(const std::string& text, bool bold = false) {
    return vanthu::testing::one_line_pages(shaper(), text, bold);
}

layout::GlyphRun& first_run(layout::Pages& pages) {
    return std::get<layout::GlyphRun>(pages.pages.at(0).items.at(0));
}

// The PDF with its streams uncompressed (qpdf's QDF form), to read the page contents.
std::string uncompressed(const std::string& pdf) {
    const auto dir = probe::temp_dir("haru");
    probe::write_file(dir / "in.pdf", pdf);
    probe::run("qpdf --qdf --object-streams=disable " + (dir / "in.pdf").string() + " " +
               (dir / "out.pdf").string());
    std::string qdf = probe::read_file(dir / "out.pdf");
    fs::remove_all(dir);
    return qdf;
}

// The x of every text placement ("1 0 0 1 x y Tm") in the PDF's content streams.
std::vector<double> placements(const std::string& pdf) {
    const std::string qdf = uncompressed(pdf);
    std::vector<double> xs;
    static const std::regex tm(R"(1 0 0 1 ([-0-9.]+) ([-0-9.]+) Tm)");
    for (std::sregex_iterator it(qdf.begin(), qdf.end(), tm), end; it != end; ++it)
        xs.push_back(std::stod((*it)[1]));
    return xs;
}

// The x of the first glyph of each cluster that follows a space, and of the first cluster.
std::vector<double> word_starts(const layout::GlyphRun& run) {
    std::vector<double> xs;
    size_t byte = 0, glyph = 0;
    bool start = true;
    for (const auto& c : run.clusters) {
        if (c.glyphs > 0) {
            if (start) xs.push_back(run.glyphs.at(glyph).x);
            start = run.text[byte + c.bytes - 1] == ' ';
        }
        byte += c.bytes, glyph += c.glyphs;
    }
    return xs;
}

}  // namespace

TEST(HaruPdf, WritesAPdfWithTheFontEmbedded) {
    auto pdf = render::write_pdf_haru(one_line_pages("Độc lập - Tự do - Hạnh phúc"));
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
    EXPECT_NE(pdf.find("/FontFile2"), std::string::npos);
    EXPECT_NE(pdf.find("/BaseFont /HPDFAA+LiberationSerif"), std::string::npos);
}

TEST(HaruPdf, SamePagesSameBytes) {
    auto pages = one_line_pages("Hà Nội, ngày 14 tháng 10 năm 2021");
    EXPECT_TRUE(render::write_pdf_haru(pages) == render::write_pdf_haru(pages));
}

TEST(HaruPdf, InformationDictionaryIsFixed) {
    auto pages = one_line_pages("x");
    pages.metadata.title = "Kế hoạch";
    auto pdf = render::write_pdf_haru(pages);
    EXPECT_NE(pdf.find("/CreationDate (D:20240510000000)"), std::string::npos);
    EXPECT_NE(pdf.find("/ModDate (D:20240510000000)"), std::string::npos);
    EXPECT_NE(pdf.find("/Creator <FEFF00760061006E007400680075>"), std::string::npos);
    // UTF-16BE with its byte order mark: K, ế (U+1EBF), space…
    EXPECT_NE(pdf.find("/Title <FEFF004B1EBF0020"), std::string::npos);

    pages.metadata.creation_date.clear();
    pdf = render::write_pdf_haru(pages, {.fallback_date = "2023-12-31"});
    EXPECT_NE(pdf.find("/CreationDate (D:20231231000000)"), std::string::npos);
}

TEST(HaruPdf, EachPageHasItsOwnSize) {
    auto pages = one_line_pages("x");
    auto landscape = pages.pages[0];
    std::swap(landscape.width, landscape.height);
    pages.pages.push_back(landscape);
    auto pdf = render::write_pdf_haru(pages);
    EXPECT_NE(pdf.find("/MediaBox [ 0 0 595.27557 841.88977 ]"), std::string::npos);
    EXPECT_NE(pdf.find("/MediaBox [ 0 0 841.88977 595.27557 ]"), std::string::npos);
}

// Each word is placed where the layout put its first glyph; inside a word libharu's own advance
// is kept until it drifts, and the next cluster is placed afresh at its glyph.
TEST(HaruPdf, EveryWordStartsAtTheLayoutsPosition) {
    auto pages = one_line_pages("Hội Liên hiệp Phụ nữ tỉnh Điện Biên");
    const auto& run = first_run(pages);
    const auto starts = word_starts(run);
    ASSERT_EQ(starts.size(), 8u);
    const auto xs = placements(render::write_pdf_haru(pages));
    auto placed = [&](double x) {
        return std::any_of(xs.begin(), xs.end(), [x](double p) { return std::abs(p - x) < 1e-3; });
    };
    for (double x : starts) EXPECT_TRUE(placed(x)) << "no word placed at " << x;
    for (double x : xs)
        EXPECT_TRUE(std::any_of(run.glyphs.begin(), run.glyphs.end(),
                                [x](const auto& g) { return std::abs(g.x - x) < 1e-3; }))
            << "text placed at " << x << ", where the layout has no glyph";
    // Mostly whole words: libharu's widths are truncated to 1/1000 em, so a long word may take
    // a second placement.
    EXPECT_LT(xs.size(), run.clusters.size() / 2);
}

// Positions libharu's advance cannot reach (letter spacing, justification) are placed per cluster.
TEST(HaruPdf, AClusterAwayFromLibharusAdvanceIsPlacedOnItsOwn) {
    auto pages = one_line_pages("THÔNG BÁO");
    auto& run = first_run(pages);
    for (size_t i = 0; i < run.glyphs.size(); ++i) run.glyphs[i].x += 2.0 * i;
    const auto xs = placements(render::write_pdf_haru(pages));
    ASSERT_EQ(xs.size(), run.glyphs.size());
    for (size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(xs[i], run.glyphs[i].x, 1e-3) << i;
}

TEST(HaruPdf, RulesAndImagesAreDrawn) {
    auto pages = one_line_pages("x");
    pages.pages[0].items.emplace_back(layout::Rule{100, 110, 200, 110, 0.75});
    const auto dir = probe::temp_dir("haru-image");
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 20, 10);
    cairo_surface_write_to_png(s, (dir / "ky.png").c_str());
    cairo_surface_destroy(s);
    pages.pages[0].items.emplace_back(layout::Image{(dir / "ky.png").string(), 300, 400, 60, 30});
    const auto qdf = uncompressed(render::write_pdf_haru(pages));
    fs::remove_all(dir);
    // The rule: its width, butt caps, and y flipped to PDF's bottom-left origin.
    EXPECT_NE(qdf.find("0.75 w\n0 J\n100 731.88977 m\n200 731.88977 l\nS"), std::string::npos);
    EXPECT_NE(qdf.find("/Subtype /Image"), std::string::npos);
    // The image scaled into its box, whose bottom edge is at 841.8898 - 430.
    EXPECT_NE(qdf.find("60 0 0 30 300 411.8898 cm"), std::string::npos);
}

TEST(HaruPdf, AMissingImageIsAnError) {
    auto pages = one_line_pages("x");
    pages.pages[0].items.emplace_back(layout::Image{"/nonexistent/ky.png", 300, 400, 60, 30});
    try {
        render::write_pdf_haru(pages);
        FAIL() << "expected an error";
    } catch (const core::Failure& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.image");
        EXPECT_NE(e.diagnostics().at(0).message.find("/nonexistent/ky.png"), std::string::npos);
    }
}

TEST(HaruPdf, AFontLibharuCannotReadIsAnError) {
    auto pages = one_line_pages("x");
    pages.faces.at(first_run(pages).face).file = "/nonexistent/font.ttf";
    try {
        render::write_pdf_haru(pages);
        FAIL() << "expected an error";
    } catch (const core::Failure& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "font.file");
        EXPECT_NE(e.diagnostics().at(0).message.find("/nonexistent/font.ttf"), std::string::npos);
    }
}

// libharu's character codes are 16 bits: text beyond U+FFFF would vanish silently.
TEST(HaruPdf, TextOutsideTheBasicPlaneIsAnError) {
    auto pages = one_line_pages("ab");
    auto& run = first_run(pages);
    run.text = "a\xF0\x9F\x98\x80";  // a, U+1F600
    run.clusters = {{1, 1}, {4, 1}};
    try {
        render::write_pdf_haru(pages);
        FAIL() << "expected an error";
    } catch (const core::Failure& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.haru");
    }
}

// libharu cannot shape: a right-to-left run (Arabic joining, reversed order) is refused rather
// than drawn wrong.
TEST(HaruPdf, RightToLeftTextIsAnError) {
    auto pages = one_line_pages("שלום");
    ASSERT_TRUE(first_run(pages).backward);
    try {
        render::write_pdf_haru(pages);
        FAIL() << "expected an error";
    } catch (const core::Failure& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.haru");
        EXPECT_NE(e.diagnostics().at(0).message.find("right-to-left"), std::string::npos);
    }
}
