#include "parse/parse.hpp"

#include <gtest/gtest.h>

using namespace vanthu;

namespace {

model::Document parse_text(const std::string& markup, core::Diagnostics& diags) {
    expand::Expanded e;
    e.text = markup;
    e.data_file = "data.yaml";
    return parse::parse(e, diags);
}

const char* kMinimal = R"(<document kind="cong-van">
  <header><issuer>Sở Nội vụ</issuer><number>5</number><symbol>SNV</symbol></header>
  <body><p>Một   <b>hai</b> <i>ba</i>
  bốn</p></body>
  <signature><title>GIÁM ĐỐC</title><name>Nguyễn Văn A</name></signature>
</document>)";

}  // namespace

TEST(Parse, ReadsHeaderBodyAndSignature) {
    core::Diagnostics diags;
    auto doc = parse_text(kMinimal, diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(doc.kind, "cong-van");
    EXPECT_EQ(doc.header.issuer.value, "Sở Nội vụ");
    EXPECT_EQ(doc.header.number.value, "5");
    ASSERT_EQ(doc.body.size(), 1u);
    const auto& p = std::get<model::Paragraph>(doc.body[0]);
    EXPECT_EQ(p.plain_text(), "Một hai ba bốn");
    ASSERT_EQ(p.runs.size(), 5u);
    EXPECT_TRUE(p.runs[1].style.bold);
    EXPECT_TRUE(p.runs[3].style.italic);
    EXPECT_EQ(doc.signature.titles.size(), 1u);
    EXPECT_EQ(doc.signature.name.value, "Nguyễn Văn A");
}

TEST(Parse, ListsBecomeDashAndPlusParagraphs) {
    core::Diagnostics diags;
    auto doc = parse_text(R"(<document><header><issuer>A</issuer></header><body>
      <ul><li>một<ul><li>hai</li></ul></li><li>ba</li></ul></body>
      <signature><name>B</name></signature></document>)",
                          diags);
    ASSERT_EQ(doc.body.size(), 3u);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[0]).plain_text(), "- một");
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[1]).plain_text(), "+ hai");
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[1]).list_level, 2);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[2]).plain_text(), "- ba");
}

// The templates write a "+ " item as <ul><li><ul><li>…</li></ul></li></ul>: the outer item has
// no text and must not become a lone "-" paragraph (seed 003's "+ Bám sát Kế hoạch …").
TEST(Parse, AnItemWithOnlyANestedListWritesNoDash) {
    core::Diagnostics diags;
    auto doc = parse_text(R"(<document><header><issuer>A</issuer></header><body>
      <ul><li>Các ban, đơn vị:</li></ul>
      <ul><li><ul><li>hai</li></ul></li></ul><ul><li> <ul><li>ba</li></ul></li></ul>
      <ul><li></li></ul></body><signature><name>B</name></signature></document>)",
                          diags);
    ASSERT_FALSE(diags.has_errors());
    ASSERT_EQ(doc.body.size(), 3u);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[0]).plain_text(), "- Các ban, đơn vị:");
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[1]).plain_text(), "+ hai");
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[2]).plain_text(), "+ ba");
}

TEST(Parse, ForcedBreaksInFields) {
    core::Diagnostics diags;
    auto doc = parse_text(R"(<document><header><issuer>LIÊN ĐOÀN LAO ĐỘNG<br/>  THÀNH PHỐ</issuer>
      </header><signature><name>B</name></signature></document>)",
                          diags);
    EXPECT_EQ(doc.header.issuer.value, "LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ");
}

TEST(Parse, EscapedDataStaysText) {
    core::Diagnostics diags;
    auto doc = parse_text(R"(<document><header><issuer>A</issuer></header>
      <body><p>&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt; {{x}}</p></body><signature><name>B</name></signature></document>)",
                          diags);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[0]).plain_text(), "</p><h1>x</h1> {{x}}");
}

