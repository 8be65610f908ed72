#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

using Pieces = std::vector<std::string>;

// The protected substrings, in order: easier to read (and to get wrong) than byte offsets.
Pieces pieces(std::string_view s) {
    Pieces out;
    for (const auto& r : unbreakable_ranges(s))
        out.emplace_back(s.substr(r.begin, r.end - r.begin));
    return out;
}

TEST(Unbreakable, SentenceFromSeed001) {
    const std::string s =
        "Để chuẩn bị cho việc Sơ kết Chương trình phối hợp số 04/CTrLT-LĐLĐ-HLHPN ngày "
        "26/12/2016 giữa Liên đoàn Lao động giai đoạn 2017-2021, xây dựng";
    EXPECT_EQ(pieces(s), (Pieces{"số 04/CTrLT-LĐLĐ-HLHPN", "ngày 26/12/2016", "2017-2021"}));
    // Byte offsets, not code point counts: everything before "số" is multi-byte heavy.
    const auto ranges = unbreakable_ranges(s);
    ASSERT_EQ(ranges.size(), 3u);
    EXPECT_EQ(ranges[0].begin, s.find("số 04"));
    EXPECT_EQ(ranges[2].end, s.find(", xây"));
}

TEST(Unbreakable, DocumentSymbols) {
    EXPECT_EQ(pieces("theo Công văn 576/LĐLĐ của"), (Pieces{"576/LĐLĐ"}));
    EXPECT_EQ(pieces("theo Nghị định 30/2020/NĐ-CP về"), (Pieces{"30/2020/NĐ-CP"}));
    EXPECT_EQ(pieces("Nghị quyết 26-NQ/TW của Bộ Chính trị"), (Pieces{"26-NQ/TW"}));
    EXPECT_EQ(pieces("Kế hoạch 60/KH-BTV."), (Pieces{"60/KH-BTV"}));
    EXPECT_EQ(pieces("Nghị quyết 6b/NQ-BCH"), (Pieces{"6b/NQ-BCH"}));
}

// A word character is ICU's \w: letters, marks and digits, and the connector "_". A symbol
// glued to a word ("mã60/KH") or to "_" is part of something else and is not taken alone; the
// parts of a symbol may hold "_" and Vietnamese letters with combining marks.
TEST(Unbreakable, WordCharactersAroundAndInsideSymbols) {
    EXPECT_EQ(pieces("mã60/KH-BTV"), Pieces{});
    EXPECT_EQ(pieces("tệp_60/KH-BTV"), Pieces{});
    EXPECT_EQ(pieces("theo 60/KH_2024-BTV nay"), (Pieces{"60/KH_2024-BTV"}));
    // "LĐ" with a combining dot below (not NFC, as typed by some keyboards): still one group.
    EXPECT_EQ(pieces("theo 576/LD\u0323LĐ của"), (Pieces{"576/LD\u0323LĐ"}));
}

// Seed 002 types symbols with stray spaces; the line must still not break inside them.
TEST(Unbreakable, DocumentSymbolsWithStraySpaces) {
    EXPECT_EQ(pieces("Nghị quyết 6b/NQ - BCH, ngày"), (Pieces{"6b/NQ - BCH"}));
    EXPECT_EQ(pieces("Chỉ thị 21- CT/TW, ngày"), (Pieces{"21- CT/TW"}));
    EXPECT_EQ(pieces("và Chỉ thị 03/C -TLĐ của"), (Pieces{"03/C -TLĐ"}));
    EXPECT_EQ(pieces("Kế hoạch 3186/ĐCT- VP"), (Pieces{"3186/ĐCT- VP"}));
    // Prose after a dash is not part of the symbol (the dash itself stays with it, as any
    // spaced dash stays with the word before it).
    EXPECT_EQ(pieces("Công văn 576/LĐLĐ - Hà Nội"), (Pieces{"576/LĐLĐ -"}));
    EXPECT_EQ(pieces("theo 6b/NQ - các cấp"), (Pieces{"6b/NQ -"}));
}

TEST(Unbreakable, KeywordSoWithSymbol) {
    EXPECT_EQ(pieces("Công văn số 576/LĐLĐ ngày"), (Pieces{"số 576/LĐLĐ"}));
    EXPECT_EQ(pieces("Số: 05/KH-BTV"), (Pieces{"Số: 05/KH-BTV"}));
    EXPECT_EQ(pieces("Số:      /KH-BTV"), (Pieces{"Số:      /KH-BTV"}));
    EXPECT_EQ(pieces("Kế hoạch số 60 /KH-BTV"), (Pieces{"số 60 /KH-BTV"}));
    EXPECT_EQ(pieces("SỐ 26-NQ/TW"), (Pieces{"SỐ 26-NQ/TW"}));
    // "số" alone or before a plain number is ordinary prose.
    EXPECT_EQ(pieces("số lượng đoàn viên"), Pieces{});
    EXPECT_EQ(pieces("một số nội dung"), Pieces{});
}

