// Decisions, resolutions and the Mẫu 1.4 family (templates quyet-dinh, nghi-quyet, van-ban …):
// the authority line and QUYẾT ĐỊNH: centred, the legal bases in italic with their end marks,
// articles numbered "Điều 1." with a bold label, khoản and điểm under them, the symbol's type
// part from the type name, and the document a decision issues (Mẫu 1.3). On layout::Pages.
#include <gtest/gtest.h>

#include <fstream>

#include "core/units.hpp"
#include "tools/page_lines.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const double kTextCentre = core::mm(30) + core::mm(165) / 2;

// The glyph runs of a page, in order, with their face.
struct Run {
    std::string text;
    bool bold = false, italic = false;
};

std::vector<Run> runs_of(const layout::Pages& pages, size_t page) {
    std::vector<Run> out;
    for (const auto& item : pages.pages.at(page).items)
        if (const auto* r = std::get_if<layout::GlyphRun>(&item))
            out.push_back({r->text, pages.faces.at(r->face).bold, pages.faces.at(r->face).italic});
    return out;
}

layout::Pages layout_example(Engine& engine, const fs::path& data) {
    std::vector<Diagnostic> warnings;
    auto pages = engine.layout({.data_file = data}, &warnings);
    // A note (layout.fit: the pages were tightened to fit) is not a problem.
    for (const auto& w : warnings)
        if (w.severity != core::Severity::note) ADD_FAILURE() << format(w);
    return pages;
}

class Decision : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        pages_ = layout_example(engine, kSource / "templates/quyet-dinh/example.yaml");
        lines_ = all_lines(pages_);
    }
    static inline layout::Pages pages_;
    static inline std::vector<Line> lines_;
};

TEST_F(Decision, SymbolTakesTheTypeAbbreviation) {
    EXPECT_TRUE(find_exact_line(lines_, "Số: 1826/QĐ-UBND"));
    auto type = find_exact_line(lines_, "QUYẾT ĐỊNH");
    ASSERT_TRUE(type);
    EXPECT_TRUE(type->bold);
}

TEST_F(Decision, AuthorityLineAndQuyetDinhAreBoldAndCentred) {
    auto authority = find_exact_line(lines_, "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH");
    auto decides = find_exact_line(lines_, "QUYẾT ĐỊNH:");
    ASSERT_TRUE(authority && decides);
    for (const auto& l : {*authority, *decides}) {
        EXPECT_TRUE(l.bold) << l.text;
        EXPECT_NEAR(l.centre(), kTextCentre, 0.5) << l.text;
    }
    EXPECT_LT(authority->baseline, decides->baseline);
}

TEST_F(Decision, LegalBasesAreItalicAndPunctuated) {
    auto basis = find_exact_line(lines_, "Căn cứ Luật Căn cước ngày 27 tháng 11 năm 2023;");
    ASSERT_TRUE(basis);
    EXPECT_TRUE(basis->italic);
    EXPECT_FALSE(basis->bold);
    const std::string text = joined(lines_);
    EXPECT_NE(text.find("trên địa bàn thành phố Hà Nội;"), std::string::npos);
    EXPECT_NE(text.find("Theo đề nghị của Trưởng Công an quận tại Tờ trình số 85/TTr-CAQ ngày "
                        "02 tháng 3 năm 2024."),
              std::string::npos);
}

TEST_F(Decision, ArticlesHaveABoldLabelAndUprightText) {
    bool found = false;
    for (size_t p = 0; p < pages_.pages.size() && !found; ++p) {
        const auto runs = runs_of(pages_, p);
        for (size_t i = 0; i + 1 < runs.size(); ++i)
            if (runs[i].text.starts_with("Điều 1.")) {
                found = true;
                EXPECT_TRUE(runs[i].bold);
                EXPECT_FALSE(runs[i + 1].bold) << runs[i + 1].text;
                EXPECT_NE(runs[i + 1].text.find("Kiện toàn"), std::string::npos);
            }
    }
    EXPECT_TRUE(found) << "no Điều 1.";
}

