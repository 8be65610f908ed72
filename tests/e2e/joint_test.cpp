// Joint documents (nd30.md §3), signature variants (§2.8), the signature and seal image (ô 7c,
// 8) and the drafter's line (ô 12), measured on layout::Pages.
#include <gtest/gtest.h>

#include <cairo.h>

#include <cmath>
#include <fstream>

#include "core/units.hpp"
#include "e2e/no_fit.hpp"
#include "layout/style.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kTextLeft = core::mm(30);
const double kTextWidth = core::mm(165);
const double kRightAxis = kTextLeft + core::mm(62) + core::mm(103) / 2;  // single signer
const double kTitlePitch = 14 * layout::kSinglePitch;

// A kế hoạch with `paragraphs` body paragraphs of about four lines, then `tail` (the signature
// fields and anything else).
std::string plan(int paragraphs, const std::string& tail) {
    std::string yaml =
        "template: ke-hoach\nco_quan_ban_hanh: Liên đoàn Lao động tỉnh An Giang\nso: \"12\"\n"
        "ky_hieu: KH-LĐLĐ\ndia_danh: An Giang\nngay: 2023-03-01\n"
        "trich_yeu: Thử khối chữ ký\nnoi_dung:\n";
    for (int i = 1; i <= paragraphs; ++i)
        yaml += "  - doan: Đoạn " + std::to_string(i) +
                ". Các cấp công đoàn và Hội phụ nữ phối hợp tuyên truyền, vận động nữ đoàn viên, "
                "hội viên thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của "
                "Nhà nước; chăm lo đời sống, bảo vệ quyền, lợi ích hợp pháp, chính đáng của nữ "
                "công nhân lao động trong các doanh nghiệp trên địa bàn tỉnh.\n";
    yaml += "noi_nhan: [Như trên, Ban Thường vụ LĐLĐ tỉnh]\nluu: VT, TG-NC\n";
    return yaml + tail;
}

const std::string kJointTail =
    "chuc_danh: [TM. Ban Thường vụ, Liên đoàn Lao động tỉnh, Chủ tịch]\n"
    "nguoi_ky: Nguyễn Thiện Phú\n"
    "ky_phoi_hop:\n"
    "  - chuc_danh: [TM. Ban Thường vụ, Hội Liên hiệp Phụ nữ tỉnh, Chủ tịch]\n"
    "    nguoi_ky: Lê Bích Phượng\n";

// A transparent PNG of `w` × `h` pixels with a red ring (the seal) and a blue stroke.
void write_png(const fs::path& file, int w, int h) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0.8, 0.1, 0.1, 0.9);
    cairo_set_line_width(cr, w / 30.0);
    cairo_arc(cr, w * 0.35, h * 0.5, h * 0.4, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.1, 0.2, 0.8);
    cairo_move_to(cr, w * 0.4, h * 0.6);
    cairo_curve_to(cr, w * 0.6, h * 0.1, w * 0.7, h * 0.9, w * 0.95, h * 0.4);
    cairo_stroke(cr);
    cairo_destroy(cr);
    ASSERT_EQ(cairo_surface_write_to_png(s, file.c_str()), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

std::vector<layout::Image> images_on(const layout::Pages& pages, size_t page) {
    std::vector<layout::Image> out;
    for (const auto& item : pages.pages.at(page).items)
        if (const auto* image = std::get_if<layout::Image>(&item)) out.push_back(*image);
    return out;
}

std::vector<Line> all_exact(const std::vector<Line>& lines, const std::string& text) {
    std::vector<Line> out;
    for (const auto& l : lines)
        if (l.text == text) out.push_back(l);
    return out;
}

// The page that holds the line `text` (the last such page).
size_t page_of(const layout::Pages& pages, const std::string& text) {
    for (size_t p = pages.pages.size(); p-- > 0;)
        if (find_exact_line(lines_of(pages, p), text)) return p;
    ADD_FAILURE() << "no line " << text;
    return 0;
}

class Joint : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        std::vector<Diagnostic> warnings;
        pages_ = engine.layout({.data_file = kSource / "tests/e2e/cases/joint.yaml"}, &warnings);
        // Notes (layout.fit) are not warnings.
        warning_count_ = static_cast<size_t>(
            std::count_if(warnings.begin(), warnings.end(),
                          [](const Diagnostic& d) { return d.severity != core::Severity::note; }));
    }
    static inline layout::Pages pages_;
    static inline size_t warning_count_ = 0;
};

