// Text in other scripts (issue 17): right-to-left names are laid out and come back from the PDF
// in their logical order; invisible direction controls and characters the font cannot show are
// refused with a message naming the character and the field, never an internal error.
#include <gtest/gtest.h>

#include "cli/exit_status.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const std::string kCli = VANTHU_CLI;
const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu";

class Scripts : public TempDirTest {
  protected:
    fs::path write(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        return dir_ / name;
    }

    CommandResult render(const fs::path& data, const std::string& flags = "") {
        return run(kCli + " render " + flags + " " + shell_quote(data.string()) + " -o " +
                       shell_quote(out().string()),
                   true);
    }
    fs::path out() const { return dir_ / "out.pdf"; }

    // A công văn with `name` in the addressee, a body paragraph, a table cell and the signer.
    static std::string letter(const std::string& name, const std::string& signer) {
        return "template: cong-van\n"
               "co_quan_ban_hanh: Sở Nội vụ\nso: \"12\"\nky_hieu: SNV-VP\ndia_danh: Hà Nội\n"
               "ngay: 2024-05-10\ntrich_yeu: hợp tác\n"
               "kinh_gui: [\"Công ty " +
               name +
               "\"]\n"
               "noi_dung:\n"
               "  - doan: \"Đối tác " +
               name +
               " đã ký biên bản số 12/2024.\"\n"
               "  - bang:\n"
               "      cot: [4, 4]\n"
               "      tieu_de: [[Tên, Ghi chú]]\n"
               "      dong: [[\"" +
               name +
               "\", \"đối tác\"]]\n"
               "noi_nhan: [Như trên]\nluu: VT\n"
               "chuc_danh: [GIÁM ĐỐC]\nnguoi_ky: \"" +
               signer + "\"\n";
    }

    // pdftotext in its default (reading-order) mode, which puts right-to-left words back in
    // reading order: whole names can be looked for.
    std::string reading_order() const {
        return run("pdftotext -enc UTF-8 " + shell_quote(out().string()) + " -").output;
    }

    static size_t count(const std::string& text, const std::string& word) {
        size_t n = 0;
        for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
            ++n;
        return n;
    }

    static bool has(const std::string& text, const std::string& word) {
        return text.find(word) != std::string::npos;
    }
};

// Liberation Serif has Hebrew: every place shows it, and the text comes back in logical order.
TEST_F(Scripts, HebrewIsLaidOutEverywhere) {
    auto r = render(write("he.yaml", letter("שלום עולם", "דוד כהן")));
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string text = pdftotext_raw(out());
    for (const char* word : {"Công ty", "Đối tác", "שלום", "עולם", "דוד", "כהן", "12/2024"})
        EXPECT_TRUE(has(text, word)) << word << "\n" << text;
    // In the addressee, body and table cell: three times each word.
    EXPECT_EQ(count(text, "עולם"), 3u) << text;
    // In reading order, the whole name, letters in their typed order.
    const std::string read = reading_order();
    EXPECT_EQ(count(read, "שלום עולם"), 3u) << read;
    EXPECT_EQ(count(read, "דוד כהן"), 1u) << read;
}

// Arabic needs a font that has it (DejaVu Sans here, through --font-dir); its joined forms are
// shaped by HarfBuzz and the words come back.
TEST_F(Scripts, ArabicIsLaidOutWithAFontThatHasIt) {
    if (!fs::exists(kDejaVu + "/DejaVuSans.ttf")) GTEST_SKIP() << "no DejaVu Sans";
    // Only the four faces of DejaVu Sans (the system folder has other styles of the family).
    const fs::path fonts = dir_ / "fonts";
    fs::create_directories(fonts);
    for (const char* face : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                             "DejaVuSans-BoldOblique.ttf"})
        fs::copy_file(kDejaVu + "/" + face, fonts / face);
    auto r = render(write("ar.yaml", letter("شركة السلام", "أحمد علي")),
                    "--font-dir " + shell_quote(fonts.string()) + " --font-family 'DejaVu Sans'");
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string text = pdftotext_raw(out());
    for (const char* word : {"Đối tác", "شركة", "السلام", "أحمد", "علي"})
        EXPECT_TRUE(has(text, word)) << word << "\n" << text;
    // The lam-alef ligature of السلام is one glyph for two letters; they come back in order.
    const std::string read = reading_order();
    EXPECT_EQ(count(read, "شركة السلام"), 3u) << read;
    EXPECT_EQ(count(read, "أحمد علي"), 1u) << read;
}

// Without such a font, Arabic is refused, naming the character; the exit status is an input
// error, not an internal one.
TEST_F(Scripts, ArabicWithoutAFontIsRefused) {
    auto r = render(write("ar.yaml", letter("شركة", "Nguyễn Văn A")));
    EXPECT_EQ(r.status, vanthu::cli::kInputError) << r.output;
    EXPECT_TRUE(has(r.output, "font.missing-glyph")) << r.output;
    EXPECT_TRUE(has(r.output, "U+0634")) << r.output;  // ش
    EXPECT_FALSE(fs::exists(out()));
}

