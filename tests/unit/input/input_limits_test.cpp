// The limits on data and rows (core/limits.hpp): aliases, text size, rows; and quotes that
// yaml-cpp would let swallow the lines after them.
#include <gtest/gtest.h>

#include <string>

#include "core/limits.hpp"
#include "input/csv.hpp"
#include "input/data.hpp"
#include "input/detail.hpp"
#include "test_support.hpp"

namespace vanthu::input {
namespace {

using test::failure_of;
namespace limits = core::limits;

// x: &x [*w, *w, … nine times], nine levels over a list of nine texts: 9^9 values.
std::string billion_laughs() {
    std::string text = "so: \"1\"\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    std::string previous = "a";
    for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
        text += std::string(name) + ": &" + name + " [";
        for (int k = 0; k < 9; ++k) text += (k ? ", *" : "*") + previous;
        text += "]\n";
        previous = name;
    }
    return text;
}

TEST(YamlAliases, BillionLaughsIsRefusedQuicklyAtTheAliasThatGoesPast) {
    const auto d = failure_of([] { parse_data(billion_laughs(), "d.yaml"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("aliases expand to too much data"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find(std::to_string(limits::kDataNodes)), std::string::npos);
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "d.yaml");
    // f holds 597,871 values; the first copy of it in g's list goes past 1,000,000.
    EXPECT_EQ(d.where->line, 8);
    EXPECT_EQ(d.where->column, 8);
    EXPECT_EQ(d.where->line_text.substr(d.where->column - 1, 2), "*f");
}

TEST(YamlAliases, AFewAliasesStillWork) {
    const Data d =
        parse_data("a: &ten Nguyễn Văn A\nb: *ten\nl: &l [x, y]\nm: [*l, *l]\n", "d.yaml");
    EXPECT_EQ(d.value["b"], "Nguyễn Văn A");
    EXPECT_EQ(d.value["m"][1][1], "y");
}

TEST(YamlAliases, ManyCopiesOfALongTextAreCountedByTheirBytes) {
    // Few values, but copies of a text of almost 1 MiB past kInputFileBytes of text.
    std::string text = "t: &t [" + std::string(limits::kStringBytes - 10, 'x') + "]\nu: [";
    const size_t copies = limits::kInputFileBytes / (limits::kStringBytes - 10) + 2;
    for (size_t k = 0; k < copies; ++k) text += k ? ", *t" : "*t";
    text += "]\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("MiB of text"), std::string::npos) << d.message;
}

TEST(YamlText, ATextLongerThanTheLimitNamesItsPathAndLine) {
    // Over several lines, so that the line check before parsing lets it through.
    std::string text = "so: \"1\"\nnoi_dung:\n  - doan: |\n";
    const std::string line(1000, 'x');
    while (text.size() < limits::kStringBytes + 20000) text += "      " + line + "\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("noi_dung[0].doan"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("1 MiB"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
}

TEST(YamlText, AHugeLineIsRefusedBeforeParsing) {
    const std::string text = "so: \"1\"\nghi_chu: \"" + std::string(50u << 20, 'x') + "\"\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("line 2 is longer than 1 MiB (50 MiB)"), std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_TRUE(d.where->line_text.empty());  // never printed whole
}

TEST(YamlText, ATextJustUnderTheLimitIsKept) {
    const std::string value(limits::kStringBytes - 100, 'y');
    const Data d = parse_data("a: " + value + "\n", "d.yaml");
    EXPECT_EQ(d.value["a"].get<std::string>().size(), value.size());
}

TEST(JsonText, ATextLongerThanTheLimitNamesItsPathAndLine) {
    const std::string text = "{\n  \"so\": \"1\",\n  \"bang\": [\"a\", \"" +
                             std::string(limits::kStringBytes + 1, 'x') + "\"]\n}";
    const auto d = failure_of([&] { parse_data(text, "d.json"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("the text of bang[1] is longer than 1 MiB"), std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 17);
}

TEST(JsonText, EscapesAreCountedDecoded) {
    // 200,000 "\u00e9" are 1.2 MB as written but 400,000 bytes of UTF-8.
    std::string value;
    for (int k = 0; k < 200000; ++k) value += "\\u00e9";
    const Data d = parse_data("{\"a\": \"" + value + "\"}", "d.json");
    EXPECT_EQ(d.value["a"].get<std::string>().size(), 400000u);
    EXPECT_EQ(detail::json_long_string_at("{\"a\": \"" + value + "\"}", 399999), 6u);
    EXPECT_EQ(detail::json_long_string_at("{\"a\": \"" + value + "\"}", 400000), std::string::npos);
}

// ---- quotes -------------------------------------------------------------------------------

const char* const kHead =
    "so: \"12\"\n"
    "trich_yeu: Về việc thử\n"
    "nguoi_ky: Nguyễn Văn A\n";

TEST(YamlQuotes, AnUnclosedQuoteAtTheEndIsAnErrorAtTheQuote) {
    // yaml-cpp takes "(Đã ký)\ndo_khan: KHẨN" as one text: the urgency mark would vanish.
    const std::string text = std::string(kHead) + "ghi_chu_ky: \"(Đã ký)\ndo_khan: KHẨN\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.syntax");
    EXPECT_NE(d.message.find("this quote is never closed; the lines after it became part of "
                             "the text"),
              std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 4);
    EXPECT_EQ(d.where->column, 13);
}

TEST(YamlQuotes, AnUnclosedQuoteInTheMiddleIsAnErrorAtTheQuote) {
    // The next quote (of so) closes it: the lines between were lost, and the fields in them
    // came out "required but not given".
    const std::string text =
        "trich_yeu: 'Về việc thử\nnguoi_ky: Nguyễn Văn A\ndo_khan: KHẨN\nso: '12'\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 1);
    EXPECT_EQ(d.where->column, 12);
}

TEST(YamlQuotes, AnUnclosedQuoteInAListItem) {
    const std::string text = "noi_nhan:\n  - \"Như trên\n  - Lưu: VT\nso: \"1\"\n";
    const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 5);
}

TEST(YamlQuotes, QuotedTextsOverSeveralLinesStillWork) {
    const Data d = parse_data(
        "trich_yeu: \"Về việc: thử\n  tiếp: nữa\"\n"       // indented further
        "ghi_chu: 'dòng một\n\n  dòng hai: '' còn nữa'\n"  // '' and a blank line
        "noi_nhan:\n  - \"Như trên\n    - ghi\"\n"         // a list item's next line
        "ky: \"a \\\" b\nc d\"\n"                          // \" and a line at column 0
        "so: \"1\"\n",
        "d.yaml");
    EXPECT_EQ(d.value["trich_yeu"], "Về việc: thử tiếp: nữa");
    EXPECT_EQ(d.value["ghi_chu"], "dòng một\ndòng hai: ' còn nữa");
    EXPECT_EQ(d.value["noi_nhan"][0], "Như trên - ghi");
    EXPECT_EQ(d.value["ky"], "a \" b c d");
    EXPECT_EQ(d.value["so"], "1");
}

// ---- rows -----------------------------------------------------------------------------------

TEST(RowsLimit, MoreRowsThanTheLimitAreRefusedAtTheFirstRowPast) {
    std::string csv = "ten\n";
    for (size_t k = 0; k <= limits::kRows; ++k) csv += "a\n";
    const auto d = failure_of([&] { parse_rows(csv, "r.csv"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("more than " + std::to_string(limits::kRows) + " rows"),
              std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, static_cast<int>(limits::kRows) + 2);

    std::string jsonl, json = "[";
    for (size_t k = 0; k <= limits::kRows; ++k) {
        jsonl += "{\"a\": 1}\n";
        json += k ? ",{}" : "{}";
    }
    EXPECT_EQ(failure_of([&] { parse_rows(jsonl, "r.jsonl"); }).code, "data.limit");
    EXPECT_EQ(failure_of([&] { parse_rows(json + "]", "r.json"); }).code, "data.limit");
}

TEST(RowsLimit, TheLimitItselfIsAccepted) {
    std::string csv = "ten\n";
    for (size_t k = 0; k < limits::kRows; ++k) csv += "a\n";
    EXPECT_EQ(parse_rows(csv, "r.csv").size(), limits::kRows);
}

TEST(RowsLimit, ACsvValueLongerThanTheTextLimit) {
    const std::string csv = "a,b\nx,\"" + std::string(limits::kStringBytes + 1, 'y') + "\"\n";
    const auto d = failure_of([&] { parse_rows(csv, "r.csv"); });
    EXPECT_EQ(d.code, "data.limit");
    EXPECT_NE(d.message.find("row 2: the value of column 2 is longer than 1 MiB"),
              std::string::npos)
        << d.message;
}

}  // namespace
}  // namespace vanthu::input