TEST(Parse, ReportsEveryUnknownElementAndAttribute) {
    core::Diagnostics diags;
    try {
        parse_text(R"(<document><header><issuer>A</issuer><foo/></header>
          <body><p class="x">t</p><figure/></body><signature><name>B</name></signature></document>)",
                   diags);
        FAIL() << "expected a Failure";
    } catch (const core::Failure& f) {
        std::vector<std::string> codes;
        for (const auto& d : f.diagnostics()) codes.push_back(d.code);
        EXPECT_EQ(codes,
                  (std::vector<std::string>{"markup.unknown-element", "markup.unknown-attribute",
                                            "markup.unknown-element"}));
    }
}

TEST(Parse, MalformedXmlIsLocated) {
    core::Diagnostics diags;
    try {
        parse_text("<document>\n<header>\n<issuer>A</header>\n</document>", diags);
        FAIL() << "expected a Failure";
    } catch (const core::Failure& f) {
        ASSERT_EQ(f.diagnostics().size(), 1u);
        EXPECT_EQ(f.diagnostics()[0].code, "markup.syntax");
        ASSERT_TRUE(f.diagnostics()[0].where);
        EXPECT_EQ(f.diagnostics()[0].where->line, 3);
    }
}

TEST(Parse, RequiresIssuerAndSigner) {
    core::Diagnostics diags;
    EXPECT_THROW(parse_text("<document><header/></document>", diags), core::Failure);
    ASSERT_EQ(diags.items().size(), 2u);
    EXPECT_EQ(diags.items()[0].code, "markup.missing");
}

TEST(Parse, StrayTextIsAnError) {
    core::Diagnostics diags;
    EXPECT_THROW(parse_text("<document><header><issuer>A</issuer></header><body>loose text</body>"
                            "<signature><name>B</name></signature></document>",
                            diags),
                 core::Failure);
    EXPECT_EQ(diags.items().at(0).code, "markup.stray-text");
}

TEST(Parse, HeadingsTypeNameAndNumbering) {
    core::Diagnostics diags;
    auto doc = parse_text(R"(<document kind="named"><header><issuer>A</issuer><type>Kế hoạch</type>
      </header><body numbering="I 1 1.1"><h1>Mục đích</h1><p>x</p><h2>Một</h2><h3>Hai</h3></body>
      <signature><name>B</name></signature></document>)",
                          diags);
    EXPECT_EQ(doc.kind, "named");
    EXPECT_EQ(doc.header.type_name.value, "Kế hoạch");
    EXPECT_EQ(doc.numbering, (std::vector<std::string>{"I", "1", "1.1"}));
    ASSERT_EQ(doc.body.size(), 4u);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[0]).heading_level, 1);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[1]).heading_level, 0);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[3]).heading_level, 3);
}

TEST(Parse, UnknownNumberingStyleIsAnError) {
    core::Diagnostics diags;
    EXPECT_THROW(parse_text(R"(<document><header><issuer>A</issuer></header><body numbering="I x">
      <h1>t</h1></body><signature><name>B</name></signature></document>)",
                            diags),
                 core::Failure);
    EXPECT_EQ(diags.items().at(0).code, "markup.numbering");
}

namespace {

model::Document parse_body(const std::string& body, core::Diagnostics& diags) {
    return parse_text("<document><header><issuer>A</issuer></header><body>" + body +
                          "</body><signature><name>B</name></signature></document>",
                      diags);
}

}  // namespace

