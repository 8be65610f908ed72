// Tables in the content: header rows repeated on every page, rows never split, columns from the
// relative widths, rowspan/colspan boxes; and the PDF the command writes from a table.
#include <gtest/gtest.h>

#include <fstream>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/units.hpp"
#include "e2e/table_geometry.hpp"
#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "tools/temp_dir_test.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const std::string kCli = VANTHU_CLI;
class TableLayout : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Engine engine;
        pages_ = engine.layout({.data_file = kSource / "tests/e2e/cases/table.yaml"}, &warnings_);
    }
    static inline layout::Pages pages_;
    static inline std::vector<Diagnostic> warnings_;
};

TEST_F(TableLayout, SpansSeveralPagesWithTheHeaderOnTopOfEach) {
    size_t table_pages = 0;
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        const auto ys = row_boundaries(pages_.pages[p]);
        if (ys.size() < 2) continue;
        ++table_pages;
        const auto lines = lines_of(pages_, p);
        auto stt = find_exact_line(lines, "STT");
        auto unit = find_exact_line(lines, "Đơn vị");
        ASSERT_TRUE(stt && unit) << "no header on page " << p + 1;
        EXPECT_TRUE(stt->bold && unit->bold);
        EXPECT_NEAR(stt->size, 13, 0.01);
        EXPECT_EQ(interval(ys, stt->baseline), 1u) << "header is not the first row, page " << p + 1;
        EXPECT_EQ(interval(ys, unit->baseline), 1u);
    }
    EXPECT_GE(table_pages, 2u);
    EXPECT_TRUE(warnings_.empty());
}

TEST_F(TableLayout, EveryRowIsWholeOnOnePageBetweenTwoRules) {
    for (int i = 1; i <= 60; ++i) {
        const std::string cells[] = {std::to_string(i), std::to_string(1000 + 37 * i),
                                     std::to_string(400 + 13 * i)};
        std::optional<std::pair<size_t, size_t>> where;  // page, row interval
        for (size_t p = 0; p < pages_.pages.size() && !where; ++p) {
            const auto ys = row_boundaries(pages_.pages[p]);
            const auto lines = lines_of(pages_, p);
            // The STT cell (not the page number, which has the same text).
            auto first = std::find_if(lines.begin(), lines.end(), [&](const Line& l) {
                return l.text == cells[0] && std::abs(l.left - (kTextLeft + 2)) < 0.5;
            });
            if (first == lines.end() || ys.size() < 2) continue;
            const size_t row = interval(ys, first->baseline);
            ASSERT_GE(row, 2u) << "row " << i << " is above the header";
            ASSERT_LT(row, ys.size()) << "row " << i << " is below the table's last rule";
            where = {p, row};
            for (const auto& cell : {cells[1], cells[2]}) {
                auto l = find_exact_line(lines, cell);
                ASSERT_TRUE(l) << "cell " << cell << " of row " << i << " is not on page " << p + 1;
                EXPECT_EQ(interval(ys, l->baseline), row) << "row " << i << " is split";
                // The text lies inside the row: its descent above the rule under it.
                EXPECT_LT(l->baseline + 0.22 * l->size, ys[row]);
                EXPECT_GT(l->baseline - 0.9 * l->size, ys[row - 1]);
            }
        }
        EXPECT_TRUE(where) << "row " << i << " not found";
    }
}

TEST_F(TableLayout, ColumnsFollowTheRelativeWidths) {
    // cot: [1, 6, 2, 2] over the 165 mm text width.
    const double weights[] = {1, 6, 2, 2};
    std::vector<double> expected{kTextLeft};
    for (double w : weights) expected.push_back(expected.back() + kTextWidth * w / 11);
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        std::set<double> xs;
        for (const auto& r : vertical_rules(pages_.pages[p]))
            xs.insert(std::round(r.x1 * 100) / 100);
        if (xs.empty()) continue;
        ASSERT_EQ(xs.size(), expected.size()) << "page " << p + 1;
        size_t k = 0;
        for (double x : xs) EXPECT_NEAR(x, expected[k++], 0.5) << "page " << p + 1;
    }
}

TEST_F(TableLayout, ParagraphAfterTheTableFollowsItsLastRule) {
    for (size_t p = 0; p < pages_.pages.size(); ++p) {
        auto l =
            find_exact_line(lines_of(pages_, p),
                            "Liên đoàn Lao động tỉnh báo cáo để Tổng Liên đoàn biết, tổng hợp./.");
        if (!l) continue;
        const auto ys = row_boundaries(pages_.pages[p]);
        ASSERT_FALSE(ys.empty()) << "the last paragraph is not on the table's last page";
        EXPECT_GT(l->baseline - 0.9 * l->size, ys.back() + 5);  // 6 pt after the table
        return;
    }
    FAIL() << "closing paragraph not found";
}

