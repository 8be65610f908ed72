// Table columns: fixed, automatic and relative widths, the STT column, column alignment,
// checkboxes and empty cells, checked on the laid-out pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/units.hpp"
#include "e2e/table_geometry.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

// tests/e2e/cases/table-columns: an STT column, then fixed 25 mm, auto and relative columns
// with align="left center right"; a paragraph with a checkbox; a form with centred checkbox
// columns and an empty row.
class TableColumns : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        pages_ = engine.layout({.data_file = kSource / "tests/e2e/cases/table-columns.yaml",
                                .template_name = kSource / "tests/e2e/cases/table-columns"},
                               &warnings_);
        for (size_t p = 0; p < pages_.pages.size() && !agree_; ++p)
            if (auto l = find_line(lines_of(pages_, p), "\u25A1 Đồng ý")) agree_ = {p, *l};
    }
    // The part of page p holding the first table: [top, bottom] in y; false when none.
    static bool first_table(size_t p, double& top, double& bottom) {
        if (!agree_ || p > agree_->first) return false;
        bottom = p == agree_->first ? agree_->second.baseline - agree_->second.size : 1e9;
        top = bottom;  // the top of its highest border
        for (const auto& r : vertical_rules(pages_.pages[p]))
            if (r.y2 <= bottom) top = std::min(top, r.y1);
        return edges_between(pages_.pages[p], top, bottom).size() > 1;
    }
    // Column edges of the first table (the same on every page it reaches).
    static std::vector<double> first_edges() {
        double top = 0, bottom = 0;
        for (size_t p = 0; p < pages_.pages.size(); ++p)
            if (first_table(p, top, bottom)) return edges_between(pages_.pages[p], top, bottom);
        return {};
    }
    // The widest line of the first table's column c, over every page.
    static double widest_in_column(size_t c) {
        const auto e = first_edges();
        double widest = 0, top = 0, bottom = 0;
        for (size_t p = 0; p < pages_.pages.size(); ++p)
            if (first_table(p, top, bottom))
                for (const auto& l : lines_in(lines_of(pages_, p), e[c], e[c + 1], top, bottom))
                    widest = std::max(widest, l.width());
        return widest;
    }
    static inline layout::Pages pages_;
    static inline std::vector<Diagnostic> warnings_;
    static inline std::optional<std::pair<size_t, Line>> agree_;  // the checkbox paragraph
};

TEST_F(TableColumns, FixedAutoAndRelativeWidths) {
    ASSERT_TRUE(agree_) << "the paragraph after the first table is missing";
    EXPECT_TRUE(warnings_.empty());
    const auto e = first_edges();
    ASSERT_EQ(e.size(), 5u) << "STT, Đơn vị, Mã số, Số đoàn viên";
    EXPECT_NEAR(e[0], kTextLeft, 0.01);
    EXPECT_NEAR(core::to_mm(e[2] - e[1]), 25, 0.1);  // widths: 25mm
    // The automatic columns (STT, Mã số) are as wide as their widest text plus the padding.
    const double stt = widest_in_column(0), code = widest_in_column(2);
    ASSERT_GT(stt, 10);
    ASSERT_GT(code, 20);
    EXPECT_NEAR(e[1] - e[0], stt + 4, 0.1);
    EXPECT_NEAR(e[3] - e[2], code + 4, 0.1);
    EXPECT_NEAR(e[4], kTextLeft + kTextWidth, 0.01);  // the relative column takes the rest
    // Every page the table reaches has the same columns.
    double top = 0, bottom = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p)
        if (first_table(p, top, bottom)) {
            const auto here = edges_between(pages_.pages[p], top, bottom);
            ASSERT_EQ(here.size(), e.size());
            for (size_t i = 0; i < e.size(); ++i) EXPECT_NEAR(here[i], e[i], 0.01);
        }
}

TEST_F(TableColumns, SttNumbersAreCentredAndSkipTheTotalRow) {
    const auto e = first_edges();
    ASSERT_EQ(e.size(), 5u);
    const double centre = (e[0] + e[1]) / 2;
    int found = 0;
    double top = 0, bottom = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        if (!first_table(p, top, bottom)) continue;
        const auto lines = lines_of(pages_, p);
        const auto column = lines_in(lines, e[0], e[1], top, bottom);
        auto head = find_exact_line(column, "STT");
        ASSERT_TRUE(head) << "no STT header on page " << p + 1;
        EXPECT_TRUE(head->bold);
        EXPECT_NEAR(head->centre(), centre, 0.1);
        for (const auto& l : column) {
            if (l.text == "STT") continue;
            ++found;
            EXPECT_EQ(l.text, std::to_string(found) + ".") << "page " << p + 1;
            EXPECT_FALSE(l.bold);
            EXPECT_NEAR(l.centre(), centre, 0.1) << l.text;
        }
        // The total row: "Cộng" starts the author's first column; nothing in the STT column.
        if (auto total = find_exact_line(lines, "Cộng")) {
            EXPECT_NEAR(total->left, e[1] + 2, 0.1);
            for (const auto& l : column) EXPECT_GT(std::abs(l.baseline - total->baseline), 1);
        }
    }
    EXPECT_EQ(found, 11);
}

