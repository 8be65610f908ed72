// A decision issuing a quy chế, end to end through markup (cases/attached-markup): the attached
// document's page opens with the header rows and no number or date line, it ends with its own
// signer and no Nơi nhận; the confirmation block of a giấy nghỉ phép stands under the closing on
// the left half. Checked in the PDF with poppler.
#include <cairo.h>
#include <gtest/gtest.h>

#include <fstream>

#include "core/units.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

class KeptBlocksPdf : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        const auto result =
            engine.render({.data_file = kSource / "tests/e2e/cases/attached.yaml",
                           .template_name = kSource / "tests/e2e/cases/attached-markup"});
        warnings_ = result.warnings.size();
        dir_ = temp_dir("kept-blocks");
        write_file(dir_ / "qd.pdf", result.pdf);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static inline fs::path dir_;
    static inline size_t warnings_ = 0;
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_F(KeptBlocksPdf, TwoPagesAndNoWarning) {
    EXPECT_EQ(pdf_page_count(dir_ / "qd.pdf"), 2);
    EXPECT_EQ(warnings_, 0u);
}

TEST_F(KeptBlocksPdf, AttachedDocumentHasTheHeaderRowsWithoutNumberAndDate) {
    const std::string page2 = pdftotext_raw(dir_ / "qd.pdf", 2, 2);
    EXPECT_TRUE(has(page2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) << page2;
    EXPECT_TRUE(has(page2, "Độc lập - Tự do - Hạnh phúc"));
    EXPECT_TRUE(has(page2, "ỦY BAN NHÂN DÂN"));
    EXPECT_TRUE(has(page2, "QUY CHẾ"));
    // Composed from the decision's header, naming its issuing body as typed (Mẫu 1.3); it wraps.
    EXPECT_TRUE(has(page2, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 10")) << page2;
    EXPECT_TRUE(has(page2, "của Ủy ban nhân dân xã Hợp Thành)")) << page2;
    EXPECT_FALSE(has(page2, "Số:"));
    EXPECT_FALSE(has(page2, "Hợp Thành, ngày"));
    EXPECT_FALSE(has(page2, "Nơi nhận"));
    // Read in order: the header's left column, then the right, then the head and content, and
    // the signer last.
    EXPECT_LT(page2.find("XÃ HỢP THÀNH"), page2.find("CỘNG HÒA"));
    EXPECT_LT(page2.find("Độc lập"), page2.find("QUY CHẾ"));
    EXPECT_LT(page2.find("Điều 6."), page2.find("TM. ỦY BAN NHÂN DÂN"));
}

TEST_F(KeptBlocksPdf, AttachedSignerIsInTheRightColumn) {
    // The right column (62 mm from the text's left edge to its right edge) of page 2 holds the
    // signer; the left column below the content holds nothing of it.
    const int left = static_cast<int>(core::mm(30));
    const int right_x = static_cast<int>(core::mm(30 + 62));
    const int width = static_cast<int>(core::mm(103));
    const int height = static_cast<int>(core::kA4Height);
    const std::string right = pdftotext_area(dir_ / "qd.pdf", 2, right_x, 400, width, height - 400);
    EXPECT_TRUE(has(right, "TM. ỦY BAN NHÂN DÂN")) << right;
    EXPECT_TRUE(has(right, "Nguyễn Văn An"));
    const std::string left_col =
        pdftotext_area(dir_ / "qd.pdf", 2, left, 400, right_x - left - 2, height - 400);
    EXPECT_FALSE(has(left_col, "Nguyễn Văn An")) << left_col;
}

TEST_F(KeptBlocksPdf, ConfirmationIsUnderTheClosingOnTheLeftHalf) {
    const std::string page1 = pdftotext_raw(dir_ / "qd.pdf", 1, 1);
    EXPECT_LT(page1.find("Nguyễn Văn An"), page1.find("Xác nhận của cơ quan"));
    const int left = static_cast<int>(core::mm(30));
    const int half = static_cast<int>(core::mm(165) / 2);
    const int height = static_cast<int>(core::kA4Height);
    const std::string left_half = pdftotext_area(dir_ / "qd.pdf", 1, left, 400, half, height - 400);
    for (const char* part : {"Xác nhận của cơ quan (tổ chức)", "(Chữ ký, dấu)", "Họ và tên"})
        EXPECT_TRUE(has(left_half, part)) << part << " not in\n" << left_half;
}

// The attached document's signer may show a signature image; a relative path is taken from the
// data file's folder, as the main signer's.
TEST(KeptBlocks, AttachedSignerImageFromTheDataFolder) {
    const auto dir = temp_dir("kept-image");
    fs::create_directories(dir / "data");
    cairo_surface_t* png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 30);
    ASSERT_EQ(cairo_surface_write_to_png(png, (dir / "data" / "ky.png").c_str()),
              CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(png);
    std::ofstream(dir / "data" / "d.yaml") << "dieu: [1, 2]\nanh: ky.png\n";
    Engine engine;
    const auto pages =
        engine.layout({.data_file = dir / "data" / "d.yaml",
                       .template_name = kSource / "tests/e2e/cases/attached-markup"});
    ASSERT_EQ(pages.pages.size(), 2u);
    std::vector<layout::Image> images;
    for (const auto& item : pages.pages[1].items)
        if (const auto* image = std::get_if<layout::Image>(&item)) images.push_back(*image);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_EQ(fs::path(images[0].file), dir / "data" / "ky.png");
    const auto name = find_exact_line(lines_of(pages, 1), "Nguyễn Văn An");
    ASSERT_TRUE(name);
    EXPECT_LT(images[0].y + images[0].height, name->baseline);
    EXPECT_NEAR(images[0].x + images[0].width / 2, name->centre(), 1.0);
    fs::remove_all(dir);
}
