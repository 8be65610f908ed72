// The vanthu command: outputs, exit statuses, and error messages that say where.
#include <gtest/gtest.h>

#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;

class Cli : public TempDirTest {
  protected:
    // Runs vanthu with `args`; returns status and standard error (+ output).
    CommandResult vanthu(const std::string& args) { return run(kCli + " " + args, true); }

    fs::path write(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        return dir_ / name;
    }

    // A minimal valid công văn as YAML, with `extra` lines appended.
    std::string letter(const std::string& extra = "") {
        return "template: cong-van\n"
               "co_quan_ban_hanh: Sở Nội vụ\nso: \"12\"\nky_hieu: SNV-VP\ndia_danh: Hà Nội\n"
               "ngay: 2024-05-10\ntrich_yeu: thử nghiệm\nkinh_gui: [Các phòng]\n"
               "noi_dung:\n  - doan: Nội dung.\nnoi_nhan: [Như trên]\nluu: VT\n"
               "chuc_danh: [GIÁM ĐỐC]\nnguoi_ky: Nguyễn Văn A\n" +
               extra;
    }

    // Whether any file other than the inputs was left in the test folder.
    bool output_left(const std::string& name) { return fs::exists(dir_ / name); }
};

TEST_F(Cli, RendersTheSampleToAFile) {
    auto out = dir_ / "out.pdf";
    auto r = vanthu("render " + shell_quote((kSource / "samples/cong-van-576/data.yaml").string()) +
                    " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(read_file(out).substr(0, 5), "%PDF-");
    // Nothing but the output: no temporary file left behind.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

// Determinism across processes (issue #7, item 5): nothing of the run (time, addresses,
// process-wide counters) reaches the file, with either writer.
TEST_F(Cli, TwoRunsWriteTheSameBytesWithEitherWriter) {
    const auto data = shell_quote((kSource / "samples/chuong-trinh-620/data.yaml").string());
    for (const std::string writer : {"cairo", "haru"}) {
        const auto a = dir_ / ("a-" + writer + ".pdf"), b = dir_ / ("b-" + writer + ".pdf");
        for (const auto& out : {a, b})
            ASSERT_EQ(vanthu("render " + data + " --writer " + writer + " -o " +
                             shell_quote(out.string()))
                          .status,
                      0);
        EXPECT_TRUE(read_file(a) == read_file(b)) << writer << ": two runs differ";
    }
}

TEST_F(Cli, TemplateArgumentOverridesTheData) {
    auto data = write("d.yaml", letter());
    auto out = dir_ / "o.pdf";
    auto r = vanthu("render cong-van " + shell_quote(data.string()) + " -o " +
                    shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(out));
}

TEST_F(Cli, WritesToStandardOutputWithDash) {
    auto data = write("d.yaml", letter());
    auto r = run(kCli + " render " + shell_quote(data.string()) + " -o -");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.output.substr(0, 5), "%PDF-");
}

TEST_F(Cli, MalformedYamlNamesFileLineColumn) {
    auto data = write("bad.yaml", "template: cong-van\nso: \"12\"\nky_hieu: [unclosed\nx: 1\n");
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("bad.yaml:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("error"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, MalformedJsonNamesFileLineColumn) {
    auto data = write("bad.json", "{\n  \"template\": \"cong-van\",\n  \"so\": 12,,\n}\n");
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("bad.json:3:"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, MissingDataNameIsAnErrorAtTheTemplateLine) {
    auto text = letter();
    text.erase(text.find("nguoi_ky:"));  // drop the signer's name
    auto data = write("d.yaml", text);
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("nguoi_ky"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("templates/cong-van/main.mustache:"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, DraftShowsMissingNamesAsPlaceholders) {
    auto text = letter();
    text.erase(text.find("nguoi_ky:"));
    auto data = write("d.yaml", text);
    auto out = dir_ / "out.pdf";
    auto r =
        vanthu("render --draft " + shell_quote(data.string()) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(pdftotext_raw(out).find("[nguoi_ky]"), std::string::npos);
}

TEST_F(Cli, MarkupErrorNamesTheTemplateLine) {
    fs::create_directories(dir_ / "tpl");
    write("tpl/manifest.json", "{}");
    write("tpl/main.mustache",
          "<document kind=\"cong-van\">\n  <header><issuer>{{x}}</issuer></header>\n"
          "  <body>\n    <p>ok</p>\n    <para>not an element</para>\n  </body>\n</document>\n");
    auto data = write("d.yaml", "x: A\n");
    auto r = vanthu("render " + shell_quote((dir_ / "tpl").string()) + " " +
                    shell_quote(data.string()) + " -o " + shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("tpl/main.mustache:5:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("unknown element <para>"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("^"), std::string::npos) << "the caret line is shown: " << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, UnclosedTagNamesTheTemplateLine) {
    fs::create_directories(dir_ / "tpl");
    write("tpl/manifest.json", "{}");
    write("tpl/main.mustache",
          "<document kind=\"cong-van\">\n  <header><issuer>{{x}}</issuer></header>\n"
          "  <body>\n    <p>never closed\n  </body>\n</document>\n");
    auto data = write("d.yaml", "x: A\n");
    auto r = vanthu("render " + shell_quote((dir_ / "tpl").string()) + " " +
                    shell_quote(data.string()) + " -o " + shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("tpl/main.mustache:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("malformed markup"), std::string::npos) << r.output;
}

TEST_F(Cli, DataCannotChangeTheStructure) {
    auto data = write("d.yaml", letter());
    auto text = read_file(data);
    text.replace(text.find("Nội dung."), std::string("Nội dung.").size(),
                 "\"</p><h1>x</h1> {{x}}\"");
    write("d.yaml", text);
    auto out = dir_ / "out.pdf";
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    auto pdf_text = pdftotext_raw(out);
    EXPECT_NE(pdf_text.find("</p><h1>x</h1> {{x}}"), std::string::npos) << pdf_text;
}

TEST_F(Cli, UnknownTemplateIsAnError) {
    auto data = write("d.yaml", "template: khong-co\n");
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("không có mẫu văn bản \"khong-co\""), std::string::npos) << r.output;
}

TEST_F(Cli, MissingDataFileIsAnError) {
    auto r = vanthu("render " + shell_quote((dir_ / "none.yaml").string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(vanthu("render").status, 2);
    EXPECT_EQ(vanthu("no-such-command").status, 2);
    EXPECT_EQ(vanthu("--help").status, 0);
}

TEST_F(Cli, UnknownFontFamilyIsAnError) {
    auto data = write("d.yaml", letter());
    auto r = vanthu("render --font-family Arial " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("unknown font family \"Arial\""), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, FontFolderWithoutBoldIsAnErrorNamingTheFace) {
    fs::create_directories(dir_ / "fonts");
    fs::copy_file("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                  dir_ / "fonts/Only-Regular.ttf");
    auto data = write("d.yaml", letter());
    auto r = vanthu("render --font-dir " + shell_quote((dir_ / "fonts").string()) +
                    " --font-family 'Liberation Serif' " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    // The folder's family shadows nothing: the font list already declares Liberation Serif with
    // all four faces, so the folder's lone regular face joins it and rendering succeeds.
    EXPECT_EQ(r.status, 0) << r.output;

    fs::copy_file("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
                  dir_ / "fonts/Sans-Regular.ttf");
    r = vanthu("render --font-dir " + shell_quote((dir_ / "fonts").string()) +
               " --font-family 'Liberation Sans' " + shell_quote(data.string()) + " -o " +
               shell_quote((dir_ / "out2.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("\"Liberation Sans\" has no Bold face"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out2.pdf"));
}

TEST_F(Cli, OfficeFontFolderIsUsed) {
    // An office's own fonts: a folder with all four faces of a family, chosen by name.
    fs::create_directories(dir_ / "fonts");
    for (const char* f : {"Regular", "Bold", "Italic", "BoldItalic"})
        fs::copy_file(
            std::string("/usr/share/fonts/truetype/liberation2/LiberationSans-") + f + ".ttf",
            dir_ / "fonts" / (std::string("LiberationSans-") + f + ".ttf"));
    auto data = write("d.yaml", letter());
    auto out = dir_ / "out.pdf";
    auto r = vanthu("render --font-dir " + shell_quote((dir_ / "fonts").string()) +
                    " --font-family 'Liberation Sans' " + shell_quote(data.string()) + " -o " +
                    shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    auto rows = pdffonts_rows(out);
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) EXPECT_NE(row.find("LiberationSans"), std::string::npos) << row;
}

TEST_F(Cli, CharacterTheFontLacksIsAnErrorNamingIt) {
    auto text = letter();
    text.replace(text.find("Nội dung."), std::string("Nội dung.").size(),
                 "Chữ Hán 中 không có trong phông.");
    auto data = write("d.yaml", text);
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("U+4E2D"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("doan-van.mustache:"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, MustacheSyntaxErrorNamesTheTemplateLine) {
    fs::create_directories(dir_ / "tpl");
    write("tpl/manifest.json", "{}");
    write("tpl/main.mustache",
          "<document kind=\"cong-van\">\n  <header><issuer>{{x}}</issuer></header>\n"
          "  {{#items}}\n  <body></body>\n</document>\n");
    auto data = write("d.yaml", "x: A\n");
    auto r = vanthu("render " + shell_quote((dir_ / "tpl").string()) + " " +
                    shell_quote(data.string()) + " -o " + shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("tpl/main.mustache:3:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("template.syntax"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, PartialOutsideTheTemplateFolderIsRefused) {
    fs::create_directories(dir_ / "tpl");
    write("secret.mustache", "<p>outside</p>");
    write("tpl/manifest.json", "{}");
    write("tpl/main.mustache", "<document>\n{{> ../secret}}\n</document>\n");
    auto data = write("d.yaml", "x: A\n");
    auto r = vanthu("render " + shell_quote((dir_ / "tpl").string()) + " " +
                    shell_quote(data.string()) + " -o " + shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("tpl/main.mustache:2:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("template.partial-path"), std::string::npos) << r.output;
}

TEST_F(Cli, InvalidUtf8InDataIsAnErrorNamingTheKey) {
    auto text = letter();
    text.replace(text.find("Sở Nội vụ"), std::string("Sở Nội vụ").size(), "S\xC6 N\xFFi");
    auto data = write("d.yaml", text);
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("co_quan_ban_hanh"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, DateThatIsNotACalendarDateIsAnError) {
    auto text = letter();
    text.replace(text.find("2024-05-10"), 10, "2023-02-29");
    auto data = write("d.yaml", text);
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "out.pdf").string()));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("2023-02-29"), std::string::npos) << r.output;
    EXPECT_FALSE(output_left("out.pdf"));
}

TEST_F(Cli, DecomposedInputComesOutComposed) {
    // macOS writes NFD: "Việt" as V i e U+0302 U+0323 t. The PDF's text layer must be NFC.
    auto text = letter();
    const std::string nfd = "Vie\xCC\x82\xCC\xA3t Nam";
    text.replace(text.find("Nội dung."), std::string("Nội dung.").size(), nfd);
    auto data = write("d.yaml", text);
    auto out = dir_ / "out.pdf";
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " + shell_quote(out.string()));
    EXPECT_EQ(r.status, 0) << r.output;
    auto pdf_text = pdftotext_raw(out);
    EXPECT_NE(pdf_text.find("Việt Nam"), std::string::npos) << pdf_text;
    EXPECT_EQ(pdf_text.find("e\xCC\x82"), std::string::npos) << "combining marks left in the PDF";
}

TEST_F(Cli, UndatedDraftTakesSourceDateEpoch) {
    auto text = letter();
    text.replace(text.find("ngay: 2024-05-10"), std::string("ngay: 2024-05-10").size(),
                 "ngay: \"\"");
    auto data = write("d.yaml", text);
    auto out = dir_ / "out.pdf";
    auto r = run("SOURCE_DATE_EPOCH=1700000000 " + kCli + " render " + shell_quote(data.string()) +
                     " -o " + shell_quote(out.string()),
                 true);
    EXPECT_EQ(r.status, 0) << r.output;
    auto info = run("pdfinfo -isodates " + shell_quote(out.string())).output;
    EXPECT_NE(info.find("CreationDate:    2023-11-14"), std::string::npos) << info;
    // The draft's date line keeps blanks for the clerk.
    EXPECT_NE(pdftotext_raw(out).find("Hà Nội, ngày"), std::string::npos);
}

TEST_F(Cli, WritesIntoADeviceWithoutReplacingIt) {
    auto data = write("d.yaml", letter());
    auto r = vanthu("render " + shell_quote(data.string()) + " -o /dev/null");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_FALSE(std::filesystem::is_regular_file("/dev/null"));
}

TEST_F(Cli, FullDeviceIsAnOutputError) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    auto data = write("d.yaml", letter());
    EXPECT_EQ(vanthu("render " + shell_quote(data.string()) + " -o - > /dev/full").status, 3);
    EXPECT_EQ(vanthu("render " + shell_quote(data.string()) + " -o /dev/full").status, 3);
    EXPECT_FALSE(std::filesystem::is_regular_file("/dev/full"));
}

TEST_F(Cli, WritesThroughASymbolicLinkEvenADanglingOne) {
    auto data = write("d.yaml", letter());
    fs::create_symlink("target.pdf", dir_ / "link.pdf");  // target does not exist yet
    auto r = vanthu("render " + shell_quote(data.string()) + " -o " +
                    shell_quote((dir_ / "link.pdf").string()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::is_symlink(dir_ / "link.pdf")) << "the link itself must stay a link";
    EXPECT_EQ(read_file(dir_ / "target.pdf").substr(0, 5), "%PDF-");
}

}  // namespace

namespace {

// Copies and the fit switch on the command line (issue 16, items 2 and 5): the flags reach the
// engine (what they make of the document is checked in unit_api, CopyAndFit.*).
class CliCopy : public TempDirTest {};

TEST_F(CliCopy, CopyFlagsAndNoFitAreAccepted) {
    const auto copy = dir_ / "sao.yaml";
    write_file(copy,
               "co_quan: Văn phòng UBND tỉnh\nky_hieu: VP\nso: \"12\"\ndia_danh: Lạng Sơn\n"
               "ngay: 2026-04-02\nnoi_nhan: [Sở Nội vụ]\nluu: VT\nchuc_danh: [Chánh Văn phòng]\n"
               "nguoi_ky: Lê Thị Bình\n");
    const std::string data = shell_quote((kSource / "templates/ke-hoach/example.yaml").string());
    const std::string out = " -o " + shell_quote((dir_ / "x.pdf").string());
    auto r = run(kCli + " render " + data + out + " --copy sao-y --copy-data " +
                     shell_quote(copy.string()) + " --no-fit",
                 true);
    EXPECT_EQ(r.status, 0) << r.output;
    r = run(kCli + " render " + data + out + " --copy sao-y", true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("--copy sao-y needs the copying body's data"), std::string::npos)
        << r.output;
    r = run(kCli + " render " + data + out + " --copy sao", true);
    EXPECT_EQ(r.status, 2) << "an unknown form is a usage error: " << r.output;
    r = run(kCli + " preview " + data + " --no-fit -q --out " + shell_quote((dir_ / "pv").string()),
            true);
    EXPECT_EQ(r.status, 0) << r.output;
}

// A sao y of the one-page decision: the decision keeps its one page (the fit rule judges the
// document it copies), the copy block follows with its own header, form, number and signer.
TEST_F(CliCopy, SaoYPutsTheCopyBlockUnderTheDocument) {
    const auto pdf = dir_ / "sao-y.pdf";
    const auto plain = dir_ / "ban-chinh.pdf";
    const std::string data =
        shell_quote((kSource / "tests/e2e/cases/quyet-dinh-mot-trang.yaml").string());
    auto r = run(kCli + " render " + data + " -q -o " + shell_quote(plain.string()), true);
    ASSERT_EQ(r.status, 0) << r.output;
    r = run(kCli + " render " + data + " -q -o " + shell_quote(pdf.string()) +
                " --copy sao-y --copy-data " +
                shell_quote((kSource / "tests/e2e/cases/ban-sao.yaml").string()),
            true);
    ASSERT_EQ(r.status, 0) << r.output;
    ASSERT_EQ(pdf_page_count(plain), 1);
    EXPECT_EQ(pdftotext_raw(pdf, 1, 1), pdftotext_raw(plain, 1, 1)) << "the copied document moved";
    const std::string last = pdftotext_raw(pdf, pdf_page_count(pdf), 0);
    for (const char* part : {"SAO Y", "Số: 05/SY-UBND", "ỦY BAN NHÂN DÂN", "QUẬN HOÀN KIẾM",
                             "Hoàn Kiếm, ngày 10 tháng 4 năm 2026", "TL. CHỦ TỊCH",
                             "CHÁNH VĂN PHÒNG", "Nguyễn Thu Trang", "- Lưu: VT."})
        EXPECT_NE(last.find(part), std::string::npos) << part << "\n" << last;
}

class CliOutput : public TempDirTest {};

// -o naming the data file (under any name: "./d.yaml", a hard link) is refused, and the data is
// left as it was (issue 17: it was overwritten with the PDF).
TEST_F(CliOutput, IsNeverTheDataFile) {
    const auto data = dir_ / "d.yaml";
    const std::string yaml = read_file(kSource / "templates/cong-van/example.yaml");
    write_file(data, yaml);
    fs::create_hard_link(data, dir_ / "link.yaml");
    for (const std::string& out :
         {data.string(), (dir_ / "." / "d.yaml").string(), (dir_ / "link.yaml").string()}) {
        const auto r =
            run(kCli + " render " + shell_quote(data.string()) + " -o " + shell_quote(out), true);
        EXPECT_EQ(r.status, 2) << r.output;
        EXPECT_NE(r.output.find("error[cli.output]"), std::string::npos) << r.output;
        EXPECT_EQ(read_file(data), yaml) << out;
    }
}

// An owner password given empty (on the command line, or an exported empty variable) is an
// error, not an unprotected PDF with exit status 0 (issue 17); nothing is written.
TEST_F(CliOutput, AnEmptyPasswordIsAnErrorNotAnUnprotectedPdf) {
    const auto pdf = dir_ / "p.pdf";
    const std::string data = shell_quote((kSource / "templates/cong-van/example.yaml").string());
    auto r =
        run(kCli + " render " + data + " -o " + shell_quote(pdf.string()) + " --owner-password ''",
            true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("must not be empty"), std::string::npos) << r.output;
    r = run(
        "VANTHU_OWNER_PASSWORD= " + kCli + " render " + data + " -o " + shell_quote(pdf.string()),
        true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[cli.password]"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(pdf));
}

}  // namespace