TEST(Parse, TableWithHeadBodyColspanAndRowspan) {
    core::Diagnostics diags;
    auto doc = parse_body(R"(<p>Trước</p>
      <table widths="1 4 2 2" size="12">
        <thead>
          <tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th colspan="2">Số lượng</th></tr>
          <tr><th>Tổng số</th><th align="right">Trong đó <i>nữ</i></th></tr>
        </thead>
        <tbody>
          <tr><td align="center">1</td><td>Công   đoàn <b>Y tế</b></td><td>10</td><td>4</td></tr>
          <tr><td rowspan="2">2</td><td>a</td><td>b</td><td>c</td></tr>
          <tr><td>d</td><td>e</td><td>f</td></tr>
        </tbody>
      </table>)",
                          diags);
    ASSERT_FALSE(diags.has_errors()) << core::format(diags.items().front());
    ASSERT_EQ(doc.body.size(), 2u);
    const auto* t = std::get_if<model::Table>(&doc.body[1]);
    ASSERT_TRUE(t);
    using W = model::ColumnWidth;
    EXPECT_EQ(t->widths, (std::vector<W>{{W::Kind::relative, 1},
                                         {W::Kind::relative, 4},
                                         {W::Kind::relative, 2},
                                         {W::Kind::relative, 2}}));
    EXPECT_EQ(t->font_size, 12);
    EXPECT_EQ(t->columns, 4);
    EXPECT_EQ(t->header_rows, 2);
    ASSERT_EQ(t->rows.size(), 5u);
    EXPECT_TRUE(t->rows[0].header && t->rows[1].header && !t->rows[2].header);
    const auto& top = t->rows[0].cells;
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0].rowspan, 2);
    EXPECT_TRUE(top[0].header);
    EXPECT_EQ(top[0].align, model::TableCell::Align::center);
    EXPECT_EQ(top[2].colspan, 2);
    EXPECT_EQ(top[2].column, 2);
    const auto& second = t->rows[1].cells;
    ASSERT_EQ(second.size(), 2u);
    EXPECT_EQ(second[0].column, 2);  // after the two rowspan cells
    EXPECT_EQ(second[1].column, 3);
    EXPECT_EQ(second[1].align, model::TableCell::Align::right);
    EXPECT_EQ(second[1].plain_text(), "Trong đó nữ");
    EXPECT_TRUE(second[1].runs.back().style.italic);
    const auto& body = t->rows[2].cells;
    EXPECT_EQ(body[0].align, model::TableCell::Align::center);
    EXPECT_EQ(body[1].align, model::TableCell::Align::left);
    EXPECT_FALSE(body[1].header);
    EXPECT_EQ(body[1].plain_text(), "Công đoàn Y tế");
    EXPECT_TRUE(body[1].runs.back().style.bold);
    EXPECT_EQ(t->rows[4].cells[0].column, 1);  // under the body rowspan
}

TEST(Parse, BareRowsMakeABodyWithEqualColumns) {
    core::Diagnostics diags;
    auto doc = parse_body(
        "<table><tr><td>a</td><td>b</td></tr><tr><td colspan=\"2\">c</td></tr>"
        "</table>",
        diags);
    ASSERT_FALSE(diags.has_errors());
    const auto& t = std::get<model::Table>(doc.body.at(0));
    EXPECT_TRUE(t.widths.empty());
    EXPECT_EQ(t.header_rows, 0);
    EXPECT_EQ(t.columns, 2);
}

TEST(Parse, TableShapeErrorsNameTheRow) {
    core::Diagnostics diags;
    EXPECT_THROW(
        parse_body("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr>"
                   "</table>",
                   diags),
        core::Failure);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items().front().code, "markup.table-shape");
    EXPECT_NE(diags.items().front().message.find("row 2"), std::string::npos)
        << diags.items().front().message;

    core::Diagnostics past;
    EXPECT_THROW(parse_body("<table><tr><td rowspan=\"3\">a</td><td>b</td></tr><tr><td>c</td>"
                            "</tr></table>",
                            past),
                 core::Failure);
    ASSERT_TRUE(past.has_errors());
    EXPECT_EQ(past.items().front().code, "markup.table-shape");

    core::Diagnostics widths;
    EXPECT_THROW(
        parse_body("<table widths=\"1 2 3\"><tr><td>a</td><td>b</td></tr></table>", widths),
        core::Failure);
    ASSERT_TRUE(widths.has_errors());
    EXPECT_EQ(widths.items().front().code, "markup.table-widths");
}

TEST(Parse, TableRejectsUnknownMarkup) {
    for (const char* bad : {"<table><tr><td bgcolor=\"red\">a</td></tr></table>",
                            "<table><caption>x</caption><tr><td>a</td></tr></table>",
                            "<table><tr><td align=\"middle\">a</td></tr></table>",
                            "<table><tr><td colspan=\"0\">a</td></tr></table>",
                            "<table size=\"huge\"><tr><td>a</td></tr></table>"}) {
        core::Diagnostics diags;
        EXPECT_THROW(parse_body(bad, diags), core::Failure) << bad;
        EXPECT_TRUE(diags.has_errors()) << bad;
    }
}
