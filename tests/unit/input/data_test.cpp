#include "input/data.hpp"

#include <gtest/gtest.h>

#include "core/limits.hpp"
#include "input/csv.hpp"
#include "input/detail.hpp"
#include "test_support.hpp"

namespace vanthu::input {
namespace {

using test::failure_of;
using test::TempDir;

TEST(DataJson, ParsesObject) {
    const Data d = parse_data(R"({"so_hieu": "12/UBND", "n": 5, "list": ["a", "b"]})", "d.json");
    EXPECT_EQ(d.file, "d.json");
    EXPECT_EQ(d.value["so_hieu"], "12/UBND");
    EXPECT_EQ(d.value["n"], 5);
    EXPECT_EQ(d.value["list"][1], "b");
}

TEST(DataJson, SyntaxErrorHasLineColumnAndLineText) {
    const auto d = failure_of([] { parse_data("{\n  \"a\": 1,\n  \"b\": tru\n}", "d.json"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "d.json");
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->line_text, "  \"b\": tru");
    EXPECT_NE(d.message.find("JSON syntax error"), std::string::npos);
    EXPECT_EQ(d.message.find("[json.exception"), std::string::npos);  // cleaned up
}

TEST(DataJson, MissingCommaPointsAtTheNextKey) {
    const auto d = failure_of([] { parse_data("{\"a\": 1\n \"b\": 2}", "d.json"); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 4);
    // The caret display shows the line.
    const std::string shown = core::format(d);
    EXPECT_NE(shown.find("d.json:2:4: error[data.syntax]"), std::string::npos) << shown;
    EXPECT_NE(shown.find("   \"b\": 2}\n     ^"), std::string::npos) << shown;
}

TEST(DataJson, ColumnsCountCodePoints) {
    // "đây" is 3 code points but 5 bytes; the stray x is the 13th code point.
    const auto d = failure_of([] { parse_data("{\"a\": \"đây\" x}", "d.json"); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 1);
    EXPECT_EQ(d.where->column, 13);
}

// A number beyond a double escaped as nlohmann's out_of_range: an internal error (found by
// fuzz_data_json; tests/fuzz/corpus/data_json/number-overflow.json). Rows read JSON the same way.
TEST(DataJson, NumberTooLargeIsAnErrorAtTheNumber) {
    const auto d = failure_of([] { parse_data("{\"so\": 1,\n \"tien\": -2e999}", "d.json"); });
    EXPECT_EQ(d.code, "data.syntax");
    EXPECT_NE(d.message.find("-2e999"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 10);
    EXPECT_EQ(failure_of([] { parse_rows("{\"a\": 1e400}\n", "r.jsonl"); }).code, "data.syntax");
    EXPECT_EQ(failure_of([] { parse_rows("[{\"a\": 1e400}]", "r.json"); }).code, "data.syntax");
}

TEST(DataJson, UnexpectedEnd) {
    const auto d = failure_of([] { parse_data("{\"a\": 1", "d.json"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 1);
}

TEST(DataJson, DuplicateKeyNamesPath) {
    const auto d =
        failure_of([] { parse_data(R"({"a": [{"b": 1}, {"c": 1, "c": 2}]})", "d.json"); });
    EXPECT_EQ(d.code, "data.duplicate-key");
    EXPECT_NE(d.message.find("a[1].c"), std::string::npos) << d.message;
}

TEST(DataJson, TopLevelMustBeObject) {
    EXPECT_EQ(failure_of([] { parse_data("[1, 2]", "d.json"); }).code, "data.top-level");
    EXPECT_EQ(failure_of([] { parse_data("\"x\"", "d.json"); }).code, "data.top-level");
}

TEST(DataJson, ControlCharacterNamesKeyPath) {
    const auto d =
        failure_of([] { parse_data(R"({"noi_nhan": ["a", "b", "x\u0001y"]})", "d.json"); });
    EXPECT_EQ(d.code, "data.encoding");
    EXPECT_NE(d.message.find("noi_nhan[2]"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("U+0001"), std::string::npos) << d.message;
}

TEST(DataJson, NestedControlCharacterAndC1) {
    const auto d = failure_of([] { parse_data(R"({"o": {"k": [{"z": "\u0085"}]}})", "d.json"); });
    EXPECT_EQ(d.code, "data.encoding");
    EXPECT_NE(d.message.find("o.k[0].z"), std::string::npos) << d.message;
}

TEST(DataJson, NewlineAndTabAreAllowed) {
    const Data d = parse_data(R"({"a": "x\ny\tz"})", "d.json");
    EXPECT_EQ(d.value["a"], "x\ny\tz");
}

TEST(DataJson, InvalidUtf8IsEncodingErrorWithPosition) {
    const auto d = failure_of([] { parse_data("{\n\"a\": \"\xC3\x28\"}", "d.json"); });
    EXPECT_EQ(d.code, "data.encoding");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 7);
}

// Deep nesting is refused before anything walks the value recursively (a 100,000-level list
// crashed the data check): at core::limits::kDataNesting levels, at the bracket that goes past.
TEST(DataJson, NestingDeeperThanTheLimitIsRefusedWhereItGoesPast) {
    const int limit = core::limits::kDataNesting;
    const auto nested = [](int levels) {
        return "{\"x\": \"[{\", \"a\":\n " + std::string(static_cast<size_t>(levels), '[') +
               std::string(static_cast<size_t>(levels), ']') + "}";
    };
    EXPECT_NO_THROW(parse_data(nested(limit - 1), "d.json"));  // the object is a level too
    const auto d = failure_of([&] { parse_data(nested(100000), "d.json"); });
    EXPECT_EQ(d.code, "data.syntax");
    EXPECT_NE(d.message.find("nested too deeply"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    // Line 2 is " [[[…": the object is level 1, so the limit-th "[" goes past it. The "[{" in
    // the string on line 1 does not count.
    EXPECT_EQ(d.where->column, 1 + limit);
}

TEST(DataJson, FindsTheFirstBracketPastTheLimitOutsideStrings) {
    EXPECT_EQ(detail::json_too_deep_at(R"({"a": "[[[[\"[["})", 2), std::string::npos);
    EXPECT_EQ(detail::json_too_deep_at(R"({"a": [[1]]})", 2), 7u);
    EXPECT_EQ(detail::json_too_deep_at(R"([[],[],{}])", 2), std::string::npos);
}

TEST(DataYaml, BadIndentReportsLine3) {
    const auto d = failure_of([] { parse_data("a:\n  b: 1\n c: 2\n", "d.yaml"); });
    EXPECT_EQ(d.code, "data.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "d.yaml");
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 2);
    EXPECT_EQ(d.where->line_text, " c: 2");
}

TEST(DataYaml, IllegalMapValueLineAndColumn) {
    const auto d = failure_of([] { parse_data("tên: Hà Nội\nb: 2\n  c: 3\n", "d.yml"); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 4);
}

// YAML 1.2 core-schema semantics, except that numbers stay text: only true/false (any case
// spelling of the core schema) are booleans and null/~/empty are null. yes/no/on/off, numbers,
// octal and dates are strings.
TEST(DataYaml, ScalarTypes) {
    const Data d = parse_data(
        "so: 05\n"
        "y: yes\n"
        "n: no\n"
        "o: on\n"
        "t: true\n"
        "T: True\n"
        "f: false\n"
        "nu: null\n"
        "til: ~\n"
        "empty:\n"
        "q: \"true\"\n"
        "sq: 'null'\n"
        "num: 1.50\n"
        "oct: 0o17\n"
        "date: 2024-05-10\n"
        "lit: |\n  x\n  y\n"
        "qe: \"\"\n",
        "d.yaml");
    const auto& v = d.value;
    EXPECT_EQ(v["so"], "05");
    EXPECT_EQ(v["y"], "yes");
    EXPECT_EQ(v["n"], "no");
    EXPECT_EQ(v["o"], "on");
    EXPECT_EQ(v["t"], true);
    EXPECT_EQ(v["T"], true);
    EXPECT_EQ(v["f"], false);
    EXPECT_TRUE(v["nu"].is_null());
    EXPECT_TRUE(v["til"].is_null());
    EXPECT_TRUE(v["empty"].is_null());
    EXPECT_EQ(v["q"], "true");
    EXPECT_EQ(v["sq"], "null");
    EXPECT_EQ(v["num"], "1.50");
    EXPECT_EQ(v["oct"], "0o17");
    EXPECT_EQ(v["date"], "2024-05-10");
    EXPECT_EQ(v["lit"], "x\ny\n");
    EXPECT_EQ(v["qe"], "");
}

TEST(DataYaml, SequencesAndMaps) {
    const Data d = parse_data(
        "noi_nhan:\n  - ten: Bộ Nội vụ\n  - ten: Lưu VT\nco_quan: {ten: UBND, cap: tinh}\n",
        "d.yaml");
    ASSERT_TRUE(d.value["noi_nhan"].is_array());
    EXPECT_EQ(d.value["noi_nhan"][1]["ten"], "Lưu VT");
    EXPECT_EQ(d.value["co_quan"]["cap"], "tinh");
}

TEST(DataYaml, DuplicateKeyIsError) {
    const auto d = failure_of([] { parse_data("a: 1\nb: 2\na: 3\n", "d.yaml"); });
    EXPECT_EQ(d.code, "data.duplicate-key");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 1);
}

TEST(DataYaml, NestedDuplicateKeyNamesPath) {
    const auto d = failure_of([] { parse_data("x:\n  - k: 1\n    k: 2\n", "d.yaml"); });
    EXPECT_EQ(d.code, "data.duplicate-key");
    EXPECT_NE(d.message.find("x[0].k"), std::string::npos) << d.message;
}

TEST(DataYaml, TopLevelMustBeMapping) {
    EXPECT_EQ(failure_of([] { parse_data("- a\n- b\n", "d.yaml"); }).code, "data.top-level");
    EXPECT_EQ(failure_of([] { parse_data("just text\n", "d.yaml"); }).code, "data.top-level");
    EXPECT_EQ(failure_of([] { parse_data("", "d.yaml"); }).code, "data.top-level");
    EXPECT_EQ(failure_of([] { parse_data("a: 1\n---\nb: 2\n", "d.yaml"); }).code, "data.top-level");
}

// A document starting with a comma made yaml-cpp 0.7's LoadAll loop for ever, filling the
// memory (found by fuzz_data_yaml; tests/fuzz/corpus/data_yaml/comma-first.yaml).
TEST(DataYaml, CommaStartingADocumentIsASyntaxError) {
    for (const char* text : {",", "# ghi chú\n, so: 1\n", "so: 1\n---\n,\n", "---\n, a\n"}) {
        const auto d = failure_of([&] { parse_data(text, "d.yaml"); });
        EXPECT_EQ(d.code, "data.syntax") << text;
        EXPECT_NE(d.message.find("comma"), std::string::npos) << d.message;
        ASSERT_TRUE(d.where) << text;
        EXPECT_EQ(d.where->column, 1) << text;
    }
    const auto d = failure_of([] { parse_data("# ghi chú\n, so: 1\n", "d.yaml"); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    // Documents are still counted, and an empty one is still empty.
    EXPECT_NE(failure_of([] {
                  parse_data("a: 1\n---\nb: 2\n---\nc: 3\n", "d.yaml");
              }).message.find("3 YAML documents"),
              std::string::npos);
    EXPECT_NE(failure_of([] { parse_data("---\n", "d.yaml"); }).message.find("empty"),
              std::string::npos);
    EXPECT_EQ(parse_data("---\nso: 1\n...\n", "d.yaml").value["so"], "1");
}

TEST(DataYaml, ControlCharacterFromEscapeIsRejectedWithPosition) {
    const auto d = failure_of([] { parse_data("a: ok\nnoi_nhan:\n  - \"x\\x01\"\n", "d.yaml"); });
    EXPECT_EQ(d.code, "data.encoding");
    EXPECT_NE(d.message.find("noi_nhan[0]"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
}

TEST(DataYaml, InvalidUtf8IsRejected) {
    const auto d = failure_of([] { parse_data("a: ok\nb: \xFF\n", "d.yaml"); });
    EXPECT_EQ(d.code, "data.encoding");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 4);
}

TEST(DataFormat, UnknownExtension) {
    EXPECT_EQ(failure_of([] { parse_data("a=1", "d.toml"); }).code, "data.format");
    EXPECT_EQ(failure_of([] { parse_data("a: 1", "data"); }).code, "data.format");
}

TEST(DataFormat, ExtensionIsCaseInsensitive) {
    EXPECT_EQ(parse_data("a: 1", "D.YML").value["a"], "1");
}

TEST(DataFile, LoadsJsonAndYamlFiles) {
    TempDir dir;
    const auto json = dir.write("d.json", R"({"a": "x"})");
    const auto yaml = dir.write("d.yaml", "a: y\n");
    EXPECT_EQ(load_data(json).value["a"], "x");
    const Data d = load_data(yaml);
    EXPECT_EQ(d.value["a"], "y");
    EXPECT_EQ(d.file, yaml.string());
}

TEST(DataFile, MissingFileIsIoError) {
    TempDir dir;
    const auto d = failure_of([&] { load_data(dir.path() / "none.yaml"); });
    EXPECT_EQ(d.code, "data.io");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "none.yaml").string());
}

// Sizes are bounded before reading (issue 17): a data file that links to a device (/dev/zero
// was read for 4 GB) or is larger than core::limits::kInputFileBytes is data.io.
TEST(DataFile, DevicesAndOversizedFilesAreRefusedBeforeReading) {
    TempDir dir;
    std::filesystem::create_symlink("/dev/zero", dir.path() / "zero.yaml");
    auto d = failure_of([&] { load_data(dir.path() / "zero.yaml"); });
    EXPECT_EQ(d.code, "data.io");
    EXPECT_NE(d.message.find("device"), std::string::npos) << d.message;

    const auto big = dir.write("big.yaml", "a: 1\n");
    std::filesystem::resize_file(big, core::limits::kInputFileBytes + 1);  // sparse: no disk
    d = failure_of([&] { load_data(big); });
    EXPECT_EQ(d.code, "data.io");
    EXPECT_NE(d.message.find("larger than 256 MB"), std::string::npos) << d.message;
}

TEST(DataFile, UnknownExtensionOnLoad) {
    TempDir dir;
    const auto p = dir.write("d.txt", "a: 1\n");
    EXPECT_EQ(failure_of([&] { load_data(p); }).code, "data.format");
}

// Characters a document may not hold are refused when the data is read, naming the value's
// path, the character and (YAML) the line of the value.
TEST(DataYaml, BidiControlIsRefusedWithPathAndLine) {
    const auto d = failure_of(
        [] { parse_data("so: \"1\"\nnoi_dung:\n  - doan: \"Công ty \u202Eabc\"\n", "d.yaml"); });
    EXPECT_EQ(d.code, "text.bidi-control");
    EXPECT_NE(d.message.find("noi_dung[0].doan"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("U+202E RIGHT-TO-LEFT OVERRIDE"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("after \"Công ty \""), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_FALSE(d.hints.empty());
}

TEST(DataYaml, HebrewAndBidiMarksAreData) {
    const Data d = parse_data("nguoi_ky: \"דוד כהן\u200F\"\n", "d.yaml");
    EXPECT_EQ(d.value["nguoi_ky"], "דוד כהן\u200F");
}

TEST(DataJson, RefusedCharactersNameTheirPath) {
    auto d = failure_of([] { parse_data(R"({"kinh_gui": ["a", "x\u2067y"]})", "d.json"); });
    EXPECT_EQ(d.code, "text.bidi-control");
    EXPECT_NE(d.message.find("kinh_gui[1]"), std::string::npos) << d.message;
    d = failure_of([] { parse_data(R"({"nguoi_ky": "Nguy\ufffdn"})", "d.json"); });
    EXPECT_EQ(d.code, "text.replacement-character");
    d = failure_of([] { parse_data(R"({"a": {"\ue000": "x"}})", "d.json"); });
    EXPECT_EQ(d.code, "text.private-use");
    EXPECT_NE(d.message.find("the key a."), std::string::npos) << d.message;
}

}  // namespace
}  // namespace vanthu::input
