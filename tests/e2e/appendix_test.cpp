// Appendices (nd30.md §2.13, §2.12, §1): each from a new page with its label, title and italic
// reference line centred, Roman numbers when there are several, page numbers restarting per
// section with none on a section's first page, landscape pages for wide tables, and a table
// whose header repeats on the appendix's next page.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/units.hpp"
#include "tools/page_lines.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kPortraitCentre = core::mm(30) + core::mm(165) / 2;
const double kLandscapeWidth = core::kA4Height;
const double kLandscapeHeight = core::kA4Width;
const double kLandscapeTextWidth = kLandscapeWidth - core::mm(30) - core::mm(15);
const double kLandscapeCentre = core::mm(30) + kLandscapeTextWidth / 2;
const double kTopMargin = core::mm(20);

layout::Pages layout_case(const std::string& name) {
    Engine engine;
    return engine.layout({.data_file = kSource / "tests/e2e/cases" / (name + ".yaml")});
}

// The first page holding a line that is exactly `text`.
std::optional<size_t> page_with(const layout::Pages& pages, const std::string& text) {
    for (size_t p = 0; p < pages.pages.size(); ++p)
        if (find_exact_line(lines_of(pages, p), text)) return p;
    return std::nullopt;
}

// Lines in the top margin (the page number, when there is one).
std::vector<Line> top_margin_lines(const layout::Pages& pages, size_t page) {
    std::vector<Line> out;
    for (const auto& l : lines_of(pages, page))
        if (l.baseline < kTopMargin) out.push_back(l);
    return out;
}

std::vector<layout::Rule> rules_of(const layout::Page& page) {
    std::vector<layout::Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item)) out.push_back(*r);
    return out;
}

class AppendixLayout : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { pages_ = layout_case("appendix"); }
    static inline layout::Pages pages_;
};

TEST_F(AppendixLayout, EachAppendixStartsANewPageInItsOwnSection) {
    const auto signer = page_with(pages_, "Nguyễn Thiện Phú");
    const auto first = page_with(pages_, "Phụ lục I");
    const auto second = page_with(pages_, "Phụ lục II");
    ASSERT_TRUE(signer && first && second);
    EXPECT_EQ(*first, *signer + 1);
    EXPECT_GT(*second, *first);
    EXPECT_EQ(pages_.pages[*signer].section, 0);
    EXPECT_EQ(pages_.pages[*first].section, 1);
    EXPECT_EQ(pages_.pages[*second].section, 2);
    EXPECT_EQ(pages_.pages[*second - 1].section, 1);
    // The label of Phụ lục II heads its page: it is the page's first line.
    EXPECT_EQ(lines_of(pages_, *second).front().text, "Phụ lục II");
}

TEST_F(AppendixLayout, HeadIsBoldLabelAndTitleAndItalicReferenceCentred) {
    const size_t p = *page_with(pages_, "Phụ lục I");
    const auto lines = lines_of(pages_, p);
    const auto label = find_exact_line(lines, "Phụ lục I");
    const auto title = find_line(lines, "Hoạt động phối hợp giữa");
    const auto reference = find_line(lines, "(Ban hành kèm theo Kế hoạch số 620/KH-LĐLĐ");
    ASSERT_TRUE(label && title && reference);
    EXPECT_DOUBLE_EQ(label->size, 14);
    EXPECT_TRUE(label->bold);
    EXPECT_FALSE(label->italic);
    EXPECT_TRUE(title->bold);
    EXPECT_FALSE(title->italic);
    EXPECT_DOUBLE_EQ(reference->size, 14);
    EXPECT_TRUE(reference->italic);
    EXPECT_FALSE(reference->bold);
    EXPECT_NEAR(label->centre(), kPortraitCentre, 1);
    EXPECT_NEAR(title->centre(), kPortraitCentre, 1);
    EXPECT_NEAR(reference->centre(), kPortraitCentre, 1);
    EXPECT_LT(label->baseline, title->baseline);
    EXPECT_LT(title->baseline, reference->baseline);

    // The reference wraps into two centred italic lines, the last ending in ")".
    std::optional<Line> last;
    for (const auto& l : lines)
        if (l.italic && l.baseline > reference->baseline && l.baseline < reference->baseline + 30)
            last = l;
    ASSERT_TRUE(last);
    EXPECT_EQ(last->text.back(), ')');
    EXPECT_NEAR(last->centre(), kPortraitCentre, 1);

    // A short rule (1/3 of the text width) centred under it, above the content.
    const auto content = find_line(lines, "I. HOẠT ĐỘNG THƯỜNG XUYÊN");
    ASSERT_TRUE(content);
    int rules = 0;
    for (const auto& r : rules_of(pages_.pages[p]))
        if (r.y1 > last->baseline && r.y1 < content->baseline) {
            ++rules;
            EXPECT_NEAR(r.x2 - r.x1, core::mm(165) / 3, 0.5);
            EXPECT_NEAR((r.x1 + r.x2) / 2, kPortraitCentre, 0.5);
        }
    EXPECT_EQ(rules, 1);
}

