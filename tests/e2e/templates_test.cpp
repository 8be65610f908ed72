// The built-in templates and their shared partials (templates/_common): type names, heading
// numbering per template, optional numbers, table cells given as objects, boxes to tick, Kính gửi
// in a báo cáo, and the shared folder refused as a template. Measured on layout::Pages.
#include <gtest/gtest.h>

#include <fstream>

#include "core/units.hpp"
#include "e2e/no_fit.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const double kTextLeft = core::mm(30);
const double kTextWidth = core::mm(165);

// The fields every template requires, after `header` (the template and its own fields).
std::string document(const std::string& header, const std::string& content,
                     const std::string& tail = "") {
    return header +
           "co_quan_ban_hanh: Liên đoàn Lao động tỉnh Điện Biên\nso: \"7\"\nky_hieu: KH-LĐLĐ\n"
           "dia_danh: Điện Biên\nngay: 2024-03-05\ntrich_yeu: Thử mẫu văn bản\nnoi_dung:\n" +
           content + "noi_nhan: [Như trên]\nluu: VT\nchuc_danh: [Chủ tịch]\nnguoi_ky: Lò Văn A\n" +
           tail;
}

class Templates : public TempDirTest {
  protected:
    // Lays out `yaml` and returns the pages; the render must give no warning. `fit` false: the
    // default spacing, for sweeps across page ends.
    layout::Pages layout(const std::string& yaml, bool fit = true) {
        const fs::path file = dir_ / "d.yaml";
        std::ofstream(file) << yaml;
        std::vector<Diagnostic> warnings;
        auto pages = fit ? engine_.layout({.data_file = file}, &warnings)
                         : layout_no_fit(file, {}, &warnings);
        for (const auto& w : warnings) ADD_FAILURE() << format(w);
        return pages;
    }

    Engine engine_;
};

TEST_F(Templates, ChuongTrinhNamesItselfUnlessTenLoaiSaysOtherwise) {
    auto lines = lines_of(layout(document("template: chuong-trinh\n", "  - doan: Nội dung.\n")), 0);
    EXPECT_TRUE(find_exact_line(lines, "CHƯƠNG TRÌNH"));
    lines = lines_of(layout(document("template: chuong-trinh\nten_loai: Chương trình phối hợp\n",
                                     "  - doan: Nội dung.\n")),
                     0);
    EXPECT_TRUE(find_exact_line(lines, "CHƯƠNG TRÌNH PHỐI HỢP"));
    EXPECT_FALSE(find_exact_line(lines, "CHƯƠNG TRÌNH"));
}

TEST_F(Templates, EveryNamedTemplateWritesItsTypeName) {
    for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
             {"ke-hoach", "KẾ HOẠCH"},
             {"bao-cao", "BÁO CÁO"},
             {"de-cuong", "ĐỀ CƯƠNG"},
             {"bieu-mau", "BIỂU MẪU"},
             {"chi-thi", "CHỈ THỊ"},
             {"thong-bao", "THÔNG BÁO"},
             {"huong-dan", "HƯỚNG DẪN"},
             {"to-trinh\nkinh_gui: [Chủ tịch UBND tỉnh]", "TỜ TRÌNH"},
             {"van-ban\nten_loai: Đề án", "ĐỀ ÁN"}}) {
        auto lines =
            lines_of(layout(document("template: " + name + "\n", "  - doan: Nội dung.\n")), 0);
        EXPECT_TRUE(find_exact_line(lines, type)) << name;
    }
}

// The forms with fixed wording take fields of their own (tests/e2e/forms_test.cpp): their
// examples, each with its type name.
TEST_F(Templates, EveryFormWritesItsTypeName) {
    for (const auto& [name, type] :
         std::vector<std::pair<std::string, std::string>>{{"giay-moi", "GIẤY MỜI"},
                                                          {"cong-dien", "CÔNG ĐIỆN"},
                                                          {"giay-gioi-thieu", "GIẤY GIỚI THIỆU"},
                                                          {"bien-ban", "BIÊN BẢN"},
                                                          {"giay-nghi-phep", "GIẤY NGHỈ PHÉP"}}) {
        const auto lines = lines_of(
            layout(read_file(fs::path(VANTHU_SOURCE_DIR) / "templates" / name / "example.yaml")),
            0);
        auto line = find_exact_line(lines, type);
        ASSERT_TRUE(line) << name;
        EXPECT_TRUE(line->bold) << name;
    }
}

