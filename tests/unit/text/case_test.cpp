#include <gtest/gtest.h>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

TEST(Upper, VietnameseOrganisationName) {
    EXPECT_EQ(upper("hội liên hiệp phụ nữ"), "HỘI LIÊN HIỆP PHỤ NỮ");
    EXPECT_EQ(upper("Ban Thường vụ"), "BAN THƯỜNG VỤ");
    EXPECT_EQ(upper("Liên đoàn Lao động"), "LIÊN ĐOÀN LAO ĐỘNG");
}

TEST(Upper, DStrokeIsU0110NeverEth) {
    EXPECT_EQ(upper("đ"), "\xC4\x90");  // U+0110
    EXPECT_NE(upper("đ"), "\xC3\x90");  // U+00D0, Icelandic eth
}

TEST(Upper, HornedAndBrevedLetters) {
    EXPECT_EQ(upper("ư ơ ă â ê ô"), "Ư Ơ Ă Â Ê Ô");
    EXPECT_EQ(upper("ữ ợ ặ ẫ ệ ỗ ỹ"), "Ữ Ợ Ặ Ẫ Ệ Ỗ Ỹ");
    EXPECT_EQ(upper("ư"), "\xC6\xAF");  // U+01AF, precomposed
    EXPECT_EQ(upper("ơ"), "\xC6\xA0");  // U+01A0
}

TEST(Upper, DecomposedInputComesOutNfc) {
    EXPECT_EQ(upper("vie\xCC\x82\xCC\xA3t"), "VIỆT");
    EXPECT_EQ(upper("vie\xCC\x82\xCC\xA3t").size(), std::string("VIỆT").size());
}

TEST(Upper, KeepsForcedLineBreaksAndDigits) {
    EXPECT_EQ(upper("liên đoàn lao động\nthành phố hà nội"),
              "LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI");
    EXPECT_EQ(upper("quận 1"), "QUẬN 1");
}

TEST(TitleCase, CapitalisesOnlyTheFirstLetterOfEachSyllable) {
    EXPECT_EQ(title_case("đặng thị phương hoa"), "Đặng Thị Phương Hoa");
    EXPECT_EQ(title_case("ưng ơn"), "Ưng Ơn");
    // The rest of each syllable is left as typed.
    EXPECT_EQ(title_case("mcDonald iPhone"), "McDonald IPhone");
    EXPECT_EQ(title_case("  hai  khoảng  "), "  Hai  Khoảng  ");
}

TEST(TitleCase, SkipsOpeningPunctuationButNotDigits) {
    EXPECT_EQ(title_case("(đã ký)"), "(Đã Ký)");
    EXPECT_EQ(title_case("1a bản"), "1a Bản");
}

TEST(TitleCase, DecomposedInput) {
    EXPECT_EQ(title_case("e\xCC\x82\xCC\x81 vie\xCC\x82\xCC\xA3t"), "Ế Việt");
}

}  // namespace
}  // namespace vanthu::text
