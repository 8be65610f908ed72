// The seed word match tool itself: markup removal, NFC, the LCS and its report.
#include "tools/seed_match.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {
namespace {

const std::filesystem::path kSource = VANTHU_SOURCE_DIR;

using Words = std::vector<std::string>;

Words w(const std::string& text) { return words_of_text(text); }

// LCS length by the plain full table, to check lcs_match against.
size_t lcs_length(const Words& a, const Words& b) {
    std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j)
            t[i][j] =
                a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[a.size()][b.size()];
}

// ---- words ------------------------------------------------------------------------------------

TEST(SeedWords, SplitAtAnyWhiteSpace) {
    EXPECT_EQ(w("  a\tb\n\nc \f d\u00A0e\u202Ff  "), (Words{"a", "b", "c", "d", "e", "f"}));
    EXPECT_EQ(w(""), Words{});
    EXPECT_EQ(w("a\u200Bb\u00ADc"), Words{"abc"});
}

TEST(SeedWords, Nfc) {
    // Seed 002 writes "hưởng" with a combining hook above (U+0309) and "ứng" with U+0301.
    const std::string decomposed = "h\u01B0\u01A1\u0309ng \u01B0\u0301ng";
    EXPECT_EQ(w(decomposed), (Words{"hưởng", "ứng"}));
    EXPECT_EQ(w(decomposed), w("hưởng ứng"));
    const std::string seed = read_file(kSource / "tests/seeds/002_4fb0a839e659461c.txt");
    ASSERT_NE(seed.find("\u0309"), std::string::npos) << "seed 002 has combining marks";
    const Words words = words_of_seed(seed);
    EXPECT_NE(std::find(words.begin(), words.end(), "hưởng"), words.end());
    for (const auto& word : words) EXPECT_EQ(word.find("\u0309"), std::string::npos) << word;
}

TEST(SeedWords, SuperscriptDigitsAreDigits) {
    EXPECT_EQ(w("khó¹; Hội² mới³ x⁴⁰"), (Words{"khó1;", "Hội2", "mới3", "x40"}));
}

TEST(SeedWords, MarkupIsRemoved) {
    EXPECT_EQ(words_of_seed("**Nơi nhận:**"), (Words{"Nơi", "nhận:"}));
    EXPECT_EQ(words_of_seed("hoàn thành **trước ngày 15/11/2021**. Báo"),
              (Words{"hoàn", "thành", "trước", "ngày", "15/11/2021.", "Báo"}));
    EXPECT_EQ(words_of_seed("*(Ban hành kèm theo)*"), (Words{"(Ban", "hành", "kèm", "theo)"}));
    EXPECT_EQ(words_of_seed("* Cấp Trung ương:"), (Words{"Cấp", "Trung", "ương:"}));
    // Headings: the marks at a line start only.
    EXPECT_EQ(words_of_seed("## ĐỀ CƯƠNG\n### **I. Đánh giá**\n#### x"),
              (Words{"ĐỀ", "CƯƠNG", "I.", "Đánh", "giá", "x"}));
    EXPECT_EQ(words_of_seed("mục # 3 và #hashtag"), (Words{"mục", "#", "3", "và", "#hashtag"}));
    // Tags of the conversion; table tabs; a line break made of two trailing spaces.
    EXPECT_EQ(words_of_seed("3.1 Tuyên truyền\t<i>Số cuộc</i>\t<I>Nội dung</I>"),
              (Words{"3.1", "Tuyên", "truyền", "Số", "cuộc", "Nội", "dung"}));
    EXPECT_EQ(words_of_seed("<b>a</b><br/>b<sup>2</sup>"), (Words{"a", "b2"}));
    EXPECT_EQ(words_of_seed("TM. BAN THƯỜNG VỤ  \nPHÓ CHỦ TỊCH"),
              (Words{"TM.", "BAN", "THƯỜNG", "VỤ", "PHÓ", "CHỦ", "TỊCH"}));
    // Other "<" stay.
    EXPECT_EQ(words_of_seed("a < b <c> <table>"), (Words{"a", "<", "b", "<c>", "<table>"}));
    // Links keep their text; other brackets stay.
    EXPECT_EQ(words_of_seed("địa chỉ: [nucong@x.vn](mailto:nucong@x.vn). [1] (a)"),
              (Words{"địa", "chỉ:", "nucong@x.vn.", "[1]", "(a)"}));
    EXPECT_EQ(words_of_seed("[**đậm**](u)"), Words{"đậm"});
    // Backslash escapes.
    EXPECT_EQ(words_of_seed("1\\. a\\-b c\\d"), (Words{"1.", "a-b", "c\\d"}));
}