TEST_F(Decision, KhoanAndDiemRestartUnderEachArticle) {
    for (const char* start : {"Điều 2. Nhiệm vụ", "Điều 3. Quyết định này",
                              "1. Tổ trưởng:", "2. Tổ phó", "3. Các thành", "a) Bà Lê Thị Thu Hà",
                              "đ) Ông Hoàng Văn Sơn", "1. Giúp Chủ tịch", "2. Tổ trưởng phân"})
        EXPECT_TRUE(find_line(lines_, start)) << start;
    EXPECT_FALSE(find_line(lines_, "4. ")) << "khoản restart under Điều 2";
}

TEST_F(Decision, RecipientsOpenWithTheExecutingArticle) {
    auto label = find_exact_line(lines_, "Nơi nhận:");
    auto first = find_exact_line(lines_, "- Như Điều 3;");
    ASSERT_TRUE(label && first);
    EXPECT_GT(first->baseline, label->baseline);
    EXPECT_LT(first->baseline - label->baseline, 20);
}

TEST(Resolution, QuyetNghiAndTwoAuthorityLines) {
    Engine engine;
    const auto lines =
        all_lines(layout_example(engine, kSource / "templates/nghi-quyet/example.yaml"));
    EXPECT_TRUE(find_exact_line(lines, "Số: 47/NQ-HĐND"));
    auto council = find_exact_line(lines, "HỘI ĐỒNG NHÂN DÂN HUYỆN ĐAN PHƯỢNG");
    auto session = find_exact_line(lines, "KHÓA XX, KỲ HỌP THỨ MƯỜI BỐN");
    auto resolves = find_exact_line(lines, "QUYẾT NGHỊ:");
    ASSERT_TRUE(session && resolves && council);
    EXPECT_TRUE(session->bold && resolves->bold);
    EXPECT_NEAR(session->centre(), kTextCentre, 0.5);
    EXPECT_NEAR(resolves->centre(), kTextCentre, 0.5);
    // The council's name in the body, not the header's: under the type name.
    EXPECT_LT(session->baseline, resolves->baseline);
    EXPECT_TRUE(find_line(lines, "Điều 2. Tổ chức thực hiện"));
}

class NamedTypes : public TempDirTest {};

TEST_F(NamedTypes, VanBanLooksTheAbbreviationUpFromTheTypeName) {
    Engine engine;
    const auto lines =
        all_lines(layout_example(engine, kSource / "templates/van-ban/example.yaml"));
    EXPECT_TRUE(find_exact_line(lines, "Số: 07/PA-UBND"));
    EXPECT_TRUE(find_exact_line(lines, "PHƯƠNG ÁN"));
    for (const auto& [name, number] :
         std::vector<std::pair<std::string, std::string>>{{"chi-thi", "Số: 12/CT-UBND"},
                                                          {"thong-bao", "Số: 215/TB-VP"},
                                                          {"to-trinh", "Số: 38/TTr-PNV"},
                                                          {"huong-dan", "Số: 03/HD-LĐLĐ"}}) {
        const auto more =
            all_lines(layout_example(engine, kSource / "templates" / name / "example.yaml"));
        EXPECT_TRUE(find_exact_line(more, number)) << name;
    }
}

