#include <gtest/gtest.h>

#include "text/text.hpp"

using namespace vanthu;

namespace {

model::Paragraph heading(int level, const std::string& text) {
    model::Paragraph p;
    p.heading_level = level;
    p.runs = {{text, {}, false}};
    return p;
}

std::vector<std::string> texts(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& b : doc.body) out.push_back(std::get<model::Paragraph>(b).plain_text());
    return out;
}

}  // namespace

TEST(NumberHeadings, CountsPerLevelAndRestartsUnderANewParent) {
    model::Document doc;
    doc.numbering = {"I", "1", "1.1"};
    doc.body = {heading(1, "mục đích"), heading(2, "a"),         heading(2, "b"), heading(3, "c"),
                heading(3, "d"),        heading(1, "đối tượng"), heading(2, "e"), heading(3, "f")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"I. MỤC ĐÍCH", "1. a", "2. b", "2.1. c",
                                                    "2.2. d", "II. ĐỐI TƯỢNG", "1. e", "1.1. f"}));
}

// Found by fuzz_markup: a "1.1" heading whose level above never came (an <h4> right after an
// <h1>) threw std::invalid_argument, an internal error (tests/fuzz/corpus/markup/).
TEST(NumberHeadings, DecimalHeadingWithoutAParentTakesItsOwnNumber) {
    model::Document doc;
    doc.numbering = {"I", "1", "1.1"};
    doc.body = {heading(1, "mục đích"), heading(3, "a"), heading(3, "b"), heading(2, "c"),
                heading(3, "d")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc),
              (std::vector<std::string>{"I. MỤC ĐÍCH", "1. a", "2. b", "1. c", "1.1. d"}));
}

// Roman numerals end at 3999: later headings and divisions are numbered in digits.
TEST(NumberHeadings, RomanCountersPast3999AreDigits) {
    for (const std::string style : {"I", "Chương"}) {
        model::Document doc;
        doc.numbering = {style};
        doc.body.assign(4000, heading(1, "x"));
        text::number_headings(doc);
        const auto all = texts(doc);
        EXPECT_EQ(all[3998], style == "I" ? "MMMCMXCIX. X" : "Chương MMMCMXCIX\nX");
        EXPECT_EQ(all[3999], style == "I" ? "4000. X" : "Chương 4000\nX");
    }
}

TEST(NumberHeadings, LettersAndAlphaSchemes) {
    model::Document doc;
    doc.numbering = {"A", "a"};
    doc.body = {heading(1, "x"), heading(2, "y"), heading(2, "z"),
                heading(2, "w"), heading(2, "v"), heading(2, "u")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc),
              (std::vector<std::string>{"A. X", "a) y", "b) z", "c) w", "d) v", "đ) u"}));
}

TEST(NumberHeadings, NoSchemeLeavesHeadingsAsWritten) {
    model::Document doc;
    doc.body = {heading(1, "Tiêu đề"), heading(2, "Mục")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"Tiêu đề", "Mục"}));
}

namespace {

model::Paragraph plain(int level, const std::string& text) {
    auto p = heading(level, text);
    p.plain_heading = true;
    return p;
}

const model::Paragraph& paragraph(const model::Document& doc, size_t i) {
    return std::get<model::Paragraph>(doc.body.at(i));
}

}  // namespace

TEST(NumberHeadings, ArticlesRunThroughChaptersAndSections) {
    model::Document doc;
    doc.numbering = {"Chương", "Mục", "Điều", "1", "a"};
    doc.body = {heading(1, "Quy định chung"),   heading(3, "Phạm vi điều chỉnh"),
                plain(4, "Quy chế này …"),      plain(5, "điểm một"),
                plain(5, "điểm hai"),           plain(4, "khoản hai"),
                heading(1, "Nội dung cụ thể"),  heading(2, "Lịch công tác"),
                heading(3, "Chương trình"),     plain(4, "khoản của Điều 2"),
                heading(2, "Chế độ thông tin"), heading(3, "Báo cáo")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc),
              (std::vector<std::string>{
                  "Chương I\nQUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "1. Quy chế này …",
                  "a) điểm một", "b) điểm hai", "2. khoản hai", "Chương II\nNỘI DUNG CỤ THỂ",
                  "Mục 1\nLỊCH CÔNG TÁC", "Điều 2. Chương trình", "1. khoản của Điều 2",
                  "Mục 2\nCHẾ ĐỘ THÔNG TIN", "Điều 3. Báo cáo"}));
    // Chapters and sections are centred; articles and their khoản are not.
    EXPECT_EQ(paragraph(doc, 0).align, model::Paragraph::Align::center);
    EXPECT_EQ(paragraph(doc, 7).align, model::Paragraph::Align::center);
    EXPECT_EQ(paragraph(doc, 1).align, model::Paragraph::Align::justify);
    EXPECT_EQ(paragraph(doc, 2).align, model::Paragraph::Align::justify);
}

TEST(NumberHeadings, SectionsRestartInEachChapter) {
    model::Document doc;
    doc.numbering = {"Chương", "Mục", "Điều"};
    doc.body = {heading(1, "a"), heading(2, "b"), heading(2, "c"), heading(1, "d"),
                heading(2, "e")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"Chương I\nA", "Mục 1\nB", "Mục 2\nC",
                                                    "Chương II\nD", "Mục 1\nE"}));
}

TEST(NumberHeadings, APlainArticleHasABoldLabelAndUprightText) {
    model::Document doc;
    doc.numbering = {"Điều", "1", "a"};
    doc.body = {plain(1, "Phê duyệt Kế hoạch."), plain(1, "Giao Sở Nội vụ:"), plain(2, "chủ trì;"),
                plain(3, "điểm")};
    text::number_headings(doc);
    EXPECT_EQ(texts(doc),
              (std::vector<std::string>{"Điều 1. Phê duyệt Kế hoạch.",
                                        "Điều 2. Giao Sở Nội vụ:", "1. chủ trì;", "a) điểm"}));
    const auto& article = paragraph(doc, 0);
    ASSERT_EQ(article.runs.size(), 2u);
    EXPECT_EQ(article.runs[0].text, "Điều 1. ");
    EXPECT_TRUE(article.runs[0].style.bold);
    EXPECT_FALSE(article.runs[1].style.bold);
    // A plain khoản takes the style of its first word: upright.
    EXPECT_FALSE(paragraph(doc, 2).runs[0].style.bold);
    // An article's title is not put in capitals, whatever its level.
    EXPECT_EQ(article.align, model::Paragraph::Align::justify);
}

TEST(NumberHeadings, ADivisionKeepsItsCaseOnRequestAndMayHaveNoTitle) {
    model::Document doc;
    doc.numbering = {"Phần", "Chương"};
    auto kept = heading(1, "Tổng quan");
    kept.keep_case = true;
    doc.body = {kept, model::Paragraph{}};
    std::get<model::Paragraph>(doc.body[1]).heading_level = 2;
    text::number_headings(doc);
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"Phần I\nTổng quan", "Chương I"}));
}