TEST_F(Joint, RendersWithoutWarnings) { EXPECT_EQ(warning_count_, 0u); }

TEST_F(Joint, BothIssuersAreInTheLeftColumnWithOneRuleUnderThem) {
    auto lines = lines_of(pages_, 0);
    auto number = find_line(lines, "Số: 620/KHLT-LĐLĐ-HLHPN");
    ASSERT_TRUE(number);
    const double left_centre = kTextLeft + core::mm(31);
    std::string names;
    std::vector<std::string> name_lines;
    double widest = 0, last_baseline = 0;
    for (const auto& l : lines)
        if (l.bold && l.baseline < number->baseline && l.left < kTextLeft + core::mm(62)) {
            names += (names.empty() ? "" : " ") + l.text;
            name_lines.push_back(l.text);
            EXPECT_NEAR(l.size, 12, 0.01) << l.text;
            EXPECT_NEAR(l.centre(), left_centre, 1.0) << l.text;
            widest = std::max(widest, l.width());
            last_baseline = std::max(last_baseline, l.baseline);
        }
    // The host first, then the partner, each whole.
    EXPECT_EQ(names, "LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG HỘI LIÊN HIỆP PHỤ NỮ TỈNH AN GIANG");
    // Each name too wide for the column breaks where its place starts (nd30.md §2.2).
    EXPECT_EQ(name_lines, (std::vector<std::string>{"LIÊN ĐOÀN LAO ĐỘNG", "TỈNH AN GIANG",
                                                    "HỘI LIÊN HIỆP PHỤ NỮ", "TỈNH AN GIANG"}));
    std::vector<layout::Rule> rules;
    for (const auto& item : pages_.pages[0].items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (r->x2 < kTextLeft + core::mm(62) && r->y1 < number->baseline) rules.push_back(*r);
    ASSERT_EQ(rules.size(), 1u) << "one rule under the whole block of issuers";
    EXPECT_GT(rules[0].y1, last_baseline);
    EXPECT_LT(rules[0].y1, last_baseline + 12);
    EXPECT_GE(rules[0].x2 - rules[0].x1, widest / 3);
    EXPECT_LE(rules[0].x2 - rules[0].x1, widest / 2);
    EXPECT_NEAR((rules[0].x1 + rules[0].x2) / 2, left_centre, 0.5);
}

TEST_F(Joint, HostSignsOnTheRightAndBothBlocksStartOnOneBaseline) {
    const size_t p = page_of(pages_, "Nguyễn Thiện Phú");
    auto lines = lines_of(pages_, p);
    auto host = find_exact_line(lines, "Nguyễn Thiện Phú");
    auto partner = find_exact_line(lines, "Lê Bích Phượng");
    ASSERT_TRUE(host && partner);
    EXPECT_GT(host->centre(), partner->centre());
    EXPECT_NEAR(host->centre(), kTextLeft + kTextWidth * 0.75, 1.0);
    EXPECT_NEAR(partner->centre(), kTextLeft + kTextWidth * 0.25, 1.0);
    EXPECT_NEAR(host->baseline, partner->baseline, 0.01);
    auto firsts = all_exact(lines, "TM. BAN THƯỜNG VỤ");
    ASSERT_EQ(firsts.size(), 2u);
    EXPECT_NEAR(firsts[0].baseline, firsts[1].baseline, 0.01);
    EXPECT_NEAR(std::min(firsts[0].centre(), firsts[1].centre()), partner->centre(), 1.0);
    EXPECT_NEAR(std::max(firsts[0].centre(), firsts[1].centre()), host->centre(), 1.0);
    // Each block names its body under TM.
    auto host_body = find_exact_line(lines, "LIÊN ĐOÀN LAO ĐỘNG TỈNH");
    auto partner_body = find_exact_line(lines, "HỘI LIÊN HIỆP PHỤ NỮ TỈNH");
    ASSERT_TRUE(host_body && partner_body);
    EXPECT_NEAR(host_body->centre(), host->centre(), 1.0);
    EXPECT_NEAR(partner_body->centre(), partner->centre(), 1.0);
    EXPECT_NEAR(host_body->baseline - firsts[0].baseline, kTitlePitch, 0.05);
}

TEST_F(Joint, RecipientsGoUnderBothSignatures) {
    const size_t p = page_of(pages_, "Nguyễn Thiện Phú");
    auto lines = lines_of(pages_, p);
    auto label = find_exact_line(lines, "Nơi nhận:");
    auto host = find_exact_line(lines, "Nguyễn Thiện Phú");
    auto partner = find_exact_line(lines, "Lê Bích Phượng");
    ASSERT_TRUE(label && host && partner) << "the closing is on one page";
    EXPECT_GT(label->baseline, host->baseline + 14);
    EXPECT_GT(label->baseline, partner->baseline + 14);
    EXPECT_NEAR(label->left, kTextLeft, 0.5);
}

TEST_F(Joint, DrafterLineFollowsTheLuuLineAt11Points) {
    const size_t p = page_of(pages_, "TG.(50)");
    auto lines = lines_of(pages_, p);
    auto luu = find_line(lines, "- Lưu: VT, Ban TG-NC.");
    auto drafter = find_exact_line(lines, "TG.(50)");
    ASSERT_TRUE(luu && drafter);
    EXPECT_NEAR(drafter->size, 11, 0.01);
    EXPECT_FALSE(drafter->bold || drafter->italic);
    EXPECT_NEAR(drafter->left, luu->left, 0.5);
    EXPECT_NEAR(drafter->baseline - luu->baseline, 11 * layout::kSinglePitch, 0.05);
}

// Every issuer keeps its own parent line, regular, above its bold name.
TEST(JointHeader, EachIssuerHasItsOwnParentLine) {
    const auto dir = temp_dir("joint-parents");
    std::ofstream(dir / "d.yaml") << plan(1, kJointTail) +
                                         "co_quan_chu_quan: Tổng LĐLĐ Việt Nam\n"
                                         "co_quan_phoi_hop:\n"
                                         "  - co_quan_chu_quan: TW Hội LHPN Việt Nam\n"
                                         "    ten: Hội LHPN tỉnh An Giang\n";
    Engine engine;
    auto pages = engine.layout({.data_file = dir / "d.yaml"});
    auto lines = lines_of(pages, 0);
    auto parent1 = find_exact_line(lines, "TỔNG LĐLĐ VIỆT NAM");
    auto parent2 = find_exact_line(lines, "TW HỘI LHPN VIỆT NAM");
    auto name2 = find_exact_line(lines, "HỘI LHPN TỈNH AN GIANG");
    ASSERT_TRUE(parent1 && parent2 && name2);
    EXPECT_FALSE(parent1->bold || parent2->bold);
    EXPECT_TRUE(name2->bold);
    EXPECT_LT(parent1->baseline, parent2->baseline);
    EXPECT_NEAR(name2->baseline - parent2->baseline, 12 * layout::kSinglePitch, 0.05);
    fs::remove_all(dir);
}

// A partner that inherits the host's image through the data (mustache looks outward) is
// flagged; an empty value for the partner stops that.
TEST(JointImage, EachSignerHasItsOwnImageCentredOnItsName) {
    const auto dir = temp_dir("joint-images");
    write_png(dir / "ldld.png", 400, 300);
    write_png(dir / "hlhpn.png", 300, 300);
    const std::string tail =
        "chuc_danh: [TM. Ban Thường vụ, Chủ tịch]\nnguoi_ky: Nguyễn Thiện Phú\n"
        "anh_chu_ky: ldld.png\nky_phoi_hop:\n"
        "  - chuc_danh: [TM. Ban Thường vụ, Hội Liên hiệp Phụ nữ tỉnh, Chủ tịch]\n"
        "    nguoi_ky: Lê Bích Phượng\n";
    std::ofstream(dir / "own.yaml") << plan(1, tail + "    anh_chu_ky: hlhpn.png\n");
    std::ofstream(dir / "inherited.yaml") << plan(1, tail);
    std::ofstream(dir / "none.yaml") << plan(1, tail + "    anh_chu_ky: \"\"\n");
    Engine engine;
    std::vector<Diagnostic> warnings;
    auto pages = engine.layout({.data_file = dir / "own.yaml"}, &warnings);
    EXPECT_TRUE(warnings.empty());
    const size_t p = page_of(pages, "Nguyễn Thiện Phú");
    auto lines = lines_of(pages, p);
    auto host = find_exact_line(lines, "Nguyễn Thiện Phú");
    auto partner = find_exact_line(lines, "Lê Bích Phượng");
    auto images = images_on(pages, p);
    ASSERT_TRUE(host && partner);
    ASSERT_EQ(images.size(), 2u);
    for (const auto& image : images) {
        const bool is_host = image.file.ends_with("ldld.png");
        const auto& name = is_host ? *host : *partner;
        EXPECT_NEAR(image.x + image.width / 2, name.centre(), 1.0) << image.file;
        EXPECT_LT(image.y + image.height, name.baseline) << image.file;
        EXPECT_TRUE(fs::path(image.file).is_absolute()) << image.file;
    }

    warnings.clear();
    engine.layout({.data_file = dir / "inherited.yaml"}, &warnings);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].code, "layout.image-shared");

    warnings.clear();
    auto none = engine.layout({.data_file = dir / "none.yaml"}, &warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(images_on(none, page_of(none, "Lê Bích Phượng")).size(), 1u);
    fs::remove_all(dir);
}

