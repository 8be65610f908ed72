// The elements of joint documents, marks, footnotes and appendices.
#include <gtest/gtest.h>

#include "parse/parse.hpp"

using namespace vanthu;

namespace {

model::Document parse_text(const std::string& markup, core::Diagnostics& diags) {
    expand::Expanded e;
    e.text = markup;
    e.data_file = "data.yaml";
    try {
        return parse::parse(e, diags);
    } catch (const core::Failure&) {
        return {};
    }
}

std::string wrap(const std::string& header, const std::string& rest) {
    return R"(<document kind="named"><header><issuer>A</issuer>)" + header + "</header>" + rest +
           "</document>";
}

std::string all(const core::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += core::format(d) + "\n";
    return out;
}

const char* kSigned = "<signature><name>B</name></signature>";

}  // namespace

TEST(ParseElements, JointIssuersAndSignatures) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap("<co-issuer><parent>P</parent><issuer>HỘI LHPN</issuer></co-issuer>",
                               R"(<signature><title>TM. BAN THƯỜNG VỤ</title><name>Chủ</name>
      </signature><signature image="ky.png" image-width="40"><name>Phối</name></signature>)"),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_EQ(doc.header.co_issuers.size(), 1u);
    EXPECT_EQ(doc.header.co_issuers[0].parent.value, "P");
    EXPECT_EQ(doc.header.co_issuers[0].name.value, "HỘI LHPN");
    EXPECT_EQ(doc.signature.name.value, "Chủ");  // the first signer is the lead
    ASSERT_EQ(doc.co_signatures.size(), 1u);
    EXPECT_EQ(doc.co_signatures[0].name.value, "Phối");
    EXPECT_EQ(doc.co_signatures[0].image.value, "ky.png");
    EXPECT_DOUBLE_EQ(doc.co_signatures[0].image_width_mm, 40);
}

TEST(ParseElements, CoIssuerNeedsAName) {
    core::Diagnostics diags;
    parse_text(wrap("<co-issuer><parent>P</parent></co-issuer>", kSigned), diags);
    EXPECT_NE(all(diags).find("<co-issuer> has no <issuer>"), std::string::npos);
}

TEST(ParseElements, BadImageWidthIsAnError) {
    core::Diagnostics diags;
    parse_text(
        wrap("", R"(<signature image="a.png" image-width="wide"><name>B</name></signature>)"),
        diags);
    EXPECT_NE(all(diags).find("image-width=\"wide\""), std::string::npos);
}

