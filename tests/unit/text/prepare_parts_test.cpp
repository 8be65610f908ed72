// prepare() on the parts beyond a plain letter: joint issuers, marks, signatures, appendices,
// footnotes.
#include <gtest/gtest.h>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

model::Text text(std::string value) { return {std::move(value), {"t.xml", 3, 1, ""}}; }

model::Paragraph paragraph(std::string s, int heading = 0) {
    model::Paragraph p;
    p.runs.push_back({std::move(s), {}, false});
    p.heading_level = heading;
    return p;
}

model::Document plan() {
    model::Document d;
    d.kind = "named";
    d.header.issuer = text("Ban Thường vụ");
    d.header.type_name = text("Kế hoạch");
    d.header.number = text("60");
    d.header.symbol = text("KH-BTV");
    d.header.date = text("2024-05-10");
    d.signature.titles = {text("tm. ban thường vụ"), text("chủ tịch")};
    d.signature.name = text("Lê Thị A");
    return d;
}

TEST(PrepareParts, CoIssuersAndMarksInCapitals) {
    auto d = plan();
    d.header.co_issuers.push_back({text("tổng liên đoàn"), text("liên đoàn lao động tỉnh")});
    d.header.marks.urgency = text("thượng khẩn");
    d.header.marks.circulation = text("lưu hành nội bộ");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.header.co_issuers[0].parent.value, "TỔNG LIÊN ĐOÀN");
    EXPECT_EQ(out.header.co_issuers[0].name.value, "LIÊN ĐOÀN LAO ĐỘNG TỈNH");
    EXPECT_EQ(out.header.marks.urgency.value, "THƯỢNG KHẨN");
    EXPECT_EQ(out.header.marks.circulation.value, "LƯU HÀNH NỘI BỘ");
    EXPECT_FALSE(diags.has_errors());
}

TEST(PrepareParts, CoSignaturesInCapitalsAndPartyPrefixRejected) {
    auto d = plan();
    model::Signature partner;
    partner.titles = {text("T/M Ban Chấp hành"), text("chủ tịch")};
    partner.name = text("Nguyễn B");
    d.co_signatures.push_back(partner);
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.signature.titles[0].value, "TM. BAN THƯỜNG VỤ");
    EXPECT_EQ(out.co_signatures[0].titles[1].value, "CHỦ TỊCH");
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].code, "text.signature-prefix");
    ASSERT_TRUE(diags.items()[0].where.has_value());
    EXPECT_EQ(diags.items()[0].where->line, 3);
}

TEST(PrepareParts, DraftMarkWithNumberAndDateWarns) {
    auto d = plan();
    d.header.marks.draft = text("Dự thảo");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.header.marks.draft.value, "DỰ THẢO");
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].code, "text.draft-numbered");
    d.header.number = text("");
    core::Diagnostics blank;
    prepare(d, blank);
    EXPECT_TRUE(blank.items().empty());
}

TEST(PrepareParts, AppendixLabelsAreNumberedWhenSeveral) {
    auto d = plan();
    d.appendices.resize(2);
    core::Diagnostics diags;
    auto out = prepare(d, diags);
    EXPECT_EQ(out.appendices[0].label.value, "Phụ lục I");
    EXPECT_EQ(out.appendices[1].label.value, "Phụ lục II");
    d.appendices.resize(1);
    d.appendices[0].label = text("Đề cương báo cáo");
    out = prepare(d, diags);
    EXPECT_EQ(out.appendices[0].label.value, "ĐỀ CƯƠNG BÁO CÁO");
    d.appendices[0].label = {};
    out = prepare(d, diags);
    EXPECT_EQ(out.appendices[0].label.value, "Phụ lục");
}

TEST(PrepareParts, AppendixReferenceFromTheHeader) {
    auto d = plan();
    d.appendices.resize(2);
    d.appendices[1].reference = text("Kèm theo Kế hoạch số 60/KH-BTV");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.appendices[0].reference.value,
              "(Kèm theo Kế hoạch số 60/KH-BTV ngày 10 tháng 5 năm 2024)");
    EXPECT_EQ(out.appendices[1].reference.value, "(Kèm theo Kế hoạch số 60/KH-BTV)");
    auto letter = plan();
    letter.kind = "cong-van";
    letter.header.type_name = {};
    letter.header.number = {};
    letter.header.date = {};
    letter.appendices.resize(1);
    const auto draft = prepare(letter, diags);
    EXPECT_EQ(draft.appendices[0].reference.value,
              "(Kèm theo Công văn số      /KH-BTV ngày     tháng     năm     )");
}

