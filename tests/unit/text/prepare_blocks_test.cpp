// prepare() on issue 16's closing blocks: an attached document's signer is written in capitals
// like the main signer; a confirmation block keeps its title as written.
#include <gtest/gtest.h>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

model::Text text(std::string value) { return {std::move(value), {"t.xml", 3, 1, ""}}; }

model::Document decision() {
    model::Document d;
    d.kind = "named";
    d.header.issuer = text("Ủy ban nhân dân xã A");
    d.header.type_name = text("Quyết định");
    d.header.number = text("12");
    d.header.symbol = text("QĐ-UBND");
    d.header.date = text("2026-05-10");
    d.signature.titles = {text("tm. ủy ban nhân dân"), text("chủ tịch")};
    d.signature.name = text("Lê Thị A");
    return d;
}

TEST(PrepareBlocks, AttachedDocumentSignerInCapitals) {
    auto d = decision();
    auto& a = d.appendices.emplace_back();
    a.own_header = true;
    a.label = text("Quy chế");
    a.signature.emplace();
    a.signature->titles = {text("tm. ủy ban nhân dân"), text("chủ tịch")};
    a.signature->name = text("Lê Thị A");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_FALSE(diags.has_errors());
    const auto& s = *out.appendices[0].signature;
    EXPECT_EQ(s.titles[0].value, "TM. ỦY BAN NHÂN DÂN");
    EXPECT_EQ(s.titles[1].value, "CHỦ TỊCH");
    EXPECT_EQ(s.name.value, "Lê Thị A");
    EXPECT_EQ(out.appendices[0].label.value, "QUY CHẾ");
    EXPECT_EQ(
        out.appendices[0].reference.value,
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 10 tháng 5 năm 2026 của Ủy ban nhân dân xã A)");
}

TEST(PrepareBlocks, AttachedSignerWithThePartyPrefixIsAnError) {
    auto d = decision();
    d.appendices.emplace_back().signature.emplace().titles = {text("T/M ủy ban nhân dân")};
    core::Diagnostics diags;
    prepare(d, diags);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].code, "text.signature-prefix");
}

TEST(PrepareBlocks, ConfirmationKeepsItsCaseAndIsNormalised) {
    auto d = decision();
    d.confirmation.emplace();
    // "ý" written as y + combining acute: NFC composes it.
    d.confirmation->titles = {text("Xác nhận của cơ quan nơi nghỉ phép (nếu cần)")};
    d.confirmation->note = text("(Chữ ky\u0301, dấu)");
    core::Diagnostics diags;
    const auto out = prepare(d, diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(out.confirmation->titles[0].value, "Xác nhận của cơ quan nơi nghỉ phép (nếu cần)");
    EXPECT_EQ(out.confirmation->note.value, "(Chữ ký, dấu)");
}

}  // namespace
}  // namespace vanthu::text