// Over many body lengths the closing moves to a new page whole and takes body lines with it:
// the page with the signatures always shows body text above them.
TEST(JointClosing, NeverAloneOnAPageAndNeverSplit) {
    const auto dir = temp_dir("joint-alone");
    int multi_page = 0;
    for (int n = 2; n <= 16; ++n) {
        const auto file = dir / ("n" + std::to_string(n) + ".yaml");
        std::ofstream(file) << plan(n, kJointTail);
        auto pages = layout_no_fit(file);  // the default spacing: the sweep crosses page ends
        const size_t p = page_of(pages, "Nguyễn Thiện Phú");
        auto lines = lines_of(pages, p);
        auto titles = all_exact(lines, "TM. BAN THƯỜNG VỤ");
        ASSERT_EQ(titles.size(), 2u) << n << " paragraphs: both blocks on one page";
        ASSERT_TRUE(find_exact_line(lines, "Lê Bích Phượng")) << n;
        ASSERT_TRUE(find_exact_line(lines, "Nơi nhận:")) << n;
        bool body_above = false;
        for (const auto& l : lines)  // body text: 14 pt upright, below the page number
            if (l.size == 14 && !l.bold && !l.italic && l.baseline > core::mm(20) &&
                l.baseline < titles[0].baseline)
                body_above = true;
        EXPECT_TRUE(body_above) << n << " paragraphs: the signatures stand alone on page " << p + 1;
        if (p > 0) ++multi_page;
    }
    EXPECT_GT(multi_page, 5) << "the range of lengths must push the closing onto later pages";
    fs::remove_all(dir);
}

