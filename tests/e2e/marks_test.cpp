// Marks and the first-page footer (nd30.md §2.10, §2.11, checks M1, M2, FT1, P6): the urgency
// box sizes, the secrecy box above it, the circulation and draft boxes in the top margin, and the
// address lines at the foot of page 1 that the body never runs into.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "core/units.hpp"
#include "layout/style.hpp"
#include "tools/page_lines.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kTextLeft = core::mm(30);
const double kTextWidth = core::mm(165);
const double kTextTop = core::mm(20);
const double kTextBottom = core::mm(297 - 20);
const double kPageCentre = core::mm(105);

struct Box {
    double left = 0, top = 0, right = 0, bottom = 0;
    double width() const { return right - left; }
    double height() const { return bottom - top; }
    double centre_x() const { return (left + right) / 2; }
    double centre_y() const { return (top + bottom) / 2; }
};

bool horizontal(const layout::Rule& r) { return std::abs(r.y1 - r.y2) < 1e-6; }
bool vertical(const layout::Rule& r) { return std::abs(r.x1 - r.x2) < 1e-6; }

// The rectangle of four rules around `line`: the nearest horizontal rules above and below it
// that span it, and vertical rules at both of their ends.
std::optional<Box> box_around(const layout::Page& page, const Line& line) {
    std::optional<layout::Rule> above, below;
    for (const auto& item : page.items) {
        const auto* r = std::get_if<layout::Rule>(&item);
        if (!r || !horizontal(*r) || r->x1 > line.left || r->x2 < line.right) continue;
        if (r->y1 < line.baseline - line.size * 0.6 && r->y1 > line.baseline - 40 &&
            (!above || r->y1 > above->y1))
            above = *r;
        if (r->y1 > line.baseline && r->y1 < line.baseline + 30 && (!below || r->y1 < below->y1))
            below = *r;
    }
    if (!above || !below || std::abs(above->x1 - below->x1) > 0.01 ||
        std::abs(above->x2 - below->x2) > 0.01)
        return std::nullopt;
    Box box{above->x1, above->y1, above->x2, below->y1};
    int sides = 0;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (vertical(*r) && std::min(r->y1, r->y2) <= box.top + 0.5 &&
                std::max(r->y1, r->y2) >= box.bottom - 0.5 &&
                (std::abs(r->x1 - box.left) < 0.01 || std::abs(r->x1 - box.right) < 0.01))
                ++sides;
    if (sides != 2) return std::nullopt;
    return box;
}

// Centre of a line's box (ascent + descent) on the vertical axis.
double line_box_centre(const Line& l) {
    return l.baseline + (layout::kDescent - layout::kAscent) * l.size / 2;
}

// The full-width rules of a page (the footer's, when there is one).
std::vector<layout::Rule> full_width_rules(const layout::Page& page) {
    std::vector<layout::Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (horizontal(*r) && std::abs(r->x1 - kTextLeft) < 0.01 &&
                std::abs(r->x2 - r->x1 - kTextWidth) < 0.01)
                out.push_back(*r);
    return out;
}

layout::Pages layout_case(const std::string& name, std::vector<Diagnostic>* warnings = nullptr) {
    Engine engine;
    return engine.layout({.data_file = kSource / "tests/e2e/cases" / name}, warnings);
}