TEST_F(AppendixLayout, PlaceAndDateLineRepeatedWhereTheHeaderPutsIt) {
    const std::string date = "An Giang, ngày 30 tháng 12 năm 2022";
    const auto in_header = find_exact_line(lines_of(pages_, 0), date);
    const size_t p = *page_with(pages_, "Phụ lục I");
    const auto lines = lines_of(pages_, p);
    const auto repeated = find_exact_line(lines, date);
    const auto label = find_exact_line(lines, "Phụ lục I");
    ASSERT_TRUE(in_header && repeated && label);
    EXPECT_TRUE(repeated->italic);
    EXPECT_DOUBLE_EQ(repeated->size, in_header->size);
    EXPECT_NEAR(repeated->left, in_header->left, 0.01);
    EXPECT_LT(repeated->baseline, label->baseline);
    // Phụ lục II does not ask for it.
    EXPECT_FALSE(find_exact_line(lines_of(pages_, *page_with(pages_, "Phụ lục II")), date));
}

TEST_F(AppendixLayout, PageNumbersRestartPerSectionAndSkipEachFirstPage) {
    std::vector<std::string> labels;
    std::vector<int> sections;
    for (const auto& page : pages_.pages) {
        labels.push_back(page.label);
        sections.push_back(page.section);
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "1", "2", "1", "2"}));
    EXPECT_EQ(sections, (std::vector<int>{0, 0, 1, 1, 2, 2}));
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        const auto top = top_margin_lines(pages_, p);
        if (pages_.pages[p].label == "1") {
            EXPECT_TRUE(top.empty()) << "page " << p + 1 << " shows " << top.front().text;
            continue;
        }
        ASSERT_EQ(top.size(), 1u) << "page " << p + 1;
        EXPECT_EQ(top.front().text, "2");
        EXPECT_DOUBLE_EQ(top.front().size, 14);
        const bool landscape = pages_.pages[p].width > pages_.pages[p].height;
        EXPECT_NEAR(top.front().centre(), landscape ? kLandscapeCentre : kPortraitCentre, 1)
            << "page " << p + 1;
    }
}

TEST_F(AppendixLayout, LandscapeAppendixHasLandscapePagesAndAWideTable) {
    EXPECT_NEAR(pages_.pages.front().width, core::kA4Width, 0.01);  // page 1 stays portrait
    EXPECT_NEAR(pages_.pages.front().height, core::kA4Height, 0.01);
    const size_t p = *page_with(pages_, "Phụ lục II");
    for (size_t i = 0; i < pages_.pages.size(); ++i) {
        const bool in_second = pages_.pages[i].section == 2;
        EXPECT_NEAR(pages_.pages[i].width, in_second ? 841.89 : 595.28, 0.01) << i;
        EXPECT_NEAR(pages_.pages[i].height, in_second ? 595.28 : 841.89, 0.01) << i;
    }
    // Head centred on the landscape text block.
    const auto label = find_exact_line(lines_of(pages_, p), "Phụ lục II");
    EXPECT_NEAR(label->centre(), kLandscapeCentre, 1);
    // The table's top rule spans the landscape text width.
    double widest = 0, left = 0;
    for (const auto& r : rules_of(pages_.pages[p]))
        if (std::abs(r.y1 - r.y2) < 1e-6 && r.x2 - r.x1 > widest) {
            widest = r.x2 - r.x1;
            left = r.x1;
        }
    const double rule = 0.5;  // table rules reach half a rule past the corners
    EXPECT_NEAR(widest, kLandscapeTextWidth + rule, 0.1);
    EXPECT_NEAR(left, core::mm(30) - rule / 2, 0.1);
}