TEST(SignatureImage, LiesInTheSignatureSpaceCentredOnTheName) {
    const auto dir = temp_dir("sig-image");
    fs::create_directories(dir / "data");
    write_png(dir / "data" / "ky.png", 400, 300);
    std::ofstream(dir / "data" / "d.yaml")
        << plan(1,
                "chuc_danh: [KT. Chủ tịch, Phó Chủ tịch]\nnguoi_ky: Nguyễn Văn A\n"
                "anh_chu_ky: ky.png\n");
    Engine engine;
    auto pages = engine.layout({.data_file = dir / "data" / "d.yaml"});
    const size_t p = page_of(pages, "Nguyễn Văn A");
    auto lines = lines_of(pages, p);
    auto title = find_exact_line(lines, "PHÓ CHỦ TỊCH");
    auto name = find_exact_line(lines, "Nguyễn Văn A");
    auto images = images_on(pages, p);
    ASSERT_TRUE(title && name);
    ASSERT_EQ(images.size(), 1u);
    const auto& image = images[0];
    EXPECT_EQ(fs::path(image.file), dir / "data" / "ky.png") << "relative to the data's folder";
    EXPECT_GT(image.y, title->baseline);
    EXPECT_LT(image.y + image.height, name->baseline);
    EXPECT_NEAR(image.x + image.width / 2, name->centre(), 1.0);
    EXPECT_NEAR(image.x + image.width / 2, kRightAxis, 1.0);
    EXPECT_NEAR(image.width / image.height, 4.0 / 3, 0.01) << "the image keeps its proportions";
    // As tall as the space between the title's descent and the name's capitals.
    EXPECT_NEAR(image.height, core::mm(30) - 14 * (layout::kAscent + layout::kDescent), 0.1);
    fs::remove_all(dir);
}

