#include "layout/shaper.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "layout/font_set.hpp"
#include "tools/test_fonts.hpp"

using namespace vanthu;
using namespace vanthu::layout;

namespace {

using vanthu::testing::liberation_serif;

class ShaperTest : public ::testing::Test {
  protected:
    FontSet fonts_ = liberation_serif();
    Shaper shaper_{fonts_.choose({"Liberation Serif"}, true)};
};

std::string line_text(const ShapedLine& line) {
    std::string s;
    for (const auto& r : line.runs) s += r.text;
    return s;
}

}  // namespace

TEST(FontSet, UnknownFamilyNamesTheKnownOnes) {
    auto fonts = liberation_serif();
    try {
        fonts.choose({"Arial"}, true);
        FAIL();
    } catch (const core::Failure& f) {
        EXPECT_EQ(f.diagnostics()[0].code, "font.family");
        EXPECT_NE(f.diagnostics()[0].message.find("Liberation Serif"), std::string::npos);
    }
}

TEST(FontSet, PreferenceFallsThroughToTheFirstKnownFamily) {
    auto fonts = liberation_serif();
    EXPECT_EQ(fonts.choose({"Times New Roman", "Liberation Serif"}, false).name,
              "Liberation Serif");
}

TEST(FontSet, MissingFaceIsAnError) {
    FontSet fonts;
    fonts.add_family("X",
                     {vanthu::testing::kLiberationDir + "LiberationSerif-Regular.ttf", "", "", ""},
                     "list.json");
    try {
        fonts.choose({"X"}, true);
        FAIL();
    } catch (const core::Failure& f) {
        EXPECT_EQ(f.diagnostics()[0].code, "font.face");
        EXPECT_NE(f.diagnostics()[0].message.find("no Bold face"), std::string::npos);
        EXPECT_EQ(f.diagnostics()[0].where->file, "list.json");
    }
}

TEST(FontSet, MissingFileIsAnError) {
    FontSet fonts;
    EXPECT_THROW(fonts.add_family("X", {"/no/such.ttf", "", "", ""}, "list.json"), core::Failure);
}

TEST(FontSet, AFileThatIsNotAFontIsAnErrorAtOnce) {
    const std::string path = ::testing::TempDir() + "not-a-font.ttf";
    {
        std::ofstream out(path);
        out << "<html>not a font</html>";
    }
    FontSet fonts;
    try {
        fonts.add_family("X", {path, "", "", ""}, "list.json");
        FAIL() << "a file that is not a font must be refused";
    } catch (const core::Failure& f) {
        EXPECT_EQ(f.diagnostics()[0].code, "font.file");
        EXPECT_NE(f.diagnostics()[0].message.find("not a TrueType or OpenType font"),
                  std::string::npos);
    }
    std::remove(path.c_str());
}

// The character set is read on first use, by whichever thread comes first.
TEST(FontSet, CharacterSetIsReadOnceWhoeverAsks) {
    auto fonts = liberation_serif();
    const auto& face = fonts.choose({"Liberation Serif"}, true).face(FaceStyle::bold);
    std::thread other([&] { face.load_charset(); });
    EXPECT_TRUE(face.covers(U'Ữ'));
    other.join();
    EXPECT_FALSE(face.covers(U'中'));
}

TEST(FontSet, CoverageKnowsVietnameseAndNotHan) {
    auto fonts = liberation_serif();
    const auto& face = fonts.choose({"Liberation Serif"}, true).face(FaceStyle::regular);
    EXPECT_FALSE(first_missing_char(face, "Đặng Thị Phương Hoa ữ ỹ Ư Ơ đ"));
    auto missing = first_missing_char(face, "ab 中");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code_point, U'中');
    EXPECT_EQ(missing->offset, 3u);
    EXPECT_FALSE(first_missing_char(face, "a\u2060b")) << "default-ignorable code points pass";
}

TEST_F(ShaperTest, KeepsTextAndClustersConsistent) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"Cộng hòa xã hội chủ nghĩa Việt Nam", {}, false}};
    auto shaped = shaper_.shape(spec, diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_EQ(shaped.lines.size(), 1u);
    EXPECT_EQ(line_text(shaped.lines[0]), "Cộng hòa xã hội chủ nghĩa Việt Nam");
    for (const auto& run : shaped.lines[0].runs) {
        int bytes = 0, glyphs = 0;
        for (const auto& c : run.clusters) bytes += c.bytes, glyphs += c.glyphs;
        EXPECT_EQ(bytes, static_cast<int>(run.text.size()));
        EXPECT_EQ(glyphs, static_cast<int>(run.glyphs.size()));
    }
}

