// Document types and their abbreviations (Decree 30, Phụ lục III Mục I).
#include <gtest/gtest.h>

#include "text/text.hpp"

using namespace vanthu;

TEST(TypeAbbreviation, TheDecreesTable) {
    const std::vector<std::pair<std::string, std::string>> table = {
        {"Nghị quyết", "NQ"},   {"Quyết định", "QĐ"},       {"Chỉ thị", "CT"},
        {"Quy chế", "QC"},      {"Quy định", "QyĐ"},        {"Thông cáo", "TC"},
        {"Thông báo", "TB"},    {"Hướng dẫn", "HD"},        {"Chương trình", "CTr"},
        {"Kế hoạch", "KH"},     {"Phương án", "PA"},        {"Đề án", "ĐA"},
        {"Dự án", "DA"},        {"Báo cáo", "BC"},          {"Biên bản", "BB"},
        {"Tờ trình", "TTr"},    {"Hợp đồng", "HĐ"},         {"Công điện", "CĐ"},
        {"Bản ghi nhớ", "BGN"}, {"Bản thỏa thuận", "BTT"},  {"Giấy ủy quyền", "GUQ"},
        {"Giấy mời", "GM"},     {"Giấy giới thiệu", "GGT"}, {"Giấy nghỉ phép", "GNP"},
        {"Phiếu gửi", "PG"},    {"Phiếu chuyển", "PC"},     {"Phiếu báo", "PB"}};
    for (const auto& [name, abbreviation] : table)
        EXPECT_EQ(text::type_abbreviation(name), abbreviation) << name;
    EXPECT_EQ(text::abbreviated_type_names().size(), table.size());
    EXPECT_EQ(text::abbreviated_type_names().front(), "Nghị quyết");
}

TEST(TypeAbbreviation, CaseSpacesToneStyleAndCaBietDoNotMatter) {
    EXPECT_EQ(text::type_abbreviation("QUYẾT ĐỊNH"), "QĐ");
    EXPECT_EQ(text::type_abbreviation("  quyết   định "), "QĐ");
    EXPECT_EQ(text::type_abbreviation("Quyết định (cá biệt)"), "QĐ");
    EXPECT_EQ(text::type_abbreviation("Giấy uỷ quyền"), "GUQ");
    // Decomposed (NFD) input is the same name.
    EXPECT_EQ(text::type_abbreviation("Tơ\xCC\x80 tri\xCC\x80nh"), "TTr");
}

TEST(TypeAbbreviation, TypesWithoutOneAndUnknownNames) {
    EXPECT_EQ(text::type_abbreviation("Công văn"), "");
    EXPECT_EQ(text::type_abbreviation("Thư công"), "");
    EXPECT_EQ(text::type_abbreviation("Chương trình phối hợp"), std::nullopt);
    EXPECT_EQ(text::type_abbreviation("Quyết"), std::nullopt);
    EXPECT_EQ(text::type_abbreviation(""), std::nullopt);
    EXPECT_EQ(text::type_abbreviation("\xFF"), std::nullopt);
}
