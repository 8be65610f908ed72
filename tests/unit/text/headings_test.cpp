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
