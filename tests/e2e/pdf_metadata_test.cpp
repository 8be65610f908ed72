// What every PDF says about itself (issue #7, item 4) and protection of issued PDFs (item 3):
// the language, the XMP record an e-office system files the document by, bookmarks for the
// headings and appendices, appendix page labels, AES-256 with passwords and permissions.
// Checked with qpdf, MuPDF (mutool) and poppler (pdfinfo), not with our own reader.
#include <gtest/gtest.h>

#include <regex>

#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;

class PdfMetadata : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = temp_dir("pdf-metadata");
        pdf_ = dir_ / "ct.pdf";
        Engine engine;
        write_file(
            pdf_,
            engine.render({.data_file = kSource / "templates/chuong-trinh/example.yaml"}).pdf);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static std::string show(const std::string& what) {
        return run("mutool show " + shell_quote(pdf_.string()) + " " + what).output;
    }
    static inline fs::path dir_, pdf_;
};

TEST_F(PdfMetadata, CatalogSaysVietnamese) {
    EXPECT_NE(show("trailer/Root/Lang").find("(vi-VN)"), std::string::npos);
}

TEST_F(PdfMetadata, XmpHoldsTheDecree30Record) {
    const auto xmp = run("pdfinfo -meta " + shell_quote(pdf_.string())).output;
    for (const char* field :
         {"<nd30:Number>620</nd30:Number>", "<nd30:Symbol>CTPH-LĐLĐ-HLHPN</nd30:Symbol>",
          "<nd30:Date>2022-12-30</nd30:Date>",
          "<nd30:Issuer>LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG</nd30:Issuer>",
          "<nd30:Type>CHƯƠNG TRÌNH PHỐI HỢP</nd30:Type>",
          "<nd30:Signer>Nguyễn Thiện Phú</nd30:Signer>", "<nd30:PageCount>3</nd30:PageCount>",
          "<xmp:CreateDate>2022-12-30T00:00:00</xmp:CreateDate>", "<rdf:li>vi-VN</rdf:li>"})
        EXPECT_NE(xmp.find(field), std::string::npos) << field << " not in\n" << xmp;
    EXPECT_NE(xmp.find("giai đoạn 2022 - 2027</nd30:Summary>"), std::string::npos);
}

TEST_F(PdfMetadata, InfoDictionaryNamesTheDocument) {
    const auto info = run("pdfinfo " + shell_quote(pdf_.string())).output;
    // pdfinfo pads the keys to its widest one, which depends on what else the file holds.
    const auto field = [&](const std::string& key) {
        std::smatch m;
        const std::regex line("(^|\n)" + key + ":[ ]+([^\n]*)");
        return std::regex_search(info, m, line) ? m[2].str() : std::string("<missing>");
    };
    EXPECT_EQ(field("Title").rfind("CHƯƠNG TRÌNH PHỐI HỢP", 0), 0u) << info;
    EXPECT_EQ(field("Author"), "LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG") << info;
    EXPECT_EQ(field("Subject").rfind("Số: 620/CTPH-LĐLĐ-HLHPN", 0), 0u) << info;
    EXPECT_EQ(field("Keywords"),
              "CHƯƠNG TRÌNH PHỐI HỢP; 620/CTPH-LĐLĐ-HLHPN; LIÊN ĐOÀN LAO ĐỘNG TỈNH AN GIANG; 2022")
        << info;
}