// An urgency mark: bold 13 pt, centred (± 1 pt) in a `width_mm` × 8 mm box (± 0.1 mm) left of
// the page centre, below the Số line. Returns the box.
Box expect_urgency_box(const layout::Pages& pages, const std::string& word, double width_mm) {
    auto lines = lines_of(pages, 0);
    auto mark = find_exact_line(lines, word);
    EXPECT_TRUE(mark) << word << " is not on page 1";
    if (!mark) return {};
    EXPECT_TRUE(mark->bold);
    EXPECT_NEAR(mark->size, 13, 0.01);
    auto box = box_around(pages.pages[0], *mark);
    EXPECT_TRUE(box) << "no box of four rules around " << word;
    if (!box) return {};
    EXPECT_NEAR(core::to_mm(box->width()), width_mm, 0.1);
    EXPECT_NEAR(core::to_mm(box->height()), 8, 0.1);
    EXPECT_NEAR(mark->centre(), box->centre_x(), 1);
    EXPECT_NEAR(line_box_centre(*mark), box->centre_y(), 1);
    EXPECT_LT(box->right, kPageCentre);
    auto number = find_line(lines, "Số:");
    EXPECT_TRUE(number);
    if (number) {
        EXPECT_GT(box->top, number->baseline);
    }
    return *box;
}

// Footer lines (11 pt, upright, at the text block's left edge) on page 1 under a full-width rule,
// the last one's descent on the text block's bottom; none on later pages. Returns the rule's y.
double expect_footer(const layout::Pages& pages, const std::vector<std::string>& texts) {
    const auto rules = full_width_rules(pages.pages[0]);
    EXPECT_EQ(rules.size(), 1u) << "one full-width rule on page 1";
    if (rules.empty()) return 0;
    const double rule_y = rules.front().y1;
    EXPECT_NEAR(rules.front().thickness, 0.5, 1e-9);
    auto lines = lines_of(pages, 0);
    double last_baseline = 0;
    for (const auto& text : texts) {
        auto line = find_exact_line(lines, text);
        EXPECT_TRUE(line) << text << " is not on page 1";
        if (!line) continue;
        EXPECT_NEAR(line->size, 11, 0.01);
        EXPECT_FALSE(line->bold);
        EXPECT_FALSE(line->italic);
        EXPECT_NEAR(line->left, kTextLeft, 0.5);
        EXPECT_GT(line->baseline - layout::kAscent * 11, rule_y);
        EXPECT_GT(line->baseline, last_baseline);
        last_baseline = line->baseline;
    }
    const double bottom = last_baseline + layout::kDescent * 11;
    EXPECT_LE(bottom, kTextBottom + 0.01);
    EXPECT_GT(bottom, kTextBottom - 2) << "the footer ends the text block";
    for (size_t p = 1; p < pages.pages.size(); ++p) {
        EXPECT_TRUE(full_width_rules(pages.pages[p]).empty()) << "page " << p + 1;
        for (const auto& text : texts)
            EXPECT_FALSE(find_exact_line(lines_of(pages, p), text)) << "page " << p + 1;
    }
    return rule_y;
}

// Page 1 is full and its 14 pt text (the body) ends above the footer's rule.
void expect_body_above(const layout::Pages& pages, double rule_y) {
    ASSERT_GE(pages.pages.size(), 2u) << "the body should continue on page 2";
    double lowest = 0;
    for (const auto& l : lines_of(pages, 0))
        if (std::abs(l.size - 14) < 0.01) lowest = std::max(lowest, l.baseline);
    EXPECT_LT(lowest + layout::kDescent * 14, rule_y);
    // Full: no room for two more body lines above the rule.
    EXPECT_GT(lowest, rule_y - 4 * 18.5);
}

class MarksCongVan : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { pages_ = layout_case("marks-cong-van.yaml"); }
    static inline layout::Pages pages_;
};

TEST_F(MarksCongVan, ThuongKhanIsInAFortyByEightBoxUnderTheSubject) {
    const Box box = expect_urgency_box(pages_, "THƯỢNG KHẨN", 40);
    auto lines = lines_of(pages_, 0);
    auto subject = find_line(lines, "tác văn thư");  // the V/v line's second line
    ASSERT_TRUE(subject);
    EXPECT_GT(box.top, subject->baseline + layout::kDescent * subject->size);
    // Centred under the number, and the addressees start below it.
    auto number = find_line(lines, "Số:");
    ASSERT_TRUE(number);
    EXPECT_NEAR(box.centre_x(), kTextLeft + core::mm(31), 1);
    auto to = find_line(lines, "Kính gửi:");
    ASSERT_TRUE(to);
    EXPECT_GT(to->baseline - layout::kAscent * 14, box.bottom);
}

