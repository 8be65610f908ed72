// The fixed-wording forms of Decree 30, Phụ lục III: giấy mời (Mẫu 1.7), công điện (1.6), giấy
// giới thiệu (1.8), biên bản (1.9) and giấy nghỉ phép (1.10). Each template's example is laid
// out (or rendered and read back with poppler) and its fixed words and layout points checked:
// the lines the template writes around the data, the rule under a type name without summary,
// the biên bản's header without its place-and-date line and its two signature blocks on one
// level with Nơi nhận under them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/units.hpp"
#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "input/data.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kTextLeft = core::mm(30);
const double kTextWidth = core::mm(165);
const double kTextCentre = kTextLeft + kTextWidth / 2;

std::string example(const std::string& name) {
    return read_file(kSource / "templates" / name / "example.yaml");
}

// `yaml` with its top-level field `key` (and the lines indented under it) taken out, and
// `replacement` (whole lines, such as "key: value\n") added at the end.
std::string without(const std::string& yaml, const std::string& key,
                    const std::string& replacement = "") {
    std::istringstream in(yaml);
    std::string out;
    bool skipping = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key + ":", 0) == 0) {
            skipping = true;
            continue;
        }
        if (skipping && !line.empty() && line[0] == ' ') continue;
        skipping = false;
        out += line + "\n";
    }
    return out + replacement;
}

// The rules of a page.
std::vector<layout::Rule> rules_of(const layout::Page& page) {
    std::vector<layout::Rule> rules;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item)) rules.push_back(*r);
    return rules;
}

// The giấy nghỉ phép example without its "xac_nhan: true" line (the example prints the block).
std::string without_confirmation(std::string yaml) {
    const std::string line = "xac_nhan: true\n";
    const size_t at = yaml.find(line);
    EXPECT_NE(at, std::string::npos) << "the example no longer asks for the confirmation block";
    if (at != std::string::npos) yaml.erase(at, line.size());
    return yaml;
}

class Forms : public TempDirTest {
  protected:
    // Lays out `yaml`; the render must give no warning.
    layout::Pages layout(const std::string& yaml) {
        const fs::path file = dir_ / "d.yaml";
        std::ofstream(file) << yaml;
        std::vector<Diagnostic> warnings;
        auto pages = engine_.layout({.data_file = file}, &warnings);
        // A note (layout.fit: the pages were tightened to fit) is not a problem.
        for (const auto& w : warnings)
            if (w.severity != core::Severity::note) ADD_FAILURE() << format(w);
        return pages;
    }

    // The diagnostics of a render that must fail.
    std::vector<Diagnostic> problems(const std::string& yaml) {
        const fs::path file = dir_ / "bad.yaml";
        std::ofstream(file) << yaml;
        try {
            engine_.layout({.data_file = file});
        } catch (const Error& e) {
            return e.diagnostics();
        }
        ADD_FAILURE() << "the render did not fail";
        return {};
    }

    // The markup the template expands `yaml` into, before it is parsed.
    std::string markup(const std::string& name, const std::string& yaml) {
        const fs::path file = dir_ / "m.yaml";
        std::ofstream(file) << yaml;
        const auto data = input::load_data(file);
        const auto tmpl = expand::load_template(kSource / "templates" / name);
        core::Diagnostics diags;
        auto expanded = expand::expand(tmpl, data.value, data.file, {}, diags);
        EXPECT_FALSE(diags.has_errors());
        return expanded.text;
    }

    Engine engine_;
};

// The type name alone, bold and centred, with the short rule under it (a form with no summary).
void expect_type_name_with_rule(const layout::Pages& pages, const std::string& type) {
    const auto lines = lines_of(pages, 0);
    auto name = find_exact_line(lines, type);
    ASSERT_TRUE(name) << type;
    EXPECT_TRUE(name->bold);
    EXPECT_NEAR(name->size, 14, 0.01);
    EXPECT_NEAR(name->centre(), kTextCentre, core::mm(1));
    bool found = false;
    for (const auto& r : rules_of(pages.pages[0])) {
        if (r.y1 <= name->baseline || r.y1 > name->baseline + 12) continue;
        found = true;
        EXPECT_NEAR((r.x1 + r.x2) / 2, kTextCentre, 0.5);
        EXPECT_GE(r.x2 - r.x1, name->width() / 3) << type;
        EXPECT_LE(r.x2 - r.x1, name->width() / 2) << type;
    }
    EXPECT_TRUE(found) << "no rule under " << type;
    // The first line of the content comes after the rule, not a summary in bold.
    for (const auto& l : lines) {
        if (l.baseline > name->baseline && l.baseline < name->baseline + 20) {
            EXPECT_FALSE(l.bold) << "a summary under " << type << ": " << l.text;
        }
    }
}

