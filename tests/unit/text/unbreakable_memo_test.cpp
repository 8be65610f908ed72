// unbreakable_ranges() remembers the texts it has seen: a batch's documents repeat their
// paragraphs, and the regular expressions are the text pass's main cost.
#include <gtest/gtest.h>

#include <thread>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {
namespace {

const std::string kText = "Căn cứ Kế hoạch số 16/KH-BTV ngày 24/01/2024 của Ban Thường vụ.";

TEST(UnbreakableMemo, SecondCallIsAnsweredFromMemoryWithTheSameRanges) {
    const size_t before = detail::unbreakable_memo_hits();
    const auto first = unbreakable_ranges(kText + " (a)");
    const auto again = unbreakable_ranges(kText + " (a)");
    EXPECT_EQ(detail::unbreakable_memo_hits(), before + 1);
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, again);
}

TEST(UnbreakableMemo, DifferentTextIsSearched) {
    const size_t before = detail::unbreakable_memo_hits();
    const auto a = unbreakable_ranges(kText + " (b)");
    const auto b = unbreakable_ranges("ngày 14 tháng 10 (b)");
    EXPECT_EQ(detail::unbreakable_memo_hits(), before);
    EXPECT_NE(a, b);
}

TEST(UnbreakableMemo, EachThreadHasItsOwn) {
    unbreakable_ranges(kText + " (c)");
    size_t hits_there = 1;
    std::thread([&] {
        const size_t before = detail::unbreakable_memo_hits();
        unbreakable_ranges(kText + " (c)");
        hits_there = detail::unbreakable_memo_hits() - before;
    }).join();
    EXPECT_EQ(hits_there, 0u);
}

}  // namespace
}  // namespace vanthu::text