TEST(ParseElements, MarksDrafterAndFooter) {
    core::Diagnostics diags;
    auto doc =
        parse_text(wrap("<urgency>Khẩn</urgency><secrecy>MẬT</secrecy><circulation>LƯU HÀNH NỘI BỘ"
                        "</circulation><draft>Dự thảo</draft>",
                        std::string(kSigned) +
                            "<drafter>PL.(300)</drafter><footer>Số 1 Phố Huế<br/>ĐT: 024</footer>"),
                   diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_EQ(doc.header.marks.urgency.value, "Khẩn");
    EXPECT_EQ(doc.header.marks.secrecy.value, "MẬT");
    EXPECT_EQ(doc.header.marks.circulation.value, "LƯU HÀNH NỘI BỘ");
    EXPECT_EQ(doc.header.marks.draft.value, "Dự thảo");
    EXPECT_EQ(doc.drafter.value, "PL.(300)");
    EXPECT_EQ(doc.footer.value, "Số 1 Phố Huế\nĐT: 024");
}

TEST(ParseElements, FootnotesAreNumberedThroughTheDocument) {
    core::Diagnostics diags;
    auto doc = parse_text(
        wrap("", R"(<body><p>Một<note>Ghi chú <i>một</i></note> hai</p>
        <ul><li>Ba<note>Hai</note></li></ul></body>)" +
                     std::string(kSigned) + R"(<appendix><p>Bốn<note>Ba</note></p></appendix>)"),
        diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_EQ(doc.notes.size(), 3u);
    EXPECT_EQ(doc.notes[0].plain_text(), "Ghi chú một");
    EXPECT_TRUE(doc.notes[0].runs[1].style.italic);
    const auto& p = std::get<model::Paragraph>(doc.body[0]);
    ASSERT_EQ(p.runs.size(), 3u);
    EXPECT_EQ(p.runs[1].text, "1");
    EXPECT_EQ(p.runs[1].note, 1);
    EXPECT_TRUE(p.runs[1].style.superscript);
    EXPECT_EQ(p.plain_text(), "Một1 hai");
    const auto& item = std::get<model::Paragraph>(doc.body[1]);
    EXPECT_EQ(item.runs.back().note, 2);
    const auto& in_appendix = std::get<model::Paragraph>(doc.appendices.at(0).body[0]);
    EXPECT_EQ(in_appendix.runs.back().note, 3);
}

TEST(ParseElements, NestedOrEmptyNotesAreErrors) {
    core::Diagnostics nested;
    parse_text(wrap("", "<body><p>x<note>a<note>b</note></note></p></body>" + std::string(kSigned)),
               nested);
    EXPECT_NE(all(nested).find("cannot contain another <note>"), std::string::npos);
    core::Diagnostics empty;
    parse_text(wrap("", "<body><p>x<note> </note></p></body>" + std::string(kSigned)), empty);
    EXPECT_NE(all(empty).find("the <note> is empty"), std::string::npos);
}

TEST(ParseElements, Appendices) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap("", std::string(kSigned) + R"(
      <appendix numbering="I 1" orientation="landscape" place-date="yes">
        <label>Đề cương</label><title>Kết quả<br/>năm 2024</title>
        <reference>(Kèm theo …)</reference>
        <h1>Mục</h1><h2>Khoản</h2><p>Nội dung</p><table><tr><td>1</td></tr></table>
      </appendix><appendix><p>Hai</p></appendix>)"),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_EQ(doc.appendices.size(), 2u);
    const auto& a = doc.appendices[0];
    EXPECT_EQ(a.label.value, "Đề cương");
    EXPECT_EQ(a.title.value, "Kết quả\nnăm 2024");
    EXPECT_EQ(a.reference.value, "(Kèm theo …)");
    EXPECT_TRUE(a.landscape);
    EXPECT_TRUE(a.place_date);
    EXPECT_EQ(a.numbering, (std::vector<std::string>{"I", "1"}));
    ASSERT_EQ(a.body.size(), 4u);
    EXPECT_EQ(std::get<model::Paragraph>(a.body[1]).heading_level, 2);
    EXPECT_TRUE(std::holds_alternative<model::Table>(a.body[3]));
    EXPECT_FALSE(doc.appendices[1].landscape);
    EXPECT_FALSE(doc.appendices[1].place_date);
}

TEST(ParseElements, AppendixAttributesAreChecked) {
    core::Diagnostics diags;
    parse_text(
        wrap("", std::string(kSigned) +
                     R"(<appendix orientation="sideways" place-date="maybe"><x/></appendix>)"),
        diags);
    const std::string out = all(diags);
    EXPECT_NE(out.find("orientation=\"sideways\""), std::string::npos) << out;
    EXPECT_NE(out.find("place-date=\"maybe\""), std::string::npos) << out;
    EXPECT_NE(out.find("unknown element <x> in <appendix>"), std::string::npos) << out;
}

TEST(ParseElements, HeadingsToLevelFive) {
    core::Diagnostics diags;
    auto doc =
        parse_text(wrap("", "<body><h4>Bốn</h4><h5>Năm</h5></body>" + std::string(kSigned)), diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[0]).heading_level, 4);
    EXPECT_EQ(std::get<model::Paragraph>(doc.body[1]).heading_level, 5);
    core::Diagnostics six;
    parse_text(wrap("", "<body><h6>Sáu</h6></body>" + std::string(kSigned)), six);
    EXPECT_NE(all(six).find("unknown element <h6>"), std::string::npos);
}