TEST(Unbreakable, ShortDates) {
    EXPECT_EQ(pieces("từ 15/11 đến hết 6/2020"), (Pieces{"15/11", "6/2020"}));
    EXPECT_EQ(pieces("lúc 26/12/2016 và 08/4/2024"), (Pieces{"26/12/2016", "08/4/2024"}));
}

TEST(Unbreakable, LongDatePairsAnyCase) {
    EXPECT_EQ(pieces("Hà Nội, ngày 14 tháng 10 năm 2021"),
              (Pieces{"ngày 14", "tháng 10", "năm 2021"}));
    EXPECT_EQ(pieces("Ngày 05 Tháng 02 Năm 2024"), (Pieces{"Ngày 05", "Tháng 02", "Năm 2024"}));
    EXPECT_EQ(pieces("NGÀY 05"), (Pieces{"NGÀY 05"}));
    // "năm" followed by a word is not a date.
    EXPECT_EQ(pieces("trong năm nay"), Pieces{});
}

TEST(Unbreakable, YearRangesAndHolidays) {
    EXPECT_EQ(pieces("nhiệm kỳ 2022 - 2027 và"), (Pieces{"2022 - 2027"}));
    EXPECT_EQ(pieces("giai đoạn 2017 – 2021 tới"), (Pieces{"2017 – 2021"}));
    EXPECT_EQ(pieces("giai đoạn 2022- 2024"), (Pieces{"2022- 2024"}));
    EXPECT_EQ(pieces("ngày Quốc khánh 2-9 và ngày 20-10"), (Pieces{"2-9", "ngày 20-10"}));
}

TEST(Unbreakable, NoOverMatchAcrossCommas) {
    EXPECT_EQ(pieces("giai đoạn 2017-2021, xây dựng"), (Pieces{"2017-2021"}));
    EXPECT_EQ(pieces("các năm 2020, 2021, 2022"), (Pieces{"năm 2020"}));
    EXPECT_EQ(pieces("Liên đoàn Lao động các quận, huyện, thị xã"), Pieces{});
}

TEST(Unbreakable, NumbersWithSeparators) {
    EXPECT_EQ(pieces("có 1.234.567 người"), (Pieces{"1.234.567"}));
    EXPECT_EQ(pieces("đạt 81,3 phần trăm"), (Pieces{"81,3"}));
    EXPECT_EQ(pieces("tổng 1.234.567,5 điểm"), (Pieces{"1.234.567,5"}));
    EXPECT_EQ(pieces("ĐT: 02963.852141"), (Pieces{"02963.852141"}));
}

TEST(Unbreakable, NumberWithUnit) {
    EXPECT_EQ(pieces("mức 300 đồng mỗi"), (Pieces{"300 đồng"}));
    EXPECT_EQ(pieces("nhiệt độ 15 °C."), (Pieces{"15 °C"}));
    EXPECT_EQ(pieces("chiều dài 22 m tới"), (Pieces{"22 m"}));
    EXPECT_EQ(pieces("có 5 mẹ"), Pieces{});
}

TEST(Unbreakable, VvAndSlashAbbreviations) {
    EXPECT_EQ(pieces("V/v Sơ kết Chương trình"), (Pieces{"V/v Sơ"}));
    EXPECT_EQ(pieces("gửi Đ/c Hoa (B/c)"), (Pieces{"Đ/c", "B/c"}));
}

// Seen in a Nơi nhận item: "(để ph/h th/" at the end of a line, "h);" on the next.
TEST(Unbreakable, ShortSlashAbbreviationsNeverBreak) {
    EXPECT_EQ(pieces("UBND các xã (để ph/h th/h);"), (Pieces{"ph/h", "th/h"}));
    EXPECT_EQ(pieces("Gửi b/c, k/g Đ/C Hoa, t/h và V/V"),
              (Pieces{"b/c", "k/g", "Đ/C", "t/h", "V/V"}));
    EXPECT_EQ(pieces("TH/H PH/h đ/c"), (Pieces{"TH/H", "PH/h", "đ/c"}));
    // Decomposed marks (NFD) count with their letter.
    EXPECT_EQ(pieces("e\u0301/c"), (Pieces{"e\u0301/c"}));
    // Longer words, and chains of slashes, are not abbreviations.
    EXPECT_EQ(pieces("Lãnh đạo/Thường trực"), Pieces{});
    EXPECT_EQ(pieces("a/b/c"), Pieces{});
    EXPECT_EQ(pieces("ph/"), Pieces{});
}

