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
          <body><p class="x">t</p><table/></body><signature><name>B</name></signature></document>)",
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
    auto doc =
        parse_text(R"(<document kind="ke-hoach"><header><issuer>A</issuer><type>Kế hoạch</type>
      </header><body numbering="I 1 1.1"><h1>Mục đích</h1><p>x</p><h2>Một</h2><h3>Hai</h3></body>
      <signature><name>B</name></signature></document>)",
                   diags);
    EXPECT_EQ(doc.kind, "ke-hoach");
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