// Headings phan, muc, khoan, tieu_khoan, diem are <h1>..<h5>; phần is always "A.", the others
// follow danh_so or the template's default.
const std::string kHeadings =
    "  - phan: Phần một\n  - muc: Mục một\n  - khoan: Khoản một\n  - tieu_khoan: Tiểu khoản\n"
    "  - diem: Điểm một\n  - doan: Nội dung.\n";

TEST_F(Templates, HeadingsAreNumberedByTheTemplatesDefault) {
    for (const std::string name :
         {"ke-hoach", "chuong-trinh", "bao-cao", "de-cuong", "chi-thi", "thong-bao", "huong-dan",
          "to-trinh\nkinh_gui: [Chủ tịch UBND tỉnh]", "van-ban\nten_loai: Đề án"}) {
        auto lines = lines_of(layout(document("template: " + name + "\n", kHeadings)), 0);
        for (const char* text :
             {"A. PHẦN MỘT", "I. MỤC MỘT", "1. Khoản một", "1.1. Tiểu khoản", "a) Điểm một"})
            EXPECT_TRUE(find_exact_line(lines, text)) << name << ": " << text;
    }
    // A form counts its sections 1. and 1.1.
    auto lines = lines_of(layout(document("template: bieu-mau\n", kHeadings)), 0);
    for (const char* text : {"A. PHẦN MỘT", "1. Mục một", "1.1. Khoản một", "a) Tiểu khoản"})
        EXPECT_TRUE(find_exact_line(lines, text)) << "bieu-mau: " << text;
    EXPECT_TRUE(find_exact_line(lines, "Điểm một")) << "bieu-mau: điểm has no label";
}

TEST_F(Templates, DanhSoChangesTheNumberingOfBodyAndAppendices) {
    const std::string appendix =
        "phu_luc:\n  - tieu_de: Phụ lục thử\n    noi_dung:\n      - muc: Mục phụ lục\n"
        "      - khoan: Khoản phụ lục\n  - danh_so: \"I a\"\n    noi_dung:\n"
        "      - muc: Mục riêng\n      - khoan: Khoản riêng\n";
    auto lines =
        all_lines(layout(document("template: ke-hoach\ndanh_so: \"1 a\"\n", kHeadings, appendix)));
    EXPECT_TRUE(find_exact_line(lines, "1. Mục một"));
    EXPECT_TRUE(find_exact_line(lines, "a) Khoản một"));
    // The first appendix takes the document's numbering, the second its own.
    EXPECT_TRUE(find_exact_line(lines, "1. Mục phụ lục"));
    EXPECT_TRUE(find_exact_line(lines, "a) Khoản phụ lục"));
    EXPECT_TRUE(find_exact_line(lines, "I. MỤC RIÊNG"));
    EXPECT_TRUE(find_exact_line(lines, "a) Khoản riêng"));
}

// A công văn's content may have numbered headings too (seed 002: "1. Công tác bình đẳng giới …").
TEST_F(Templates, ACongVanTakesHeadingsInItsBody) {
    auto lines = lines_of(layout(document("template: cong-van\nkinh_gui: [Các LĐLĐ huyện]\n"
                                          "danh_so: \"1 a\"\n",
                                          "  - muc: Công tác bình đẳng giới\n  - doan: Nội dung.\n"
                                          "  - muc: Công tác dân số\n  - khoan: Trẻ em\n")),
                          0);
    for (const char* text : {"1. Công tác bình đẳng giới", "2. Công tác dân số", "a) Trẻ em"}) {
        auto heading = find_exact_line(lines, text);
        ASSERT_TRUE(heading) << text;
        EXPECT_TRUE(heading->bold) << text;
    }
}

