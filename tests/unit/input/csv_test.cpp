#include "input/csv.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "test_support.hpp"

namespace vanthu::input {
namespace {

using nlohmann::json;
using test::failure_of;
using test::TempDir;

// All diagnostics of a Failure thrown by `f`.
std::vector<core::Diagnostic> failures_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::Failure& failure) {
        return failure.diagnostics();
    }
    ADD_FAILURE() << "expected a core::Failure";
    return {};
}

// ---- CSV: reading -------------------------------------------------------------------------------

TEST(Csv, HeaderNamesTheFieldsOfEveryRow) {
    std::vector<int> lines;
    const auto rows = parse_csv_rows("so,ngay,nguoi_ky\n12,2024-05-10,Nguyễn Văn A\n13,,Trần B\n",
                                     "r.csv", &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], json({{"so", "12"}, {"ngay", "2024-05-10"}, {"nguoi_ky", "Nguyễn Văn A"}}));
    EXPECT_EQ(rows[1], json({{"so", "13"}, {"ngay", ""}, {"nguoi_ky", "Trần B"}}));
    EXPECT_TRUE(rows[0].at("so").is_string()) << "numbers stay text";
    EXPECT_EQ(lines, (std::vector<int>{2, 3}));
}

TEST(Csv, ValuesAndNamesAreNfc) {
    // "tên" and "Việt" decomposed (as macOS writes them) come out composed.
    const auto rows = parse_csv_rows("te\xCC\x82n,x\nVie\xCC\x82\xCC\xA3t,1\n", "r.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], json({{"tên", "Việt"}, {"x", "1"}})) << rows[0].dump();
}

TEST(Csv, ByteOrderMarkIsDropped) {
    const auto rows = parse_csv_rows("\xEF\xBB\xBFso,luu\n1,VT\n", "r.csv");
    ASSERT_EQ(rows.size(), 1u);
    ASSERT_TRUE(rows[0].contains("so")) << rows[0].dump();
    EXPECT_EQ(rows[0].at("so"), "1");
}

TEST(Csv, QuotedValuesHoldCommasQuotesAndLineBreaks) {
    std::vector<int> lines;
    const auto rows = parse_csv_rows(
        "a,b\n\"Hà Nội, Việt Nam\",\"say \"\"hi\"\"\"\n\"line 1\nline 2\",x\nlast,y\n", "r.csv",
        &lines);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("a"), "Hà Nội, Việt Nam");
    EXPECT_EQ(rows[0].at("b"), "say \"hi\"");
    EXPECT_EQ(rows[1].at("a"), "line 1\nline 2");
    EXPECT_EQ(rows[2].at("a"), "last");
    // The quoted line break moves the last row to line 5.
    EXPECT_EQ(lines, (std::vector<int>{2, 3, 5}));
}

TEST(Csv, WindowsLineEndings) {
    std::vector<int> lines;
    const auto rows = parse_csv_rows("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", "r.csv", &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("b"), "x\ny") << "a line break inside a value is \\n";
    EXPECT_EQ(rows[1].at("a"), "2");
    EXPECT_EQ(rows[1].at("b"), "z");
    EXPECT_EQ(lines, (std::vector<int>{2, 4}));
}

TEST(Csv, LastRowWithoutLineBreak) {
    const auto rows = parse_csv_rows("a,b\n1,2", "r.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("b"), "2");
}

TEST(Csv, BlankLinesAndEmptyRowsAreSkipped) {
    std::vector<int> lines;
    const auto rows = parse_csv_rows("a,b\n\n1,2\n   \n,,\n3,4\n\n\n", "r.csv", &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("a"), "1");
    EXPECT_EQ(rows[1].at("a"), "3");
    EXPECT_EQ(lines, (std::vector<int>{3, 6}));
}

TEST(Csv, SpacesAroundUnquotedValuesAreDropped) {
    const auto rows = parse_csv_rows(" a , b\n  x y  ,\"  kept  \"\n", "r.csv");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("a"), "x y");
    EXPECT_EQ(rows[0].at("b"), "  kept  ");
}

