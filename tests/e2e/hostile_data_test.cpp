// Hostile or broken data through the vanthu command (issue 17): aliases that expand without
// end, a quote left open, thousands of unknown fields, a template field that is not a name, a
// rows file past the row limit. Each ends in a clear error, quickly, and prints little.
#include <gtest/gtest.h>

#include "core/limits.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;
namespace limits = vanthu::core::limits;

namespace {

const std::string kCli = VANTHU_CLI;

class HostileData : public TempDirTest {
  protected:
    fs::path write(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        return dir_ / name;
    }
    CommandResult render(const fs::path& data) {
        return run(
            kCli + " render " + shell_quote(data.string()) + " -o " + shell_quote(out().string()),
            true);
    }
    fs::path out() const { return dir_ / "out.pdf"; }

    static std::string letter() {
        return "template: cong-van\n"
               "co_quan_ban_hanh: Sở Nội vụ\nso: \"12\"\nky_hieu: SNV-VP\ndia_danh: Hà Nội\n"
               "ngay: 2024-05-10\ntrich_yeu: thử nghiệm\nkinh_gui: [Các phòng]\n"
               "noi_dung:\n  - doan: Nội dung.\nnoi_nhan: [Như trên]\nluu: VT\n"
               "chuc_danh: [GIÁM ĐỐC]\nnguoi_ky: Nguyễn Văn A\n";
    }

    static size_t count(const std::string& haystack, const std::string& needle) {
        size_t n = 0;
        for (size_t at = haystack.find(needle); at != std::string::npos;
             at = haystack.find(needle, at + 1))
            ++n;
        return n;
    }
};

std::string laughs() {
    std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level < 9; ++level) {
        const std::string name = "l" + std::to_string(level);
        const std::string previous = "*l" + std::to_string(level - 1);
        text += name + ": &" + name + " [" + previous;
        for (int k = 1; k < 9; ++k) text += ", " + previous;
        text += "]\n";
    }
    return text;
}

TEST_F(HostileData, BillionLaughsIsRefusedAtTheAlias) {
    const auto data = write("d.yaml", letter() + laughs());
    auto r = render(data);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find(data.string() + ":21:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("error[data.limit]: aliases expand to too much data"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(HostileData, BillionLaughsInTheCommonDataOfABatch) {
    const auto common = write("common.yaml", "template: cong-van\n" + laughs());
    const auto rows = write("rows.csv", "so\n1\n");
    auto r = run(kCli + " batch --data " + shell_quote(common.string()) + " --rows " +
                     shell_quote(rows.string()) + " --out " + shell_quote((dir_ / "out").string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[data.limit]: aliases expand to too much data"),
              std::string::npos)
        << r.output;
}

TEST_F(HostileData, AnUnclosedQuoteNearTheEndDoesNotSwallowTheUrgency) {
    const auto data = write("d.yaml", letter() + "ghi_chu_ky: \"(Đã ký)\ndo_khan: KHẨN\n");
    auto r = render(data);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find(data.string() + ":15:13: error[data.syntax]: this quote is never "
                                            "closed; the lines after it became part of the text"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(HostileData, AnUnclosedQuoteInTheMiddleIsOneErrorAtTheQuote) {
    std::string text = letter();
    text.replace(text.find("dia_danh: Hà Nội"), std::string("dia_danh: Hà Nội").size(),
                 "dia_danh: \"Hà Nội");
    const auto data = write("d.yaml", text);
    auto r = render(data);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find(data.string() + ":5:11: error[data.syntax]: this quote is never "
                                            "closed"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(count(r.output, "error["), 1u) << r.output;
    EXPECT_EQ(r.output.find("required but not given"), std::string::npos) << r.output;
}

TEST_F(HostileData, AQuotedTextOverTwoLinesStillRenders) {
    std::string text = letter();
    text.replace(text.find("trich_yeu: thử nghiệm"), std::string("trich_yeu: thử nghiệm").size(),
                 "trich_yeu: \"thử nghiệm:\n  lần hai\"");
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(pdftotext_raw(out()).find("thử nghiệm: lần hai"), std::string::npos)
        << pdftotext_raw(out());
}

TEST_F(HostileData, ThousandsOfUnknownFieldsPrintTwentyErrorsAndACount) {
    std::string text = letter();
    for (int k = 0; k < 20000; ++k) text += "khoa_la_" + std::to_string(k) + ": x\n";
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 2) << r.output.substr(0, 2000);
    EXPECT_EQ(count(r.output, "error[data.schema]"), limits::kPrintedDiagnostics);
    EXPECT_NE(r.output.find("… and " + std::to_string(20000 - limits::kPrintedDiagnostics) +
                            " more errors not shown (data.schema: " +
                            std::to_string(20000 - limits::kPrintedDiagnostics) + ")"),
              std::string::npos)
        << r.output.substr(r.output.size() > 500 ? r.output.size() - 500 : 0);
    EXPECT_LT(r.output.size(), 20000u);
}

TEST_F(HostileData, TemplateGivenAsAListSaysWhatIsExpected) {
    std::string text = letter();
    text.replace(0, text.find('\n'), "template: [cong-van]");
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[template.name]: the field template holds a list, but it must "
                            "be the name of one template"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("template: cong-van"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("the templates: bao-cao, "), std::string::npos) << r.output;
}

TEST_F(HostileData, EmptyOrMisshapenTemplateField) {
    std::string text = letter();
    text.replace(0, text.find('\n'), "template: \"\"");
    auto r = render(write("d.yaml", text));
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("error[template.none]: the field template is empty"), std::string::npos)
        << r.output;

    text.replace(0, text.find('\n'), "template:\n  ten: cong-van");
    r = render(write("d.yaml", text));
    EXPECT_NE(r.output.find("error[template.name]: the field template holds a set of named "
                            "fields"),
              std::string::npos)
        << r.output;

    r = render(write("d.json", "{\"template\": 12, \"so\": \"1\"}"));
    EXPECT_NE(r.output.find("error[template.name]: the field template holds the number 12"),
              std::string::npos)
        << r.output;
}

TEST_F(HostileData, ARowsFilePastTheRowLimitIsRefusedBeforeAnyDocument) {
    std::string rows = "so\n";
    for (size_t k = 0; k <= limits::kRows; ++k) rows += std::to_string(k) + "\n";
    const auto common = write("common.yaml", letter());
    const auto file = write("rows.csv", rows);
    auto r = run(kCli + " batch --data " + shell_quote(common.string()) + " --rows " +
                     shell_quote(file.string()) + " --out " + shell_quote((dir_ / "out").string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":" + std::to_string(limits::kRows + 2) +
                            ": error[data.limit]: the rows file has more than " +
                            std::to_string(limits::kRows) + " rows"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "manifest.json"));
}

}  // namespace