TEST_F(Templates, AnOutlineAndAFormNeedNoNumber) {
    for (const std::string name : {"de-cuong", "bieu-mau"}) {
        std::string yaml = document("template: " + name + "\n", "  - doan: Nội dung.\n");
        yaml.replace(yaml.find("so: \"7\"\nky_hieu: KH-LĐLĐ\n"),
                     std::string("so: \"7\"\nky_hieu: KH-LĐLĐ\n").size(), "");
        auto lines = lines_of(layout(yaml), 0);
        EXPECT_FALSE(find_line(lines, "Số:")) << name;
        EXPECT_TRUE(find_line(lines, "Điện Biên, ngày 05 tháng 3 năm 2024")) << name;
    }
}

// dang_doan sets a heading as a numbered paragraph (a khoản without a title, seed 004's
// "2. Số lượng: 80 đại biểu."), khong_in_hoa keeps an I. title as typed (seed 000's outline),
// in the body of a named document and in a công văn's appendix.
TEST_F(Templates, HeadingsCanBeNumberedParagraphsOrKeepTheirCase) {
    const auto items = [](const std::string& in) {
        return in + "- muc: Đánh giá công tác\n" + in + "  khong_in_hoa: true\n" + in +
               "- khoan: \"**Số lượng:** 80 đại biểu.\"\n" + in + "  dang_doan: true\n" + in +
               "- muc: Mục hai\n";
    };
    const auto check = [](const layout::Pages& pages, size_t page, const std::string& where) {
        const auto lines = lines_of(pages, page);
        auto kept = find_exact_line(lines, "I. Đánh giá công tác");
        ASSERT_TRUE(kept) << where;
        EXPECT_TRUE(kept->bold) << where << ": still a heading";
        EXPECT_TRUE(find_exact_line(lines, "II. MỤC HAI")) << where;
        ASSERT_TRUE(find_exact_line(lines, "1. Số lượng: 80 đại biểu.")) << where;
        // The label and the **…** part are bold, the rest upright.
        for (const auto& item : pages.pages.at(page).items) {
            const auto* run = std::get_if<layout::GlyphRun>(&item);
            if (!run) continue;
            const bool bold = pages.faces.at(run->face).bold;
            if (run->text.find("Số lượng:") != std::string::npos) {
                EXPECT_TRUE(bold) << where;
            }
            if (run->text.find("80 đại biểu") != std::string::npos) {
                EXPECT_FALSE(bold) << where;
            }
        }
    };
    check(layout(document("template: ke-hoach\n", items("  "))), 0, "ke-hoach");
    const auto letter =
        layout(document("template: cong-van\nkinh_gui: [Các LĐLĐ huyện]\n", "  - doan: Nội dung.\n",
                        "phu_luc:\n  - nhan: Đề cương\n    noi_dung:\n" + items("      ")));
    check(letter, letter.pages.size() - 1, "cong-van appendix");
}

TEST_F(Templates, ABaoCaoSentUpwardHasKinhGui) {
    auto lines = lines_of(layout(document("template: bao-cao\nkinh_gui: [Tổng Liên đoàn]\n",
                                          "  - doan: Nội dung.\n")),
                          0);
    EXPECT_TRUE(find_exact_line(lines, "Kính gửi: Tổng Liên đoàn"));
    lines = lines_of(layout(document("template: bao-cao\n", "  - doan: Nội dung.\n")), 0);
    EXPECT_FALSE(find_line(lines, "Kính gửi"));
}

TEST_F(Templates, CellsGivenAsObjectsSpanAlignAndSlant) {
    const std::string table =
        "  - bang:\n      tieu_de:\n"
        "        - [{noi_dung: Đơn vị, gop_dong: 2}, {noi_dung: Số lượng, gop_cot: 2}]\n"
        "        - [Tổng số, Nữ]\n"
        "      dong:\n"
        "        - [CĐCS, {noi_dung: \"120\", can: right}, {noi_dung: ghi số, nghieng: true}]\n"
        "        - [{noi_dung: Cộng hai cột, gop_cot: 2, can: center}, \"\"]\n";
    auto lines = lines_of(layout(document("template: bieu-mau\n", table)), 0);
    const double column = kTextWidth / 3;
    auto amount = find_exact_line(lines, "Số lượng");
    ASSERT_TRUE(amount);
    EXPECT_NEAR(amount->centre(), kTextLeft + 2 * column, 1.0) << "spans the two right columns";
    auto unit = find_exact_line(lines, "Đơn vị");
    auto total = find_exact_line(lines, "Tổng số");
    ASSERT_TRUE(unit && total);
    EXPECT_GT(unit->baseline, amount->baseline) << "centred down both header rows";
    auto number = find_exact_line(lines, "120");
    ASSERT_TRUE(number);
    EXPECT_NEAR(number->right, kTextLeft + 2 * column, 4.0) << "right-aligned in its cell";
    auto hint = find_exact_line(lines, "ghi số");
    ASSERT_TRUE(hint);
    EXPECT_TRUE(hint->italic);
    auto both = find_exact_line(lines, "Cộng hai cột");
    ASSERT_TRUE(both);
    EXPECT_NEAR(both->centre(), kTextLeft + column, 1.0);
}

