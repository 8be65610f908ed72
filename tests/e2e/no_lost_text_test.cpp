// Text is never dropped: a part taller than a page either flows onto the following pages (every
// word comes out once, in order, counted with pdftotext) or is refused with a layout.* error that
// names the part (issue 17: a table cell of 5,000 words showed 520 of them, exit status 0).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "e2e/no_fit.hpp"
#include "e2e/table_geometry.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const std::string kCli = VANTHU_CLI;

// "từ1 từ2 … từN": numbered words, to count what comes out. `upper`: as a heading in capitals.
std::string numbered(int n, const std::string& stem = "từ") {
    std::string out;
    for (int i = 1; i <= n; ++i) out += (i > 1 ? " " : "") + stem + std::to_string(i);
    return out;
}

// The numbers of the words `stem` + digits in `text`, in the order they come.
std::vector<int> numbers_of(const std::string& text, const std::string& stem = "từ") {
    std::vector<int> out;
    for (auto w : words(text)) {
        while (!w.empty() && std::string(",.;:").find(w.back()) != std::string::npos) w.pop_back();
        if (w.size() <= stem.size() || w.compare(0, stem.size(), stem) != 0) continue;
        const std::string digits = w.substr(stem.size());
        if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
        out.push_back(std::stoi(digits));
    }
    return out;
}

std::vector<int> one_to(int n) {
    std::vector<int> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out[static_cast<size_t>(i)] = i + 1;
    return out;
}

// A công văn with every field short, and those a test sets in its place (YAML values).
struct Data {
    std::string template_name = "cong-van";
    std::string co_quan = "Sở Nội vụ";
    std::string trich_yeu = "Thử văn bản dài";
    std::string kinh_gui = "[Các phòng, ban]";
    std::string noi_dung = "\n  - doan: Đoạn mở đầu.\n";
    std::string noi_nhan = "[Như trên]";
    std::string nguoi_ky = "Nguyễn Văn A";
    std::string more;  // more top-level keys

    std::string yaml() const {
        return "template: " + template_name + "\nco_quan_ban_hanh: " + co_quan +
               "\nso: \"12\"\nky_hieu: SNV\ndia_danh: Hà Nội\nngay: 2026-03-02\ntrich_yeu: " +
               trich_yeu + (template_name == "cong-van" ? "\nkinh_gui: " + kinh_gui : "") +
               "\nnoi_dung:" + noi_dung + "noi_nhan: " + noi_nhan +
               "\nluu: VT\nchuc_danh: [Giám đốc]\nnguoi_ky: " + nguoi_ky + "\n" + more;
    }
};

// A YAML list of `n` items "<text> từK".
std::string list_of(int n, const std::string& text) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += "\n  - " + text + " từ" + std::to_string(i);
    return out;
}

class NoLostText : public TempDirTest {
  protected:
    NoLostText() : TempDirTest("nolost-") {}

    fs::path write(const Data& d) {
        const fs::path file = dir_ / "d.yaml";
        write_file(file, d.yaml());
        return file;
    }

    // Renders `d` with the command; the PDF is dir_/d.pdf.
    CommandResult render(const Data& d) {
        const fs::path data = write(d);
        return run(kCli + " render --no-fit " + shell_quote(data.string()) + " -o " +
                       shell_quote((dir_ / "d.pdf").string()),
                   true);
    }

    // Renders `d`, which must work, and returns the PDF's text.
    std::string text_of(const Data& d) {
        const auto r = render(d);
        EXPECT_EQ(r.status, 0) << r.output;
        return pdftotext_raw(dir_ / "d.pdf");
    }

    // Renders `d`, which must be refused with `code`, writing nothing; returns the messages.
    std::string refused(const Data& d, const std::string& code) {
        const auto r = render(d);
        EXPECT_NE(r.status, 0);
        EXPECT_NE(r.output.find("error[" + code + "]"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir_ / "d.pdf"));
        return r.output;
    }
};

