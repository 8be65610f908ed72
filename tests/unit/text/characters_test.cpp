#include <gtest/gtest.h>

#include <string>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

std::string code_of(std::string_view s) {
    const auto r = first_refused_character(s);
    return r ? r->code : std::string();
}

TEST(RefusedCharacters, OrdinaryTextInAnyScriptPasses) {
    EXPECT_FALSE(first_refused_character("Cộng hòa xã hội chủ nghĩa Việt Nam"));
    EXPECT_FALSE(first_refused_character("שלום עולם مرحبا 中文 हिन्दी 😀 ✓ •"));
    EXPECT_FALSE(first_refused_character("a\tb\nc"));
    // Joiners, the word joiner and soft hyphen have a use in text.
    EXPECT_FALSE(first_refused_character("a\u200Bb\u200Cc\u200Dd\u2060e\u00ADf"));
}

// The marks settle the direction of neighbouring punctuation and nest nothing: allowed.
TEST(RefusedCharacters, BidiMarksPass) {
    EXPECT_FALSE(first_refused_character("abc\u200E (1)"));
    EXPECT_FALSE(first_refused_character("שלום\u200F (1)"));
    EXPECT_FALSE(first_refused_character("\u061Cمرحبا"));
}

TEST(RefusedCharacters, EveryEmbeddingOverrideAndIsolateIsRefused) {
    for (char32_t c : {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
        std::string s = "a";
        // UTF-8 of the 3-byte control.
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
        s += "b";
        EXPECT_EQ(code_of(s), "text.bidi-control") << std::hex << static_cast<unsigned>(c);
    }
}

TEST(RefusedCharacters, NamesTheCharacterWhereItIsAndWhatToDo) {
    const auto r = first_refused_character("Công ty \u202Eabc");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->code, "text.bidi-control");
    EXPECT_EQ(r->code_point, 0x202Eu);
    EXPECT_EQ(r->offset, std::string("Công ty ").size());
    EXPECT_EQ(r->before, "Công ty ");
    EXPECT_EQ(r->label, "U+202E RIGHT-TO-LEFT OVERRIDE");
    EXPECT_EQ(describe(*r).find("U+202E RIGHT-TO-LEFT OVERRIDE after \"Công ty \": an invisible"),
              0u)
        << describe(*r);
    ASSERT_FALSE(r->hints.empty());
    EXPECT_NE(r->hints[0].find("delete"), std::string::npos);
}

// Only the current line goes into `before`, and at most 20 characters of it.
TEST(RefusedCharacters, ContextIsShortAndOnOneLine) {
    const auto r = first_refused_character("dòng một\nmột hai ba bốn năm sáu bảy tám\uFEFF");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->before, " bốn năm sáu bảy tám");
}

TEST(RefusedCharacters, OtherClasses) {
    EXPECT_EQ(code_of("x\uFEFFy"), "text.invisible");
    EXPECT_EQ(code_of("x\U000E0041y"), "text.invisible");  // TAG LATIN CAPITAL LETTER A
    EXPECT_EQ(code_of("Nguy\uFFFDn"), "text.replacement-character");
    EXPECT_EQ(code_of("\uF0FC Đạt"), "text.private-use");  // Wingdings' check mark in Word
    EXPECT_EQ(code_of("\U000F0001"), "text.private-use");
    EXPECT_EQ(code_of("a\uFDD0"), "text.unassigned");      // noncharacter
    EXPECT_EQ(code_of("a\U0001FFFE"), "text.unassigned");  // noncharacter
    EXPECT_EQ(code_of("a\u0378"), "text.unassigned");      // unassigned in Unicode 15
}

TEST(RefusedCharacters, InvalidUtf8AndAsciiControlsAreLeftToTheirOwnChecks) {
    EXPECT_FALSE(first_refused_character("a\xC3\x28 b"));
    EXPECT_FALSE(first_refused_character("a\x01 b"));
}

TEST(RefusedCharacters, LabelsWithAndWithoutAName) {
    EXPECT_EQ(character_label(0x202E), "U+202E RIGHT-TO-LEFT OVERRIDE");
    EXPECT_EQ(character_label(0xFEFF), "U+FEFF ZERO WIDTH NO-BREAK SPACE");
    EXPECT_EQ(character_label(0xE000), "U+E000");
}

}  // namespace
}  // namespace vanthu::text
