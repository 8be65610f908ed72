// Data checked against the template's manifest.json before the template is filled: every
// problem in one run, missing fields as errors, or as warnings and placeholders in a draft.
#include <gtest/gtest.h>

#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const std::string kCli = VANTHU_CLI;

class DataCheck : public TempDirTest {
  protected:
    fs::path write(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        return dir_ / name;
    }

    // Renders `data` (with extra arguments `flags`) to out.pdf in the test folder.
    CommandResult render(const fs::path& data, const std::string& flags = "") {
        return run(kCli + " render " + flags + " " + shell_quote(data.string()) + " -o " +
                       shell_quote(out().string()),
                   true);
    }
    fs::path out() const { return dir_ / "out.pdf"; }

    // A valid công văn; `replace` swaps whole lines "key: …" for other text ("" drops the line).
    std::string letter(const std::vector<std::pair<std::string, std::string>>& replace = {}) {
        std::string text =
            "template: cong-van\n"
            "co_quan_ban_hanh: Sở Nội vụ\nso: \"12\"\nky_hieu: SNV-VP\ndia_danh: Hà Nội\n"
            "ngay: 2024-05-10\ntrich_yeu: thử nghiệm\nkinh_gui: [Các phòng]\n"
            "noi_dung:\n  - doan: Nội dung.\nnoi_nhan: [Như trên]\nluu: VT\n"
            "chuc_danh: [GIÁM ĐỐC]\nnguoi_ky: Nguyễn Văn A\n";
        for (const auto& [key, line] : replace) {
            const size_t at = text.find("\n" + key + ":");
            EXPECT_NE(at, std::string::npos) << key;
            if (at == std::string::npos) continue;
            const size_t end = text.find('\n', at + 1);
            text.replace(at + 1, end - at, line.empty() ? "" : line + "\n");
        }
        return text;
    }

    static size_t count(const std::string& haystack, const std::string& needle) {
        size_t n = 0;
        for (size_t at = haystack.find(needle); at != std::string::npos;
             at = haystack.find(needle, at + 1))
            ++n;
        return n;
    }
};

TEST_F(DataCheck, TheValidLetterRenders) {
    auto r = render(write("d.yaml", letter()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(r.output.find("data.schema"), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(out()));
}

TEST_F(DataCheck, EveryProblemIsReportedInOneRun) {
    auto data =
        write("d.yaml", letter({{"ngay", "ngay: 10/5"}, {"kinh_gui", "kinh_gui: \"not a list\""}}));
    auto r = render(data);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("ngay: expected a date like 2024-05-10, 2024-05 or 2024, got \"10/5\""),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("kinh_gui: expected a list, got a text"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(data.string() + ": error[data.schema]"), std::string::npos) << r.output;
    EXPECT_EQ(count(r.output, "error["), 2u) << "nothing after the check runs: " << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(DataCheck, MisspeltContentFieldIsAnError) {
    auto text = letter();
    text.replace(text.find("  - doan: Nội dung."), std::string("  - doan: Nội dung.").size(),
                 "  - doan: Một.\n  - doan2: Hai.");
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 2) << r.output;
    // The known fields are listed (in order; the list grows with the manifest).
    EXPECT_NE(r.output.find("noi_dung[1]: unknown field \"doan2\" (known: bang, "),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(", doan, gach, "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("did you mean \"doan\"?"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(DataCheck, MissingRequiredFieldIsAnErrorInStrictMode) {
    auto r = render(write("d.yaml", letter({{"luu", ""}})));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[data.schema]: luu: required but not given"), std::string::npos)
        << r.output;
    // The hint points at the template line that writes it.
    EXPECT_NE(r.output.find("the template uses it at "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("templates/cong-van/main.mustache:"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(DataCheck, MissingRequiredFieldIsAPlaceholderInADraft) {
    auto r = render(write("d.yaml", letter({{"luu", ""}})), "--draft");
    EXPECT_EQ(r.status, 0) << r.output;
    ASSERT_TRUE(fs::exists(out()));
    EXPECT_NE(pdftotext_raw(out()).find("Lưu: [luu]"), std::string::npos) << pdftotext_raw(out());
    // One warning for the name (the template's, which names the placeholder), not two.
    EXPECT_EQ(count(r.output, "warning["), 1u) << r.output;
    EXPECT_NE(r.output.find("[luu]"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("error"), std::string::npos) << r.output;
}

TEST_F(DataCheck, MissingListIsAWarningInADraft) {
    // noi_nhan is only used by a {{#section}}: the check's own warning is the one shown.
    auto r = render(write("d.yaml", letter({{"noi_nhan", ""}})), "--draft");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("warning[data.schema]: noi_nhan: required but not given"),
              std::string::npos)
        << r.output;
    EXPECT_TRUE(fs::exists(out()));
}

TEST_F(DataCheck, WrongValuesAreErrorsInADraftToo) {
    auto r = render(write("d.yaml", letter({{"ngay", "ngay: 10/5"}, {"luu", ""}})), "--draft");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[data.schema]: ngay: expected a date"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("warning[data.schema]: luu: required but not given"), std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(DataCheck, EmptyNumberAndDateAreAcceptedInADraft) {
    auto r = render(write("d.yaml", letter({{"so", "so: \"\""}, {"ngay", "ngay:"}})), "--draft");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(r.output.find("data.schema"), std::string::npos) << r.output;
}

TEST_F(DataCheck, MistakeInTheManifestIsATemplateError) {
    fs::create_directories(dir_ / "tpl");
    write("tpl/manifest.json",
          "{\"properties\": {\"x\": {\"type\": \"string\", \"minLenght\": 1}}}");
    write("tpl/main.mustache",
          "<document kind=\"cong-van\">\n  <header><issuer>{{x}}</issuer></header>\n"
          "  <body><p>ok</p></body>\n</document>\n");
    auto data = write("d.yaml", "x: A\n");
    auto r = run(kCli + " render " + shell_quote((dir_ / "tpl").string()) + " " +
                     shell_quote(data.string()) + " -o " + shell_quote(out().string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("tpl/manifest.json: error[template.schema]"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("unknown keyword \"minLenght\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("did you mean \"minLength\"?"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(DataCheck, TemplateFieldNeedNotBeDeclared) {
    // The công văn template with a closed manifest that does not list "template": the engine's
    // own field is not checked, other undeclared fields are.
    const fs::path source = fs::path(VANTHU_SOURCE_DIR) / "templates/cong-van";
    fs::copy(source, dir_ / "tpl", fs::copy_options::recursive);
    std::string manifest = read_file(dir_ / "tpl/manifest.json");
    const size_t line = manifest.find("    \"template\":");
    ASSERT_NE(line, std::string::npos);
    manifest.erase(line, manifest.find('\n', line) + 1 - line);
    ASSERT_EQ(manifest.find("\"template\""), std::string::npos);
    write("tpl/manifest.json", manifest);

    std::string text = letter();
    text.replace(0, text.find('\n'), "template: " + (dir_ / "tpl").string());
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 0) << r.output;
    r = render(write("d.yaml", text + "ghi_chu: B\n"));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("unknown field \"ghi_chu\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("did you mean \"ghi_chu_ky\"?"), std::string::npos) << r.output;
}

}  // namespace
