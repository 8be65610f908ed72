#include <gtest/gtest.h>

#include <string>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

using model::ByteRange;
using model::Document;
using model::InlineRun;
using model::Paragraph;
using model::Text;

core::SourceLocation at(int line) { return {"tpl/cong-van.xml", line, 5, ""}; }

Text text(std::string value, int line = 1) { return {std::move(value), at(line)}; }

Paragraph paragraph(std::vector<InlineRun> runs, int line) {
    Paragraph p;
    p.runs = std::move(runs);
    p.where = at(line);
    return p;
}

// A small công văn shaped like seed 000.
Document sample() {
    Document d;
    d.kind = "cong-van";
    d.header.parent = text("tổng liên đoàn lao động\nviệt nam", 2);
    d.header.issuer = text("liên đoàn lao động\nthành phố hà nội", 3);
    d.header.number = text("5", 4);
    d.header.symbol = text("KH - BTV", 5);
    d.header.place = text("Hà Nội", 6);
    d.header.date = text("2021-10-14", 7);
    d.header.subject = text("Sơ kết Chương trình phối hợp", 8);
    d.addressees = {text("Liên đoàn Lao động các quận, huyện, thị xã;", 9)};
    Paragraph body = paragraph({{"Thực hiện Công văn số 576/LĐLĐ ngày 14/10/2021", {}, false},
                                {" của ", {}, false},
                                {"Ban Thường vụ", {.bold = true}, true},
                                {" thực hiện./.", {}, false}},
                               10);
    d.body.emplace_back(std::move(body));
    d.recipients = {text("Như trên", 11), text("- Lưu: VT, NC.", 12), text("Ban Nữ công,", 13)};
    d.signature.titles = {text("tm. ban thường vụ", 14), text("phó chủ tịch thường trực", 15)};
    d.signature.name = text("Đặng Thị Phương Hoa", 16);
    return d;
}