TEST(PrepareParts, ADocumentAttachedToADecisionNamesTheIssuingBody) {
    auto d = plan();
    d.header.type_name = text("Quyết định");
    d.header.number = text("15");
    d.header.symbol = text("QĐ-UBND");
    d.header.issuer = text("Ủy ban nhân dân\nthành phố Hà Nội");  // a forced break: one line here
    d.appendices.resize(2);
    d.appendices[0].own_header = true;
    d.appendices[0].label = text("Quy chế");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.appendices[0].label.value, "QUY CHẾ");
    EXPECT_EQ(out.appendices[0].reference.value,
              "(Kèm theo Quyết định số 15/QĐ-UBND ngày 10 tháng 5 năm 2024 của Ủy ban nhân dân "
              "thành phố Hà Nội)");
    // An ordinary appendix keeps the short form.
    EXPECT_EQ(out.appendices[1].reference.value,
              "(Kèm theo Quyết định số 15/QĐ-UBND ngày 10 tháng 5 năm 2024)");
}

TEST(PrepareParts, AppendixHeadingsNumberedOnTheirOwn) {
    auto d = plan();
    d.numbering = {"I"};
    d.body.emplace_back(paragraph("mục đích", 1));
    d.body.emplace_back(paragraph("nội dung", 1));
    d.appendices.resize(1);
    d.appendices[0].numbering = {"A", "I", "1", "1.1"};
    for (int level : {1, 2, 3, 4, 4}) d.appendices[0].body.emplace_back(paragraph("x", level));
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(std::get<model::Paragraph>(out.body[1]).plain_text(), "II. NỘI DUNG");
    std::vector<std::string> got;
    for (const auto& b : out.appendices[0].body)
        got.push_back(std::get<model::Paragraph>(b).plain_text());
    EXPECT_EQ(got, (std::vector<std::string>{"A. X", "I. X", "1. x", "1.1. x", "1.2. x"}));
}

TEST(PrepareParts, PlainHeadingsShareTheirLevelsCounter) {
    auto d = plan();
    d.numbering = {"I", "1"};
    d.body.emplace_back(paragraph("mục", 1));
    d.body.emplace_back(paragraph("Đánh giá kết quả", 2));
    std::get<model::Paragraph>(d.body.back()).plain_heading = true;
    d.body.emplace_back(paragraph("Thời gian", 2));
    d.body.emplace_back(paragraph("kinh phí: từ nguồn", 1));
    std::get<model::Paragraph>(d.body.back()).plain_heading = true;
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    std::vector<std::string> got;
    for (const auto& b : out.body) got.push_back(std::get<model::Paragraph>(b).plain_text());
    EXPECT_EQ(got, (std::vector<std::string>{"I. MỤC", "1. Đánh giá kết quả", "2. Thời gian",
                                             "II. kinh phí: từ nguồn"}));
}

// An outline may write its mục titles in sentence case (seed 000's "I. Đánh giá công tác …").
TEST(PrepareParts, AHeadingThatKeepsItsCaseIsNumberedButNotCapitalised) {
    auto d = plan();
    d.numbering = {"A", "I"};
    d.body.emplace_back(paragraph("Đánh giá công tác", 2));
    std::get<model::Paragraph>(d.body.back()).keep_case = true;
    d.body.emplace_back(paragraph("kết quả", 2));
    d.body.emplace_back(paragraph("Phần", 1));
    std::get<model::Paragraph>(d.body.back()).keep_case = true;
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    std::vector<std::string> got;
    for (const auto& b : out.body) got.push_back(std::get<model::Paragraph>(b).plain_text());
    EXPECT_EQ(got, (std::vector<std::string>{"I. Đánh giá công tác", "II. KẾT QUẢ", "A. Phần"}));
}

TEST(PrepareParts, FootnotesAreCleaned) {
    auto d = plan();
    d.notes.push_back(paragraph("Ghi cho\xCC\x81 ngày 15/11/2021"));  // combining acute
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_EQ(out.notes[0].plain_text(), "Ghi chó ngày 15/11/2021");
    EXPECT_FALSE(out.notes[0].keep_together.empty());
}

}  // namespace
}  // namespace vanthu::text
