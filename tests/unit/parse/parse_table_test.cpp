// Table attributes: column widths (relative, fixed, auto), the STT column, column alignment,
// and <checkbox/> in cells and paragraphs.
#include <gtest/gtest.h>

#include "parse/parse.hpp"

using namespace vanthu;
using W = model::ColumnWidth;
using Align = model::TableCell::Align;

namespace vanthu::model {
void PrintTo(const ColumnWidth& w, std::ostream* os) {
    *os << (w.kind == ColumnWidth::Kind::fixed       ? "fixed "
            : w.kind == ColumnWidth::Kind::automatic ? "auto "
                                                     : "relative ")
        << w.value;
}
}  // namespace vanthu::model

namespace {

// The body is on line 2 of the markup, so a table written first in it is on line 2.
model::Document parse_body(const std::string& body, core::Diagnostics& diags) {
    expand::Expanded e;
    e.text = "<document><header><issuer>A</issuer></header>\n<body>" + body +
             "</body><signature><name>B</name></signature></document>";
    e.data_file = "data.yaml";
    try {
        return parse::parse(e, diags);
    } catch (const core::Failure&) {
        return {};
    }
}

const model::Table& table_of(const model::Document& doc) {
    return std::get<model::Table>(doc.body.at(0));
}

std::string all(const core::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += core::format(d) + "\n";
    return out;
}

// The error with `code`, which must be the only problem reported.
const core::Diagnostic& only_error(const core::Diagnostics& diags, const std::string& code) {
    EXPECT_EQ(diags.items().size(), 1u) << all(diags);
    static const core::Diagnostic none;
    if (diags.items().empty()) return none;
    const auto& d = diags.items().front();
    EXPECT_EQ(d.severity, core::Severity::error);
    EXPECT_EQ(d.code, code) << all(diags);
    return d;
}

const char* kTwoByTwo = "><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>";

}  // namespace

