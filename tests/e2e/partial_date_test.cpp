// Dates known in part (issue 16, item 3): before issuance the clerk knows the year, perhaps the
// month, not the day. The date line leaves the rest blank; the PDF's creation date falls back
// as for an undated draft, while its record and keywords keep what is known.
#include <gtest/gtest.h>

#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const std::string kCli = VANTHU_CLI;

class PartialDate : public TempDirTest {
  protected:
    // Renders a công văn dated `ngay` (with an appendix, whose "(Kèm theo …)" line repeats the
    // date); returns the command's result.
    CommandResult render(const std::string& ngay) {
        write_file(dir_ / "d.yaml",
                   "template: cong-van\n"
                   "co_quan_ban_hanh: Sở Nội vụ\nso: \"\"\nky_hieu: SNV-VP\ndia_danh: Hà Nội\n"
                   "ngay: \"" +
                       ngay +
                       "\"\ntrich_yeu: thử nghiệm\nkinh_gui: [Các phòng]\n"
                       "noi_dung:\n  - doan: Nội dung.\nnoi_nhan: [Như trên]\nluu: VT\n"
                       "chuc_danh: [GIÁM ĐỐC]\nnguoi_ky: Nguyễn Văn A\n"
                       "phu_luc:\n  - tieu_de: Danh sách\n    noi_dung:\n      - doan: Một.\n");
        return run("SOURCE_DATE_EPOCH=1700000000 " + kCli + " render " +
                       shell_quote((dir_ / "d.yaml").string()) + " -o " +
                       shell_quote(pdf().string()),
                   true);
    }
    fs::path pdf() const { return dir_ / "out.pdf"; }
    // The date line: the right column of the header block on page 1.
    std::string date_line() const { return pdftotext_area(pdf(), 1, 230, 100, 340, 60); }
};

TEST_F(PartialDate, YearOnlyLeavesDayAndMonthBlank) {
    const auto r = render("2026");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(r.output, "") << "no warning";
    const auto line = words(date_line());
    const std::vector<std::string> expected = {"Hà", "Nội,", "ngày", "tháng", "năm", "2026"};
    EXPECT_TRUE(std::search(line.begin(), line.end(), expected.begin(), expected.end()) !=
                line.end())
        << date_line();
}

TEST_F(PartialDate, YearAndMonthPrintsTheMonthPaddedAsTheDecreeDoes) {
    ASSERT_EQ(render("2026-02").status, 0);
    const auto line = words(date_line());
    const std::vector<std::string> expected = {"ngày", "tháng", "02", "năm", "2026"};
    EXPECT_TRUE(std::search(line.begin(), line.end(), expected.begin(), expected.end()) !=
                line.end())
        << date_line();
    // The appendix's reference line repeats the date as known.
    const auto all = pdftotext_raw(pdf());
    EXPECT_NE(all.find("(Kèm theo Công văn số"), std::string::npos) << all;
    const auto appendix = words(all.substr(all.find("(Kèm theo")));
    const std::vector<std::string> reference = {"ngày", "tháng", "02", "năm", "2026)"};
    EXPECT_TRUE(std::search(appendix.begin(), appendix.end(), reference.begin(), reference.end()) !=
                appendix.end())
        << all;
}

TEST_F(PartialDate, MetadataKeepsWhatIsKnownAndFallsBackForTheCreationDate) {
    ASSERT_EQ(render("2026-04").status, 0);
    const auto xmp = run("pdfinfo -meta " + shell_quote(pdf().string())).output;
    EXPECT_NE(xmp.find("<nd30:Date>2026-04</nd30:Date>"), std::string::npos) << xmp;
    // SOURCE_DATE_EPOCH 1700000000 is 2023-11-14: the day of an undated draft.
    EXPECT_NE(xmp.find("<xmp:CreateDate>2023-11-14T00:00:00</xmp:CreateDate>"), std::string::npos)
        << xmp;
    const auto info = run("pdfinfo " + shell_quote(pdf().string())).output;
    EXPECT_NE(info.find("; 2026\n"), std::string::npos) << "the year is a keyword:\n" << info;
}

TEST_F(PartialDate, AMonthThatDoesNotExistIsRefused) {
    const auto r = render("2026-13");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("ngay: expected a date like 2024-05-10, got \"2026-13\" (there is no "
                            "month 13)"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(pdf()));
}

}  // namespace