TEST_F(ShaperTest, KerningIsOff) {
    // Liberation Serif kerns "T" after a space and "Ta"; with kerning off, the advance of a
    // string is the sum of its parts.
    const double together = shaper_.measure("Ta Ta", 14, false, false);
    const double parts = 2 * shaper_.measure("T", 14, false, false) +
                         2 * shaper_.measure("a", 14, false, false) +
                         shaper_.measure(" ", 14, false, false);
    EXPECT_NEAR(together, parts, 1e-6);
}

TEST_F(ShaperTest, BoldUsesTheBoldFile) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"thường ", {}, false}, {"đậm", {.bold = true}, false}};
    auto shaped = shaper_.shape(spec, diags);
    ASSERT_EQ(shaped.lines.size(), 1u);
    ASSERT_EQ(shaped.lines[0].runs.size(), 2u);
    const auto& faces = shaper_.faces();
    EXPECT_NE(faces.at(shaped.lines[0].runs[0].face).file.find("Regular"), std::string::npos);
    EXPECT_NE(faces.at(shaped.lines[0].runs[1].face).file.find("-Bold."), std::string::npos);
}

TEST_F(ShaperTest, KeepTogetherIsNeverBroken) {
    core::Diagnostics diags;
    TextSpec spec;
    const std::string text = "Chương trình phối hợp số 04/CTrLT-LĐLĐ-HLHPN ngày 26/12/2016";
    spec.runs = {{text, {}, false}};
    spec.width = 250;
    const size_t b = text.find("04/");
    spec.keep_together = {{b, b + std::string("04/CTrLT-LĐLĐ-HLHPN").size()}};
    auto shaped = shaper_.shape(spec, diags);
    EXPECT_FALSE(diags.has_errors());
    bool whole = false;
    for (const auto& l : shaped.lines)
        whole = whole || line_text(l).find("04/CTrLT-LĐLĐ-HLHPN") != std::string::npos;
    EXPECT_TRUE(whole);
}

// Pango lets a line break after a dash even inside a no-break range (seed 001: "giai đoạn
// 2022 –" / " 2027," at the width where only the dash still fitted).
TEST_F(ShaperTest, KeepTogetherHoldsAcrossDashes) {
    for (const std::string token : {"2022 – 2027", "2017–2021", "2022 ‐ 2027"}) {
        const std::string text = "viên chức và công nhân lao động giai đoạn " + token + ", Ban";
        const size_t b = text.find(token);
        const double before = shaper_.measure(text.substr(0, b), 14, false, false);
        const double whole = shaper_.measure(text.substr(0, b + token.size()), 14, false, false);
        for (double width = before + 1; width < whole + 4; width += 0.5) {
            core::Diagnostics diags;
            TextSpec spec;
            spec.runs = {{text, {}, false}};
            spec.width = width;
            spec.align = Align::justify;
            spec.keep_together = {{b, b + token.size()}};
            auto shaped = shaper_.shape(spec, diags);
            bool whole_on_a_line = false;
            for (const auto& l : shaped.lines)
                whole_on_a_line = whole_on_a_line || line_text(l).find(token) != std::string::npos;
            EXPECT_TRUE(whole_on_a_line) << "\"" << token << "\" broken at width " << width;
        }
    }
}

TEST_F(ShaperTest, UnbreakableTokenWiderThanTheColumnIsReported) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"số 04/CTrLT-LĐLĐ-HLHPN-ABCDEFGH", {}, false}};
    spec.width = 60;
    spec.keep_together = {{0, spec.runs[0].text.size()}};
    shaper_.shape(spec, diags);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].code, "layout.overflow");
}

TEST_F(ShaperTest, MissingGlyphIsAnErrorAndNotDrawn) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"chữ 中", {}, false}};
    spec.where = {"t.mustache", 4, 2, ""};
    auto shaped = shaper_.shape(spec, diags);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].code, "font.missing-glyph");
    EXPECT_NE(diags.items()[0].message.find("U+4E2D CJK UNIFIED IDEOGRAPH-4E2D"), std::string::npos)
        << diags.items()[0].message;
    EXPECT_EQ(diags.items()[0].where->line, 4);
    EXPECT_FALSE(diags.items()[0].hints.empty());
}

