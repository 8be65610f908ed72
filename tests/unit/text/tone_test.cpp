#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

std::string to_new(std::string_view s) { return convert_tone_style(s, ToneStyle::new_style); }
std::string to_old(std::string_view s) { return convert_tone_style(s, ToneStyle::old_style); }

// {old style, new style}
const std::vector<std::pair<std::string, std::string>> pairs = {
    {"hòa", "hoà"},   {"hóa", "hoá"},         {"họa", "hoạ"}, {"hỏa", "hoả"},   {"hõa", "hoã"},
    {"khỏe", "khoẻ"}, {"khóe", "khoé"},       {"xòe", "xoè"}, {"lòe", "loè"},   {"thủy", "thuỷ"},
    {"tùy", "tuỳ"},   {"ủy", "uỷ"},           {"xóa", "xoá"}, {"khóa", "khoá"}, {"lũy", "luỹ"},
    {"Thụy", "Thuỵ"}, {"hủy", "huỷ"},         {"túy", "tuý"}, {"tòa", "toà"},   {"thỏa", "thoả"},
    {"ngọa", "ngoạ"}, {"nhòa", "nhoà"},       {"òa", "oà"},   {"đóa", "đoá"},   {"Hòa", "Hoà"},
    {"Ủy", "Uỷ"},     {"HỎA", "HOẢ"},         {"HÒA", "HOÀ"}, {"THỦY", "THUỶ"}, {"KHỎE", "KHOẺ"},
    {"ĐÓA", "ĐOÁ"},   {"hÒA", "hOÀ"},         {"HòA", "HoÀ"}, {"gióa", "gioá"}, {"nghòe", "nghoè"},
    {"chòe", "choè"}, {"HỎA TỐC", "HOẢ TỐC"},
};

TEST(ToneStyle, OldToNewTable) {
    for (const auto& [old_form, new_form] : pairs)
        EXPECT_EQ(to_new(old_form), new_form) << old_form;
}

TEST(ToneStyle, NewToOldTable) {
    for (const auto& [old_form, new_form] : pairs)
        EXPECT_EQ(to_old(new_form), old_form) << new_form;
}

TEST(ToneStyle, AlreadyInTheTargetStyleIsUnchanged) {
    for (const auto& [old_form, new_form] : pairs) {
        EXPECT_EQ(to_new(new_form), new_form) << new_form;
        EXPECT_EQ(to_old(old_form), old_form) << old_form;
    }
}

TEST(ToneStyle, KeepReturnsInputBytes) {
    const std::string s = "hòa hoà Vie\xCC\x82\xCC\xA3t \xFF";
    EXPECT_EQ(convert_tone_style(s, ToneStyle::keep), s);
}

TEST(ToneStyle, ClosedSyllablesAndOtherClustersNeverChange) {
    for (const char* w :
         {"hoàn",   "toán",  "khoảng", "huyện", "tuyết", "quyết", "hoạt", "đoàn", "HOÀN",
          "Khoảng", "ngoài", "xoáy",   "khuỷu", "khuya", "thuế",  "của",  "mùa",  "túi",
          "thuở",   "hoa",   "thuy",   "uy",    "Hoa",   "mía",   "ưa",   "lửa"}) {
        EXPECT_EQ(to_new(w), w) << w;
        EXPECT_EQ(to_old(w), w) << w;
    }
}

TEST(ToneStyle, QuPlusVowelIsNotAGlide) {
    for (const char* w :
         {"quý", "quỳ", "quỹ", "quỷ", "quỵ", "Quý", "QUỲ", "quả", "quá", "quạ", "quẻ", "qué"}) {
        EXPECT_EQ(to_new(w), w) << w;
        EXPECT_EQ(to_old(w), w) << w;
    }
}

TEST(ToneStyle, NotVietnameseSyllablesAreLeftAlone) {
    // Letters before the cluster that are not an initial consonant, or a second vowel.
    for (const char* w : {"bloà", "xyzhòa", "hòaa", "aóa", "hóaz"}) {
        EXPECT_EQ(to_new(w), w) << w;
        EXPECT_EQ(to_old(w), w) << w;
    }
    // A tone mark on the initial consonant ("ǹ" U+01F9) is not a Vietnamese syllable either.
    for (const char* w : {"blòa", "xyzhoà", "aoá", "\xC7\xB9hòa", "\xC7\xB9hoà"}) {
        EXPECT_EQ(to_new(w), w) << w;
        EXPECT_EQ(to_old(w), w) << w;
    }
}

