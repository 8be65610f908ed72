#include <gtest/gtest.h>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

TEST(ParseIsoDate, ValidDates) {
    EXPECT_EQ(parse_iso_date("2024-05-10"), (Date{2024, 5, 10}));
    EXPECT_EQ(parse_iso_date("2020-01-01"), (Date{2020, 1, 1}));
    EXPECT_EQ(parse_iso_date("2022-12-31"), (Date{2022, 12, 31}));
}

TEST(ParseIsoDate, LeapYears) {
    EXPECT_EQ(parse_iso_date("2024-02-29"), (Date{2024, 2, 29}));
    EXPECT_EQ(parse_iso_date("2000-02-29"), (Date{2000, 2, 29}));  // divisible by 400
    EXPECT_FALSE(parse_iso_date("2023-02-29"));
    EXPECT_FALSE(parse_iso_date("1900-02-29"));  // divisible by 100, not by 400
    EXPECT_FALSE(parse_iso_date("2024-02-30"));
}

TEST(ParseIsoDate, RejectsImpossibleDays) {
    EXPECT_FALSE(parse_iso_date("2024-04-31"));
    EXPECT_FALSE(parse_iso_date("2024-13-01"));
    EXPECT_FALSE(parse_iso_date("2024-00-10"));
    EXPECT_FALSE(parse_iso_date("2024-05-00"));
    EXPECT_FALSE(parse_iso_date("0000-01-01"));
}

TEST(ParseIsoDate, RejectsOtherShapes) {
    EXPECT_FALSE(parse_iso_date("10/5"));
    EXPECT_FALSE(parse_iso_date("10/5/2024"));
    EXPECT_FALSE(parse_iso_date("2024-05-10x"));
    EXPECT_FALSE(parse_iso_date("2024-05-10 "));
    EXPECT_FALSE(parse_iso_date(" 2024-05-10"));
    EXPECT_FALSE(parse_iso_date("2024-5-10"));
    EXPECT_FALSE(parse_iso_date("2024/05/10"));
    EXPECT_FALSE(parse_iso_date("2024-+5-10"));
    EXPECT_FALSE(parse_iso_date(""));
}

TEST(DateLong, PadsDaysBelowTenAndOnlyJanuaryAndFebruary) {
    EXPECT_EQ(date_long({2024, 2, 5}), "ngày 05 tháng 02 năm 2024");
    EXPECT_EQ(date_long({2024, 5, 10}), "ngày 10 tháng 5 năm 2024");
    EXPECT_EQ(date_long({2020, 1, 1}), "ngày 01 tháng 01 năm 2020");
    EXPECT_EQ(date_long({2022, 12, 31}), "ngày 31 tháng 12 năm 2022");
    EXPECT_EQ(date_long({2020, 3, 5}), "ngày 05 tháng 3 năm 2020");
    EXPECT_EQ(date_long({2021, 10, 14}), "ngày 14 tháng 10 năm 2021");
}

TEST(DateLong, LeapDay) {
    EXPECT_EQ(date_long(*parse_iso_date("2024-02-29")), "ngày 29 tháng 02 năm 2024");
}

TEST(ParsePartialDate, YearOrYearAndMonth) {
    EXPECT_EQ(parse_partial_date("2026"), (Date{2026, 0, 0}));
    EXPECT_EQ(parse_partial_date("2026-04"), (Date{2026, 4, 0}));
    EXPECT_EQ(parse_partial_date("2026-12"), (Date{2026, 12, 0}));
    EXPECT_EQ(parse_partial_date("2024-02-29"), (Date{2024, 2, 29}));  // a full date too
}

TEST(ParsePartialDate, RejectsWhatIsNoDate) {
    for (const char* bad : {"2026-13", "2026-00", "0000", "0000-04", "2023-02-29", "202", "20266",
                            "2026-4", "2026/04", "2026-04-", "04-2026", "năm 2026", ""})
        EXPECT_FALSE(parse_partial_date(bad)) << bad;
}

TEST(DateProblem, SaysWhatIsWrong) {
    EXPECT_EQ(date_problem("2026"), "");
    EXPECT_EQ(date_problem("2026-04"), "");
    EXPECT_EQ(date_problem("2026-04-10"), "");
    EXPECT_EQ(date_problem("2026-13"), "there is no month 13");
    EXPECT_EQ(date_problem("2026-00-10"), "there is no month 00");
    EXPECT_EQ(date_problem("2023-02-29"), "no such day in the calendar");
    EXPECT_EQ(date_problem("0000"), "there is no year 0000");
    EXPECT_EQ(date_problem("4/2026"), "expected a date like 2024-05-10, 2024-05 or 2024");
}

TEST(DateLong, LeavesThePartsNotKnownBlank) {
    // Five spaces for each blank, as the draft's blank date line "ngày     tháng     năm     ".
    EXPECT_EQ(date_long({2026, 0, 0}), "ngày     tháng     năm 2026");
    EXPECT_EQ(date_long({2026, 4, 0}), "ngày     tháng 4 năm 2026");
    EXPECT_EQ(date_long({2026, 2, 0}), "ngày     tháng 02 năm 2026");  // months 1-2 padded
    EXPECT_EQ(date_long({2026, 11, 0}), "ngày     tháng 11 năm 2026");
}

TEST(DateShort, SamePaddingRule) {
    EXPECT_EQ(date_short({2024, 2, 5}), "05/02/2024");
    EXPECT_EQ(date_short({2024, 5, 10}), "10/5/2024");
    EXPECT_EQ(date_short({2020, 1, 1}), "01/01/2020");
    EXPECT_EQ(date_short({2016, 12, 26}), "26/12/2016");
    EXPECT_EQ(date_short({2024, 9, 9}), "09/9/2024");
}

}  // namespace
}  // namespace vanthu::text
