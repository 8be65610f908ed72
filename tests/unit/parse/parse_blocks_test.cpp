// The markup of issue 16's closing blocks: a document attached to a decision
// (<appendix header="yes"> with its own <signature>) and the confirmation block of a giấy nghỉ
// phép (<confirmation>), with their misplacements reported where they were written.
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

// The document's head is line 1; `rest` starts on line 2.
std::string wrap(const std::string& rest) {
    return "<document kind=\"named\"><header><issuer>A</issuer></header>\n" + rest + "</document>";
}

std::string all(const core::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += core::format(d) + "\n";
    return out;
}

const core::Diagnostic& only_error(const core::Diagnostics& diags, const std::string& code) {
    static const core::Diagnostic none;
    for (const auto& d : diags.items())
        if (d.code == code) return d;
    ADD_FAILURE() << "no " << code << " in:\n" << all(diags);
    return none;
}

const char* kSigned = "<signature><title>Chủ tịch</title><name>B</name></signature>";

}  // namespace

TEST(AttachedDocument, HeaderFlagAndItsOwnSignature) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap(std::string(kSigned) + R"(<appendix header="yes">
  <label>Quy chế</label><title>Làm việc của Ủy ban</title>
  <reference>Kèm theo Quyết định số 12/QĐ-UBND</reference>
  <h1>Quy định chung</h1><p>Nội dung.</p>
  <signature><title>TM. ỦY BAN NHÂN DÂN</title><title>Chủ tịch</title><name>C</name></signature>
</appendix>)"),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_EQ(doc.appendices.size(), 1u);
    const auto& a = doc.appendices[0];
    EXPECT_TRUE(a.own_header);
    EXPECT_EQ(a.label.value, "Quy chế");
    EXPECT_EQ(a.body.size(), 2u);
    ASSERT_TRUE(a.signature);
    EXPECT_EQ(a.signature->titles.size(), 2u);
    EXPECT_EQ(a.signature->name.value, "C");
    EXPECT_EQ(a.signature->where.line, 6);
    EXPECT_EQ(doc.signature.name.value, "B");  // the decision's own signer is untouched
}

TEST(AttachedDocument, PlainAppendixHasNoHeaderNorSignature) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap(std::string(kSigned) + "<appendix><p>x</p></appendix>"), diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    EXPECT_FALSE(doc.appendices.at(0).own_header);
    EXPECT_FALSE(doc.appendices.at(0).signature);
}

TEST(AttachedDocument, ContentAfterItsSignatureIsLocated) {
    core::Diagnostics diags;
    parse_text(wrap(std::string(kSigned) + "<appendix header=\"yes\"><label>Quy chế</label>\n"
                                           "<signature><name>C</name></signature>\n"
                                           "  <p>late</p></appendix>"),
               diags);
    const auto& d = only_error(diags, "markup.order");
    EXPECT_NE(d.message.find("<p> comes after the <signature> of its <appendix>"),
              std::string::npos)
        << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 4);
    EXPECT_EQ(d.where->column, 4);  // pugixml points at the name
}

TEST(AttachedDocument, SecondSignatureIsAnError) {
    core::Diagnostics diags;
    parse_text(wrap(std::string(kSigned) + "<appendix><signature><name>C</name></signature>\n"
                                           "<signature><name>D</name></signature></appendix>"),
               diags);
    const auto& d = only_error(diags, "markup.order");
    EXPECT_NE(d.message.find("a second <signature> in one <appendix>"), std::string::npos);
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
}

TEST(AttachedDocument, HeaderNeedsATypeName) {
    core::Diagnostics diags;
    parse_text(wrap(std::string(kSigned) + "<appendix header=\"yes\"><p>x</p></appendix>"), diags);
    const auto& d = only_error(diags, "markup.missing");
    EXPECT_NE(d.message.find("has no <label>"), std::string::npos) << d.message;
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
}

TEST(AttachedDocument, HeaderFlagTakesYesOrNo) {
    core::Diagnostics diags;
    parse_text(wrap(std::string(kSigned) + "<appendix header=\"có\"><p>x</p></appendix>"), diags);
    EXPECT_NE(only_error(diags, "markup.attribute").message.find("header=\"có\" must be yes or no"),
              std::string::npos);
}

TEST(Confirmation, TitlesNoteAndName) {
    core::Diagnostics diags;
    auto doc = parse_text(wrap(std::string(kSigned) + R"(<confirmation>
  <title>Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương</title>
  <title>nơi nghỉ phép (nếu cần)</title>
  <note>(Chữ ký, dấu)</note><name>Lê Văn D</name>
</confirmation>)"),
                          diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_TRUE(doc.confirmation);
    ASSERT_EQ(doc.confirmation->titles.size(), 2u);
    EXPECT_EQ(doc.confirmation->titles[1].value, "nơi nghỉ phép (nếu cần)");
    EXPECT_EQ(doc.confirmation->note.value, "(Chữ ký, dấu)");
    EXPECT_EQ(doc.confirmation->name.value, "Lê Văn D");
    EXPECT_EQ(doc.confirmation->where.line, 2);
}

TEST(Confirmation, NameIsOptional) {
    core::Diagnostics diags;
    auto doc = parse_text(
        wrap(std::string(kSigned) + "<confirmation><title>Xác nhận</title></confirmation>"), diags);
    ASSERT_FALSE(diags.has_errors()) << all(diags);
    ASSERT_TRUE(doc.confirmation);
    EXPECT_TRUE(doc.confirmation->name.empty());
}

TEST(Confirmation, BeforeTheSignatureIsLocated) {
    core::Diagnostics diags;
    parse_text(
        wrap("<confirmation><title>Xác nhận</title></confirmation>\n" + std::string(kSigned)),
        diags);
    const auto& d = only_error(diags, "markup.order");
    EXPECT_NE(d.message.find("<confirmation> comes before <signature>"), std::string::npos);
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 2);  // pugixml points at the name
}

TEST(Confirmation, MistakesAreLocatedErrors) {
    core::Diagnostics twice;
    parse_text(wrap(std::string(kSigned) + "<confirmation><title>X</title></confirmation>\n" +
                    "<confirmation><title>Y</title></confirmation>"),
               twice);
    const auto& d = only_error(twice, "markup.order");
    EXPECT_NE(d.message.find("a second <confirmation>"), std::string::npos);
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);

    core::Diagnostics untitled;
    parse_text(wrap(std::string(kSigned) + "<confirmation><name>D</name></confirmation>"),
               untitled);
    EXPECT_NE(only_error(untitled, "markup.missing").message.find("<confirmation> has no <title>"),
              std::string::npos);

    core::Diagnostics unknown;
    parse_text(
        wrap(std::string(kSigned) + "<confirmation><title>X</title>\n<seal/>" + "</confirmation>"),
        unknown);
    const auto& u = only_error(unknown, "markup.unknown-element");
    EXPECT_NE(u.message.find("unknown element <seal> in <confirmation>"), std::string::npos);
    ASSERT_TRUE(u.where);
    EXPECT_EQ(u.where->line, 3);
}