TEST_F(ShaperTest, JustifiedLinesFillTheWidth) {
    core::Diagnostics diags;
    TextSpec spec;
    std::string text;
    for (int i = 0; i < 12; ++i) text += "Liên đoàn Lao động thành phố Hà Nội ";
    spec.runs = {{text, {}, false}};
    spec.width = 400;
    spec.align = Align::justify;
    auto shaped = shaper_.shape(spec, diags);
    ASSERT_GE(shaped.lines.size(), 3u);
    for (size_t i = 0; i + 1 < shaped.lines.size(); ++i) {
        const auto& runs = shaped.lines[i].runs;
        double right = runs.back().x + runs.back().width;
        // trailing space of a wrapped line may hang past the edge; the ink must reach it
        EXPECT_GE(right, 400 - 0.01) << "line " << i;
    }
}

TEST_F(ShaperTest, UnderlineCoversExactlyTheUnderlinedText) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"ngày ", {}, false},
                 {"15/11/2024", {.underline = true}, false},
                 {" rồi thường", {}, false}};
    auto shaped = shaper_.shape(spec, diags);
    ASSERT_EQ(shaped.lines.size(), 1u);
    ASSERT_EQ(shaped.lines[0].underlines.size(), 1u);
    const auto& u = shaped.lines[0].underlines[0];
    const double start = shaper_.measure("ngày ", 14, false, false);
    const double width = shaper_.measure("15/11/2024", 14, false, false);
    EXPECT_NEAR(u.x1, start, 0.01);
    EXPECT_NEAR(u.x2 - u.x1, width, 0.01);
    EXPECT_GT(u.y1, 0) << "below the baseline";
}

// Right-to-left text (Hebrew in Liberation Serif): Pango gives its glyphs in visual order, the
// reverse of the text. The clusters still follow the text and the run says it is backward, so
// the writer maps them the way cairo expects (they once came out with negative byte counts and
// cairo refused the page: "input clusters do not represent the accompanying text").
TEST_F(ShaperTest, RightToLeftRunsHaveBackwardClustersInTextOrder) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"Đối tác שלום עולם ký", {}, false}};
    auto shaped = shaper_.shape(spec, diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_EQ(shaped.lines.size(), 1u);
    bool saw_hebrew = false;
    for (const auto& run : shaped.lines[0].runs) {
        int bytes = 0, glyphs = 0;
        for (const auto& c : run.clusters) {
            EXPECT_GT(c.bytes, 0) << run.text;
            bytes += c.bytes, glyphs += c.glyphs;
        }
        EXPECT_EQ(bytes, static_cast<int>(run.text.size())) << run.text;
        EXPECT_EQ(glyphs, static_cast<int>(run.glyphs.size())) << run.text;
        for (size_t i = 1; i < run.glyphs.size(); ++i)
            EXPECT_LT(run.glyphs[i - 1].x, run.glyphs[i].x) << "glyphs left to right";
        if (run.text.find("שלום") == std::string::npos) {
            EXPECT_FALSE(run.backward) << run.text;
            continue;
        }
        saw_hebrew = true;
        EXPECT_TRUE(run.backward);
        // The first cluster is the text's first letter, ש (2 bytes), shown by the rightmost glyph.
        ASSERT_FALSE(run.clusters.empty());
        EXPECT_EQ(run.clusters.front().bytes, 2);
        EXPECT_EQ(run.clusters.front().glyphs, 1);
    }
    EXPECT_TRUE(saw_hebrew);
}

// A paragraph that begins with a Hebrew word still runs left to right (a Vietnamese document):
// the Hebrew word comes first on the left and the line is not right-aligned.
TEST_F(ShaperTest, ParagraphDirectionIsAlwaysLeftToRight) {
    core::Diagnostics diags;
    TextSpec spec;
    spec.runs = {{"שלום là lời chào", {}, false}};
    spec.width = 400;
    auto shaped = shaper_.shape(spec, diags);
    ASSERT_EQ(shaped.lines.size(), 1u);
    const auto& line = shaped.lines[0];
    EXPECT_NEAR(line.left, 0, 1e-6);
    ASSERT_GE(line.runs.size(), 2u);
    EXPECT_TRUE(line.runs.front().backward);
    EXPECT_EQ(line.runs.front().text.find("שלום"), 0u);
    EXPECT_FALSE(line.runs.back().backward);
}
