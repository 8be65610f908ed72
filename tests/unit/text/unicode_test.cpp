#include <gtest/gtest.h>

#include <string>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, AcceptsVietnameseAndAllSequenceLengths) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Cộng hòa xã hội chủ nghĩa Việt Nam"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, 4 bytes
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    EXPECT_EQ(first_invalid_utf8("Đoàn"), npos);
}

TEST(Utf8, RejectsOverlongForms) {
    EXPECT_EQ(first_invalid_utf8("ab\xC0\xAF"), 2u);  // overlong "/"
    EXPECT_EQ(first_invalid_utf8("\xC1\xBF"), 0u);
    EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0u);      // 3-byte overlong
    EXPECT_EQ(first_invalid_utf8("\xF0\x80\x80\xAF"), 0u);  // 4-byte overlong
}

TEST(Utf8, RejectsSurrogatesAndBeyondUnicode) {
    EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);     // U+D800
    EXPECT_EQ(first_invalid_utf8("\xED\xBF\xBF"), 0u);      // U+DFFF
    EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // U+110000
    EXPECT_EQ(first_invalid_utf8("\xF5\x80\x80\x80"), 0u);
    EXPECT_EQ(first_invalid_utf8("\xFF"), 0u);
}

TEST(Utf8, RejectsTruncatedAndStrayBytes) {
    EXPECT_EQ(first_invalid_utf8("Vi\xE1\xBB"), 2u);  // "ệ" cut short
    EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);      // lone continuation byte
    EXPECT_EQ(first_invalid_utf8("\xC3("), 0u);
    // Latin-1 "Hà Nội" as typed by a legacy editor: the first bad byte is the "à".
    EXPECT_EQ(first_invalid_utf8("H\xE0 N"), 1u);
    EXPECT_FALSE(is_valid_utf8("H\xE0 N"));
}

TEST(Nfc, ComposesDecomposedVietnamese) {
    // "Việt" typed as e + circumflex + dot below (NFD).
    EXPECT_EQ(nfc("Vie\xCC\x82\xCC\xA3t"), "Việt");
    // Non-canonical mark order still composes to the same letter.
    EXPECT_EQ(nfc("Vie\xCC\xA3\xCC\x82t"), "Việt");
    // "hội người" with combining hook above/grave/horn from seed 002 style input.
    EXPECT_EQ(nfc("ho\xCC\x82\xCC\xA3i ngu\xCC\x9Bo\xCC\x9B\xCC\x80i"), "hội người");
}

TEST(Nfc, LeavesNfcAndAsciiAlone) {
    EXPECT_EQ(nfc("Hội Liên hiệp Phụ nữ"), "Hội Liên hiệp Phụ nữ");
    EXPECT_EQ(nfc("Ban Thuong vu 2024"), "Ban Thuong vu 2024");
    EXPECT_EQ(nfc(""), "");
    // đ has no decomposition; it must survive untouched.
    EXPECT_EQ(nfc("\xC4\x91"), "\xC4\x91");
}

}  // namespace
}  // namespace vanthu::text