// The numbered column's header as the document writes it (seed 001: "Stt"); STT by default.
TEST_F(Templates, TheSttColumnTakesItsOwnTitle) {
    const std::string table =
        "  - bang:\n      stt: \"1.\"\n      tieu_de_stt: Stt\n"
        "      tieu_de: [[Nội dung phối hợp]]\n      dong: [[Tuyên dương]]\n";
    for (const std::string name : {"chuong-trinh", "cong-van"}) {
        const std::string header =
            "template: " + name + "\n" + (name == "cong-van" ? "kinh_gui: [Các LĐLĐ huyện]\n" : "");
        auto lines = lines_of(layout(document(header, table)), 0);
        auto title = find_exact_line(lines, "Stt");
        ASSERT_TRUE(title) << name;
        EXPECT_TRUE(title->bold) << name;
        EXPECT_FALSE(find_exact_line(lines, "STT")) << name;
        EXPECT_TRUE(find_exact_line(lines, "1.")) << name;
    }
}

TEST_F(Templates, AnAppendixTitleIsNotTakenForATablesHeader) {
    // The table has no tieu_de of its own; the appendix's must not become its header row.
    const std::string appendix =
        "phu_luc:\n  - tieu_de: Tên phụ lục\n    noi_dung:\n      - bang:\n"
        "          dong: [[Ô một, Ô hai]]\n";
    const auto pages = layout(document("template: ke-hoach\n", "  - doan: Nội dung.\n", appendix));
    int titles = 0;
    for (const auto& l : all_lines(pages)) titles += l.text == "Tên phụ lục";
    EXPECT_EQ(titles, 1);
}

TEST_F(Templates, BoxesToTickOpenTheirLines) {
    auto lines = lines_of(layout(document("template: bieu-mau\n",
                                          "  - o_danh_dau: [Có ký, Không ký]\n"
                                          "  - o_danh_dau: Một ô\n  - nhom: \"Cấp tỉnh:\"\n")),
                          0);
    auto yes = find_line(lines, "□ Có ký");
    auto no = find_line(lines, "□ Không ký");
    ASSERT_TRUE(yes && no);
    EXPECT_GT(no->baseline, yes->baseline) << "one line each";
    EXPECT_TRUE(find_line(lines, "□ Một ô"));
    auto group = find_exact_line(lines, "* Cấp tỉnh:");
    ASSERT_TRUE(group);
    EXPECT_TRUE(group->italic);
}

// Seed 000's form has its two boxes side by side: cung_dong puts them on one line, the
// second well clear of the first.
TEST_F(Templates, BoxesSideBySideShareALine) {
    auto lines = lines_of(layout(document("template: bieu-mau\n",
                                          "  - o_danh_dau: [Có kí CTPH, Không kí CTPH]\n"
                                          "    cung_dong: true\n"
                                          "  - o_danh_dau: [Một, Hai]\n")),
                          0);
    auto pair = find_line(lines, "□ Có kí CTPH");
    ASSERT_TRUE(pair);
    const size_t second = pair->text.find("□ Không kí CTPH");
    ASSERT_NE(second, std::string::npos) << pair->text;
    EXPECT_NE(pair->text.substr(pair->text.find("CTPH") + 4, second - pair->text.find("CTPH") - 4)
                  .find("\u2003"),
              std::string::npos)
        << "an em space apart: " << pair->text;
    auto one = find_line(lines, "□ Một");
    auto two = find_line(lines, "□ Hai");
    ASSERT_TRUE(one && two);
    EXPECT_GT(two->baseline, one->baseline) << "without cung_dong, one line each";
}

