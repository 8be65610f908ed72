// Layout assertions on layout::Pages: the header block's rules, columns and baselines, page
// numbers, and the closing blocks, measured as the format states them (shared/spec/nd30.md).
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "core/units.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

// The first rule below `baseline` (within 12 pt) whose centre is within 30 pt of `centre_x`.
std::optional<layout::Rule> rule_under(const layout::Page& page, double baseline, double centre_x) {
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (r->y1 > baseline && r->y1 < baseline + 12 &&
                std::abs((r->x1 + r->x2) / 2 - centre_x) < 30)
                return *r;
    return std::nullopt;
}

class SampleLayout : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        pages_ = engine.layout({.data_file = kSource / "samples/cong-van-576/data.yaml"});
    }
    static inline layout::Pages pages_;
};

TEST_F(SampleLayout, PageIsA4) {
    ASSERT_FALSE(pages_.pages.empty());
    EXPECT_NEAR(core::to_mm(pages_.pages[0].width), 210, 0.1);
    EXPECT_NEAR(core::to_mm(pages_.pages[0].height), 297, 0.1);
}

TEST_F(SampleLayout, MottoRuleIsExactlyAsLongAsTheMottoAndCentredOnIt) {
    auto lines = lines_of(pages_, 0);
    auto motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc");
    ASSERT_TRUE(motto);
    EXPECT_TRUE(motto->bold);
    EXPECT_NEAR(motto->size, 13, 0.01);
    auto rule = rule_under(pages_.pages[0], motto->baseline, motto->centre());
    ASSERT_TRUE(rule) << "no rule under the motto";
    EXPECT_NEAR(rule->x2 - rule->x1, motto->width(), 0.05);
    EXPECT_NEAR((rule->x1 + rule->x2) / 2, motto->centre(), 0.05);
}

TEST_F(SampleLayout, MottoIsCentredUnderTheNationalTitle) {
    auto lines = lines_of(pages_, 0);
    auto title = find_line(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    auto motto = find_line(lines, "Độc lập");
    ASSERT_TRUE(title && motto);
    EXPECT_TRUE(title->bold);
    EXPECT_NEAR(title->centre(), motto->centre(), core::mm(2));
    EXPECT_GT(core::to_mm(title->centre()), 105) << "national title must sit in the right part";
    EXPECT_GT(motto->baseline, title->baseline);
    EXPECT_LE(motto->baseline - title->baseline, 1.5 * motto->size);
}

TEST_F(SampleLayout, IssuingBodyRuleIsAThirdToAHalfOfItsLongestLine) {
    auto lines = lines_of(pages_, 0);
    // The issuing body wraps into two balanced lines in the 62 mm column.
    auto first = find_line(lines, "LIÊN ĐOÀN LAO ĐỘNG");
    auto second = find_line(lines, "THÀNH PHỐ HÀ NỘI");
    ASSERT_TRUE(first && second);
    EXPECT_TRUE(first->bold && second->bold);
    const double longest = std::max(first->width(), second->width());
    auto rule = rule_under(pages_.pages[0], second->baseline, second->centre());
    ASSERT_TRUE(rule) << "no rule under the issuing body";
    const double length = rule->x2 - rule->x1;
    EXPECT_GE(length, longest / 3);
    EXPECT_LE(length, longest / 2);
    EXPECT_NEAR((rule->x1 + rule->x2) / 2, second->centre(), core::mm(2));
}

TEST_F(SampleLayout, DateLineIsItalicCentredUnderTheMottoOnTheNumberBaseline) {
    auto lines = lines_of(pages_, 0);
    auto motto = find_line(lines, "Độc lập");
    auto date = find_line(lines, "Hà Nội, ngày 14 tháng 10 năm 2021");
    auto number = find_line(lines, "Số: 576/LĐLĐ");
    ASSERT_TRUE(motto && date && number);
    EXPECT_TRUE(date->italic);
    EXPECT_FALSE(number->bold || number->italic);
    EXPECT_NEAR(number->size, 13, 0.01);
    EXPECT_NEAR(date->centre(), motto->centre(), core::mm(3));
    EXPECT_NEAR(date->baseline, number->baseline, 1.0);
}

TEST_F(SampleLayout, NumberIsCentredUnderTheIssuingBodyAndSummaryUnderTheNumber) {
    auto lines = lines_of(pages_, 0);
    auto issuer = find_line(lines, "THÀNH PHỐ HÀ NỘI");
    auto number = find_line(lines, "Số: 576/LĐLĐ");
    auto subject = find_line(lines, "V/v ");
    ASSERT_TRUE(issuer && number && subject);
    EXPECT_NEAR(number->centre(), issuer->centre(), core::mm(3));
    EXPECT_NEAR(subject->size, 12, 0.01);
    EXPECT_FALSE(subject->bold);
    // ≈ 6 pt between the Số line and the V/v line: pitch minus a single line in [4, 9] pt.
    const double gap = (subject->baseline - number->baseline) - subject->size * 1.15;
    EXPECT_GE(gap, 4);
    EXPECT_LE(gap, 9);
}

TEST_F(SampleLayout, BodyIsJustifiedWithAFirstLineIndent) {
    auto lines = lines_of(pages_, 0);
    auto first = find_line(lines, "Để chuẩn bị");
    ASSERT_TRUE(first);
    const double left = core::mm(30), right = core::kA4Width - core::mm(15);
    EXPECT_NEAR(first->left - left, core::mm(10), 0.5);
    EXPECT_NEAR(first->right, right, 1.0) << "a non-final line reaches the right margin";
    EXPECT_NEAR(first->size, 14, 0.01);
}

TEST_F(SampleLayout, RecipientsLabelIsLevelWithTheFirstSignatureLine) {
    // The letter's last page: its appendices follow it.
    size_t last = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p)
        if (pages_.pages[p].section == 0) last = p;
    auto lines = lines_of(pages_, last);
    auto label = find_line(lines, "Nơi nhận:");
    auto title = find_line(lines, "TM. BAN THƯỜNG VỤ");
    auto name = find_line(lines, "Đặng Thị Phương Hoa");
    ASSERT_TRUE(label && title && name);
    EXPECT_TRUE(label->bold && label->italic);
    EXPECT_NEAR(label->size, 12, 0.01);
    EXPECT_NEAR(label->left, core::mm(30), core::mm(1));
    EXPECT_NEAR(label->baseline, title->baseline, 2.0);
    EXPECT_NEAR(name->centre(), title->centre(), core::mm(2));
    EXPECT_GE(name->baseline - title->baseline, core::mm(18));
}

