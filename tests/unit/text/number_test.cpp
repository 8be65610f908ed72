#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

TEST(FormatNumber, VietnameseSeparators) {
    EXPECT_EQ(format_number(1234567.5), "1.234.567,5");
    EXPECT_EQ(format_number(1234567.89), "1.234.567,89");
    EXPECT_EQ(format_number(-2500), "-2.500");
    EXPECT_EQ(format_number(1e9), "1.000.000.000");
    EXPECT_EQ(format_number(1234), "1.234");  // grouped from four digits on
    EXPECT_EQ(format_number(999), "999");
    EXPECT_EQ(format_number(81.3), "81,3");
}

TEST(FormatNumber, ZeroAndSmallValues) {
    EXPECT_EQ(format_number(0), "0");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(-0.001), "0");  // rounds to zero: no "-0"
    EXPECT_EQ(format_number(1.5), "1,5");
    EXPECT_EQ(format_number(0.25), "0,25");
}

TEST(FormatNumber, NoTrailingZerosAndRounding) {
    EXPECT_EQ(format_number(2.10), "2,1");
    EXPECT_EQ(format_number(3.0), "3");
    EXPECT_EQ(format_number(0.125), "0,13");  // half away from zero, not half-even "0,12"
    EXPECT_EQ(format_number(2.5, 0), "3");
    EXPECT_EQ(format_number(-2.5, 0), "-3");
    EXPECT_EQ(format_number(1.23456, 3), "1,235");
    EXPECT_EQ(format_number(1234.5678, 0), "1.235");
    EXPECT_EQ(format_number(1.999), "2");
}

TEST(FormatNumber, OutputIsAsciiHyphenMinusAndFullStop) {
    const std::string s = format_number(-1234.5);
    EXPECT_EQ(s, "-1.234,5");
    for (const char c : s) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << s;
}

TEST(FormatNumber, RejectsNonFiniteAndBadPrecision) {
    EXPECT_THROW(format_number(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
    EXPECT_THROW(format_number(std::numeric_limits<double>::infinity()), std::invalid_argument);
    EXPECT_THROW(format_number(1.0, -1), std::invalid_argument);
    EXPECT_THROW(format_number(1.0, 16), std::invalid_argument);
    EXPECT_EQ(format_number(0.5, 15), "0,5");
}

TEST(ParseNumber, FormsFromTheBrief) {
    EXPECT_EQ(parse_number("1234567.5"), 1234567.5);
    EXPECT_EQ(parse_number("1234567,5"), 1234567.5);
    EXPECT_EQ(parse_number("1.234.567,5"), 1234567.5);
    EXPECT_EQ(parse_number("-12"), -12.0);
}

TEST(ParseNumber, GroupingAndDecimalMarks) {
    EXPECT_EQ(parse_number("1.234.567"), 1234567.0);
    EXPECT_EQ(parse_number("1,234,567.25"), 1234567.25);  // English grouping, both marks
    EXPECT_EQ(parse_number("1,234,567"), 1234567.0);
    EXPECT_EQ(parse_number("12.500"), 12500.0);  // one "." + three digits: Vietnamese grouping
    EXPECT_EQ(parse_number("1.5"), 1.5);
    EXPECT_EQ(parse_number("0.125"), 0.125);        // leading 0: a decimal point
    EXPECT_EQ(parse_number("1234.567"), 1234.567);  // four digits before: a decimal point
    EXPECT_EQ(parse_number("1,5"), 1.5);
    EXPECT_EQ(parse_number("+3"), 3.0);
    EXPECT_EQ(parse_number("  -2.500 "), -2500.0);
    EXPECT_EQ(parse_number("0"), 0.0);
}

TEST(ParseNumber, RoundTripsFormatNumber) {
    for (const double v : {0.0, 1.5, -2500.0, 1234567.5, 1e9, 81.3, -0.25}) {
        const auto back = parse_number(format_number(v));
        ASSERT_TRUE(back.has_value()) << v;
        EXPECT_DOUBLE_EQ(*back, v);
    }
}

TEST(ParseNumber, RejectsMalformed) {
    for (const char* bad :
         {"",          " ",         "-",          "abc",         "1e5",  "1.2.3", "1.23.456",
          "1.234,5,6", "12,34,567", ".5",         "5.",          "1,",   ",5",    "1..2",
          "1 234",     "--1",       "1.234.5678", "1,234.567,8", "0x10", "١٢"}) {
        EXPECT_FALSE(parse_number(bad).has_value()) << '"' << bad << '"';
    }
}

}  // namespace
}  // namespace vanthu::text