TEST_F(Templates, PartnersOfAJointProgrammeGetTheirOwnHeaderAndSignature) {
    const std::string partners =
        "co_quan_phoi_hop:\n  - co_quan_chu_quan: \"\"\n    ten: Hội LHPN tỉnh Điện Biên\n"
        "ky_phoi_hop:\n  - chuc_danh: [TM. Ban Thường vụ, Chủ tịch Hội]\n    nguoi_ky: Lò Thị B\n";
    auto lines =
        all_lines(layout(document("template: chuong-trinh\n", "  - doan: Nội dung.\n", partners)));
    EXPECT_TRUE(find_line(lines, "HỘI LHPN"));
    auto lead = find_exact_line(lines, "Lò Văn A");
    auto partner = find_exact_line(lines, "Lò Thị B");
    ASSERT_TRUE(lead && partner);
    EXPECT_LT(partner->centre(), lead->centre()) << "the partner signs left of the lead";
}

// cong-van works alone when copied out of templates/, so it carries copies of the shared
// partials it uses; they must not drift from the originals.
TEST(TemplateFiles, CongVanCopiesOfSharedPartialsAreCurrent) {
    const fs::path source = VANTHU_SOURCE_DIR;
    int copies = 0;
    for (const auto& entry : fs::directory_iterator(source / "templates" / "cong-van")) {
        const fs::path shared = source / "templates" / "_common" / entry.path().filename();
        if (entry.path().extension() != ".mustache" || !fs::exists(shared)) continue;
        ++copies;
        EXPECT_EQ(read_file(entry.path()), read_file(shared))
            << entry.path() << " differs from " << shared << "; copy it again";
    }
    EXPECT_GE(copies, 3);
}

TEST_F(Templates, TheSharedFolderIsNotATemplate) {
    const fs::path file = dir_ / "d.yaml";
    std::ofstream(file) << document("template: _common\n", "  - doan: Nội dung.\n");
    try {
        engine_.layout({.data_file = file});
        FAIL() << "_common must not render";
    } catch (const Error& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        EXPECT_EQ(e.diagnostics()[0].code, "template.common");
    }
}

// When the signature block moves to a new page and takes the last paragraph with it, the
// heading above that paragraph goes too: no page ends with a heading. The filler grows a line
// at a time, so the closing reaches the page foot at every point of the last section.
TEST_F(Templates, AHeadingGoesWithTheLinesTheSignatureCarries) {
    const std::string filler =
        "Các cấp công đoàn tổ chức tuyên truyền, phổ biến nội dung chương trình đến đoàn viên.";
    int carried = 0;
    for (int n = 14; n <= 30; ++n) {
        std::string content;
        for (int i = 0; i < n; ++i) content += "  - doan: \"" + filler + "\"\n";
        content += "  - muc: Tổ chức thực hiện\n  - doan: \"" + filler + " " + filler + "\"\n";
        const auto pages = layout(document("template: ke-hoach\n", content), false);
        size_t heading_page = 0, signer_page = 0;
        for (size_t p = 0; p < pages.pages.size(); ++p) {
            const auto lines = lines_of(pages, p);
            for (size_t i = 0; i < lines.size(); ++i) {
                if (lines[i].text.find("TỔ CHỨC THỰC HIỆN") == std::string::npos) continue;
                heading_page = p;
                // Below it on its page: at least the paragraph's first line.
                ASSERT_LT(i + 1, lines.size()) << n << " fillers: the heading ends page " << p + 1;
                EXPECT_NEAR(lines[i + 1].size, 14, 0.01) << n << " fillers";
            }
            if (find_exact_line(lines, "Lò Văn A")) signer_page = p;
        }
        // Carried: the heading opens the signature's page (under the page number).
        const auto top = lines_of(pages, signer_page);
        if (heading_page == signer_page && heading_page > 0 && top.size() > 1 &&
            top[1].text.find("TỔ CHỨC THỰC HIỆN") != std::string::npos)
            ++carried;
    }
    EXPECT_GT(carried, 0) << "no layout in the sweep carried the heading to the signature's page";
}

}  // namespace