// A template author's table in markup: a two-level header with rowspan and colspan.
class TableMarkup : public TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        fs::create_directories(dir_ / "tpl");
        write_file(dir_ / "tpl/manifest.json", "{}");
        write_file(dir_ / "tpl/main.mustache", R"(<document kind="cong-van">
  <header><issuer>{{x}}</issuer><number>1</number><symbol>LĐLĐ</symbol>
    <place>Điện Biên</place><date>2020-03-23</date><subject>số liệu</subject></header>
  <to><item>Tổng Liên đoàn</item></to>
  <body>
    <p>Số liệu như sau:</p>
    <table widths="1 5 2 2" size="12">
      <thead>
        <tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th colspan="2">Số lượng</th></tr>
        <tr><th>Tổng số</th><th>Trong đó nữ</th></tr>
      </thead>
      <tbody>
        <tr><td align="center">1</td><td>Công đoàn ngành Y tế</td><td align="right">1.037</td><td align="right">413</td></tr>
        <tr><td align="center">2</td><td>LĐLĐ huyện <b>Mường Nhé</b></td><td align="right">1.074</td><td align="right">426</td></tr>
      </tbody>
    </table>
  </body>
  <recipients><item>Như trên</item></recipients>
  <signature><title>CHỦ TỊCH</title><name>Nguyễn Văn A</name></signature>
</document>
)");
        write_file(dir_ / "d.yaml", "x: LĐLĐ tỉnh Điện Biên\n");
    }
};

TEST_F(TableMarkup, RowspanCellsSpanBothHeaderRows) {
    Engine engine;
    auto pages =
        engine.layout({.data_file = dir_ / "d.yaml", .template_name = (dir_ / "tpl").string()});
    ASSERT_EQ(pages.pages.size(), 1u);
    const auto lines = lines_of(pages, 0);
    auto stt = find_exact_line(lines, "STT");
    auto unit = find_exact_line(lines, "Đơn vị");
    auto amount = find_exact_line(lines, "Số lượng");
    auto total = find_exact_line(lines, "Tổng số");
    auto women = find_exact_line(lines, "Trong đó nữ");
    auto first = find_exact_line(lines, "1.037");
    ASSERT_TRUE(stt && unit && amount && total && women && first);
    EXPECT_NEAR(stt->size, 12, 0.01);
    EXPECT_LT(amount->baseline, total->baseline);
    EXPECT_NEAR(total->baseline, women->baseline, 0.01);
    // Rowspan cells are centred in their two-row box: between the two header rows' baselines.
    EXPECT_GT(stt->baseline, amount->baseline);
    EXPECT_LT(stt->baseline, total->baseline);
    EXPECT_NEAR(stt->baseline, unit->baseline, 0.01);
    // The colspan cell is centred over its two columns.
    EXPECT_NEAR((amount->left + amount->right) / 2, (total->left + women->right) / 2, 8);
    // Right-aligned numbers end at the column's right edge less the padding.
    const double col3_right = kTextLeft + kTextWidth * 8 / 10;
    EXPECT_NEAR(first->right, col3_right - 2, 0.5);

    const auto& page = pages.pages[0];
    const auto hs = horizontal_rules(page);
    const auto vs = vertical_rules(page);
    const double col1 = kTextLeft + kTextWidth / 10, col2 = kTextLeft + kTextWidth * 6 / 10;
    // One rule between the header rows, under "Số lượng" only: none crosses STT or Đơn vị.
    double between = 0;
    for (const auto& r : hs)
        if (r.y1 > amount->baseline && r.y1 < total->baseline - 0.7 * total->size) {
            EXPECT_GE(r.x1, col2 - 0.5) << "a rule cuts the rowspan cells at y=" << r.y1;
            between = r.y1;
        }
    ASSERT_GT(between, 0) << "no rule between the two header rows";
    // The rowspan boxes: their vertical edges run without a break from the table's top to below
    // the second header row (the edge between "Đơn vị" and "Số lượng" is drawn by the cells on
    // its right, one per header row).
    auto spans_both = [&](double x) {
        std::vector<std::pair<double, double>> segments;
        for (const auto& r : vs)
            if (std::abs(r.x1 - x) < 0.5) segments.emplace_back(r.y1, r.y2);
        std::sort(segments.begin(), segments.end());
        if (segments.empty() || segments.front().first > amount->baseline - amount->size)
            return false;
        double reach = segments.front().second;
        for (const auto& [y1, y2] : segments) {
            if (y1 > reach + 0.01) break;
            reach = std::max(reach, y2);
        }
        return reach > total->baseline + 0.2 * total->size;
    };
    EXPECT_TRUE(spans_both(kTextLeft));
    EXPECT_TRUE(spans_both(col1));
    EXPECT_TRUE(spans_both(col2));
}

