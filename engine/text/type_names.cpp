// Document types and their abbreviations (Decree 30, Điều 7 and Phụ lục III Mục I): the type
// part of a symbol, "QĐ" in "15/QĐ-UBND", looked up from the type name a template writes.
#include <array>
#include <utility>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

// In the decree's order. Công văn and thư công have no abbreviation.
constexpr std::array<std::pair<const char*, const char*>, 29> kTypes{{
    {"Nghị quyết", "NQ"},      {"Quyết định", "QĐ"},   {"Chỉ thị", "CT"},
    {"Quy chế", "QC"},         {"Quy định", "QyĐ"},    {"Thông cáo", "TC"},
    {"Thông báo", "TB"},       {"Hướng dẫn", "HD"},    {"Chương trình", "CTr"},
    {"Kế hoạch", "KH"},        {"Phương án", "PA"},    {"Đề án", "ĐA"},
    {"Dự án", "DA"},           {"Báo cáo", "BC"},      {"Biên bản", "BB"},
    {"Tờ trình", "TTr"},       {"Hợp đồng", "HĐ"},     {"Công văn", ""},
    {"Công điện", "CĐ"},       {"Bản ghi nhớ", "BGN"}, {"Bản thỏa thuận", "BTT"},
    {"Giấy ủy quyền", "GUQ"},  {"Giấy mời", "GM"},     {"Giấy giới thiệu", "GGT"},
    {"Giấy nghỉ phép", "GNP"}, {"Phiếu gửi", "PG"},    {"Phiếu chuyển", "PC"},
    {"Phiếu báo", "PB"},       {"Thư công", ""},
}};

// The form names are compared in: capitals, old-style tone marks ("thoả" = "thỏa"), single
// spaces, without the decree's "(cá biệt)" (individual, as opposed to normative, documents).
std::string comparable(std::string_view name) {
    std::string spaced;
    for (const char c : name) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space)
            spaced += c;
        else if (!spaced.empty() && spaced.back() != ' ')
            spaced += ' ';
    }
    std::string key = upper(convert_tone_style(nfc(spaced), ToneStyle::old_style));
    for (const std::string_view suffix : {" (CÁ BIỆT)", " "})
        if (key.ends_with(suffix)) key.erase(key.size() - suffix.size());
    return key;
}

}  // namespace

std::optional<std::string> type_abbreviation(std::string_view type_name) {
    if (!is_valid_utf8(type_name)) return std::nullopt;
    const std::string key = comparable(type_name);
    for (const auto& [name, abbreviation] : kTypes)
        if (comparable(name) == key) return std::string(abbreviation);
    return std::nullopt;
}

std::vector<std::string> abbreviated_type_names() {
    std::vector<std::string> out;
    for (const auto& [name, abbreviation] : kTypes)
        if (*abbreviation != '\0') out.emplace_back(name);
    return out;
}

}  // namespace vanthu::text