TEST(SeedWords, Seed000) {
    const Words words = words_of_seed(read_file(kSource / "tests/seeds/000_5a1fde27a8dad96e.txt"));
    ASSERT_GT(words.size(), 1000u);
    EXPECT_EQ(Words(words.begin(), words.begin() + 4), (Words{"Số:", "576/LĐLĐ", "Hà", "Nội,"}));
    for (const auto& word : words) {
        EXPECT_EQ(word.find("**"), std::string::npos) << word;
        EXPECT_EQ(word.find("<i>"), std::string::npos) << word;
        EXPECT_NE(word, "#") << word;
        EXPECT_NE(word, "##") << word;
    }
    EXPECT_NE(std::find(words.begin(), words.end(), "nucong@congdoanhanoi.org.vn."), words.end());
}

// ---- lcs_match --------------------------------------------------------------------------------

TEST(SeedLcs, SmallLists) {
    Match m = lcs_match(w("a b c d"), w("a x c d"));
    EXPECT_EQ(m.matched, 3u);
    EXPECT_EQ(m.total, 4u);
    EXPECT_EQ(m.missing, std::vector<size_t>{1});
    // Order counts.
    m = lcs_match(w("a b"), w("b a"));
    EXPECT_EQ(m.matched, 1u);
    m = lcs_match(w("a b c"), w("c a b"));
    EXPECT_EQ(m.matched, 2u);
    EXPECT_EQ(m.missing, std::vector<size_t>{2});
    // Extra PDF words cost nothing; repeated words pair once each.
    m = lcs_match(w("a a b"), w("1 a 2 b 3 a"));
    EXPECT_EQ(m.matched, 2u);
    EXPECT_EQ(m.missing.size(), 1u);
    m = lcs_match(w("a b c"), w("x a y b z c w"));
    EXPECT_EQ(m.matched, 3u);
    EXPECT_TRUE(m.missing.empty());
    // Exact words: case and punctuation count.
    EXPECT_EQ(lcs_match(w("Hà Nội,"), w("HÀ Nội")).matched, 0u);
}

TEST(SeedLcs, EmptyLists) {
    EXPECT_EQ(lcs_match({}, {}).percent(), 100.0);
    Match m = lcs_match(w("a b"), {});
    EXPECT_EQ(m.matched, 0u);
    EXPECT_EQ(m.missing, (std::vector<size_t>{0, 1}));
    EXPECT_EQ(lcs_match({}, w("a")).total, 0u);
}

TEST(SeedLcs, PrefixAndSuffixAreMatchedToo) {
    Match m = lcs_match(w("a b c d e"), w("a b c d e"));
    EXPECT_EQ(m.matched, 5u);
    m = lcs_match(w("a b X c d"), w("a b c d"));
    EXPECT_EQ(m.missing, std::vector<size_t>{2});
    m = lcs_match(w("a b"), w("a b c d"));
    EXPECT_TRUE(m.missing.empty());
    m = lcs_match(w("a b c d"), w("a d"));
    EXPECT_EQ(m.missing, (std::vector<size_t>{1, 2}));
}