TEST_F(TableColumns, ColumnAlignmentFromTheTable) {
    const auto e = first_edges();
    ASSERT_EQ(e.size(), 5u);
    int codes = 0, numbers = 0;
    double top = 0, bottom = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        if (!first_table(p, top, bottom)) continue;
        const auto lines = lines_of(pages_, p);
        for (const auto& l : lines_in(lines, e[2], e[3], top, bottom))
            if (!l.bold) {  // codes: center
                ++codes;
                EXPECT_NEAR(l.centre(), (e[2] + e[3]) / 2, 0.1) << l.text;
            }
        for (const auto& l : lines_in(lines, e[3], e[4], top, bottom))
            if (l.text != "Số đoàn viên") {  // numbers: right, padding 2 pt
                ++numbers;
                EXPECT_NEAR(l.right, e[4] - 2, 0.1) << l.text;
            }
        for (const auto& l : lines_in(lines, e[1], e[2], top, bottom)) {
            if (!l.bold) {
                EXPECT_NEAR(l.left, e[1] + 2, 0.1) << l.text;  // names: left
            }
        }
        if (auto head = find_exact_line(lines, "Số đoàn viên")) {  // th: still centred
            EXPECT_NEAR(head->centre(), (e[3] + e[4]) / 2, 0.1);
        }
    }
    EXPECT_EQ(codes, 11);
    EXPECT_EQ(numbers, 12);  // with the total
}

TEST_F(TableColumns, CheckboxesAreDrawnGlyphs) {
    ASSERT_TRUE(agree_);
    const auto [page, para] = *agree_;
    EXPECT_EQ(para.text, "\u25A1 Đồng ý với số liệu trên.");
    // The form below the paragraph: TT (auto), content (relative), Có and Không (auto).
    const auto& items = pages_.pages[page].items;
    const auto e = edges_between(pages_.pages[page], para.baseline, 1e9);
    ASSERT_EQ(e.size(), 5u);
    int boxes = 0;
    for (const auto& item : items)
        if (const auto* run = std::get_if<layout::GlyphRun>(&item))
            if (run->text.find("\u25A1") != std::string::npos) {
                ASSERT_FALSE(run->glyphs.empty());
                EXPECT_NE(run->glyphs.front().id, 0u) << "a .notdef box, not the font's glyph";
                if (run->baseline > para.baseline) {
                    ++boxes;
                    EXPECT_EQ(run->text, "\u25A1");
                    EXPECT_NEAR(run->size, 12, 0.01);
                    EXPECT_GT(run->x, e[2]);  // centred in the Có or Không column
                    const double centre = run->x < e[3] ? (e[2] + e[3]) / 2 : (e[3] + e[4]) / 2;
                    EXPECT_NEAR(run->x + run->width / 2, centre, 0.1);
                }
            }
    EXPECT_EQ(boxes, 4);
    const auto lines = lines_of(pages_, page);
    auto yes = find_exact_line(lines, "Có");
    auto no = find_exact_line(lines, "Không");
    ASSERT_TRUE(yes && no);
    EXPECT_NEAR(e[3] - e[2], yes->width() + 4, 0.1);  // wider than the box itself
    EXPECT_NEAR(e[4] - e[3], no->width() + 4, 0.1);
    EXPECT_NEAR(e[4], kTextLeft + kTextWidth, 0.01);
}

TEST_F(TableColumns, EmptyRowKeepsItsHeightAndBorders) {
    ASSERT_TRUE(agree_);
    const auto [page, para] = *agree_;
    std::vector<double> ys;
    for (double y : row_boundaries(pages_.pages[page]))
        if (y > para.baseline) ys.push_back(y);
    ASSERT_GE(ys.size(), 5u) << "header, two rows and the empty row";
    // The empty last row is as tall as a one-line row, and every column edge runs down it.
    const double empty = ys[4] - ys[3];
    EXPECT_NEAR(empty, ys[3] - ys[2], 0.01);
    EXPECT_GT(empty, 12);
    const auto e = edges_between(pages_.pages[page], para.baseline, 1e9);
    ASSERT_EQ(e.size(), 5u);
    for (double x : e) {
        bool edge = false;
        for (const auto& r : vertical_rules(pages_.pages[page]))
            if (std::abs(r.x1 - x) < 0.01 && r.y1 <= ys[3] + 0.01 && r.y2 >= ys[4] - 0.01)
                edge = true;
        EXPECT_TRUE(edge) << "no border at x=" << x << " beside the empty row";
    }
    // Its top and bottom rules run the full table width.
    for (double y : {ys[3], ys[4]}) {
        double reach = kTextLeft;
        for (const auto& r : horizontal_rules(pages_.pages[page]))
            if (std::abs(r.y1 - y) < 0.01 && r.x1 <= reach + 0.5) reach = std::max(reach, r.x2);
        EXPECT_GE(reach, kTextLeft + kTextWidth - 0.01) << "y=" << y;
    }
}