// A line never starts with a divider dash: it would read as a list item (seed 004's summary
// "… Đảm đang - Thanh lịch” …"). The break after the dash stays.
TEST(Unbreakable, SpacedDashStaysWithTheWordBeforeIt) {
    EXPECT_EQ(pieces("Trung hậu - Sáng tạo - Đảm đang - Thanh lịch"),
              (Pieces{"hậu -", "tạo -", "đang -"}));
    EXPECT_EQ(pieces("Hà Nội – tháng Năm"), (Pieces{"Nội –"}));
    EXPECT_EQ(pieces("Độc lập — Tự do"), (Pieces{"lập —"}));
    // Not a divider: a list item's own dash, a hyphen inside a word, a dash at the end.
    EXPECT_EQ(pieces("- Như trên"), (Pieces{"- Như"}));  // the heading-marker rule
    EXPECT_EQ(pieces("kinh tế-xã hội"), (Pieces{}));
    EXPECT_EQ(pieces("Thanh lịch -"), (Pieces{}));
}

TEST(Unbreakable, EndMarkStaysWithTheLastWord) {
    EXPECT_EQ(pieces("tổ chức thực hiện./."), (Pieces{"hiện./."}));
    EXPECT_EQ(pieces("tổ chức thực hiện ./."), (Pieces{"hiện ./."}));
}

TEST(Unbreakable, EmailAndUrl) {
    EXPECT_EQ(pieces("E-mail: nucong@congdoanhanoi.org.vn; website https://congdoan.vn/tin-tuc."),
              (Pieces{"nucong@congdoanhanoi.org.vn", "https://congdoan.vn/tin-tuc"}));
    EXPECT_EQ(pieces("xem www.hoilhpn.org.vn, mục"), (Pieces{"www.hoilhpn.org.vn"}));
}

TEST(Unbreakable, CitationLabelsHeadingsAndAuthority) {
    EXPECT_EQ(pieces("theo điểm a khoản 2 Điều 103 Chương XII"),
              (Pieces{"điểm a", "khoản 2", "Điều 103", "Chương XII"}));
    EXPECT_EQ(pieces("1.1. Cấp tỉnh"), (Pieces{"1.1. Cấp"}));
    EXPECT_EQ(pieces("I. MỤC ĐÍCH"), (Pieces{"I. MỤC"}));
    EXPECT_EQ(pieces("a) Đối với"), (Pieces{"a) Đối"}));
    EXPECT_EQ(pieces("    - Các Ban"), (Pieces{"- Các"}));  // indentation is not glued
    EXPECT_EQ(pieces("TM. BAN THƯỜNG VỤ"), (Pieces{"TM. BAN"}));
    EXPECT_EQ(pieces("Chương trình phối hợp"), Pieces{});
    // A marker only counts at the start.
    EXPECT_EQ(pieces("xem a) dưới"), Pieces{});
}

TEST(Unbreakable, OverlapsAreMergedSortedAndDisjoint) {
    // "tháng 5" + "5/2020" overlap; "ngày 14" and "14/10/2021" overlap.
    EXPECT_EQ(pieces("tháng 5/2020 và ngày 14/10/2021"),
              (Pieces{"tháng 5/2020", "ngày 14/10/2021"}));
    const auto r = unbreakable_ranges("Số: 05/KH-BTV ngày 10 tháng 5 năm 2024 V/v kế hoạch./.");
    for (size_t i = 1; i < r.size(); ++i) EXPECT_LT(r[i - 1].end, r[i].begin);
}

TEST(Unbreakable, OffsetsAreBytesOnCodePointBoundaries) {
    // A 4-byte emoji (two UTF-16 units) and an invalid byte before the token.
    const std::string s = "\xF0\x9F\x98\x80 \xFF số 576/LĐLĐ";
    const auto r = unbreakable_ranges(s);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].begin, 7u);
    EXPECT_EQ(r[0].end, s.size());
    // NFD input: the range may not cut a letter from its combining marks in "ngày".
    const std::string nfd = "nga\xCC\x80y 14";
    EXPECT_EQ(pieces(nfd), Pieces{});  // literal words are matched on NFC text only
    EXPECT_EQ(pieces(nfc(nfd)), (Pieces{"ngày 14"}));
}

TEST(Unbreakable, EmptyAndPlainText) {
    EXPECT_TRUE(unbreakable_ranges("").empty());
    EXPECT_TRUE(unbreakable_ranges("Hội Liên hiệp Phụ nữ Việt Nam").empty());
}

TEST(MergeRanges, SortsDropsEmptyAndMergesTouching) {
    using model::ByteRange;
    EXPECT_EQ(merge_ranges({{10, 12}, {0, 3}, {2, 5}, {7, 7}, {5, 6}}),
              (std::vector<ByteRange>{{0, 6}, {10, 12}}));
    EXPECT_EQ(merge_ranges({{0, 10}, {2, 3}}), (std::vector<ByteRange>{{0, 10}}));
    EXPECT_TRUE(merge_ranges({}).empty());
}

}  // namespace
}  // namespace vanthu::text
