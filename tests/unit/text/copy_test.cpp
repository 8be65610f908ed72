// The copy block's lines and a trích sao's parts (issue 16, item 2), in the text stage.
#include <gtest/gtest.h>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

using model::Paragraph;

Paragraph para(const std::string& text, int heading_level = 0, int note = 0) {
    Paragraph p;
    p.heading_level = heading_level;
    p.runs.push_back({text, {}, false, 0});
    if (note > 0) p.runs.push_back({std::to_string(note), {.superscript = true}, true, note});
    return p;
}

// A decision's body: Điều 1 (with footnote 1), Điều 2 with a khoản (footnote 2), Điều 3.
model::Document decision(model::CopyBlock::Form form, std::vector<std::string> parts) {
    model::Document d;
    d.kind = "quyet-dinh";
    d.header.issuer.value = "UBND huyện Ba Vì";
    d.body = {para("Căn cứ Luật Tổ chức chính quyền địa phương;"),
              para("Điều 1. Phê duyệt kế hoạch", 1),
              para("Nội dung điều 1.", 0, 1),
              para("Điều 2. Tổ chức thực hiện", 1),
              para("1. Giao Phòng Nội vụ", 2),
              para("Nội dung khoản 1.", 0, 2),
              para("Điều 3. Hiệu lực", 1),
              para("Quyết định có hiệu lực từ ngày ký.")};
    d.notes = {para("Chú thích một."), para("Chú thích hai.")};
    d.signature.name.value = "Nguyễn Văn A";
    model::CopyBlock c;
    c.form = form;
    c.body.name.value = "Văn phòng HĐND và UBND huyện";
    c.number.value = "7";
    c.symbol.value = "VP";
    c.place.value = "Ba Vì";
    c.date.value = "2026-02-03";
    c.recipients = {{"Như trên", {}}, {"Lưu: VT", {}}};
    c.signature.titles = {{"Chánh Văn phòng", {}}};
    for (auto& p : parts) c.parts.push_back({std::move(p), {}});
    d.copy = c;
    return d;
}

TEST(PrepareCopy, LinesOfEachForm) {
    core::Diagnostics diags;
    auto d = prepare(decision(model::CopyBlock::Form::sao_y, {}), diags);
    ASSERT_FALSE(diags.has_errors());
    EXPECT_EQ(d.copy->form_line, "SAO Y");
    EXPECT_EQ(d.copy->number_line, "Số: 07/SY-VP");
    EXPECT_EQ(d.copy->date_line, "Ba Vì, ngày 03 tháng 02 năm 2026");
    EXPECT_EQ(d.copy->body.name.value, "VĂN PHÒNG HĐND VÀ UBND HUYỆN");
    EXPECT_EQ(d.copy->recipients.back().value, "- Lưu: VT.");
    EXPECT_EQ(d.copy->signature.titles[0].value, "CHÁNH VĂN PHÒNG");
    EXPECT_EQ(d.body.size(), 8u);
    d = prepare(decision(model::CopyBlock::Form::sao_luc, {}), diags);
    EXPECT_EQ(d.copy->form_line, "SAO LỤC");
    EXPECT_EQ(d.copy->number_line, "Số: 07/SL-VP");
}

TEST(PrepareCopy, TrichSaoKeepsThePartsAndTheirFootnotes) {
    core::Diagnostics diags;
    const auto d = prepare(decision(model::CopyBlock::Form::trich_sao, {"Điều 2"}), diags);
    ASSERT_FALSE(diags.has_errors());
    EXPECT_EQ(d.copy->number_line, "Số: 07/TrS-VP");
    ASSERT_EQ(d.body.size(), 3u);
    EXPECT_EQ(std::get<Paragraph>(d.body[0]).plain_text(), "Điều 2. Tổ chức thực hiện");
    EXPECT_EQ(std::get<Paragraph>(d.body[2]).plain_text(), "Nội dung khoản 1.1");
    // Footnote 1 went with Điều 1; footnote 2 is now the first.
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0].plain_text(), "Chú thích hai.");
    EXPECT_EQ(std::get<Paragraph>(d.body[2]).runs.back().note, 1);
}

TEST(PrepareCopy, TrichSaoOfSeveralPartsInDocumentOrder) {
    core::Diagnostics diags;
    const auto d =
        prepare(decision(model::CopyBlock::Form::trich_sao, {"điều 3", "Điều 1"}), diags);
    ASSERT_FALSE(diags.has_errors());
    ASSERT_EQ(d.body.size(), 4u);
    EXPECT_EQ(std::get<Paragraph>(d.body[0]).plain_text(), "Điều 1. Phê duyệt kế hoạch");
    EXPECT_EQ(std::get<Paragraph>(d.body[2]).plain_text(), "Điều 3. Hiệu lực");
    EXPECT_EQ(d.notes.size(), 1u);
}

TEST(PrepareCopy, APartTheBodyDoesNotHaveIsAnError) {
    core::Diagnostics diags;
    const auto d = prepare(decision(model::CopyBlock::Form::trich_sao, {"Điều 21"}), diags);
    ASSERT_EQ(diags.items().size(), 1u);
    const auto& e = diags.items()[0];
    EXPECT_EQ(e.code, "text.copy-part");
    EXPECT_EQ(e.message, "ban_sao.trich: the body has no part \"Điều 21\"");
    ASSERT_FALSE(e.hints.empty());
    EXPECT_EQ(e.hints[0], "its headings: Điều 1, Điều 2, 1, Điều 3");
    EXPECT_EQ(d.body.size(), 8u) << "the body is left whole";
}

}  // namespace
}  // namespace vanthu::text
