// Reuse of shaped paragraphs (ShapeCache): a hit gives exactly the lines a fresh shaping
// gives, anything that changes the lines misses, and a text with a problem is never reused.
#include "layout/shape_cache.hpp"

#include <gtest/gtest.h>

#include "layout/font_set.hpp"
#include "tools/test_fonts.hpp"

using namespace vanthu;
using namespace vanthu::layout;

namespace {

using vanthu::testing::liberation_serif;

TextSpec paragraph(const std::string& text, double width = 300) {
    TextSpec spec;
    spec.runs = {{text, {}, false}};
    spec.width = width;
    spec.indent = 28;
    spec.align = Align::justify;
    return spec;
}

const std::string kText =
    "Đánh giá kết quả triển khai, cụ thể hóa phong trào thi đua của Trung ương Hội trên địa bàn "
    "thành phố Hà Nội và công tác tập hợp, thu hút phụ nữ nửa đầu nhiệm kỳ.";

bool same(const ShapedText& a, const ShapedText& b) {
    if (a.lines.size() != b.lines.size()) return false;
    for (size_t i = 0; i < a.lines.size(); ++i) {
        const auto &x = a.lines[i], &y = b.lines[i];
        if (x.left != y.left || x.width != y.width || x.runs.size() != y.runs.size()) return false;
        for (size_t r = 0; r < x.runs.size(); ++r) {
            const auto &p = x.runs[r], &q = y.runs[r];
            if (p.text != q.text || p.x != q.x || p.face != q.face || p.size != q.size ||
                p.glyphs.size() != q.glyphs.size())
                return false;
            for (size_t g = 0; g < p.glyphs.size(); ++g)
                if (p.glyphs[g].id != q.glyphs[g].id || p.glyphs[g].x != q.glyphs[g].x)
                    return false;
        }
    }
    return true;
}

class ShapeCacheTest : public ::testing::Test {
  protected:
    FontSet fonts_ = liberation_serif();
    Shaper plain_{fonts_.choose({"Liberation Serif"}, true)};
    Shaper reusing_{fonts_.choose({"Liberation Serif"}, true)};
    void SetUp() override { reusing_.reuse_shaped_text(16); }
};

}  // namespace

TEST_F(ShapeCacheTest, SecondEqualTextIsReusedAndEqualToFreshShaping) {
    core::Diagnostics diags;
    const ShapedText fresh = plain_.shape(paragraph(kText), diags);
    const ShapedText first = reusing_.shape(paragraph(kText), diags);
    const ShapedText again = reusing_.shape(paragraph(kText), diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_NE(reusing_.cache(), nullptr);
    EXPECT_EQ(reusing_.cache()->hits(), 1u);
    EXPECT_EQ(reusing_.cache()->misses(), 1u);
    EXPECT_GT(fresh.lines.size(), 1u);
    EXPECT_TRUE(same(fresh, first));
    EXPECT_TRUE(same(fresh, again));
}

TEST_F(ShapeCacheTest, WidthStyleOrTextChangesMiss) {
    core::Diagnostics diags;
    reusing_.shape(paragraph(kText), diags);
    reusing_.shape(paragraph(kText, 250), diags);
    auto bold = paragraph(kText);
    bold.bold = true;
    reusing_.shape(bold, diags);
    auto italic_run = paragraph(kText);
    italic_run.runs[0].style.italic = true;
    reusing_.shape(italic_run, diags);
    auto kept = paragraph(kText);
    kept.keep_together = {{0, 10}};
    reusing_.shape(kept, diags);
    reusing_.shape(paragraph(kText + " "), diags);
    EXPECT_EQ(reusing_.cache()->hits(), 0u);
    EXPECT_EQ(reusing_.cache()->misses(), 6u);
    // The same text split into two runs is another key too (runs may differ in style).
    auto split = paragraph("");
    split.runs = {{kText.substr(0, 10), {}, false}, {kText.substr(10), {}, false}};
    reusing_.shape(split, diags);
    EXPECT_EQ(reusing_.cache()->hits(), 0u);
}

TEST_F(ShapeCacheTest, TextWithAProblemIsReportedEveryTime) {
    auto spec = paragraph("chữ 中 lạ");
    for (int i = 0; i < 2; ++i) {
        core::Diagnostics diags;
        reusing_.shape(spec, diags);
        EXPECT_TRUE(diags.has_errors()) << "shaping " << i + 1;
    }
    EXPECT_EQ(reusing_.cache()->size(), 0u);
}

TEST_F(ShapeCacheTest, LeastRecentlyUsedTextLeavesFirst) {
    ShapeCache cache(2);
    cache.insert("a", {});
    cache.insert("b", {});
    EXPECT_NE(cache.find("a"), nullptr);  // a is now more recent than b
    cache.insert("c", {});
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.find("b"), nullptr);
    EXPECT_NE(cache.find("a"), nullptr);
    EXPECT_NE(cache.find("c"), nullptr);
}

TEST_F(ShapeCacheTest, OffByDefault) { EXPECT_EQ(plain_.cache(), nullptr); }