TEST(Prepare, NumberLinePadsOneDigitAndStripsSpacesInSymbol) {
    core::Diagnostics diags;
    const Document d = prepare(sample(), diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(d.header.number_line, "Số: 05/KH-BTV");
}

TEST(Prepare, NumberLineVariants) {
    const auto line = [](std::string number, std::string symbol) {
        Document d = sample();
        d.header.number.value = std::move(number);
        d.header.symbol.value = std::move(symbol);
        core::Diagnostics diags;
        return prepare(std::move(d), diags).header.number_line;
    };
    EXPECT_EQ(line("576", "LĐLĐ"), "Số: 576/LĐLĐ");
    EXPECT_EQ(line("10", "KH-BTV"), "Số: 10/KH-BTV");
    EXPECT_EQ(line("04", "CTrLT - LĐLĐ - HLHPN"), "Số: 04/CTrLT-LĐLĐ-HLHPN");  // case kept
    EXPECT_EQ(line("", "KH-BTV"), "Số:      /KH-BTV");                         // draft
    EXPECT_EQ(line(" 60 ", " /KH-BTV"), "Số: 60/KH-BTV");
    EXPECT_EQ(line("", ""), "");
}

TEST(Prepare, DateLine) {
    core::Diagnostics diags;
    EXPECT_EQ(prepare(sample(), diags).header.date_line, "Hà Nội, ngày 14 tháng 10 năm 2021");

    Document draft = sample();
    draft.header.date.value = "";
    EXPECT_EQ(prepare(std::move(draft), diags).header.date_line,
              "Hà Nội, ngày     tháng     năm     ");

    Document leap = sample();
    leap.header.date.value = "2024-02-29";
    EXPECT_EQ(prepare(std::move(leap), diags).header.date_line,
              "Hà Nội, ngày 29 tháng 02 năm 2024");

    Document new_year = sample();
    new_year.header.date.value = "2020-01-01";
    EXPECT_EQ(prepare(std::move(new_year), diags).header.date_line,
              "Hà Nội, ngày 01 tháng 01 năm 2020");
    EXPECT_FALSE(diags.has_errors());
}

TEST(Prepare, DateKnownInPartLeavesBlanks) {
    core::Diagnostics diags;
    Document year = sample();
    year.header.date.value = "2026";
    EXPECT_EQ(prepare(std::move(year), diags).header.date_line,
              "Hà Nội, ngày     tháng     năm 2026");
    Document month = sample();
    month.header.date.value = "2026-01";
    EXPECT_EQ(prepare(std::move(month), diags).header.date_line,
              "Hà Nội, ngày     tháng 01 năm 2026");
    EXPECT_FALSE(diags.has_errors());
}

TEST(Prepare, AppendixReferenceWithADateKnownInPart) {
    Document d = sample();
    d.header.date.value = "2026-04";
    d.kind = "ke-hoach";
    d.header.type_name.value = "Kế hoạch";
    d.appendices.emplace_back();
    core::Diagnostics diags;
    const Document out = prepare(std::move(d), diags);
    EXPECT_EQ(out.appendices[0].reference.value,
              "(Kèm theo Kế hoạch số 05/KH-BTV ngày     tháng 4 năm 2026)");
}

TEST(Prepare, MonthThatDoesNotExistIsAnError) {
    Document d = sample();
    d.header.date.value = "2026-13";
    core::Diagnostics diags;
    prepare(std::move(d), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "text.date");
    EXPECT_EQ(diags.items()[0].message, "date: there is no month 13, got \"2026-13\"");
}

TEST(Prepare, BadDateIsAnErrorAtTheDateField) {
    Document d = sample();
    d.header.date.value = "10/5";
    core::Diagnostics diags;
    prepare(std::move(d), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    const auto& e = diags.items()[0];
    EXPECT_EQ(e.severity, core::Severity::error);
    EXPECT_EQ(e.code, "text.date");
    EXPECT_EQ(e.message, "date: expected a date like 2024-05-10, 2024-05 or 2024, got \"10/5\"");
    ASSERT_TRUE(e.where.has_value());
    EXPECT_EQ(e.where->line, 7);

    Document not_leap = sample();
    not_leap.header.date.value = "2023-02-29";
    core::Diagnostics diags2;
    prepare(std::move(not_leap), diags2);
    ASSERT_EQ(diags2.items().size(), 1u);
    EXPECT_EQ(diags2.items()[0].code, "text.date");
    EXPECT_NE(diags2.items()[0].message.find("2023-02-29"), std::string::npos);
}

TEST(Prepare, SubjectLine) {
    core::Diagnostics diags;
    EXPECT_EQ(prepare(sample(), diags).header.subject_line, "V/v Sơ kết Chương trình phối hợp");

    Document already = sample();
    already.header.subject.value = "V/v nâng bậc lương năm 2019";
    EXPECT_EQ(prepare(std::move(already), diags).header.subject_line,
              "V/v nâng bậc lương năm 2019");

    Document plan = sample();
    plan.kind = "named";
    EXPECT_EQ(prepare(std::move(plan), diags).header.subject_line, "Sơ kết Chương trình phối hợp");
}

TEST(Prepare, UpperCasesIssuerParentAndSignatureTitles) {
    core::Diagnostics diags;
    const Document d = prepare(sample(), diags);
    EXPECT_EQ(d.header.parent.value, "TỔNG LIÊN ĐOÀN LAO ĐỘNG\nVIỆT NAM");
    EXPECT_EQ(d.header.issuer.value, "LIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HÀ NỘI");
    ASSERT_EQ(d.signature.titles.size(), 2u);
    EXPECT_EQ(d.signature.titles[0].value, "TM. BAN THƯỜNG VỤ");
    EXPECT_EQ(d.signature.titles[1].value, "PHÓ CHỦ TỊCH THƯỜNG TRỰC");
    // Names and places are not case-mapped.
    EXPECT_EQ(d.signature.name.value, "Đặng Thị Phương Hoa");
    EXPECT_EQ(d.header.place.value, "Hà Nội");
}

TEST(Prepare, RecipientsPunctuation) {
    core::Diagnostics diags;
    const Document d = prepare(sample(), diags);
    ASSERT_EQ(d.recipients.size(), 3u);
    EXPECT_EQ(d.recipients[0].value, "- Như trên;");
    EXPECT_EQ(d.recipients[1].value, "- Lưu: VT, NC;");
    EXPECT_EQ(d.recipients[2].value, "- Ban Nữ công.");
    EXPECT_EQ(d.recipients[2].where.line, 13);
}

TEST(Prepare, Addressees) {
    core::Diagnostics diags;
    const Document one = prepare(sample(), diags);
    ASSERT_EQ(one.addressees.size(), 1u);
    EXPECT_EQ(one.addressees[0].value, "Liên đoàn Lao động các quận, huyện, thị xã");

    Document many = sample();
    many.addressees = {text("Ban Thường vụ"), text("- Các Ban."), text("Văn phòng;")};
    const Document d = prepare(std::move(many), diags);
    ASSERT_EQ(d.addressees.size(), 3u);
    EXPECT_EQ(d.addressees[0].value, "- Ban Thường vụ;");
    EXPECT_EQ(d.addressees[1].value, "- Các Ban;");
    EXPECT_EQ(d.addressees[2].value, "- Văn phòng.");
}

TEST(Prepare, ParagraphKeepTogether) {
    core::Diagnostics diags;
    const Document d = prepare(sample(), diags);
    const auto& p = std::get<Paragraph>(d.body[0]);
    const std::string s = p.plain_text();
    std::vector<std::string> kept;
    for (const auto& r : p.keep_together) kept.push_back(s.substr(r.begin, r.end - r.begin));
    // The <nobr> run "Ban Thường vụ" is kept as a whole, like the tokens found in the text.
    EXPECT_EQ(kept, (std::vector<std::string>{"số 576/LĐLĐ", "ngày 14/10/2021", "Ban Thường vụ",
                                              "hiện./."}));
}

TEST(Prepare, NormalisesEveryFieldToNfc) {
    Document d = sample();
    const std::string nfd = "Vie\xCC\x82\xCC\xA3t";  // "Việt"
    d.header.place.value = "Vie\xCC\x82\xCC\xA3t Nam";
    d.header.issuer.value = "ho\xCC\x82\xCC\xA3i";
    d.addressees[0].value = nfd;
    std::get<Paragraph>(d.body[0]).runs[1].text = " " + nfd + " ";
    d.recipients[0].value = nfd;
    d.signature.name.value = nfd;
    d.signature.note.value = nfd;
    core::Diagnostics diags;
    const Document out = prepare(std::move(d), diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(out.header.place.value, "Việt Nam");
    EXPECT_EQ(out.header.date_line, "Việt Nam, ngày 14 tháng 10 năm 2021");
    EXPECT_EQ(out.header.issuer.value, "HỘI");
    EXPECT_EQ(out.addressees[0].value, "Việt");
    EXPECT_EQ(std::get<Paragraph>(out.body[0]).runs[1].text, " Việt ");
    EXPECT_EQ(out.recipients[0].value, "- Việt;");
    EXPECT_EQ(out.signature.name.value, "Việt");
    EXPECT_EQ(out.signature.note.value, "Việt");
}

TEST(Prepare, InvalidUtf8IsAnErrorAtTheField) {
    Document d = sample();
    d.header.issuer.value = "Li\xEAn \xF0\xE0n";  // TCVN3-style bytes
    d.recipients[1].value = "L\xC6u";
    core::Diagnostics diags;
    const Document out = prepare(std::move(d), diags);
    ASSERT_EQ(diags.items().size(), 2u);
    const auto& first = diags.items()[0];
    EXPECT_EQ(first.code, "text.utf8");
    EXPECT_EQ(first.severity, core::Severity::error);
    ASSERT_TRUE(first.where.has_value());
    EXPECT_EQ(first.where->file, "tpl/cong-van.xml");
    EXPECT_EQ(first.where->line, 3);
    EXPECT_NE(first.message.find("header.issuer"), std::string::npos);
    EXPECT_NE(first.message.find("offset 2"), std::string::npos);
    const auto& second = diags.items()[1];
    EXPECT_EQ(second.code, "text.utf8");
    EXPECT_EQ(second.where->line, 12);
    // The output is still valid UTF-8, so later stages can run on it.
    EXPECT_TRUE(is_valid_utf8(out.header.issuer.value));
    EXPECT_TRUE(is_valid_utf8(out.recipients[1].value));
}

TEST(Prepare, InvalidUtf8InABodyRunNamesTheParagraph) {
    Document d = sample();
    std::get<Paragraph>(d.body[0]).runs[3].text = " th\xFF";
    core::Diagnostics diags;
    prepare(std::move(d), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "text.utf8");
    EXPECT_EQ(diags.items()[0].where->line, 10);
    EXPECT_NE(diags.items()[0].message.find("body paragraph 1"), std::string::npos);
}

// What a template itself wrote is checked too (the data was checked when it was read): a
// direction control in a signer's name is text.bidi-control at the field, with its hints.
TEST(Prepare, RefusedCharacterIsAnErrorAtTheField) {
    Document d = sample();
    d.signature.name.value = "Nguyễn \u202EVăn A";
    std::get<Paragraph>(d.body[0]).runs[0].text = "Đối tác שלום עולם\u200F ";  // allowed
    core::Diagnostics diags;
    prepare(std::move(d), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    const auto& e = diags.items()[0];
    EXPECT_EQ(e.code, "text.bidi-control");
    EXPECT_NE(e.message.find("signature.name"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("U+202E RIGHT-TO-LEFT OVERRIDE after \"Nguyễn \""), std::string::npos)
        << e.message;
    ASSERT_TRUE(e.where.has_value());
    EXPECT_EQ(e.where->file, "tpl/cong-van.xml");
    EXPECT_FALSE(e.hints.empty());
}

// A biên bản (header place_date = false) prints no place-and-date line; its date is still
// checked, since it dates the document.
TEST(Prepare, NoDateLineWhenTheHeaderLeavesItOut) {
    Document d = sample();
    d.header.place_date = false;
    core::Diagnostics diags;
    EXPECT_EQ(prepare(std::move(d), diags).header.date_line, "");
    EXPECT_FALSE(diags.has_errors());

    Document bad = sample();
    bad.header.place_date = false;
    bad.header.date.value = "2023-02-29";
    prepare(std::move(bad), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "text.date");
}

}  // namespace
}  // namespace vanthu::text