// A letter long enough for three pages: numbers from page 2 on, centred in the top margin.
class LongLetter : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        auto result = engine.render({.data_file = kSource / "tests/e2e/cases/long-letter.yaml"});
        dir_ = temp_dir("long-letter");
        pdf_ = dir_ / "long-letter.pdf";
        write_file(pdf_, result.pdf);
        pages_ = engine.layout({.data_file = kSource / "tests/e2e/cases/long-letter.yaml"});
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static inline fs::path dir_, pdf_;
    static inline layout::Pages pages_;
};

TEST_F(LongLetter, PageOneHasNoNumberAndLaterPagesDo) {
    ASSERT_GE(pdf_page_count(pdf_), 2);
    const int top_margin = static_cast<int>(core::mm(20));
    EXPECT_TRUE(words(pdftotext_area(pdf_, 1, 0, 0, 596, top_margin)).empty());
    for (int p = 2; p <= pdf_page_count(pdf_); ++p)
        EXPECT_EQ(words(pdftotext_area(pdf_, p, 0, 0, 596, top_margin)),
                  std::vector<std::string>{std::to_string(p)})
            << "page " << p;
}

TEST_F(LongLetter, PageNumberIsCentredOnTheTextBlock) {
    ASSERT_GE(pages_.pages.size(), 2u);
    auto lines = lines_of(pages_, 1);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front().text, "2");
    const double text_centre = core::mm(30) + (core::kA4Width - core::mm(45)) / 2;
    EXPECT_NEAR(lines.front().centre(), text_centre, core::mm(3));
    EXPECT_LT(lines.front().baseline, core::mm(20));
}

