#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

// The order ICU's "vi" collation gives (platform-facts Q5).
const std::vector<std::string> districts = {
    "An Dương",   "Ân Thi",    "Ấp Bắc",     "Ba Đình",      "Ba Vì",       "Bắc Từ Liêm",
    "Cầu Giấy",   "Chương Mỹ", "Dầu Tiếng",  "Duy Tiên",     "Đan Phượng",  "Đông Anh",
    "Đống Đa",    "Gia Lâm",   "Hà Đông",    "Hai Bà Trưng", "Hoài Đức",    "Hoàn Kiếm",
    "Hoàng Mai",  "Long Biên", "Mê Linh",    "Mỹ Đức",       "Nam Từ Liêm", "Ong Vàng",
    "Ô Môn",      "Ơn Trọng",  "Phú Xuyên",  "Phúc Thọ",     "Quốc Oai",    "Sóc Sơn",
    "Sơn Tây",    "Tây Hồ",    "Thạch Thất", "Thanh Oai",    "Thanh Trì",   "Thanh Xuân",
    "Thường Tín", "Uông Bí",   "Ứng Hòa",    "Ưu Đàm"};

TEST(SortVi, DistrictsInVietnameseOrder) {
    std::vector<std::string> items = districts;
    std::mt19937 rng(42);
    std::shuffle(items.begin(), items.end(), rng);
    ASSERT_NE(items, districts);
    sort_vi(items);
    EXPECT_EQ(items, districts);
}

TEST(SortVi, LettersWithDiacriticsAfterTheirBase) {
    std::vector<std::string> items = {"ư", "u", "ơ", "ô", "o", "đ", "d", "â", "ă", "a", "ê", "e"};
    sort_vi(items);
    EXPECT_EQ(items, (std::vector<std::string>{"a", "ă", "â", "d", "đ", "e", "ê", "o", "ô", "ơ",
                                               "u", "ư"}));
    std::vector<std::string> upper = {"Ư", "U", "Ơ", "Ô", "O", "Đ", "D"};
    sort_vi(upper);
    EXPECT_EQ(upper, (std::vector<std::string>{"D", "Đ", "O", "Ô", "Ơ", "U", "Ư"}));
}

TEST(SortVi, DStrokeAfterAllOfD) {
    // Root collation puts "Đà" before "Dz"; Vietnamese puts all of đ after d.
    std::vector<std::string> items = {"Đà", "Dz", "Dương"};
    sort_vi(items);
    EXPECT_EQ(items, (std::vector<std::string>{"Dương", "Dz", "Đà"}));
}

TEST(SortVi, DecomposedInputSortsAndComesOutNfc) {
    // "Việt" typed with combining marks (e + U+0302 + U+0323).
    std::vector<std::string> items = {"Vie\xCC\x82\xCC\xA3t", "Vân", "Vũ", "Văn"};
    sort_vi(items);
    EXPECT_EQ(items, (std::vector<std::string>{"Văn", "Vân", "Việt", "Vũ"}));
    EXPECT_EQ(items[2], "Vi\xE1\xBB\x87t");  // NFC: U+1EC7
}

TEST(SortVi, StableForCollationEqualItems) {
    // A soft hyphen (U+00AD) is ignored by the collator, so these two compare equal but are
    // different strings: each keeps its input position relative to the other.
    const std::string shy = "Hà\xC2\xADNội";
    const std::string plain = "HàNội";
    ASSERT_EQ(compare_vi(shy, plain), 0);
    std::vector<std::string> items = {"b", shy, "a", plain};
    sort_vi(items);
    EXPECT_EQ(items, (std::vector<std::string>{"a", "b", shy, plain}));
    items = {plain, "b", shy, "a"};
    sort_vi(items);
    EXPECT_EQ(items, (std::vector<std::string>{"a", "b", plain, shy}));
}

TEST(SortVi, StableOnLargeInputs) {
    // Many collation-equal items (the base word plus k soft hyphens) in a shuffled order: each
    // group must come out in input order. Large enough that an unstable sort would show it.
    const std::vector<std::string> bases = {"Đống Đa", "Ba Vì", "Ứng Hòa"};
    std::vector<std::pair<size_t, int>> tags;  // (base, number of soft hyphens)
    for (int k = 0; k < 30; ++k)
        for (size_t b = 0; b < bases.size(); ++b) tags.emplace_back(b, k);
    std::mt19937 rng(7);
    std::shuffle(tags.begin(), tags.end(), rng);
    std::vector<std::string> items;
    for (const auto& [b, k] : tags) {
        std::string s = bases[b];
        for (int i = 0; i < k; ++i) s += "\xC2\xAD";
        items.push_back(s);
    }
    const std::vector<std::string> input = items;
    sort_vi(items);
    ASSERT_EQ(items.size(), input.size());
    const auto group = [&](const std::string& s) {
        for (size_t b = 0; b < bases.size(); ++b)
            if (s.compare(0, bases[b].size(), bases[b]) == 0) return b;
        return bases.size();
    };
    // Groups in Vietnamese order: Ba Vì, Đống Đa, Ứng Hòa.
    const std::vector<size_t> group_order = {1, 0, 2};
    size_t pos = 0;
    for (const size_t g : group_order) {
        for (const std::string& in : input) {
            if (group(in) != g) continue;
            ASSERT_LT(pos, items.size());
            EXPECT_EQ(items[pos], in) << "position " << pos;
            ++pos;
        }
    }
}

TEST(CompareVi, DecomposedEqualsComposed) {
    EXPECT_EQ(compare_vi("Vie\xCC\x82\xCC\xA3t", "Việt"), 0);
    // Marks in the non-canonical order (dot below first) too.
    EXPECT_EQ(compare_vi("Vie\xCC\xA3\xCC\x82t", "Việt"), 0);
    EXPECT_LT(compare_vi("Vie\xCC\x82\xCC\xA3t", "Vũ"), 0);
}

TEST(SortVi, EmptyAndSingle) {
    std::vector<std::string> none;
    sort_vi(none);
    EXPECT_TRUE(none.empty());
    std::vector<std::string> one = {"Đống Đa"};
    sort_vi(one);
    EXPECT_EQ(one, std::vector<std::string>{"Đống Đa"});
}

TEST(CompareVi, Signs) {
    EXPECT_LT(compare_vi("An Dương", "Ân Thi"), 0);
    EXPECT_GT(compare_vi("Ân Thi", "An Dương"), 0);
    EXPECT_LT(compare_vi("Dz", "Đà"), 0);
    EXPECT_LT(compare_vi("Ong Vàng", "Ô Môn"), 0);
    EXPECT_LT(compare_vi("Ô Môn", "Ơn Trọng"), 0);
    EXPECT_LT(compare_vi("Uông Bí", "Ưu Đàm"), 0);
    EXPECT_EQ(compare_vi("Hà Nội", "Hà Nội"), 0);
    EXPECT_LT(compare_vi("ha", "hà"), 0);  // tones after letters
    EXPECT_LT(compare_vi("hà", "hb"), 0);  // ...and only as a tie-breaker
    EXPECT_NE(compare_vi("hoà", "hòa"), 0);
}

}  // namespace
}  // namespace vanthu::text