Data long_cell(int words) {
    Data d;
    d.noi_dung =
        "\n  - doan: Bảng sau.\n  - bang:\n      cot: [1, 6, 2]\n      tieu_de:\n"
        "        - [STT, Nội dung, Ghi chú]\n      dong:\n        - [\"1\", \"" +
        numbered(words) +
        "\", Ghi chú một]\n        - [\"2\", Dòng sau, Ghi chú hai]\n"
        "  - doan: Đoạn cuối.\n";
    return d;
}

TEST_F(NoLostText, TableCellOf5000WordsGrowsAcrossPages) {
    const std::string text = text_of(long_cell(5000));
    EXPECT_EQ(numbers_of(text), one_to(5000));
    EXPECT_NE(text.find("Dòng sau"), std::string::npos);
    EXPECT_NE(text.find("Đoạn cuối."), std::string::npos);
    EXPECT_GE(pdf_page_count(dir_ / "d.pdf"), 8);
}

TEST_F(NoLostText, CutRowContinuesInItsColumnUnderTheHeaderWithSingleBorders) {
    const fs::path data = write(long_cell(1500));
    std::vector<Diagnostic> warnings;
    const auto pages = layout_no_fit(data, {}, &warnings);
    // The pages the long row reaches: its words, the header repeated above them, the lines at
    // the same x as on the first page.
    std::optional<double> column_x;
    size_t row_pages = 0;
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        const auto lines = lines_of(pages, p);
        std::vector<Line> cell;
        for (const auto& l : lines)
            if (!numbers_of(l.text).empty()) cell.push_back(l);
        if (cell.empty()) continue;
        ++row_pages;
        const auto stt = find_exact_line(lines, "STT");
        ASSERT_TRUE(stt) << "no header on page " << p + 1;
        for (const auto& l : cell) {
            EXPECT_GT(l.baseline, stt->baseline);
            if (!column_x) column_x = l.left;
            EXPECT_NEAR(l.left, *column_x, 0.01) << "page " << p + 1;
        }
        // Every line of the piece lies between the table's rules: the first rule above them, the
        // closing one below; and no rule is drawn twice (no double borders).
        const auto ys = row_boundaries(pages.pages[p]);
        ASSERT_GE(ys.size(), 3u) << "page " << p + 1;
        EXPECT_LT(ys.front(), stt->baseline);
        EXPECT_GT(ys.back(), cell.back().baseline);
        const auto geometry_bottom = pages.pages[p].height - core::mm(20);
        EXPECT_LE(ys.back(), geometry_bottom + 0.01) << "the row runs into the margin";
        auto rules = horizontal_rules(pages.pages[p]);
        for (size_t i = 0; i < rules.size(); ++i)
            for (size_t j = i + 1; j < rules.size(); ++j) {
                const bool overlap =
                    std::min(rules[i].x2, rules[j].x2) - std::max(rules[i].x1, rules[j].x1) > 1;
                EXPECT_FALSE(overlap && std::abs(rules[i].y1 - rules[j].y1) < 0.01 &&
                             rules[i].x1 == rules[j].x1 && rules[i].x2 == rules[j].x2)
                    << "a rule drawn twice at y " << rules[i].y1 << ", page " << p + 1;
            }
    }
    EXPECT_GE(row_pages, 3u);
    EXPECT_TRUE(std::none_of(warnings.begin(), warnings.end(),
                             [](const Diagnostic& d) { return d.code.starts_with("layout."); }));
}

TEST_F(NoLostText, TallHeaderRowsAreNotRepeatedAndLoseNothing) {
    Data d;
    d.noi_dung = "\n  - bang:\n      cot: [1, 3]\n      tieu_de:\n        - [STT, \"" +
                 numbered(700) + "\"]\n      dong:\n        - [\"1\", \"" + numbered(1500, "chữ") +
                 "\"]\n";
    const std::string text = text_of(d);
    EXPECT_EQ(numbers_of(text), one_to(700));
    EXPECT_EQ(numbers_of(text, "chữ"), one_to(1500));
}