TEST_F(LongLetter, SeveralAddresseesAreADashedListUnderTheColon) {
    auto lines = lines_of(pages_, 0);
    auto label = find_line(lines, "Kính gửi:");
    auto first = find_line(lines, "- Các sở, ban, ngành tỉnh;");
    auto second = find_line(lines, "- Ủy ban nhân dân các huyện, thị xã, thành phố.");
    ASSERT_TRUE(label && first && second);
    EXPECT_EQ(label->text, "Kính gửi:");
    EXPECT_NEAR(first->left, second->left, core::mm(1));
    EXPECT_GT(first->left, label->left);
    EXPECT_LT(first->left, label->right);
}

TEST_F(LongLetter, NoPageEndsOrStartsWithASingleLineOfAParagraph) {
    // Every body line on a page boundary belongs to a run of at least two lines of its
    // paragraph on that page: checked through baselines — the first body line of page 2 is
    // followed on the same page by at least one more line at the body pitch.
    ASSERT_GE(pages_.pages.size(), 2u);
    for (size_t p = 1; p < pages_.pages.size(); ++p) {
        auto lines = lines_of(pages_, p);
        ASSERT_GE(lines.size(), 3u) << "page " << p + 1;
        // lines[0] is the page number.
        EXPECT_NEAR(lines[2].baseline - lines[1].baseline, 14 * 1.15 * 1.15, 0.6)
            << "page " << p + 1 << " starts with a lone line";
    }
}

// A kế hoạch: type name and summary centred under the header, numbered headings.
class PlanLayout : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        std::vector<Diagnostic> warnings;
        pages_ = engine.layout({.data_file = kSource / "tests/e2e/cases/ke-hoach.yaml"}, &warnings);
        warning_count_ = warnings.size();
    }
    static inline layout::Pages pages_;
    static inline size_t warning_count_ = 0;
};

TEST_F(PlanLayout, RendersWithoutWarnings) { EXPECT_EQ(warning_count_, 0u); }

TEST_F(PlanLayout, TypeNameAndSummaryAreBoldAndCentredWithARuleUnderTheSummary) {
    auto lines = lines_of(pages_, 0);
    auto type = find_line(lines, "KẾ HOẠCH");
    auto first = find_line(lines, "Tổ chức Hội nghị");
    ASSERT_TRUE(type && first);
    const double centre = core::mm(30) + (core::kA4Width - core::mm(45)) / 2;
    EXPECT_TRUE(type->bold);
    EXPECT_NEAR(type->size, 14, 0.01);
    EXPECT_NEAR(type->centre(), centre, core::mm(2));
    EXPECT_TRUE(first->bold);
    EXPECT_NEAR(first->centre(), centre, core::mm(2));
    // The summary's lines follow the type name; the rule is under the last of them.
    double last_baseline = 0, longest = 0;
    for (const auto& l : lines)
        if (l.bold && l.baseline > type->baseline && l.baseline < type->baseline + 100 &&
            std::abs(l.centre() - centre) < core::mm(2)) {
            last_baseline = std::max(last_baseline, l.baseline);
            longest = std::max(longest, l.width());
        }
    auto rule = rule_under(pages_.pages[0], last_baseline, centre);
    ASSERT_TRUE(rule) << "no rule under the summary";
    EXPECT_GE(rule->x2 - rule->x1, longest / 3);
    EXPECT_LE(rule->x2 - rule->x1, longest / 2);
    EXPECT_NEAR((rule->x1 + rule->x2) / 2, centre, 0.5);
}

TEST_F(PlanLayout, HeadingsAreNumberedByLevel) {
    auto lines = lines_of(pages_, 0);
    for (const char* heading : {"I. MỤC ĐÍCH, YÊU CẦU", "II. THỜI GIAN, ĐỊA ĐIỂM",
                                "1. Thời gian, địa điểm", "2. Số lượng", "2.1. Cấp Thành phố"}) {
        auto l = find_line(lines, heading);
        ASSERT_TRUE(l) << heading;
        EXPECT_TRUE(l->bold) << heading;
        EXPECT_NEAR(l->left - core::mm(30), core::mm(10), 0.5) << heading;
    }
}

TEST_F(PlanLayout, IssuingBodyBreaksBeforeThePlaceName) {
    auto lines = lines_of(pages_, 0);
    EXPECT_TRUE(find_line(lines, "HỘI LHPN"));
    auto place = find_line(lines, "THÀNH PHỐ HÀ NỘI");
    ASSERT_TRUE(place);
    EXPECT_EQ(place->text, "THÀNH PHỐ HÀ NỘI");
}

}  // namespace