TEST(ParseElements, PlainHeadingIsANumberedParagraph) {
    core::Diagnostics diags;
    auto doc = parse_text(
        wrap("", R"(<body><h2 plain="yes"><b>Kinh phí:</b> từ nguồn</h2><h2>Tiêu đề</h2></body>)" +
                     std::string(kSigned)),
        diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    const auto& plain = std::get<model::Paragraph>(doc.body[0]);
    EXPECT_TRUE(plain.plain_heading);
    EXPECT_EQ(plain.heading_level, 2);
    EXPECT_TRUE(plain.runs[0].style.bold);
    EXPECT_FALSE(std::get<model::Paragraph>(doc.body[1]).plain_heading);
    core::Diagnostics bad;
    parse_text(wrap("", R"(<body><h2 plain="maybe">x</h2><h3 id="a">y</h3></body>)" +
                            std::string(kSigned)),
               bad);
    EXPECT_NE(all(bad).find("plain=\"maybe\""), std::string::npos);
    EXPECT_NE(all(bad).find("unknown attribute \"id\" on <h3>"), std::string::npos);
}

TEST(ParseElements, HeadingKeepsItsCaseOnRequest) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap("", R"(<body><h2 keep-case="yes">Đánh giá</h2><h2>Mục</h2></body>)" +
                                       std::string(kSigned)),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_TRUE(std::get<model::Paragraph>(doc.body[0]).keep_case);
    EXPECT_FALSE(std::get<model::Paragraph>(doc.body[0]).plain_heading);
    EXPECT_FALSE(std::get<model::Paragraph>(doc.body[1]).keep_case);
    core::Diagnostics bad;
    parse_text(wrap("", R"(<body><h2 keep-case="often">x</h2></body>)" + std::string(kSigned)),
               bad);
    EXPECT_NE(all(bad).find("keep-case=\"often\" must be yes or no"), std::string::npos);
}

TEST(ParseElements, ParagraphAlignment) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap("", R"(<body><p align="center"><b>QUYẾT ĐỊNH:</b></p>
      <p align="left">trái</p><p align="right">phải</p><p align="justify">đều</p><p>mặc định</p>
      </body>)" + std::string(kSigned)),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    using A = model::Paragraph::Align;
    std::vector<A> aligns;
    for (const auto& b : doc.body) aligns.push_back(std::get<model::Paragraph>(b).align);
    EXPECT_EQ(aligns, (std::vector<A>{A::center, A::left, A::right, A::justify, A::justify}));
    EXPECT_TRUE(std::get<model::Paragraph>(doc.body[0]).runs[0].style.bold);
    core::Diagnostics bad;
    parse_text(wrap("", R"(<body><p align="middle">x</p><p class="y">z</p></body>)" +
                            std::string(kSigned)),
               bad);
    EXPECT_NE(all(bad).find("align=\"middle\" must be center, left, right or justify"),
              std::string::npos)
        << all(bad);
    EXPECT_NE(all(bad).find("unknown attribute \"class\" on <p>"), std::string::npos);
}

TEST(ParseElements, LegalStructureNumbering) {
    core::Diagnostics diags;
    // The second "Điều" is written decomposed (NFD); it is the same word.
    auto doc = parse_text(wrap("",
                               "<body numbering=\"Phần Chương Mục Điều 1 a\"><p>x</p></body>"
                               "<appendix numbering=\"Chương Đie\xCC\x82\xCC\x80"
                               "u 1\"><p>y</p></appendix>" +
                                   std::string(kSigned)),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_EQ(doc.numbering, (std::vector<std::string>{"Phần", "Chương", "Mục", "Điều", "1", "a"}));
    ASSERT_EQ(doc.appendices.size(), 1u);
    EXPECT_EQ(doc.appendices[0].numbering, (std::vector<std::string>{"Chương", "Điều", "1"}));
    core::Diagnostics bad;
    parse_text(wrap("", "<body numbering=\"Điêu\"><p>x</p></body>" + std::string(kSigned)), bad);
    EXPECT_NE(all(bad).find("unknown numbering style \"Điêu\" (known: A, I, 1, 1.1, a, Phần, "
                            "Chương, Mục, Điều, and - for none)"),
              std::string::npos)
        << all(bad);
}

// A biên bản's header has no place-and-date line: <header place-date="no">.
TEST(ParseElements, HeaderMayLeaveOutThePlaceAndDateLine) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap("<date>2025-03-04</date>", kSigned), diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_TRUE(doc.header.place_date) << "the line is there by default";
    const std::string no = R"(<document kind="named"><header place-date="no"><issuer>A</issuer>)"
                           R"(<date>2025-03-04</date></header>)" +
                           std::string(kSigned) + "</document>";
    doc = parse_text(no, diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_FALSE(doc.header.place_date);
    EXPECT_EQ(doc.header.date.value, "2025-03-04") << "the date is kept";
    std::string bad = no;
    bad.replace(bad.find("\"no\""), 4, "\"khong\"");
    parse_text(bad, diags);
    EXPECT_NE(all(diags).find("place-date=\"khong\" must be yes or no"), std::string::npos)
        << all(diags);
}