TEST_F(Forms, GiayMoiWritesTheInvitationLines) {
    const auto pages = layout(example("giay-moi"));
    const auto lines = lines_of(pages, 0);
    EXPECT_TRUE(find_exact_line(lines, "GIẤY MỜI"));
    EXPECT_TRUE(find_line(lines, "Họp nghe báo cáo tiến độ giải phóng mặt bằng"));
    EXPECT_TRUE(find_line(lines, "Số: 125/GM-UBND"));
    const std::string text = joined(lines);
    for (const char* words :
         {"Ủy ban nhân dân tỉnh trân trọng kính mời: Giám đốc các Sở: Tài chính",
          "Tới dự cuộc họp nghe báo cáo tiến độ",
          "Chủ trì: Đồng chí Nguyễn Văn Tuấn - Phó Chủ tịch Thường trực",
          "Thời gian: 14 giờ 00 phút, ngày 13 tháng 3 năm 2025.",
          "Địa điểm: Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh.",
          "(điện thoại 0220.3852.416)./."})
        EXPECT_NE(text.find(words), std::string::npos) << words << "\n" << text;
    // The lines in the decree's order, each opening a paragraph at the first-line indent.
    double last = 0;
    for (const char* start : {"Ủy ban nhân dân tỉnh trân trọng", "Tới dự",
                              "Chủ trì:", "Thời gian:", "Địa điểm:", "Giao Ban Quản lý"}) {
        auto l = find_line(lines, start);
        ASSERT_TRUE(l) << start;
        EXPECT_GT(l->baseline, last) << start;
        EXPECT_NEAR(l->left - kTextLeft, core::mm(10), 0.5) << start;
        last = l->baseline;
    }
}

TEST_F(Forms, GiayMoiWithoutChuTriOrNotes) {
    std::string yaml = without(without(example("giay-moi"), "chu_tri"), "noi_dung");
    yaml = without(yaml, "dia_diem", "dia_diem: Phòng họp số 2./.\n");
    const auto lines = all_lines(layout(yaml));
    EXPECT_FALSE(find_line(lines, "Chủ trì:"));
    EXPECT_TRUE(find_exact_line(lines, "Địa điểm: Phòng họp số 2./."));
    // chu_the left out: the issuing body as typed opens the sentence.
    yaml = without(example("giay-moi"), "chu_the");
    EXPECT_TRUE(find_line(lines_of(layout(yaml), 0),
                          "Ủy ban nhân dân tỉnh Hải Dương trân trọng kính mời:"));
}

TEST_F(Forms, GiayMoiChecksTheTimeAndItsSymbol) {
    std::string yaml = without(example("giay-moi"), "gio", "gio: 2 giờ chiều\n");
    yaml = without(yaml, "ky_hieu", "ky_hieu: UBND\n");
    const auto found = problems(yaml);
    std::string all;
    for (const auto& d : found) all += d.message + "\n";
    EXPECT_NE(all.find("gio: expected a text matching"), std::string::npos) << all;
    EXPECT_NE(all.find("ky_hieu: expected a text matching ^GM-"), std::string::npos) << all;
}

TEST_F(Forms, CongDienSendsToItsRecipients) {
    const auto pages = layout(example("cong-dien"));
    const auto lines = lines_of(pages, 0);
    auto type = find_exact_line(lines, "CÔNG ĐIỆN");
    ASSERT_TRUE(type);
    EXPECT_TRUE(type->bold);
    auto urgency = find_exact_line(lines, "HỎA TỐC");
    ASSERT_TRUE(urgency) << "the urgency mark";
    EXPECT_TRUE(urgency->bold);
    auto head = find_exact_line(lines, "THỦ TƯỚNG CHÍNH PHỦ điện:");
    ASSERT_TRUE(head);
    EXPECT_GT(head->baseline, type->baseline);
    auto first = find_line(lines, "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố:");
    auto second = find_line(lines, "- Các Bộ trưởng: Quốc phòng");
    auto third = find_line(lines, "- Ban Chỉ đạo quốc gia");
    ASSERT_TRUE(first && second && third);
    EXPECT_GT(first->baseline, head->baseline);
    EXPECT_GT(second->baseline, first->baseline);
    EXPECT_GT(third->baseline, second->baseline);
    // Then the content, its tasks numbered 1., 2. …
    auto content = find_line(lines, "Theo tin của Trung tâm Dự báo");
    ASSERT_TRUE(content);
    EXPECT_GT(content->baseline, third->baseline);
    const auto everything = all_lines(pages);
    EXPECT_TRUE(find_line(everything, "1. Chủ tịch Ủy ban nhân dân các tỉnh"));
    EXPECT_TRUE(find_line(everything, "5. Văn phòng Chính phủ"));
    EXPECT_TRUE(find_exact_line(everything, "KT. THỦ TƯỚNG"));
}