TEST(Csv, HeaderAloneGivesNoRows) { EXPECT_TRUE(parse_csv_rows("a,b\n", "r.csv").empty()); }

TEST(Csv, EmptyFileIsAnError) {
    for (const std::string text : {"", "\n\n", "\xEF\xBB\xBF"}) {
        const auto d = failure_of([&] { parse_csv_rows(text, "r.csv"); });
        EXPECT_EQ(d.code, "data.csv");
        EXPECT_NE(d.message.find("empty"), std::string::npos) << d.message;
    }
}

// ---- CSV: errors --------------------------------------------------------------------------------

TEST(CsvError, UnterminatedQuoteIsReportedAtTheOpeningQuote) {
    const auto d = failure_of([] { parse_csv_rows("a,b\n1,2\n3,\"never\nclosed\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("never closed"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "r.csv");
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 3);
    EXPECT_EQ(d.where->line_text, "3,\"never");
}

TEST(CsvError, QuoteInsideAnUnquotedValue) {
    const auto d = failure_of([] { parse_csv_rows("a,b\nđi 5\" x,2\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("quote inside a value"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 5);  // code points: đ i ␠ 5 "
}

TEST(CsvError, TextAfterAClosingQuote) {
    const auto d = failure_of([] { parse_csv_rows("a,b\n1,\"x\"y\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("after the closing quote"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 6);
}

TEST(CsvError, RowWithMoreValuesNamesRowAndLine) {
    // The quoted value spanning two lines makes row 3 start on line 4.
    const auto d = failure_of([] { parse_csv_rows("a,b\n\"1\n1\",2\nx,y,Hà Nội\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("row 3 (line 4) has 3 values"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("2 columns"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 4);
    EXPECT_EQ(d.where->column, 5);  // at the extra value
    EXPECT_FALSE(d.hints.empty());
}

TEST(CsvError, RowWithFewerValuesNamesTheMissingColumn) {
    const auto d =
        failure_of([] { parse_csv_rows("so,ngay,luu\n1,2024-05-10,VT\n2,x\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("row 3 (line 3)"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("\"luu\""), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find("\"ngay\""), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 4);  // the end of the row
}

TEST(CsvError, RowProblemsAreReportedTogether) {
    const auto ds = failures_of([] { parse_csv_rows("a,b\n1\n2,3\n4,5,6\n7\n", "r.csv"); });
    ASSERT_EQ(ds.size(), 3u);
    EXPECT_NE(ds[0].message.find("row 2 (line 2)"), std::string::npos) << ds[0].message;
    EXPECT_NE(ds[1].message.find("row 4 (line 4)"), std::string::npos) << ds[1].message;
    EXPECT_NE(ds[2].message.find("row 5 (line 5)"), std::string::npos) << ds[2].message;
}

TEST(CsvError, ReportingStopsAfterTwentyProblems) {
    std::string text = "a,b\n";
    for (int i = 0; i < 30; ++i) text += "x\n";
    const auto ds = failures_of([&] { parse_csv_rows(text, "r.csv"); });
    ASSERT_EQ(ds.size(), 21u);
    EXPECT_EQ(ds.back().severity, core::Severity::note);
    EXPECT_NE(ds.back().message.find("stopped after 20"), std::string::npos);
}

TEST(CsvError, DuplicateColumnName) {
    const auto d = failure_of([] { parse_csv_rows("so,ngay,so\n1,2,3\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("\"so\" is given twice (columns 1 and 3)"), std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 1);
    EXPECT_EQ(d.where->column, 9);
}

TEST(CsvError, DuplicateAfterNormalisation) {
    // "tên" composed and decomposed are one name.
    const auto d = failure_of([] { parse_csv_rows("t\xC3\xAAn,te\xCC\x82n\n1,2\n", "r.csv"); });
    EXPECT_NE(d.message.find("given twice"), std::string::npos) << d.message;
}

TEST(CsvError, EmptyColumnName) {
    const auto d = failure_of([] { parse_csv_rows("so,,luu\n1,2,3\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("column 2"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->column, 4);
}

TEST(CsvError, InvalidUtf8HasLineAndColumn) {
    // Windows-1258 bytes, as a spreadsheet saving "CSV" without UTF-8 writes them.
    const auto d = failure_of([] { parse_csv_rows("a,b\n1,Vi\xEA\xF2t\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("UTF-8"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 5);
    EXPECT_FALSE(d.hints.empty());
}

TEST(CsvError, ControlCharacter) {
    const auto d = failure_of([] { parse_csv_rows("a\nx\x01y\n", "r.csv"); });
    EXPECT_EQ(d.code, "data.csv");
    EXPECT_NE(d.message.find("U+0001"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

// ---- files and dispatch
// ---------------------------------------------------------------------------

TEST(Rows, LoadCsvFromFile) {
    TempDir dir;
    const auto file = dir.write("ds.csv", "so,luu\n1,VT\n");
    const auto rows = load_csv_rows(file);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at("luu"), "VT");
    // Errors name the file as given.
    const auto d = failure_of([&] { load_csv_rows(dir.write("bad.csv", "a\n\"x\n")); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "bad.csv").string());
}

TEST(Rows, MissingFile) {
    TempDir dir;
    const auto d = failure_of([&] { load_rows(dir.path() / "none.csv"); });
    EXPECT_EQ(d.code, "data.io");
}

TEST(Rows, DispatchByExtension) {
    TempDir dir;
    EXPECT_EQ(load_rows(dir.write("a.CSV", "x\n1\n"))[0].at("x"), "1");
    EXPECT_EQ(load_rows(dir.write("a.jsonl", "{\"x\": 2}\n"))[0].at("x"), 2);
    EXPECT_EQ(load_rows(dir.write("a.json", "[{\"x\": 3}]"))[0].at("x"), 3);
    EXPECT_EQ(failure_of([&] { load_rows(dir.write("a.yaml", "x: 1\n")); }).code, "data.format");
    EXPECT_EQ(failure_of([&] { load_rows(dir.write("noext", "x\n")); }).code, "data.format");
}

// for_each_row hands over each row with its line, in order, in every format.
TEST(Rows, ForEachRowStreamsRowsWithTheirLines) {
    TempDir dir;
    for (const auto& [name, text, first] : std::vector<std::tuple<std::string, std::string, int>>{
             {"r.csv", "so\n1\n\n2\n", 2},
             {"r.jsonl", "{\"so\": \"1\"}\n\n{\"so\": \"2\"}\n", 1},
             {"r.json", "[\n{\"so\": \"1\"},\n\n{\"so\": \"2\"}]", 2}}) {
        std::vector<std::pair<json, int>> got;
        for_each_row(dir.write(name, text),
                     [&](json&& row, int line) { got.emplace_back(std::move(row), line); });
        ASSERT_EQ(got.size(), 2u) << name;
        EXPECT_EQ(got[0].first.at("so"), "1") << name;
        EXPECT_EQ(got[1].first.at("so"), "2") << name;
        EXPECT_EQ(got[0].second, first) << name;
        EXPECT_EQ(got[1].second, first + 2) << name;
    }
    // A problem is still thrown, after the good rows before it.
    int handed = 0;
    EXPECT_EQ(failure_of([&] {
                  for_each_row(dir.write("bad.jsonl", "{\"so\": 1}\n[2]\n"),
                               [&](json&&, int) { ++handed; });
              }).code,
              "data.top-level");
    EXPECT_EQ(handed, 1);
}

// A .jsonl file is read a line at a time; what it gives and what it reports are the same as

// A .jsonl row nested past core::limits::kDataNesting is an error at its line, not a crash of
// the whole batch.
TEST(Rows, DeeplyNestedJsonlRowIsAnError) {
    TempDir dir;
    const std::string deep =
        "{\"so\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    const auto d =
        failure_of([&] { load_rows(dir.write("deep.jsonl", "{\"so\": 1}\n" + deep + "\n")); });
    EXPECT_EQ(d.code, "data.syntax");
    EXPECT_NE(d.message.find("nested too deeply"), std::string::npos) << d.message;
}

// parsing the whole text: byte-order mark, \r\n, blank lines, and where a problem is.
TEST(Rows, JsonlFileReadByLinesMatchesTheWholeText) {
    TempDir dir;
    const std::string good = "\xEF\xBB\xBF{\"so\": \"1\"}\r\n\r\n{\"so\": \"2\"}";
    std::vector<int> file_lines, text_lines;
    EXPECT_EQ(load_rows(dir.write("g.jsonl", good), &file_lines),
              parse_rows(good, (dir.path() / "g.jsonl").string(), &text_lines));
    EXPECT_EQ(file_lines, text_lines);
    EXPECT_EQ(file_lines, (std::vector<int>{1, 3}));
    for (const std::string bad : {"{\"so\": \"1\"}\n\n{\"so\": \"a\xC3\"}\n",
                                  "{\"so\": \"1\"}\n{\"so\": \"a\x01\"}\n", "{}\n{\"so\": }\n"}) {
        const std::string name = (dir.path() / "b.jsonl").string();
        const auto from_file = failure_of([&] { load_rows(dir.write("b.jsonl", bad)); });
        const auto from_text = failure_of([&] { parse_rows(bad, name); });
        EXPECT_EQ(from_file.code, from_text.code) << bad;
        EXPECT_EQ(from_file.message, from_text.message) << bad;
        ASSERT_TRUE(from_file.where && from_text.where) << bad;
        EXPECT_EQ(from_file.where->line, from_text.where->line) << bad;
        EXPECT_EQ(from_file.where->column, from_text.where->column) << bad;
    }
    EXPECT_EQ(failure_of([&] { load_rows(dir.path()); }).code, "data.format");
    std::filesystem::create_directory(dir.path() / "d.jsonl");
    EXPECT_EQ(failure_of([&] { load_rows(dir.path() / "d.jsonl"); }).code, "data.io");
}

// ---- JSON Lines
// -----------------------------------------------------------------------------------

TEST(Jsonl, OneObjectPerLineBlankLinesSkipped) {
    std::vector<int> lines;
    const auto rows = parse_rows(
        "\xEF\xBB\xBF{\"so\": \"1\"}\n\n  \n{\"so\": \"2\", \"ds\": [1]}\r\n", "r.jsonl", &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("so"), "1");
    EXPECT_EQ(rows[1].at("ds")[0], 1);
    EXPECT_EQ(lines, (std::vector<int>{1, 4}));
}

TEST(Jsonl, SyntaxErrorNamesTheFileLine) {
    const auto d =
        failure_of([] { parse_rows("{\"a\": 1}\n{\"a\": 2}\n{\"a\": tru}\n", "r.jsonl"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_GT(d.where->column, 1);
    EXPECT_EQ(d.where->line_text, "{\"a\": tru}");
}

TEST(Jsonl, EveryBadLineIsReported) {
    const auto ds = failures_of(
        [] { parse_rows("[1]\n{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n\"x\"\n", "r.jsonl"); });
    ASSERT_EQ(ds.size(), 3u);
    EXPECT_EQ(ds[0].code, "data.top-level");
    EXPECT_NE(ds[0].message.find("line 1 holds a list"), std::string::npos) << ds[0].message;
    EXPECT_EQ(ds[1].code, "data.duplicate-key");
    ASSERT_TRUE(ds[1].where);
    EXPECT_EQ(ds[1].where->line, 3);
    EXPECT_EQ(ds[2].code, "data.top-level");
    ASSERT_TRUE(ds[2].where);
    EXPECT_EQ(ds[2].where->line, 4);
}

TEST(Jsonl, ControlCharacterInAValueNamesKeyAndLine) {
    const auto d = failure_of([] { parse_rows("{}\n{\"ten\": \"a\\u0001\"}\n", "r.jsonl"); });
    EXPECT_EQ(d.code, "data.encoding");
    EXPECT_NE(d.message.find("ten"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

TEST(Jsonl, InvalidUtf8) {
    const auto d = failure_of([] { parse_rows("{}\n{\"a\": \"\xFF\"}\n", "r.jsonl"); });
    EXPECT_EQ(d.code, "data.encoding");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

TEST(Jsonl, StringsAreNfc) {
    const auto rows = parse_rows("{\"a\": \"Vie\xCC\x82\xCC\xA3t\"}\n", "r.jsonl");
    EXPECT_EQ(rows[0].at("a"), "Việt");
}

// ---- JSON array
// -----------------------------------------------------------------------------------

TEST(JsonArray, ArrayOfObjects) {
    std::vector<int> lines;
    const auto rows =
        parse_rows("[\n  {\"a\": \"Vie\xCC\x82\xCC\xA3t\", \"b\": [\"x,]\"]},\n\n  {\"a\": 2}\n]",
                   "r.json", &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].at("a"), "Việt");
    EXPECT_EQ(rows[1].at("a"), 2);
    EXPECT_EQ(lines, (std::vector<int>{2, 4}));
}

TEST(JsonArray, TopLevelMustBeAnArray) {
    const auto d = failure_of([] { parse_rows("\n {\"a\": 1}", "r.json"); });
    EXPECT_EQ(d.code, "data.top-level");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

TEST(JsonArray, ItemsThatAreNotObjectsAreNamed) {
    const auto ds = failures_of([] { parse_rows("[{\"a\": 1},\n \"x\",\n [1]]", "r.json"); });
    ASSERT_EQ(ds.size(), 2u);
    EXPECT_NE(ds[0].message.find("item [1] is a text"), std::string::npos) << ds[0].message;
    ASSERT_TRUE(ds[0].where);
    EXPECT_EQ(ds[0].where->line, 2);
    EXPECT_EQ(ds[0].where->column, 2);
    EXPECT_NE(ds[1].message.find("item [2] is a list"), std::string::npos) << ds[1].message;
    EXPECT_EQ(ds[1].where->line, 3);
}

TEST(JsonArray, ItemsOnOneLineWithBracketsCommasAndQuotesInTheirStrings) {
    std::vector<int> lines;
    const auto rows =
        parse_rows("\xEF\xBB\xBF[{\"a\": \"x,]}\\\"[{\"},{\"b\": [1, {\"c\": \"]\"}]} , {}]",
                   "r.json", &lines);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at("a"), "x,]}\"[{");
    EXPECT_EQ(rows[1].at("b")[1].at("c"), "]");
    EXPECT_EQ(rows[2], json::object());
    EXPECT_EQ(lines, (std::vector<int>{1, 1, 1}));
    EXPECT_TRUE(parse_rows(" [ ] ", "r.json").empty());
}

TEST(JsonArray, KeyGivenTwiceIsNamedByItsItem) {
    const auto ds =
        failures_of([] { parse_rows("[{\"so\": 1},\n {\"so\": 1, \"so\": 2},\n 3]", "r.json"); });
    ASSERT_EQ(ds.size(), 2u);
    EXPECT_EQ(ds[0].code, "data.duplicate-key");
    EXPECT_EQ(ds[0].message, "the key [1].so is given twice");
    EXPECT_NE(ds[1].message.find("item [2] is a number"), std::string::npos) << ds[1].message;
}

TEST(JsonArray, LinesOfManyItems) {
    std::string text = "[";
    for (int i = 0; i < 3000; ++i)
        text += std::string(i ? "," : "") + "\n{\"i\": " + std::to_string(i) + "}";
    text += "\n]";
    std::vector<int> lines;
    const auto rows = parse_rows(text, "r.json", &lines);
    ASSERT_EQ(rows.size(), 3000u);
    for (int i = 0; i < 3000; ++i) {
        EXPECT_EQ(rows[static_cast<size_t>(i)].at("i"), i);
        EXPECT_EQ(lines[static_cast<size_t>(i)], i + 2);
    }
}

TEST(JsonArray, SyntaxError) {
    const auto d = failure_of([] { parse_rows("[{\"a\": 1},\n {\"a\" 2}]", "r.json"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

}  // namespace
}  // namespace vanthu::input