TEST_F(NamedTypes, AnUnknownTypeNameIsAnErrorListingTheKnownOnes) {
    std::string yaml;
    {
        std::ifstream in(kSource / "templates/van-ban/example.yaml");
        yaml.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string type = "\nten_loai: Phương án";  // the field, not the comment above it
    yaml.replace(yaml.find(type), type.size(), "\nten_loai: Thư mời");
    const fs::path file = dir_ / "d.yaml";
    std::ofstream(file) << yaml;
    Engine engine;
    try {
        engine.layout({.data_file = file});
        FAIL() << "an unknown type name must not render";
    } catch (const Error& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        const auto& d = e.diagnostics()[0];
        EXPECT_EQ(d.code, "template.helper");
        EXPECT_NE(d.message.find("\"Thư mời\" is not a type name of Decree 30"), std::string::npos)
            << d.message;
        ASSERT_FALSE(d.hints.empty());
        EXPECT_NE(d.hints[0].find("Phương án"), std::string::npos);
        ASSERT_TRUE(d.where);
        EXPECT_NE(d.where->file.find("van-ban/ky-hieu.mustache"), std::string::npos);
    }
}

// ky_hieu is only the issuing body's part: a clerk who types the whole symbol ("QĐ-UBND") would
// print "QĐ-QĐ-UBND"; the data check stops it and says what to write.
TEST_F(NamedTypes, ATypedTypePrefixInKyHieuIsRefusedWithTheFieldsDescription) {
    std::string yaml;
    {
        std::ifstream in(kSource / "templates/quyet-dinh/example.yaml");
        yaml.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string field = "\nky_hieu: UBND";
    yaml.replace(yaml.find(field), field.size(), "\nky_hieu: QĐ-UBND");
    const fs::path file = dir_ / "d.yaml";
    std::ofstream(file) << yaml;
    Engine engine;
    try {
        engine.layout({.data_file = file});
        FAIL() << "QĐ-QĐ-UBND must not render";
    } catch (const Error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1u);
        const auto& d = e.diagnostics()[0];
        EXPECT_EQ(d.code, "data.schema");
        EXPECT_NE(d.message.find("ky_hieu"), std::string::npos) << d.message;
        ASSERT_FALSE(d.hints.empty());
        EXPECT_NE(d.hints[0].find("không gõ QĐ-"), std::string::npos) << d.hints[0];
    }
}

// Mẫu 1.3: the quy chế on new pages with the issuing body's header and its own signature.
class AttachedRegulation : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        pages_ = layout_example(engine, kSource / "tests/e2e/cases/quyet-dinh-quy-che.yaml");
        for (size_t p = 0; p < pages_.pages.size(); ++p)
            if (pages_.pages[p].section == 1 && first_ == 0) first_ = p;
    }
    static inline layout::Pages pages_;
    static inline size_t first_ = 0;
};

TEST_F(AttachedRegulation, StartsOnANewPageWithTheHeaderWithoutNumberAndDate) {
    ASSERT_GT(first_, 0u) << "the quy chế has pages of its own";
    const auto lines = lines_of(pages_, first_);
    EXPECT_TRUE(find_exact_line(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    EXPECT_TRUE(find_exact_line(lines, "ỦY BAN NHÂN DÂN"));
    EXPECT_FALSE(find_line(lines, "Số:"));
    auto label = find_exact_line(lines, "QUY CHẾ");
    ASSERT_TRUE(label);
    EXPECT_TRUE(label->bold);
    EXPECT_NE(joined(lines).find("(Kèm theo Quyết định số 1902/QĐ-UBND ngày 25 tháng 3 năm 2024 "
                                 "của Ủy ban nhân dân quận Ba Đình)"),
              std::string::npos)
        << joined(lines);
}

TEST_F(AttachedRegulation, ChaptersSectionsAndArticlesNumberedThrough) {
    std::vector<Line> lines;
    for (size_t p = first_; p < pages_.pages.size(); ++p) {
        auto more = lines_of(pages_, p);
        lines.insert(lines.end(), more.begin(), more.end());
    }
    for (const char* text :
         {"Chương I", "QUY ĐỊNH CHUNG", "Chương III", "Mục 2", "CHẾ ĐỘ LÀM VIỆC"}) {
        auto l = find_exact_line(lines, text);
        ASSERT_TRUE(l) << text;
        EXPECT_TRUE(l->bold) << text;
        EXPECT_NEAR(l->centre(), kTextCentre, 0.5) << text;
    }
    auto chapter = find_exact_line(lines, "Chương I");
    auto title = find_exact_line(lines, "QUY ĐỊNH CHUNG");
    EXPECT_GT(title->baseline, chapter->baseline);
    auto first = find_exact_line(lines, "Điều 1. Phạm vi điều chỉnh");
    auto last = find_exact_line(lines, "Điều 5. Trách nhiệm thi hành");
    ASSERT_TRUE(first && last);
    EXPECT_TRUE(first->bold && last->bold);
    EXPECT_TRUE(find_line(lines, "a) Phân công nhiệm vụ"));
    EXPECT_TRUE(find_exact_line(lines, "Hoàng Anh Tuấn")) << "its own signature";
    EXPECT_FALSE(find_exact_line(lines, "Nơi nhận:"));
}

}  // namespace