TEST_F(Forms, CongDienHeadIsTheIssuingBodyInCapitalsUnlessChuTheSaysOtherwise) {
    std::string yaml = without(example("cong-dien"), "co_quan_ban_hanh",
                               "co_quan_ban_hanh: Ủy ban nhân dân tỉnh Quảng Ninh\n");
    EXPECT_TRUE(
        find_exact_line(lines_of(layout(yaml), 0), "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH điện:"));
    yaml += "chu_the: Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh\n";
    EXPECT_TRUE(find_exact_line(lines_of(layout(yaml), 0),
                                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH điện:"));
}

TEST_F(Forms, GiayGioiThieuHasNoSummaryAndItsFixedSentences) {
    const auto pages = layout(example("giay-gioi-thieu"));
    expect_type_name_with_rule(pages, "GIẤY GIỚI THIỆU");
    const auto lines = lines_of(pages, 0);
    for (const char* exact :
         {"Ủy ban nhân dân huyện Hải Hậu trân trọng giới thiệu:", "Ông (bà) Trần Văn Khánh",
          "Chức vụ: Phó Trưởng phòng Tài chính - Kế hoạch huyện Hải Hậu",
          "Được cử đến: Sở Tài chính tỉnh Nam Định",
          "Giấy này có giá trị đến hết ngày 30 tháng 4 năm 2025./.", "- Như trên;", "- Lưu: VT."})
        EXPECT_TRUE(find_exact_line(lines, exact)) << exact;
    const std::string text = joined(lines);
    EXPECT_NE(text.find("Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn "),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Về việc: Làm việc về hồ sơ"), std::string::npos) << text;
}

TEST_F(Forms, GiayGioiThieuTakesItsOwnRecipients) {
    const std::string yaml = example("giay-gioi-thieu") +
                             "noi_nhan: [Như trên, Phòng Tài chính - Kế hoạch]\nluu: VT, TCKH\n";
    const auto lines = lines_of(layout(yaml), 0);
    EXPECT_TRUE(find_exact_line(lines, "- Phòng Tài chính - Kế hoạch;"));
    EXPECT_TRUE(find_exact_line(lines, "- Lưu: VT, TCKH."));
}

class BienBan : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        const fs::path data = kSource / "templates/bien-ban/example.yaml";
        std::vector<Diagnostic> warnings;
        pages_ = engine.layout({.data_file = data}, &warnings);
        warning_count_ = warnings.size();
        dir_ = temp_dir("bien-ban");
        pdf_ = dir_ / "bien-ban.pdf";
        write_file(pdf_, engine.render({.data_file = data}).pdf);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static inline layout::Pages pages_;
    static inline size_t warning_count_ = 0;
    static inline fs::path dir_, pdf_;
};

TEST_F(BienBan, TheHeaderHasNoPlaceAndDateLine) {
    EXPECT_EQ(warning_count_, 0u);
    const auto lines = lines_of(pages_, 0);
    auto number = find_line(lines, "Số: 18/BB-UBND");
    auto motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc");
    auto type = find_exact_line(lines, "BIÊN BẢN");
    ASSERT_TRUE(number && motto && type);
    for (const auto& l : lines)
        if (l.baseline < type->baseline) {
            EXPECT_FALSE(l.italic) << "a place-and-date line: " << l.text;
            EXPECT_EQ(l.text.find("tháng"), std::string::npos) << l.text;
        }
    // Read back from the PDF: the right column of the header holds the national title and
    // the motto, nothing under them.
    const int right = static_cast<int>(core::mm(30 + 62));
    const auto header_right = words(
        pdftotext_area(pdf_, 1, right, 0, 596 - right, static_cast<int>(type->baseline) - 20));
    std::string all;
    for (const auto& w : header_right) all += w + " ";
    EXPECT_EQ(all, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ");
    // The date still dates the document.
    EXPECT_EQ(pages_.metadata.creation_date, "2025-03-04");
}

TEST_F(BienBan, WritesTheMeetingLinesInOrder) {
    // Where each line stands in reading order: its page, then its baseline.
    auto position = [](const std::string& start) -> std::optional<std::pair<size_t, double>> {
        for (size_t p = 0; p < pages_.pages.size(); ++p)
            if (auto l = find_line(lines_of(pages_, p), start)) return std::pair{p, l->baseline};
        return std::nullopt;
    };
    std::pair<size_t, double> last{0, 0};
    for (const char* start :
         {"Thời gian bắt đầu: 8 giờ 00 phút, ngày 04 tháng 3 năm 2025.",
          "Địa điểm: Hội trường tầng 2", "Thành phần tham dự:", "- Thường trực Ủy ban nhân dân xã:",
          "Chủ trì (chủ tọa): Đồng chí Nguyễn Văn Thắng",
          "Thư ký (người ghi biên bản): Đồng chí Vũ Thị Thu",
          "Nội dung:", "1. Đồng chí Chủ tịch Ủy ban nhân dân xã nêu mục đích",
          "Cuộc họp kết thúc vào 11 giờ 15 phút, ngày 04 tháng 3 năm 2025./."}) {
        const auto at = position(start);
        ASSERT_TRUE(at) << start;
        EXPECT_GT(*at, last) << start;
        last = *at;
    }
}

TEST_F(BienBan, SecretaryLeftAndChairRightOnOneLevelWithNoiNhanBelow) {
    const size_t last = pages_.pages.size() - 1;
    const auto lines = lines_of(pages_, last);
    auto secretary = find_exact_line(lines, "THƯ KÝ");
    auto chair = find_exact_line(lines, "CHỦ TỌA");
    auto secretary_name = find_exact_line(lines, "Vũ Thị Thu");
    auto chair_name = find_exact_line(lines, "Nguyễn Văn Thắng");
    auto label = find_exact_line(lines, "Nơi nhận:");
    ASSERT_TRUE(secretary && chair && secretary_name && chair_name && label);
    EXPECT_TRUE(secretary->bold && chair->bold);
    EXPECT_NEAR(secretary->baseline, chair->baseline, 0.5) << "titles on one level";
    EXPECT_NEAR(secretary_name->baseline, chair_name->baseline, 0.5) << "names on one level";
    EXPECT_LT(secretary->centre(), kTextCentre) << "THƯ KÝ in the left half";
    EXPECT_GT(chair->centre(), kTextCentre) << "CHỦ TỌA in the right half";
    EXPECT_NEAR(secretary_name->centre(), secretary->centre(), core::mm(2));
    EXPECT_NEAR(chair_name->centre(), chair->centre(), core::mm(2));
    EXPECT_GE(chair_name->baseline - chair->baseline, core::mm(18)) << "space to sign";
    EXPECT_GT(label->baseline, chair_name->baseline) << "Nơi nhận under the signatures";
    EXPECT_NEAR(label->left, kTextLeft, core::mm(1));
    auto kept = find_exact_line(lines, "- Lưu: VT, Hồ sơ.");
    ASSERT_TRUE(kept);
    EXPECT_GT(kept->baseline, label->baseline);
}

TEST_F(Forms, BienBanChairMayCarryATitleAndTheMeetingItsKind) {
    const std::string yaml =
        example("bien-ban") + "loai_cuoc_hop: Hội nghị\nngay_ket_thuc: 2025-03-05\n";
    auto pages = layout(yaml);
    auto lines = lines_of(pages, pages.pages.size() - 1);
    auto chair = find_exact_line(lines, "CHỦ TỌA");
    auto title = find_exact_line(lines, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ");
    ASSERT_TRUE(chair && title);
    EXPECT_GT(title->baseline, chair->baseline) << "the chair's title under CHỦ TỌA";
    EXPECT_TRUE(find_line(all_lines(pages),
                          "Hội nghị kết thúc vào 11 giờ 15 phút, ngày 05 tháng 3 năm 2025./."));
    // Without chuc_danh, CHỦ TỌA alone; the names stay on one level.
    pages = layout(without(example("bien-ban"), "chuc_danh"));
    lines = lines_of(pages, pages.pages.size() - 1);
    EXPECT_FALSE(find_exact_line(lines, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ"));
    auto secretary_name = find_exact_line(lines, "Vũ Thị Thu");
    auto chair_name = find_exact_line(lines, "Nguyễn Văn Thắng");
    ASSERT_TRUE(secretary_name && chair_name);
    EXPECT_NEAR(secretary_name->baseline, chair_name->baseline, 0.5);
}

TEST_F(Forms, GiayNghiPhepWritesTheLeaveSentences) {
    const auto pages = layout(without_confirmation(example("giay-nghi-phep")));
    expect_type_name_with_rule(pages, "GIẤY NGHỈ PHÉP");
    const auto lines = lines_of(pages, 0);
    const std::string text = joined(lines);
    for (const char* words :
         {"Xét Đơn đề nghị nghỉ phép ngày 28 tháng 5 năm 2025 của ông (bà) Nguyễn Thị Thu Hằng, "
          "Sở Y tế tỉnh Thái Bình cấp cho:",
          "Được nghỉ phép trong thời gian 05 ngày làm việc kể từ ngày 09/6/2025 đến hết ngày "
          "13/6/2025 tại xã Hải Lý, huyện Hải Hậu, tỉnh Nam Định.",
          "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép hằng năm năm 2025./."})
        EXPECT_NE(text.find(words), std::string::npos) << words << "\n" << text;
    EXPECT_TRUE(find_exact_line(lines, "Ông (bà): Nguyễn Thị Thu Hằng"));
    EXPECT_TRUE(find_line(lines, "Chức vụ: Chuyên viên phòng Nghiệp vụ Dược"));
    EXPECT_TRUE(find_exact_line(lines, "- Lưu: VT, TCCB."));
    // Without xac_nhan there is no confirmation block.
    EXPECT_FALSE(find_line(all_lines(pages), "Xác nhận của cơ quan"));
}

// xac_nhan: true writes the <confirmation> element after the signature, with the decree's
// fixed words (layout: Document::confirmation, laid out by the layout stage).
TEST_F(Forms, GiayNghiPhepConfirmationIsMarkedUpAfterTheSignature) {
    const std::string text = markup(
        "giay-nghi-phep", without_confirmation(example("giay-nghi-phep")) + "xac_nhan: true\n");
    const size_t signature = text.find("</signature>");
    const size_t confirmation = text.find("<confirmation>");
    ASSERT_NE(signature, std::string::npos);
    ASSERT_NE(confirmation, std::string::npos) << text;
    EXPECT_GT(confirmation, signature);
    std::string inside = text.substr(confirmation, text.find("</confirmation>") - confirmation);
    std::string squeezed;  // white space between the elements left out
    for (size_t i = 0; i < inside.size(); ++i) {
        if (inside[i] == '\n') {
            while (i + 1 < inside.size() && inside[i + 1] == ' ') ++i;
            continue;
        }
        squeezed += inside[i];
    }
    EXPECT_EQ(squeezed,
              "<confirmation><title>Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương "
              "nơi nghỉ phép (nếu cần)</title><note>(Chữ ký, dấu)</note><name>Họ và tên</name>");
    EXPECT_EQ(markup("giay-nghi-phep", without_confirmation(example("giay-nghi-phep")))
                  .find("<confirmation>"),
              std::string::npos);
}

// The example prints the confirmation block (xac_nhan: true): it stands under the closing, on
// the left.
TEST_F(Forms, GiayNghiPhepConfirmationStandsLeftUnderTheClosing) {
    const auto pages = layout(example("giay-nghi-phep"));
    const auto lines = lines_of(pages, pages.pages.size() - 1);
    auto signer = find_exact_line(lines, "Phạm Văn Tuyến");
    auto title = find_line(lines, "Xác nhận của cơ quan (tổ chức)");
    auto note = find_exact_line(lines, "(Chữ ký, dấu)");
    auto name = find_exact_line(lines, "Họ và tên");
    ASSERT_TRUE(signer && title && note && name);
    EXPECT_GT(title->baseline, signer->baseline);
    EXPECT_LT(title->centre(), kTextCentre);
    EXPECT_GT(note->baseline, title->baseline);
    EXPECT_GT(name->baseline, note->baseline);
}

}  // namespace