// Chinese, Devanagari and emoji: the same.
TEST_F(Scripts, CharactersNoFontHasAreRefused) {
    for (const std::string name : {"中文", "हिन्दी", "😀"}) {
        auto r = render(write("x.yaml", letter("A", name)));
        EXPECT_EQ(r.status, vanthu::cli::kInputError) << name << r.output;
        EXPECT_TRUE(has(r.output, "font.missing-glyph")) << r.output;
        EXPECT_FALSE(has(r.output, "internal")) << r.output;
    }
}

// U+202E in the body, the signer, the addressee or a table cell: text.bidi-control naming the
// character, the field and its line, through render, preview and batch.
TEST_F(Scripts, RightToLeftOverrideIsRefusedEverywhere) {
    const std::string rlo = "\u202E";
    const std::string plain = letter("Sao Mai", "Nguyễn Văn A");
    struct Case {
        std::string from, to, path;
        int line;
    };
    const std::vector<Case> cases = {
        {"Đối tác Sao Mai", "Đối tác " + rlo + "abc", "noi_dung[0].doan", 10},
        {"nguoi_ky: \"Nguyễn Văn A", "nguoi_ky: \"Nguyễn " + rlo + "Văn A", "nguoi_ky", 18},
        {"Công ty Sao Mai", "Công ty " + rlo + "abc", "kinh_gui[0]", 8},
        {"[[\"Sao Mai\"", "[[\"" + rlo + "Sao Mai\"", "noi_dung[1].bang.dong[0][0]", 14},
    };
    for (const auto& c : cases) {
        std::string data = plain;
        const size_t at = data.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        data.replace(at, c.from.size(), c.to);
        const fs::path file = write("rlo.yaml", data);
        const std::string where = file.string() + ":" + std::to_string(c.line) + ":";
        for (const std::string& command :
             {kCli + " render " + shell_quote(file.string()) + " -o " + shell_quote(out()),
              kCli + " preview " + shell_quote(file.string()) + " --out " +
                  shell_quote((dir_ / "pv").string())}) {
            auto r = run(command, true);
            EXPECT_EQ(r.status, vanthu::cli::kInputError) << command << "\n" << r.output;
            EXPECT_TRUE(has(r.output, "error[text.bidi-control]")) << r.output;
            EXPECT_TRUE(has(r.output, "U+202E RIGHT-TO-LEFT OVERRIDE")) << r.output;
            EXPECT_TRUE(has(r.output, c.path)) << c.path << "\n" << r.output;
            EXPECT_TRUE(has(r.output, where)) << where << "\n" << r.output;
        }
    }
    EXPECT_FALSE(fs::exists(out()));
}

// In batch, the common data and a row are both checked before any work.
TEST_F(Scripts, RightToLeftOverrideIsRefusedInBatch) {
    const fs::path common = write("common.yaml", letter("Sao Mai", "Nguyễn Văn A"));
    const fs::path rows = write("rows.csv", "ma,nguoi_ky\na,Trần Văn B\nb,Lê \u202EThị C\n");
    auto r = run(kCli + " batch --data " + shell_quote(common) + " --rows " + shell_quote(rows) +
                     " --out " + shell_quote(dir_ / "out") + " --name '{{ma}}.pdf' -j 1",
                 true);
    EXPECT_NE(r.status, vanthu::cli::kInternalError) << r.output;
    EXPECT_NE(r.status, 0) << r.output;
    EXPECT_TRUE(has(r.output, "text.bidi-control")) << r.output;
    EXPECT_TRUE(has(r.output, "U+202E")) << r.output;
    EXPECT_TRUE(has(r.output, "nguoi_ky")) << r.output;
    // The other row is written; the manifest names the failed row's field.
    EXPECT_TRUE(fs::exists(dir_ / "out" / "a.pdf"));
    const std::string manifest = read_file(dir_ / "out" / "manifest.json");
    EXPECT_TRUE(has(manifest, "\"field\":\"nguoi_ky\"")) << manifest;
    EXPECT_TRUE(has(manifest, "\"code\":\"text.bidi-control\"")) << manifest;

    const std::string bad = letter("Sao Mai", "Nguyễn \u2067Văn A");
    const fs::path common2 = write("common2.yaml", bad);
    const fs::path rows2 = write("rows2.csv", "ma\na\n");
    r = run(kCli + " batch --data " + shell_quote(common2) + " --rows " + shell_quote(rows2) +
                " --out " + shell_quote(dir_ / "out2") + " --name '{{ma}}.pdf' -j 1",
            true);
    EXPECT_EQ(r.status, vanthu::cli::kInputError) << r.output;
    EXPECT_TRUE(has(r.output, "error[text.bidi-control]")) << r.output;
    EXPECT_TRUE(has(r.output, "U+2067 RIGHT-TO-LEFT ISOLATE")) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out2"));
}

// The marks are allowed: a Hebrew name with a right-to-left mark before its parenthesis.
TEST_F(Scripts, BidiMarksAreAllowed) {
    auto r = render(write("m.yaml", letter("שלום\u200F (Israel)", "Nguyễn Văn A\u200E")));
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string text = pdftotext_raw(out());
    EXPECT_TRUE(has(text, "שלום")) << text;
    EXPECT_TRUE(has(text, "Israel")) << text;
}

}  // namespace