// Width rules on tables written for the test: `table` is on line 6 of the template.
class TableWidthRules : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        write_file(dir_ / "tpl/manifest.json", "{}");
        write_file(dir_ / "d.yaml", "x: Sở Nội vụ\n");
    }
    layout::Pages layout(const std::string& table) {
        write_file(dir_ / "tpl/main.mustache", R"(<document kind="cong-van">
  <header><issuer>{{x}}</issuer><number>1</number><symbol>SNV</symbol>
    <place>Điện Biên</place><date>2020-03-23</date><subject>thử bảng</subject></header>
  <to><item>Các sở, ban, ngành</item></to>
  <body><p>Bảng:</p>
    )" + table + R"(
  </body>
  <recipients><item>Như trên</item></recipients>
  <signature><title>GIÁM ĐỐC</title><name>Nguyễn Văn A</name></signature>
</document>
)");
        Engine engine;
        return engine.layout(
            {.data_file = dir_ / "d.yaml", .template_name = (dir_ / "tpl").string()});
    }
};

TEST_F(TableWidthRules, AutoColumnGivesWayToTheRelativeColumnsWords) {
    const std::string long_text =
        "Tổ chức hội nghị tổng kết công tác công đoàn năm 2023 và triển khai nhiệm vụ năm 2024 "
        "tại hội trường lớn của Liên đoàn Lao động tỉnh";
    const auto pages = layout(R"(<table widths="auto 1"><tr><td>)" + long_text +
                              "</td><td>Liênđoànlaođộngtỉnh</td></tr></table>");
    const auto& page = pages.pages.at(0);
    const auto e = edges_between(page, 0, 1e9);
    ASSERT_EQ(e.size(), 3u);
    const auto lines = lines_of(pages, 0);
    auto word = find_exact_line(lines, "Liênđoànlaođộngtỉnh");
    ASSERT_TRUE(word);
    // The relative column keeps exactly its one unbreakable word; the auto column wraps.
    EXPECT_NEAR(e[2] - e[1], word->width() + 4, 0.1);
    EXPECT_NEAR(e[2], kTextLeft + kTextWidth, 0.01);
    EXPECT_GE(lines_in(lines, e[0], e[1], 0, 1e9).size(), 2u);
}

TEST_F(TableWidthRules, AutoColumnsAloneFillTheTextWidthAndFixedOnesDoNot) {
    auto pages = layout(R"(<table widths="auto auto"><tr><td>Một</td><td>Hai mươi</td></tr>
    </table><table widths="30mm 40mm"><tr><td>a</td><td>b</td></tr></table>)");
    const auto lines = lines_of(pages, 0);
    auto one = find_exact_line(lines, "Một");
    auto twenty = find_exact_line(lines, "Hai mươi");
    auto b = find_exact_line(lines, "b");
    ASSERT_TRUE(one && twenty && b);
    const auto autos = edges_between(pages.pages[0], 0, b->baseline - 1.5 * b->size);
    ASSERT_EQ(autos.size(), 3u);
    EXPECT_NEAR(autos[2], kTextLeft + kTextWidth, 0.01);
    // The width left over is shared in proportion to the natural widths.
    EXPECT_NEAR((autos[1] - autos[0]) / (autos[2] - autos[1]),
                (one->width() + 4) / (twenty->width() + 4), 0.01);
    const auto fixed = edges_between(pages.pages[0], b->baseline - 1.5 * b->size, 1e9);
    ASSERT_EQ(fixed.size(), 3u);
    EXPECT_NEAR(fixed[0], kTextLeft, 0.01);
    EXPECT_NEAR(core::to_mm(fixed[1] - fixed[0]), 30, 0.1);
    EXPECT_NEAR(core::to_mm(fixed[2] - fixed[1]), 40, 0.1);
}

TEST_F(TableWidthRules, FixedWidthsWiderThanTheTextAreErrorsAtTheTable) {
    const std::pair<const char*, const char*> cases[] = {
        {"100mm 80mm", "add up to 180 mm, more than the text width (165 mm)"},
        {"160mm 1", "add up to 160 mm and leave 5 mm of the text width (165 mm) for 1 other"},
    };
    for (const auto& [widths, message] : cases) {
        try {
            layout(std::string("<table widths=\"") + widths +
                   "\"><tr><td>a</td><td>b</td></tr></table>");
            ADD_FAILURE() << widths << ": no error";
        } catch (const Error& error) {
            ASSERT_FALSE(error.diagnostics().empty());
            const auto& d = error.diagnostics().front();
            EXPECT_EQ(d.code, "markup.table-widths");
            EXPECT_NE(d.message.find(message), std::string::npos) << d.message;
            ASSERT_TRUE(d.where);
            EXPECT_NE(d.where->file.find("tpl/main.mustache"), std::string::npos);
            EXPECT_EQ(d.where->line, 6);
        }
    }
}

}  // namespace