TEST_F(TableMarkup, CommandWritesTheCellsIntoAValidPdf) {
    const auto out = dir_ / "out.pdf";
    auto r = run(kCli + " render " + shell_quote((dir_ / "tpl").string()) + " " +
                     shell_quote((dir_ / "d.yaml").string()) + " -o " + shell_quote(out.string()),
                 true);
    ASSERT_EQ(r.status, 0) << r.output;
    const auto text = pdftotext_raw(out);
    for (const char* cell : {"STT", "Đơn vị", "Số lượng", "Tổng số", "Trong đó nữ",
                             "Công đoàn ngành Y tế", "1.037", "Mường Nhé", "426"})
        EXPECT_NE(text.find(cell), std::string::npos) << cell << " missing from\n" << text;
    auto check = run("qpdf --check " + shell_quote(out.string()), true);
    EXPECT_EQ(check.status, 0) << check.output;
}

TEST_F(TableMarkup, BadShapeNamesTheRow) {
    auto text = read_file(dir_ / "tpl/main.mustache");
    const std::string row = "<tr><th>Tổng số</th><th>Trong đó nữ</th></tr>";
    text.replace(text.find(row), row.size(),
                 "<tr><th>Tổng số</th><th>Trong đó nữ</th><th>x</th></tr>");
    write_file(dir_ / "tpl/main.mustache", text);
    auto r = run(kCli + " render " + shell_quote((dir_ / "tpl").string()) + " " +
                     shell_quote((dir_ / "d.yaml").string()) + " -o " +
                     shell_quote((dir_ / "out.pdf").string()),
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("row 2 of the table covers 5 grid columns"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("tpl/main.mustache:"), std::string::npos) << r.output;
}

// When a table ends the content, the closing block never stands alone on a page: whatever the
// number of rows, the page with "Nơi nhận:" also carries a row of the table above it.
TEST(TableBeforeClosing, SignatureNeverStandsAloneAfterATable) {
    const auto dir =
        fs::temp_directory_path() / ("vanthu-table-last-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    vanthu::Engine engine;
    int multi_page = 0;
    for (int rows = 20; rows <= 60; rows += 2) {
        std::string yaml =
            "template: ke-hoach\nco_quan_ban_hanh: Sở Nội vụ\nso: \"3\"\nky_hieu: KH-SNV\n"
            "dia_danh: Hà Nội\nngay: 2024-05-10\ntrich_yeu: Thử bảng cuối\nnoi_dung:\n"
            "  - doan: Danh sách các đơn vị.\n  - bang:\n      tieu_de: [[STT, Đơn vị, Số lượng]]\n"
            "      dong:\n";
        for (int r = 1; r <= rows; ++r)
            yaml += "        - [\"" + std::to_string(r) + "\", \"Đơn vị số " + std::to_string(r) +
                    "\", \"" + std::to_string(10 * r) + "\"]\n";
        yaml += "noi_nhan: [Như trên]\nluu: VT\nchuc_danh: [GIÁM ĐỐC]\nnguoi_ky: Nguyễn Văn A\n";
        const auto file = dir / ("rows-" + std::to_string(rows) + ".yaml");
        std::ofstream(file) << yaml;
        auto pages = engine.layout({.data_file = file});
        if (pages.pages.size() > 1) ++multi_page;
        const auto last = pages.pages.size() - 1;
        const auto lines = lines_of(pages, last);
        auto label = find_exact_line(lines, "Nơi nhận:");
        ASSERT_TRUE(label) << rows << " rows";
        bool row_above = false;
        for (const auto& l : lines)
            if (l.baseline < label->baseline && l.text.rfind("Đơn vị số ", 0) == 0)
                row_above = true;
        EXPECT_TRUE(row_above) << rows << " rows: the closing block is alone on page " << last + 1;
    }
    EXPECT_GT(multi_page, 5) << "the range of row counts must cross page breaks";
    fs::remove_all(dir);
}

}  // namespace