TEST_F(NoLostText, LongParagraphAndHeadingFlow) {
    Data d;
    d.noi_dung = "\n  - khoan: " + numbered(1200, "đề") + "\n  - doan: " + numbered(5000) + "\n";
    const std::string text = text_of(d);
    EXPECT_EQ(numbers_of(text, "đề"), one_to(1200));
    EXPECT_EQ(numbers_of(text), one_to(5000));
}

TEST_F(NoLostText, LongKinhGuiListFlows) {
    Data d;
    d.kinh_gui = list_of(150, "Ủy ban nhân dân xã");
    EXPECT_EQ(numbers_of(text_of(d)), one_to(150));
}

TEST_F(NoLostText, HeaderTallerThanThePageIsRefused) {
    Data d;
    d.co_quan = numbered(900);
    const auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("the header block"), std::string::npos) << out;
    EXPECT_NE(out.find("co_quan_ban_hanh"), std::string::npos) << out;
}

TEST_F(NoLostText, SummaryTallerThanThePageIsRefused) {
    // A công văn's summary is the V/v under the number, in the header block.
    Data d;
    d.trich_yeu = numbered(1500);
    const auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("trich_yeu"), std::string::npos) << out;
    // A kế hoạch's is its title.
    d.template_name = "ke-hoach";
    const auto title = refused(d, "layout.part-too-tall");
    EXPECT_NE(title.find("the title"), std::string::npos) << title;
}

TEST_F(NoLostText, FirstPageFooterOverTheHeaderIsRefused) {
    Data d;
    d.more = "dia_chi:" + list_of(70, "Số 8 đường Võ Nguyên Giáp") + "\n";
    const auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("first-page footer"), std::string::npos) << out;
    EXPECT_NE(out.find("dia_chi"), std::string::npos) << out;
}

TEST_F(NoLostText, ClosingTallerThanThePageIsRefused) {
    Data d;
    d.noi_nhan = list_of(120, "Ủy ban nhân dân xã");
    auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("the closing"), std::string::npos) << out;
    EXPECT_NE(out.find("noi_nhan"), std::string::npos) << out;
    Data name;
    name.nguoi_ky = numbered(700);
    out = refused(name, "layout.part-too-tall");
    EXPECT_NE(out.find("the closing"), std::string::npos) << out;
}

TEST_F(NoLostText, AppendixHeadTallerThanThePageIsRefused) {
    Data d;
    d.more =
        "phu_luc:\n  - tieu_de: " + numbered(1500) + "\n    noi_dung:\n      - doan: Nội dung.\n";
    const auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("appendix 1"), std::string::npos) << out;
}

TEST_F(NoLostText, CopyBlockTallerThanThePageIsRefused) {
    Data d;
    d.more =
        "ban_sao:\n  hinh_thuc: sao-y\n  co_quan: Văn phòng UBND tỉnh\n  ky_hieu: VP\n"
        "  dia_danh: Hà Nội\n  ngay: 2026-03-05\n  noi_nhan:" +
        list_of(120, "Phòng") +
        "\n  luu: VT\n  chuc_danh: [Chánh Văn phòng]\n"
        "  nguoi_ky: Trần Thị B\n";
    const auto out = refused(d, "layout.part-too-tall");
    EXPECT_NE(out.find("copy block"), std::string::npos) << out;
}

TEST_F(NoLostText, MoreThanThePageLimitIsRefused) {
    // Each appendix starts a page: 2,001 of them make more pages than a document may have.
    Data d;
    d.more = "phu_luc:\n";
    for (int i = 0; i < 2001; ++i) d.more += "  - noi_dung: [{doan: Nội dung.}]\n";
    const auto out = refused(d, "layout.too-many-pages");
    EXPECT_NE(out.find("2000"), std::string::npos) << out;
}

}  // namespace