// Headings nest under their parents; the appendix is a top-level entry on its own page.
TEST_F(PdfMetadata, BookmarksFollowTheHeadingsAndAppendices) {
    const auto outline = show("outline");
    const auto at = [&](const std::string& s) { return outline.find(s); };
    ASSERT_NE(at("\"I. MỤC ĐÍCH, YÊU CẦU\"\t#page=1"), std::string::npos) << outline;
    EXPECT_NE(at("\t\t\"1. Mục đích\"\t#page=1"), std::string::npos) << outline;
    EXPECT_LT(at("\"I. MỤC ĐÍCH"), at("\"II. NỘI DUNG PHỐI HỢP\""));
    EXPECT_LT(at("\"II. NỘI DUNG"), at("\"III. TỔ CHỨC THỰC HIỆN\""));
    EXPECT_NE(at("\t\"PHỤ LỤC: Hoạt động phối hợp giữa Liên đoàn Lao động tỉnh"), std::string::npos)
        << outline;
    EXPECT_NE(at("#page=3&"), std::string::npos) << "the appendix starts page 3";
}

TEST_F(PdfMetadata, AppendixPagesAreLabelledAsSuch) {
    const auto labels = show("trailer/Root/PageLabels");
    EXPECT_NE(labels.find("/P (PL-)"), std::string::npos) << labels;
    EXPECT_NE(labels.find("/Nums [ 2 "), std::string::npos) << "from page 3 on: " << labels;
}

TEST_F(PdfMetadata, SameInputSameBytes) {
    Engine engine;
    EXPECT_EQ(engine.render({.data_file = kSource / "templates/chuong-trinh/example.yaml"}).pdf,
              read_file(pdf_));
}

TEST(PdfProtection, OwnerAndUserPasswordsWithChosenPermissions) {
    const fs::path dir = temp_dir("pdf-protection");
    const fs::path pdf = dir / "issued.pdf";
    Engine engine;
    RenderRequest request{.data_file = kSource / "templates/cong-van/example.yaml"};
    request.protection = {"chu-so-huu", "mo-tep", {"print", "copy"}};
    write_file(pdf, engine.render(request).pdf);
    const auto q = shell_quote(pdf.string());
    // Without the user password the file does not open; with it, it does and says what it allows.
    EXPECT_NE(run("qpdf --check " + q, true).status, 0);
    const auto shown = run("qpdf --password=mo-tep --show-encryption " + q).output;
    EXPECT_NE(shown.find("R = 6"), std::string::npos) << shown;  // AES-256
    EXPECT_NE(shown.find("extract for any purpose: allowed"), std::string::npos) << shown;
    EXPECT_NE(shown.find("print high resolution: allowed"), std::string::npos);
    EXPECT_NE(shown.find("modify other: not allowed"), std::string::npos);
    EXPECT_EQ(run("qpdf --password=mo-tep --check " + q).status, 0);
    const auto text = run("pdftotext -upw mo-tep -raw " + q + " -").output;
    EXPECT_NE(text.find("Kính gửi"), std::string::npos);
    fs::remove_all(dir);
}

TEST(PdfProtection, UnknownPermissionOrUserPasswordAloneIsAnError) {
    Engine engine;
    RenderRequest request{.data_file = kSource / "templates/cong-van/example.yaml"};
    request.protection = {"owner", "", {"print", "fly"}};
    try {
        engine.render(request);
        FAIL() << "an unknown permission must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.protect");
    }
    request.protection = {"", "user", {}};
    EXPECT_THROW(engine.render(request), Error);
}

// Readers use only the first 127 bytes of an AES-256 password: a longer one is refused rather
// than giving a file that does not open with the password typed (issue 17).
TEST(PdfProtection, APasswordPastTheLimitIsRefused) {
    Engine engine;
    RenderRequest request{.data_file = kSource / "templates/cong-van/example.yaml"};
    request.protection = {std::string(128, 'a'), "", {}};
    try {
        engine.render(request);
        FAIL() << "a 128-byte password must be refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostics().at(0).code, "render.protect");
        EXPECT_NE(e.diagnostics().at(0).message.find("127"), std::string::npos);
    }
    request.protection = {"owner", std::string(128, 'u'), {}};
    EXPECT_THROW(engine.render(request), Error);
    request.protection = {std::string(127, 'a'), "", {}};
    EXPECT_FALSE(engine.render(request).pdf.empty());
}

}  // namespace