TEST_F(AppendixLayout, TableInAnAppendixRepeatsItsHeaderOnTheNextPage) {
    const size_t p = *page_with(pages_, "Phụ lục II");
    ASSERT_EQ(pages_.pages.size(), p + 2);
    for (size_t page : {p, p + 1}) {
        const auto lines = lines_of(pages_, page);
        const auto head = find_exact_line(lines, "Nội dung phối hợp");
        ASSERT_TRUE(head) << "page " << page + 1;
        EXPECT_TRUE(head->bold);
    }
    // The header comes first on the second page, then the rows carried over.
    const auto next = lines_of(pages_, p + 1);
    const auto head = find_exact_line(next, "Stt");
    const auto row = find_exact_line(next, "12.");
    ASSERT_TRUE(head && row);
    EXPECT_LT(head->baseline, row->baseline);
    EXPECT_FALSE(find_exact_line(lines_of(pages_, p), "12."));
}

TEST(AppendixLabels, SeveralAppendicesGetRomanNumbersAndOneStaysUnnumbered) {
    const auto pages = layout_case("appendix");
    EXPECT_TRUE(page_with(pages, "Phụ lục I"));
    EXPECT_TRUE(page_with(pages, "Phụ lục II"));

    const auto single = layout_case("appendix-single");
    ASSERT_EQ(single.pages.size(), 2u);
    const auto lines = lines_of(single, 1);
    EXPECT_EQ(single.pages[1].section, 1);
    EXPECT_TRUE(find_exact_line(lines, "Phụ lục"));
    const auto reference =
        find_exact_line(lines, "(Kèm theo Kế hoạch số 05/KH-BTV ngày 10 tháng 5 năm 2024)");
    ASSERT_TRUE(reference);
    EXPECT_TRUE(reference->italic);
    EXPECT_NEAR(reference->centre(), kPortraitCentre, 1);
    EXPECT_TRUE(top_margin_lines(single, 1).empty());  // an appendix's first page: no number
}

// A document symbol is never broken across lines (nd30.md §7.6), also in the centred head: seed
// 001's reference line used to end "… số: 620/CTPH-" and go on "LĐLĐ-HLHPN ngày …".
TEST(AppendixHead, ReferenceLineKeepsTheSymbolWhole) {
    const auto pages = layout_case("appendix-reference");
    const auto p = page_with(pages, "Phụ lục");
    ASSERT_TRUE(p);
    const auto lines = lines_of(pages, *p);
    const auto first = find_line(lines, "(Ban hành kèm theo");
    ASSERT_TRUE(first);
    EXPECT_NE(first->text.back(), ')') << "the reference wraps: " << first->text;
    size_t whole = 0;
    for (const auto& l : lines)
        if (l.text.find("620/CTPH-LĐLĐ-HLHPN") != std::string::npos) ++whole;
    EXPECT_EQ(whole, 1u) << "the symbol is on one line";
}

TEST(AppendixLabels, OwnLabelsInCapitalsEachOnANewPage) {
    const auto pages = layout_case("appendix-labels");
    const auto outline = page_with(pages, "ĐỀ CƯƠNG BÁO CÁO");
    const auto form = page_with(pages, "BIỂU MẪU SỐ LIỆU");
    ASSERT_TRUE(outline && form);
    EXPECT_EQ(*form, *outline + 1);
    EXPECT_EQ(pages.pages[*outline].section, 1);
    EXPECT_EQ(pages.pages[*form].section, 2);
    const auto lines = lines_of(pages, *form);
    EXPECT_EQ(lines.front().text, "BIỂU MẪU SỐ LIỆU");
    EXPECT_TRUE(lines.front().bold);
    EXPECT_NEAR(lines.front().centre(), kPortraitCentre, 1);
    EXPECT_TRUE(
        find_exact_line(lines, "(Kèm theo Kế hoạch số 576/KH-LĐLĐ ngày 14 tháng 10 năm 2021)"));
}

}  // namespace
