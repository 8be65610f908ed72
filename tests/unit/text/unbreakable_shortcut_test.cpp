// A rule is run only on texts that have the characters it needs (a digit, "/", …). The shortcut
// must find exactly what running every rule finds: checked on every line of the samples and
// templates, and on texts made to sit at the edges of what each rule needs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {
namespace {

namespace fs = std::filesystem;

void expect_same(const std::string& text, size_t& with_ranges) {
    const auto fast = unbreakable_ranges(text);
    EXPECT_EQ(fast, detail::unbreakable_ranges_of_every_rule(text)) << text;
    if (!fast.empty()) ++with_ranges;
}

TEST(UnbreakableShortcut, SameRangesOnEveryLineOfTheSamplesAndTemplates) {
    size_t lines = 0, with_ranges = 0;
    for (const char* folder : {"samples", "templates"})
        for (const auto& e :
             fs::recursive_directory_iterator(fs::path(VANTHU_SOURCE_DIR) / folder)) {
            const auto ext = e.path().extension();
            if (ext != ".yaml" && ext != ".md" && ext != ".csv" && ext != ".mustache" &&
                ext != ".vt")
                continue;
            std::ifstream in(e.path());
            for (std::string line; std::getline(in, line); ++lines) expect_same(line, with_ranges);
        }
    EXPECT_GT(lines, 1000u);
    EXPECT_GT(with_ranges, 100u);  // the lines do hold what the rules look for
}

TEST(UnbreakableShortcut, SameRangesAtTheEdgesOfWhatRulesNeed) {
    size_t with_ranges = 0;
    for (const std::string text : {"Số 576/LĐLĐ",
                                   "số /KH-BTV",
                                   "26-NQ/TW",
                                   "6b/NQ - BCH",
                                   "ngày ٣ tháng ١٠",
                                   "năm ２０２４",
                                   "2017 – 2021",
                                   "2017—2021",
                                   "20-10",
                                   "1.234,5",
                                   "81,3 %",
                                   "TM. BAN THƯỜNG VỤ",
                                   "V/v tổ chức",
                                   "B/c",
                                   "(ph/h th/h);",
                                   "Hà Nội – 2024",
                                   "xong./.",
                                   "a@b.vn",
                                   "HTTPS://vanthu.vn/a.",
                                   "WWW.vanthu.vn",
                                   "www",
                                   "I. MỤC ĐÍCH",
                                   "a) Đối với",
                                   "Điều 5",
                                   "mục IV",
                                   "𝟏𝟐/𝟐𝟎𝟐𝟒",
                                   "không có gì",
                                   "",
                                   "/",
                                   "-",
                                   ".",
                                   "@",
                                   ":"})
        expect_same(text, with_ranges);
    EXPECT_GT(with_ranges, 20u);
}

}  // namespace
}  // namespace vanthu::text
