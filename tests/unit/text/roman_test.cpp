#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

TEST(Roman, Values) {
    EXPECT_EQ(roman(1), "I");
    EXPECT_EQ(roman(3), "III");
    EXPECT_EQ(roman(4), "IV");
    EXPECT_EQ(roman(9), "IX");
    EXPECT_EQ(roman(13), "XIII");  // "lần thứ XIII"
    EXPECT_EQ(roman(14), "XIV");
    EXPECT_EQ(roman(16), "XVI");
    EXPECT_EQ(roman(40), "XL");
    EXPECT_EQ(roman(90), "XC");
    EXPECT_EQ(roman(400), "CD");
    EXPECT_EQ(roman(1994), "MCMXCIV");
    EXPECT_EQ(roman(2024), "MMXXIV");
    EXPECT_EQ(roman(3999), "MMMCMXCIX");
}

TEST(Roman, OutOfRangeThrows) {
    EXPECT_THROW(roman(0), std::invalid_argument);
    EXPECT_THROW(roman(-1), std::invalid_argument);
    EXPECT_THROW(roman(4000), std::invalid_argument);
}

TEST(LetterLabel, VietnameseSequence) {
    const char* expected[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                              "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    for (int i = 0; i < 23; ++i) EXPECT_EQ(letter_label(i + 1), expected[i]) << i + 1;
    EXPECT_EQ(letter_label(5), "\xC4\x91");  // đ U+0111
}

TEST(LetterLabel, NoForeignLetters) {
    for (int n = 1; n <= 23; ++n) {
        const std::string l = letter_label(n);
        EXPECT_TRUE(l != "f" && l != "j" && l != "w" && l != "z") << l;
    }
}

TEST(LetterLabel, ContinuesPastYLikeSpreadsheetColumns) {
    EXPECT_EQ(letter_label(24), "aa");
    EXPECT_EQ(letter_label(25), "ab");
    EXPECT_EQ(letter_label(28), "ađ");
    EXPECT_EQ(letter_label(46), "ay");
    EXPECT_EQ(letter_label(47), "ba");
    EXPECT_EQ(letter_label(23 + 23 * 23), "yy");
    EXPECT_EQ(letter_label(23 + 23 * 23 + 1), "aaa");
    std::set<std::string> seen;
    for (int n = 1; n <= 600; ++n) EXPECT_TRUE(seen.insert(letter_label(n)).second) << n;
}

TEST(LetterLabel, RejectsZeroAndNegative) {
    EXPECT_THROW(letter_label(0), std::invalid_argument);
    EXPECT_THROW(letter_label(-3), std::invalid_argument);
}

TEST(NumberingLabel, Styles) {
    EXPECT_EQ(numbering_label(LabelStyle::decimal, {1, 2}), "1.2.");
    EXPECT_EQ(numbering_label(LabelStyle::decimal, {2, 1, 3}), "2.1.3.");
    EXPECT_EQ(numbering_label(LabelStyle::decimal, {7}), "7.");
    EXPECT_EQ(numbering_label(LabelStyle::arabic, {3}), "3.");
    EXPECT_EQ(numbering_label(LabelStyle::arabic, {1, 12}), "12.");  // last counter only
    EXPECT_EQ(numbering_label(LabelStyle::upper_alpha, {2}), "B.");
    EXPECT_EQ(numbering_label(LabelStyle::upper_alpha, {26}), "Z.");
    EXPECT_EQ(numbering_label(LabelStyle::upper_alpha, {27}), "AA.");
    EXPECT_EQ(numbering_label(LabelStyle::roman, {4}), "IV.");
    EXPECT_EQ(numbering_label(LabelStyle::roman, {2, 9}), "IX.");
    EXPECT_EQ(numbering_label(LabelStyle::letter, {5}), "đ)");
    EXPECT_EQ(numbering_label(LabelStyle::letter, {3, 7}), "g)");
    EXPECT_EQ(numbering_label(LabelStyle::dash, {}), "-");
    EXPECT_EQ(numbering_label(LabelStyle::dash, {4}), "-");
    EXPECT_EQ(numbering_label(LabelStyle::plus, {}), "+");
}

TEST(NumberingLabel, BadCounters) {
    EXPECT_THROW(numbering_label(LabelStyle::arabic, {}), std::invalid_argument);
    EXPECT_THROW(numbering_label(LabelStyle::decimal, {}), std::invalid_argument);
    EXPECT_THROW(numbering_label(LabelStyle::decimal, {1, 0}), std::invalid_argument);
    EXPECT_THROW(numbering_label(LabelStyle::letter, {0}), std::invalid_argument);
    EXPECT_THROW(numbering_label(LabelStyle::roman, {4000}), std::invalid_argument);
}

}  // namespace
}  // namespace vanthu::text