TEST_F(MarksCongVan, SecrecyBoxSitsAboveTheUrgencyBox) {
    auto lines = lines_of(pages_, 0);
    auto secrecy = find_exact_line(lines, "MẬT");
    auto urgency = find_exact_line(lines, "THƯỢNG KHẨN");
    ASSERT_TRUE(secrecy && urgency);
    EXPECT_TRUE(secrecy->bold);
    auto s = box_around(pages_.pages[0], *secrecy);
    auto u = box_around(pages_.pages[0], *urgency);
    ASSERT_TRUE(s && u);
    EXPECT_LT(s->bottom, u->top);
    EXPECT_NEAR(s->centre_x(), u->centre_x(), 0.5);
    EXPECT_NEAR(secrecy->centre(), s->centre_x(), 1);
    EXPECT_GT(s->width(), secrecy->width());  // fitted, with padding
    EXPECT_LT(s->width(), secrecy->width() + core::mm(8));
}

TEST_F(MarksCongVan, CirculationBoxIsInTheTopMarginRightOfCentre) {
    auto lines = lines_of(pages_, 0);
    auto mark = find_exact_line(lines, "LƯU HÀNH NỘI BỘ");  // upper-cased from the data
    ASSERT_TRUE(mark);
    EXPECT_TRUE(mark->bold);
    EXPECT_NEAR(mark->size, 13, 0.01);
    auto box = box_around(pages_.pages[0], *mark);
    ASSERT_TRUE(box);
    EXPECT_LT(box->bottom, kTextTop);
    EXPECT_GT(box->top, 0);
    EXPECT_GT(box->left, kPageCentre);
    EXPECT_LE(box->right, pages_.pages[0].width);
    EXPECT_NEAR(box->centre_x(), kTextLeft + kTextWidth * 0.71, 1);
    EXPECT_NEAR(mark->centre(), box->centre_x(), 1);
    EXPECT_NEAR(line_box_centre(*mark), box->centre_y(), 1);
    // Above the national title.
    auto title = find_line(lines, "CỘNG HÒA");
    ASSERT_TRUE(title);
    EXPECT_LT(box->bottom, title->baseline - layout::kAscent * title->size);
}

TEST_F(MarksCongVan, DraftBoxIsInTheTopMarginAtTheLeft) {
    auto lines = lines_of(pages_, 0);
    auto mark = find_exact_line(lines, "DỰ THẢO LẦN 2");
    ASSERT_TRUE(mark);
    EXPECT_TRUE(mark->bold);
    auto box = box_around(pages_.pages[0], *mark);
    ASSERT_TRUE(box);
    EXPECT_NEAR(box->left, kTextLeft, 0.01);
    EXPECT_LT(box->right, kPageCentre);
    EXPECT_LT(box->bottom, kTextTop);
    EXPECT_GT(box->top, 0);
    EXPECT_NEAR(mark->centre(), box->centre_x(), 1);
}

TEST_F(MarksCongVan, TopMarginMarksAreReadFirst) {
    auto lines = lines_of(pages_, 0);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].text, "DỰ THẢO LẦN 2");
    EXPECT_EQ(lines[1].text, "LƯU HÀNH NỘI BỘ");
}

TEST_F(MarksCongVan, FooterIsOnPageOneUnderAFullWidthRule) {
    const double rule_y = expect_footer(
        pages_, {"Số 8 đường Võ Nguyên Giáp, phường Mường Thanh, thành phố Điện Biên Phủ, tỉnh "
                 "Điện Biên",
                 "ĐT: 0215 3825 123, Fax: 0215 3825 124",
                 "E-mail: snv@dienbien.gov.vn, Website: sonoivu.dienbien.gov.vn"});
    expect_body_above(pages_, rule_y);
}