TEST(SeedLcs, AgreesWithTheFullTable) {
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        const auto list = [&rng](size_t n, int letters) {
            Words out;
            for (size_t i = 0; i < n; ++i)
                out.push_back(std::string(1, static_cast<char>('a' + rng() % letters)));
            return out;
        };
        const Words a = list(rng() % 40, 2 + round % 6);
        const Words b = list(rng() % 40, 2 + round % 6);
        const Match m = lcs_match(a, b);
        ASSERT_EQ(m.matched, lcs_length(a, b)) << "round " << round;
        // The words not missing form a subsequence of b.
        size_t j = 0;
        for (size_t i = 0, k = 0; i < a.size(); ++i) {
            if (k < m.missing.size() && m.missing[k] == i) {
                ++k;
                continue;
            }
            while (j < b.size() && b[j] != a[i]) ++j;
            ASSERT_LT(j, b.size()) << "round " << round << ": word " << i << " not in order";
            ++j;
        }
    }
}

TEST(SeedLcs, LargeListsWork) {
    // 6000 × 6000 words: the size of the largest seeds (the time is printed by seed_match).
    std::mt19937 rng(1);
    Words a, b;
    for (int i = 0; i < 6000; ++i) a.push_back("w" + std::to_string(rng() % 2000));
    b = a;
    for (int i = 0; i < 300; ++i) b[rng() % b.size()] = "khác";
    std::reverse(b.begin() + 100, b.begin() + 120);
    const Match m = lcs_match(a, b);
    EXPECT_EQ(m.total, 6000u);
    EXPECT_GE(m.matched, 6000u - 300u - 20u);
    EXPECT_LT(m.matched, 6000u);
}

// ---- report -----------------------------------------------------------------------------------

TEST(SeedReport, SummaryAndRuns) {
    const Words seed = w("Kính gửi: các quận, huyện, thị xã phối hợp");
    const Match m = lcs_match(seed, w("Kính gửi: các thị xã"));
    EXPECT_EQ(summary(m), "matched 5/9 (55.6 %)");
    EXPECT_EQ(describe_missing(seed, m),
              "  words 4–5 (2), after \"các\": quận, huyện,\n"
              "  words 8–9 (2), after \"xã\": phối hợp\n");
    const Match first = lcs_match(seed, w("gửi:"));
    EXPECT_EQ(describe_missing(seed, first, 2).rfind("  words 1 (1): Kính\n", 0), 0u);
    EXPECT_NE(describe_missing(seed, first, 2)
                  .find("  words 3–9 (7), after \"gửi:\": các quận, … [5 more]\n"),
              std::string::npos);
}

// ---- footnotes ----------------------------------------------------------------------------------

TEST(SeedFootnotes, LinesStartingWithASuperscriptDigitAreFootnotes) {
    const SeedWords s = seed_words("các chỉ tiêu khó¹; phân tích\n¹ Chỉ tiêu không có\nrõ nguyên");
    ASSERT_EQ(s.words.size(), 13u);
    EXPECT_EQ(s.words[3], "khó1;");
    EXPECT_EQ(s.words[6], "1");
    EXPECT_EQ(std::vector<bool>(s.in_note.begin() + 5, s.in_note.begin() + 7),
              (std::vector<bool>{false, true}));
    EXPECT_EQ(std::count(s.in_note.begin(), s.in_note.end(), true), 5);
    EXPECT_FALSE(s.in_note.back());
}

// The PDF sets the footnote at its own page foot, after text the seed has before it: the
// running text and the note both match in full; the plain LCS would lose one of them.
TEST(SeedFootnotes, AFootnoteMatchesWhereverThePageSetsIt) {
    const SeedWords s = seed_words("một hai ba¹ bốn\n¹ Ghi chú dài\nnăm sáu");
    const Words pdf = w("một hai ba1 bốn năm sáu 1 Ghi chú dài");
    const Match m = seed_match(s, pdf);
    EXPECT_EQ(m.matched, 10u) << describe_missing(s.words, m);
    EXPECT_LT(lcs_match(s.words, pdf).matched, 10u);
}

TEST(SeedFootnotes, MissingWordsKeepTheSeedsNumbering) {
    const SeedWords s = seed_words("một hai\n² Ghi chú\nba bốn");
    const Match m = seed_match(s, w("một ba bốn 2 Ghi"));
    EXPECT_EQ(m.total, 7u);
    EXPECT_EQ(m.missing, (std::vector<size_t>{1, 4}));  // "hai" and the note's "chú"
}

}  // namespace
}  // namespace vanthu::testing