// image-width (mm) sets the width; the height follows the image's proportions.
TEST(SignatureImage, WidthFromTheMarkup) {
    const auto dir = temp_dir("sig-image-width");
    write_png(dir / "ky.png", 200, 100);
    fs::create_directories(dir / "tpl");
    std::ofstream(dir / "tpl" / "manifest.json") << "{}";
    std::ofstream(dir / "tpl" / "main.mustache")
        << "<document><header><issuer>Sở Nội vụ</issuer><number>1</number><symbol>SNV</symbol>"
           "<place>Hà Nội</place><date>2024-05-10</date><subject>thử</subject></header>"
           "<body><p>Nội dung.</p></body><recipients><item>Lưu: VT</item></recipients>"
           "<signature image=\"ky.png\" image-width=\"50\"><title>GIÁM ĐỐC</title>"
           "<name>Nguyễn Văn A</name></signature></document>\n";
    std::ofstream(dir / "d.yaml") << "x: 1\n";
    Engine engine;
    auto pages =
        engine.layout({.data_file = dir / "d.yaml", .template_name = (dir / "tpl").string()});
    auto images = images_on(pages, 0);
    ASSERT_EQ(images.size(), 1u);
    EXPECT_NEAR(images[0].width, core::mm(50), 0.01);
    EXPECT_NEAR(images[0].height, core::mm(25), 0.01);
    auto name = find_exact_line(lines_of(pages, 0), "Nguyễn Văn A");
    ASSERT_TRUE(name);
    EXPECT_NEAR(images[0].x + images[0].width / 2, name->centre(), 1.0);
    fs::remove_all(dir);
}

TEST(SignatureImage, MissingFileIsAnErrorAtTheSignatureElement) {
    const auto dir = temp_dir("sig-image-missing");
    std::ofstream(dir / "d.yaml") << plan(1,
                                          "chuc_danh: [Chủ tịch]\nnguoi_ky: Nguyễn Văn A\n"
                                          "anh_chu_ky: khong-co.png\n");
    // The line of the lead's <signature> in the template.
    std::ifstream tpl(kSource / "templates/ke-hoach/main.mustache");
    int line_no = 0, signature_line = 0;
    for (std::string line; std::getline(tpl, line) && !signature_line;)
        if (++line_no && line.find("<signature") != std::string::npos) signature_line = line_no;
    Engine engine;
    try {
        engine.layout({.data_file = dir / "d.yaml"});
        FAIL() << "a missing image must be an error";
    } catch (const Error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1u);
        const auto& d = e.diagnostics()[0];
        EXPECT_EQ(d.code, "layout.image");
        EXPECT_NE(d.message.find((dir / "khong-co.png").string()), std::string::npos) << d.message;
        ASSERT_TRUE(d.where);
        EXPECT_TRUE(d.where->file.ends_with("templates/ke-hoach/main.mustache")) << d.where->file;
        EXPECT_EQ(d.where->line, signature_line);
    }
    // A file that is not a PNG is refused the same way.
    std::ofstream(dir / "khong-co.png") << "GIF89a";
    try {
        engine.layout({.data_file = dir / "d.yaml"});
        FAIL() << "a file that is not a PNG must be an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "layout.image");
        EXPECT_NE(e.diagnostics().at(0).message.find("not a PNG"), std::string::npos);
    }
    fs::remove_all(dir);
}