TEST(TableWidths, TokensOfEachKind) {
    core::Diagnostics diags;
    auto doc = parse_body(
        R"(<table widths=" 3  25mm auto 1.5 .5 12.5mm"><tr><td>a</td><td>b</td><td>c</td>)"
        "<td>d</td><td>e</td><td>f</td></tr></table>",
        diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_EQ(table_of(doc).widths, (std::vector<W>{{W::Kind::relative, 3},
                                                    {W::Kind::fixed, 25},
                                                    {W::Kind::automatic, 0},
                                                    {W::Kind::relative, 1.5},
                                                    {W::Kind::relative, 0.5},
                                                    {W::Kind::fixed, 12.5}}));
}

TEST(TableWidths, BadTokensAreErrorsAtTheTable) {
    for (const char* token : {"25cm", "-1", "0", "0mm", "abc", "1e3", "0x10", "inf", "mm", "25 mm",
                              "2000mm", "50%", "Auto", "1..5"}) {
        core::Diagnostics diags;
        parse_body(std::string("<p>x</p>\n  <table widths=\"1 ") + token + "\"" + kTwoByTwo, diags);
        ASSERT_TRUE(diags.has_errors()) << token;
        const auto& d = diags.items().front();
        EXPECT_EQ(d.code, "markup.table-widths") << token;
        const std::string bad = std::string(token) == "25 mm" ? "mm" : token;
        EXPECT_NE(d.message.find('"' + bad + '"'), std::string::npos) << d.message;
        ASSERT_TRUE(d.where) << token;
        EXPECT_EQ(d.where->line, 3) << token;
        EXPECT_EQ(d.where->column, 4) << token;  // the "table" of "  <table"
        // A bad token is reported once: no second message about the number of widths.
        EXPECT_EQ(diags.items().size(), 1u) << all(diags);
    }
}

TEST(TableWidths, CountMustMatchTheColumns) {
    core::Diagnostics diags;
    parse_body(std::string("<table widths=\"1 2 auto\"") + kTwoByTwo, diags);
    const auto& d = only_error(diags, "markup.table-widths");
    EXPECT_NE(d.message.find("widths gives 3 column widths, the table has 2 columns"),
              std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

TEST(TableStt, NumbersTheBodyRowsInAFirstColumn) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<table stt="1." stt-title="Số  TT">
      <thead>
        <tr><th rowspan="2">Đơn vị</th><th colspan="2">Số lượng</th></tr>
        <tr><th>Tổng</th><th>Nữ</th></tr>
      </thead>
      <tbody>
        <tr><td>Y tế</td><td>10</td><td>4</td></tr>
        <tr stt="no"><td colspan="3"><b>Khối huyện</b></td></tr>
        <tr stt="yes"><td rowspan="2">Mường Nhé</td><td>5</td><td>2</td></tr>
        <tr><td>6</td><td>3</td></tr>
      </tbody>
    </table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& t = table_of(doc);
    EXPECT_EQ(t.stt, "1.");
    EXPECT_EQ(t.columns, 4);
    ASSERT_EQ(t.rows.size(), 6u);
    const auto& head = t.rows[0].cells.front();
    EXPECT_EQ(head.plain_text(), "Số TT");
    EXPECT_TRUE(head.header);
    EXPECT_EQ(head.rowspan, 2);
    EXPECT_EQ(head.column, 0);
    EXPECT_EQ(t.rows[0].cells[1].column, 1);  // the author's first column moved right
    EXPECT_EQ(t.rows[1].cells.size(), 2u);    // the second header row has no STT cell
    EXPECT_EQ(t.rows[1].cells[0].column, 2);
    const char* numbers[] = {"1.", "", "2.", "3."};
    for (size_t r = 2; r < 6; ++r) {
        const auto& cell = t.rows[r].cells.front();
        EXPECT_EQ(cell.plain_text(), numbers[r - 2]) << "row " << r + 1;
        EXPECT_EQ(cell.column, 0);
        EXPECT_EQ(cell.align, Align::center);
        EXPECT_FALSE(cell.header);
        EXPECT_EQ(cell.rowspan, 1);
    }
    EXPECT_EQ(t.rows[3].cells[1].column, 1);
    EXPECT_EQ(t.rows[3].cells[1].colspan, 3);
    EXPECT_EQ(t.rows[5].cells[1].column, 2);  // beside the author's rowspan
    // No widths: the STT column fits its content, the author's columns are equal.
    EXPECT_EQ(t.widths, (std::vector<W>{{W::Kind::automatic, 0}, {}, {}, {}}));
}

TEST(TableStt, PlainNumbersDefaultTitleAndNoHeader) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<table stt="1"><thead><tr><th>Tên</th></tr></thead>
      <tr><td>a</td></tr><tr><td>b</td></tr></table><table stt="1.">
      <tr><td>a</td></tr><tr><td>b</td></tr></table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& t = table_of(doc);
    EXPECT_EQ(t.rows[0].cells[0].plain_text(), "STT");
    EXPECT_EQ(t.rows[0].cells[0].rowspan, 1);
    EXPECT_EQ(t.rows[1].cells[0].plain_text(), "1");
    EXPECT_EQ(t.rows[2].cells[0].plain_text(), "2");
    const auto& bare = std::get<model::Table>(doc.body.at(1));
    EXPECT_EQ(bare.columns, 2);
    EXPECT_EQ(bare.rows[0].cells[0].plain_text(), "1.");
    EXPECT_EQ(bare.rows[1].cells[0].plain_text(), "2.");
}

TEST(TableStt, WidthsListTheAuthorsColumnsOrAllOfThem) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<table stt="1." widths="25mm 2"><tr><td>a</td><td>b</td></tr></table>
      <table stt="1." widths="10mm 25mm 2"><tr><td>a</td><td>b</td></tr></table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_EQ(
        table_of(doc).widths,
        (std::vector<W>{{W::Kind::automatic, 0}, {W::Kind::fixed, 25}, {W::Kind::relative, 2}}));
    EXPECT_EQ(std::get<model::Table>(doc.body.at(1)).widths,
              (std::vector<W>{{W::Kind::fixed, 10}, {W::Kind::fixed, 25}, {W::Kind::relative, 2}}));

    core::Diagnostics wrong;
    parse_body(R"(<table stt="1." widths="1"><tr><td>a</td><td>b</td></tr></table>)", wrong);
    const auto& d = only_error(wrong, "markup.table-widths");
    EXPECT_NE(d.message.find("give 2 (or 3 with the STT column)"), std::string::npos) << d.message;
}