TEST(ToneStyle, SyllablesSplitAtNonLetters) {
    EXPECT_EQ(to_new("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    EXPECT_EQ(to_new("(hòa)"), "(hoà)");
    EXPECT_EQ(to_new("hòa-bình, thủy.lợi"), "hoà-bình, thuỷ.lợi");
    EXPECT_EQ(to_new("văn\xC2\xA0hóa"), "văn\xC2\xA0hoá");  // NBSP kept
    EXPECT_EQ(to_new("Ủy ban"), "Uỷ ban");
    EXPECT_EQ(to_old("Uỷ ban nhân dân"), "Ủy ban nhân dân");
    EXPECT_EQ(to_new("hòa2"), "hoà2");
    EXPECT_EQ(to_new(""), "");
    EXPECT_EQ(to_new("12/KH-BTV"), "12/KH-BTV");
}

TEST(ToneStyle, PreservesEverythingElseByteForByte) {
    // Invalid UTF-8, a decomposed syllable that does not change, tabs and newlines survive.
    const std::string in = "\xFFhòa\tVie\xCC\x82\xCC\xA3t\n\xC3(khỏe)";
    EXPECT_EQ(to_new(in), "\xFFhoà\tVie\xCC\x82\xCC\xA3t\n\xC3(khoẻ)");
    EXPECT_EQ(to_old(to_new(in)), in);
}

TEST(ToneStyle, DecomposedInput) {
    // "hòa" as h o U+0300 a and "thủy" as t h u U+0309 y: converted and written in NFC.
    EXPECT_EQ(to_new("ho\xCC\x80"
                     "a"),
              "hoà");
    EXPECT_EQ(to_new("thu\xCC\x89y"), "thuỷ");
    EXPECT_EQ(to_old("hoa\xCC\x80"), "hòa");
    // "Việt" decomposed is not a glide syllable: bytes kept.
    EXPECT_EQ(to_new("Vie\xCC\x82\xCC\xA3t"), "Vie\xCC\x82\xCC\xA3t");
    EXPECT_EQ(to_old("Vie\xCC\x82\xCC\xA3t"), "Vie\xCC\x82\xCC\xA3t");
}

// Seed 004 (kế hoạch, Hội LHPN Hà Nội), old style throughout.
const char* const seed_004 =
    "1. Đánh giá kết quả triển khai, cụ thể hóa phong trào thi đua của Trung ương Hội trên "
    "địa bàn thành phố Hà Nội và công tác tập hợp, thu hút phụ nữ nửa đầu nhiệm kỳ nhằm rút "
    "ra những kinh nghiệm trong công tác chỉ đạo, đề ra những giải pháp thúc đẩy việc tổ chức "
    "thực hiện phong trào thi đua, các nhiệm vụ trọng tâm công tác Hội.\n"
    "- Đại diện Thường trực Đoàn Chủ tịch, các đồng chí ủy viên Đoàn Chủ tịch Trung ương Hội "
    "LHPN Việt Nam;\n"
    "- Thường trực Thành ủy, lãnh đạo HĐND, UBND Thành phố Hà Nội;\n"
    "- Lãnh đạo Ban Tuyên giáo, Ban Tổ chức, Ban Dân vận Thành ủy Hà Nội;\n"
    "- Đại diện lãnh đạo Ủy ban MTTQ Việt Nam Thành phố, các tổ chức chính trị - xã hội, Ban "
    "Thi đua khen thưởng, Ban Văn hóa - Xã hội HĐND Thành phố, Sở Tư pháp, Sở Văn hóa và Thể "
    "thao, Sở Thông tin và truyền thông; Sở Du lịch Hà Nội;\n"
    "- Đại diện lãnh đạo cấp ủy một số địa phương: quận Ba Đình, Cầu Giấy, Tây Hồ, huyện Sóc "
    "Sơn, Ba Vì; Bí thư Đảng ủy 01 phường và 01 xã;\n"
    "**V. KINH PHÍ TỔ CHỨC HỘI NGHỊ:** từ nguồn ngân sách nhà nước cấp cho hoạt động của Hội "
    "LHPN Hà Nội và nguồn hội phí.";

TEST(ToneStyle, SeedParagraphRoundTrip) {
    const std::string text = seed_004;
    const std::string fresh = to_new(text);
    EXPECT_NE(fresh, text);
    EXPECT_NE(fresh.find("cụ thể hoá"), std::string::npos);
    EXPECT_NE(fresh.find("Thành uỷ"), std::string::npos);
    EXPECT_NE(fresh.find("Uỷ ban MTTQ"), std::string::npos);
    EXPECT_NE(fresh.find("hoạt động"), std::string::npos);  // closed syllable kept
    EXPECT_EQ(fresh.find("hóa"), std::string::npos);
    EXPECT_EQ(fresh.find("ủy"), std::string::npos);
    // Every glide syllable was old style, so going back restores the text exactly.
    EXPECT_EQ(to_old(fresh), text);
    EXPECT_EQ(to_old(text), text);
    // Idempotence.
    EXPECT_EQ(to_new(fresh), fresh);
    EXPECT_EQ(to_old(to_old(fresh)), to_old(fresh));
    // Only the changed syllables differ in length: same number of lines and spaces.
    EXPECT_EQ(std::count(fresh.begin(), fresh.end(), ' '),
              std::count(text.begin(), text.end(), ' '));
}

TEST(ToneStyle, MixedTextConvergesEitherWay) {
    const std::string mixed = "Hòa bình, văn hoá, ủy ban, uỷ viên, khỏe, khoẻ, quý, hoàn";
    EXPECT_EQ(to_new(mixed), "Hoà bình, văn hoá, uỷ ban, uỷ viên, khoẻ, khoẻ, quý, hoàn");
    EXPECT_EQ(to_old(mixed), "Hòa bình, văn hóa, ủy ban, ủy viên, khỏe, khỏe, quý, hoàn");
    EXPECT_EQ(to_old(to_new(mixed)), to_old(mixed));
    EXPECT_EQ(to_new(to_old(mixed)), to_new(mixed));
}

}  // namespace
}  // namespace vanthu::text