class MarksKeHoach : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { pages_ = layout_case("marks-ke-hoach.yaml"); }
    static inline layout::Pages pages_;
};

TEST_F(MarksKeHoach, HoaTocIsInAThirtyByEightBoxAndTheTitleBelowIt) {
    const Box box = expect_urgency_box(pages_, "HOẢ TỐC", 30);
    auto type = find_exact_line(lines_of(pages_, 0), "KẾ HOẠCH");
    ASSERT_TRUE(type);
    EXPECT_GT(type->baseline - layout::kAscent * type->size, box.bottom);
}

TEST_F(MarksKeHoach, FooterIsOnPageOneAndTheBodyEndsAboveIt) {
    const double rule_y =
        expect_footer(pages_, {"Số 2 Lê Thánh Tông, quận Hoàn Kiếm, thành phố Hà Nội",
                               "ĐT: 024 3825 6789, E-mail: vanphong@hoilhpnhanoi.vn"});
    expect_body_above(pages_, rule_y);
}

TEST(Marks, KhanIsInATwentyByEightBoxAndNoFooterWithoutAddress) {
    const auto pages = layout_case("marks-khan.yaml");
    expect_urgency_box(pages, "KHẨN", 20);
    EXPECT_TRUE(full_width_rules(pages.pages[0]).empty());
}

TEST(Marks, UnknownUrgencyWordGetsAFittedBoxAndAWarning) {
    std::vector<Diagnostic> warnings;
    Engine engine;
    const auto pages = engine.layout({.data_file = kSource / "tests/e2e/cases/marks-unknown.yaml",
                                      .template_name = kSource / "tests/e2e/cases/marks-markup"},
                                     &warnings);
    auto mark = find_exact_line(lines_of(pages, 0), "RẤT KHẨN");
    ASSERT_TRUE(mark);
    auto box = box_around(pages.pages[0], *mark);
    ASSERT_TRUE(box);
    EXPECT_NEAR(box->width(), mark->width() + 2 * core::mm(2.5), 0.5);
    EXPECT_NEAR(core::to_mm(box->height()), 8, 0.1);
    bool warned = false;
    for (const auto& w : warnings)
        if (w.code == "layout.urgency") {
            warned = true;
            EXPECT_NE(w.hints.at(0).find("THƯỢNG KHẨN"), std::string::npos);
        }
    EXPECT_TRUE(warned);
}

}  // namespace

namespace {

// A table on page 1 stops above the footer's rule: no cell text or table rule below it.
TEST(Marks, TableOnPageOneEndsAboveTheFooter) {
    const auto pages = layout_case("marks-table.yaml");
    ASSERT_GE(pages.pages.size(), 2u);
    const double rule_y =
        expect_footer(pages, {"Số 8 đường Võ Nguyên Giáp, phường Mường Thanh, thành phố Điện "
                              "Biên Phủ, tỉnh Điện Biên",
                              "ĐT: 0215 3825 123, Fax: 0215 3825 124"});
    for (const auto& l : lines_of(pages, 0)) {
        if (std::abs(l.size - 11) > 0.01) {
            EXPECT_LT(l.baseline, rule_y) << l.text;
        }
    }
    int table_rules = 0;
    for (const auto& item : pages.pages[0].items)
        if (const auto* r = std::get_if<layout::Rule>(&item)) {
            if (horizontal(*r) && std::abs(r->y1 - rule_y) < 1e-6) continue;  // the footer's
            EXPECT_LE(std::max(r->y1, r->y2), rule_y + 1e-6);
            ++table_rules;
        }
    EXPECT_GT(table_rules, 10) << "the table starts on page 1";
    EXPECT_TRUE(find_line(lines_of(pages, 1), "Đơn vị")) << "and goes on to page 2";
}

}  // namespace