// Signature variants (nd30.md §2.8): the authority prefix is title text; every line, the note
// and the name are centred on one axis in the right column, "Nơi nhận:" level with the first.
struct Variant {
    const char* name;
    std::vector<std::string> titles;  // as typed
    std::vector<std::string> shown;   // as laid out (capitals)
    bool copy = false;                // "(Đã ký)" in the signature space
};

class SignatureVariant : public ::testing::TestWithParam<Variant> {};

TEST_P(SignatureVariant, LinesAreCentredOnOneAxisInTheRightColumn) {
    const auto& v = GetParam();
    const auto dir = temp_dir(std::string("variant-") + v.name);
    std::string tail = "chuc_danh:\n";
    for (const auto& t : v.titles) tail += "  - " + t + "\n";
    tail += "nguoi_ky: Trần Thị B\n";
    if (v.copy) tail += "ghi_chu_ky: (Đã ký)\n";
    std::ofstream(dir / "d.yaml") << plan(1, tail);
    Engine engine;
    auto pages = engine.layout({.data_file = dir / "d.yaml"});
    const size_t p = page_of(pages, "Trần Thị B");
    auto lines = lines_of(pages, p);
    auto name = find_exact_line(lines, "Trần Thị B");
    auto label = find_exact_line(lines, "Nơi nhận:");
    ASSERT_TRUE(name && label);
    EXPECT_TRUE(name->bold);
    EXPECT_NEAR(name->centre(), kRightAxis, 0.5);
    double previous = 0;
    for (size_t i = 0; i < v.shown.size(); ++i) {
        auto title = find_exact_line(lines, v.shown[i]);
        ASSERT_TRUE(title) << v.shown[i];
        EXPECT_TRUE(title->bold) << v.shown[i];
        EXPECT_NEAR(title->size, 14, 0.01);
        EXPECT_NEAR(title->centre(), kRightAxis, 0.5) << v.shown[i];
        if (i == 0) {
            EXPECT_NEAR(label->baseline, title->baseline, 0.5);
        } else {
            EXPECT_NEAR(title->baseline - previous, kTitlePitch, 0.05) << v.shown[i];
        }
        previous = title->baseline;
    }
    EXPECT_NEAR(name->baseline - previous, core::mm(30), 0.05);
    auto note = find_exact_line(lines, "(Đã ký)");
    EXPECT_EQ(bool(note), v.copy);
    if (note) {
        EXPECT_TRUE(note->italic);
        EXPECT_NEAR(note->centre(), kRightAxis, 0.5);
        EXPECT_GT(note->baseline, previous + 14);
        EXPECT_LT(note->baseline, name->baseline - 14);
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(
    Prefixes, SignatureVariant,
    ::testing::Values(
        Variant{"tm", {"TM. Ban Thường vụ", "Chủ tịch"}, {"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}},
        Variant{"tm-deputy",
                {"TM. Ban Thường vụ", "Phó Chủ tịch Thường trực"},
                {"TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"}},
        Variant{"tm-kt",
                {"TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"},
                {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}},
        Variant{"kt", {"KT. Giám đốc", "Phó Giám đốc"}, {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}},
        Variant{"tl", {"TL. Chủ tịch", "Chánh Văn phòng"}, {"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}},
        Variant{"tuq",
                {"TUQ. Chủ tịch", "Trưởng Ban Tổ chức"},
                {"TUQ. CHỦ TỊCH", "TRƯỞNG BAN TỔ CHỨC"}},
        Variant{"q", {"Q. Giám đốc"}, {"Q. GIÁM ĐỐC"}},
        Variant{
            "copy", {"TM. Ban Thường vụ", "Chủ tịch"}, {"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}, true}),
    [](const ::testing::TestParamInfo<Variant>& info) {
        std::string n = info.param.name;
        for (auto& c : n)
            if (c == '-') c = '_';
        return n;
    });

}  // namespace
