#include <gtest/gtest.h>

#include <climits>
#include <stdexcept>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

// What ICU 72's "vi" spell-out really gives (platform-facts Q5): northern forms.
TEST(NumberInWords, UnitsTeensAndTens) {
    EXPECT_EQ(number_in_words(0), "không");
    EXPECT_EQ(number_in_words(5), "năm");
    EXPECT_EQ(number_in_words(10), "mười");
    EXPECT_EQ(number_in_words(14), "mười bốn");
    EXPECT_EQ(number_in_words(15), "mười lăm");  // not "mười năm"
    EXPECT_EQ(number_in_words(20), "hai mươi");
    EXPECT_EQ(number_in_words(21), "hai mươi mốt");  // not "hai mươi một"
    EXPECT_EQ(number_in_words(24), "hai mươi tư");
    EXPECT_EQ(number_in_words(25), "hai mươi lăm");
    EXPECT_EQ(number_in_words(34), "ba mươi tư");  // northern "tư", not "bốn"
    EXPECT_EQ(number_in_words(55), "năm mươi lăm");
}

TEST(NumberInWords, HundredsAndThousands) {
    EXPECT_EQ(number_in_words(105), "một trăm lẻ năm");  // northern "lẻ", not "linh"
    EXPECT_EQ(number_in_words(110), "một trăm mười");
    EXPECT_EQ(number_in_words(115), "một trăm mười lăm");
    EXPECT_EQ(number_in_words(1001), "một nghìn không trăm lẻ một");
    EXPECT_EQ(number_in_words(1015), "một nghìn không trăm mười lăm");
    EXPECT_EQ(number_in_words(10005), "mười nghìn không trăm lẻ năm");
    EXPECT_EQ(number_in_words(21000), "hai mươi mốt nghìn");  // "nghìn", not "ngàn"
}

TEST(NumberInWords, MillionsAndBillions) {
    EXPECT_EQ(number_in_words(1000000), "một triệu");
    EXPECT_EQ(number_in_words(1250000), "một triệu hai trăm năm mươi nghìn");
    EXPECT_EQ(number_in_words(1234567),
              "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy");
    EXPECT_EQ(number_in_words(1000000000), "một tỷ");
    EXPECT_EQ(number_in_words(3500000000LL), "ba tỷ năm trăm triệu");
    EXPECT_EQ(number_in_words(1000000000000LL), "một nghìn tỷ");
    // ICU's shortening across an empty group (an accountant may write "không trăm"):
    EXPECT_EQ(number_in_words(1000005), "một triệu lẻ năm");
    EXPECT_EQ(number_in_words(1000000001LL), "một tỷ lẻ một");
}

TEST(NumberInWords, NegativeAndRange) {
    EXPECT_EQ(number_in_words(-5), "âm năm");
    // The largest number ICU spells; 10^15 and up are read as "triệu tỷ".
    EXPECT_EQ(number_in_words(999'999'999'999'999'999LL),
              "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín "
              "mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín "
              "trăm chín mươi chín");
    EXPECT_EQ(number_in_words(1'000'000'000'000'000LL), "một triệu tỷ");
    EXPECT_THROW(number_in_words(1'000'000'000'000'000'000LL), std::out_of_range);
    EXPECT_THROW(number_in_words(-1'000'000'000'000'000'000LL), std::out_of_range);
    EXPECT_THROW(number_in_words(LLONG_MIN), std::out_of_range);
    EXPECT_THROW(number_in_words(LLONG_MAX), std::out_of_range);
}

TEST(AmountInWords, CapitalisedWithDong) {
    EXPECT_EQ(amount_in_words(1250000), "Một triệu hai trăm năm mươi nghìn đồng");
    EXPECT_EQ(amount_in_words(0), "Không đồng");
    EXPECT_EQ(amount_in_words(105), "Một trăm lẻ năm đồng");
    EXPECT_EQ(amount_in_words(3500000000LL), "Ba tỷ năm trăm triệu đồng");
    EXPECT_EQ(amount_in_words(21), "Hai mươi mốt đồng");
    EXPECT_EQ(amount_in_words(1015), "Một nghìn không trăm mười lăm đồng");
    EXPECT_EQ(amount_in_words(1000000000), "Một tỷ đồng");
    EXPECT_EQ(amount_in_words(25000), "Hai mươi lăm nghìn đồng");
    EXPECT_EQ(amount_in_words(8000), "Tám nghìn đồng");  // capital with a non-ASCII letter after
}

TEST(AmountInWords, NegativeStartsWithCapitalAm) {
    EXPECT_EQ(amount_in_words(-5000), "Âm năm nghìn đồng");
    EXPECT_EQ(amount_in_words(-5000).substr(0, 3), "\xC3\x82m");  // U+00C2, precomposed
}

TEST(AmountInWords, SameRangeAsNumberInWords) {
    EXPECT_THROW(amount_in_words(LLONG_MAX), std::out_of_range);
    EXPECT_NO_THROW(amount_in_words(-999'999'999'999'999'999LL));
}

}  // namespace
}  // namespace vanthu::text