TEST(TableStt, MistakesAreLocatedErrors) {
    struct Case {
        const char* markup;
        const char* code;
        const char* text;
        int line;
    };
    const Case cases[] = {
        {"<table stt=\"a)\"><tr><td>a</td></tr></table>", "markup.table-stt", "stt=\"a)\"", 2},
        {"<table stt-title=\"TT\"><tr><td>a</td></tr></table>", "markup.table-stt", "stt-title", 2},
        {"<table><tr><td>a</td></tr>\n<tr stt=\"no\"><td>b</td></tr></table>", "markup.table-stt",
         "needs stt=", 3},
        {"<table stt=\"1\"><thead>\n<tr stt=\"no\"><th>a</th></tr></thead></table>",
         "markup.table-stt", "<thead> row", 3},
        {"<table stt=\"1\"><tr><td>a</td></tr>\n<tr stt=\"skip\"><td>b</td></tr></table>",
         "markup.attribute", "must be yes or no", 3},
    };
    for (const auto& c : cases) {
        core::Diagnostics diags;
        parse_body(c.markup, diags);
        const auto& d = only_error(diags, c.code);
        EXPECT_NE(d.message.find(c.text), std::string::npos) << d.message;
        ASSERT_TRUE(d.where) << c.markup;
        EXPECT_EQ(d.where->line, c.line) << c.markup;
    }
}

TEST(TableAlign, ColumnDefaultsForDataCells) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<table align="left right center">
      <thead><tr><th>Tên</th><th>Số</th><th align="left">Ghi chú</th></tr></thead>
      <tr><td>a</td><td>1.037</td><td align="justify">x</td></tr>
      <tr><td colspan="2">Cộng</td><td>y</td></tr></table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& t = table_of(doc);
    EXPECT_EQ(t.rows[0].cells[0].align, Align::center);  // th stay centred
    EXPECT_EQ(t.rows[0].cells[1].align, Align::center);
    EXPECT_EQ(t.rows[0].cells[2].align, Align::left);  // its own align
    EXPECT_EQ(t.rows[1].cells[0].align, Align::left);
    EXPECT_EQ(t.rows[1].cells[1].align, Align::right);
    EXPECT_EQ(t.rows[1].cells[2].align, Align::justify);  // its own align wins
    EXPECT_EQ(t.rows[2].cells[0].align, Align::left);     // a span takes its first column's
    EXPECT_EQ(t.rows[2].cells[1].align, Align::center);
}

TEST(TableAlign, WithAnSttColumn) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<table stt="1." align="left right"><tr><td>a</td><td>1</td></tr>
      </table><table stt="1." align="right left right"><tr><td>a</td><td>1</td></tr></table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& authors = table_of(doc).rows[0].cells;
    EXPECT_EQ(authors[0].align, Align::center);  // the STT column stays centred
    EXPECT_EQ(authors[1].align, Align::left);
    EXPECT_EQ(authors[2].align, Align::right);
    const auto& every = std::get<model::Table>(doc.body.at(1)).rows[0].cells;
    EXPECT_EQ(every[0].align, Align::right);
    EXPECT_EQ(every[1].align, Align::left);
    EXPECT_EQ(every[2].align, Align::right);
}

TEST(TableAlign, MistakesAreLocatedErrors) {
    core::Diagnostics word;
    parse_body(std::string("<table align=\"left middle\"") + kTwoByTwo, word);
    const auto& d = only_error(word, "markup.table-align");
    EXPECT_NE(d.message.find("\"middle\" is not one of left, center, right, justify"),
              std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);

    core::Diagnostics count;
    parse_body(std::string("<table align=\"left right center\"") + kTwoByTwo, count);
    EXPECT_NE(only_error(count, "markup.table-align")
                  .message.find("align gives 3 column alignments, the table has 2 columns"),
              std::string::npos)
        << all(count);
}

TEST(Checkbox, AnEmptyBoxInCellsAndParagraphs) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<p><checkbox/> Đồng ý <b><checkbox/>Không</b></p>
      <table><tr><td><checkbox/></td><td>Có <checkbox/></td><td/></tr></table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& p = std::get<model::Paragraph>(doc.body.at(0));
    EXPECT_EQ(p.plain_text(), "\u25A1 Đồng ý \u25A1Không");
    EXPECT_TRUE(p.runs.back().style.bold);
    EXPECT_EQ(p.runs.back().text, "\u25A1Không");
    const auto& cells = std::get<model::Table>(doc.body.at(1)).rows.at(0).cells;
    ASSERT_EQ(cells.size(), 3u);
    EXPECT_EQ(cells[0].plain_text(), "\u25A1");
    EXPECT_EQ(cells[1].plain_text(), "Có \u25A1");
    EXPECT_TRUE(cells[2].runs.empty());  // an empty cell stays a cell

    core::Diagnostics content;
    parse_body("<p>a\n<checkbox>x</checkbox></p>", content);
    const auto& d = only_error(content, "markup.checkbox");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);

    core::Diagnostics attribute;
    parse_body("<p><checkbox checked=\"yes\"/></p>", attribute);
    only_error(attribute, "markup.unknown-attribute");
}
