// Issue 16's unbreakable closing blocks, on documents built by hand (no template, no data): the
// head and signer of a document attached to a decision (Mẫu 1.3), the confirmation block of a
// giấy nghỉ phép (Mẫu 1.10) and the copy block (Mẫu 3.1). Where each part stands, and that no
// block is ever split across pages, whatever the length of the content above it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "core/units.hpp"
#include "layout/flow.hpp"
#include "layout/kept_blocks.hpp"
#include "layout/layout.hpp"
#include "tools/page_lines.hpp"
#include "tools/test_fonts.hpp"

using namespace vanthu;
using namespace vanthu::layout;
using vanthu::testing::find_exact_line;
using vanthu::testing::find_line;
using vanthu::testing::Line;
using vanthu::testing::lines_of;

namespace {

const PageGeometry kPage;
const Typography kType;
const double kLeft = kPage.text_left();
const double kWidth = kPage.text_width();
const double kLeftCentre = kLeft + kType.left_column / 2;
const double kRightCentre = kLeft + kType.left_column + (kWidth - kType.left_column) / 2;

model::Text text(std::string v) { return {std::move(v), {}}; }

model::Paragraph paragraph(std::string s) {
    model::Paragraph p;
    p.runs.push_back({std::move(s), {}, false});
    return p;
}

// An article of about two lines at 14 pt.
std::string article(int n) {
    return "Điều " + std::to_string(n) +
           ". Ủy ban nhân dân xã thực hiện nhiệm vụ, quyền hạn theo quy định của pháp luật, "
           "chịu trách nhiệm trước Hội đồng nhân dân xã và cấp trên.";
}

model::Signature signer(std::vector<std::string> titles, std::string name) {
    model::Signature s;
    for (auto& t : titles) s.titles.push_back(text(std::move(t)));
    s.name = text(std::move(name));
    return s;
}

// A decision with the text stage's lines filled in by hand, `articles` articles long.
model::Document decision(int articles) {
    model::Document d;
    d.kind = "named";
    auto& h = d.header;
    h.parent = text("UBND TỈNH LẠNG SƠN");
    h.issuer = text("SỞ NỘI VỤ");
    h.type_name = text("QUYẾT ĐỊNH");
    h.number_line = "Số: 12/QĐ-UBND";
    h.date_line = "Hợp Thành, ngày 10 tháng 5 năm 2026";
    h.subject_line = "Ban hành Quy chế làm việc của Ủy ban nhân dân xã";
    for (int i = 1; i <= articles; ++i) d.body.emplace_back(paragraph(article(i)));
    d.recipients = {text("- Như Điều 3;"), text("- Lưu: VT.")};
    d.signature = signer({"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "Nguyễn Văn An");
    return d;
}

model::Appendix attached(int articles) {
    model::Appendix a;
    a.own_header = true;
    a.label = text("QUY CHẾ");
    a.title = text("Làm việc của Ủy ban nhân dân xã Hợp Thành");
    a.reference = text("(Kèm theo Quyết định số 12/QĐ-UBND ngày 10 tháng 5 năm 2026)");
    for (int i = 1; i <= articles; ++i) a.body.emplace_back(paragraph(article(i)));
    a.signature = signer({"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "Nguyễn Văn Bình");
    return a;
}

model::Signature confirmation() {
    model::Signature c = signer(
        {"Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép (nếu cần)"},
        "Phạm Văn Cường");
    c.note = text("(Chữ ký, dấu)");
    return c;
}

model::CopyBlock copy_block() {
    model::CopyBlock c;
    c.body = {text("UBND HUYỆN CAO LỘC"), text("VĂN PHÒNG")};
    c.form_line = "SAO Y";
    c.number_line = "Số: 05/SY-VP";
    c.date_line = "Lạng Sơn, ngày 12 tháng 5 năm 2026";
    c.recipients = {text("- Sở Nội vụ;"), text("- Lưu: VT.")};
    c.signature = signer({"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}, "Hoàng Văn Dũng");
    return c;
}

std::vector<Rule> rules_of(const Page& page) {
    std::vector<Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<Rule>(&item)) out.push_back(*r);
    return out;
}

// The pages holding a line exactly `text`.
std::vector<size_t> pages_with(const Pages& pages, const std::string& text) {
    std::vector<size_t> out;
    for (size_t p = 0; p < pages.pages.size(); ++p)
        if (find_exact_line(lines_of(pages, p), text)) out.push_back(p);
    return out;
}

Line line_on(const Pages& pages, size_t page, const std::string& prefix) {
    auto l = find_line(lines_of(pages, page), prefix);
    EXPECT_TRUE(l) << "no line \"" << prefix << "\" on page " << page;
    return l.value_or(Line{});
}

// Lines below the top margin (the page number) and above `baseline`.
size_t lines_above(const Pages& pages, size_t page, double baseline) {
    size_t n = 0;
    for (const auto& l : lines_of(pages, page))
        if (l.baseline > kPage.top && l.baseline < baseline - 0.01) ++n;
    return n;
}

class KeptBlocks : public ::testing::Test {
  protected:
    FontSet fonts_ = vanthu::testing::liberation_serif();
    Shaper shaper_{fonts_.choose({"Liberation Serif"}, true)};

    // With the default typography: these tests sweep content lengths across page ends, which
    // the fit rule would otherwise tighten away.
    Pages lay(model::Document doc) {
        doc.fit = false;
        core::Diagnostics diags;
        Pages pages = layout_document(doc, shaper_, LayoutOptions{}, diags);
        EXPECT_TRUE(diags.items().empty());
        return pages;
    }
};

}  // namespace

// --- Mẫu 1.3: the attached document ---

TEST_F(KeptBlocks, AttachedDocumentOpensASectionWithTheHeaderRowsOfPageOne) {
    auto doc = decision(3);
    doc.appendices.push_back(attached(3));
    const Pages pages = lay(doc);
    const auto head = pages_with(pages, "QUY CHẾ");
    ASSERT_EQ(head.size(), 1u);
    const size_t p = head[0];
    EXPECT_EQ(pages.pages[p].section, 1);
    EXPECT_EQ(pages.pages[p].label, "1");

    // The header rows stand exactly where the decision's header puts them.
    for (const char* text : {"UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}) {
        const Line first = line_on(pages, 0, text);
        const Line here = line_on(pages, p, text);
        EXPECT_NEAR(here.left, first.left, 0.01) << text;
        EXPECT_NEAR(here.baseline, first.baseline, 0.01) << text;
        EXPECT_EQ(here.bold, first.bold) << text;
        EXPECT_DOUBLE_EQ(here.size, first.size) << text;
    }
    const auto first_rules = rules_of(pages.pages[0]);
    const auto rules = rules_of(pages.pages[p]);
    ASSERT_GE(rules.size(), 3u);  // the issuing body's, the motto's, the reference line's
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_NEAR(rules[i].x1, first_rules[i].x1, 0.01);
        EXPECT_NEAR(rules[i].x2, first_rules[i].x2, 0.01);
        EXPECT_NEAR(rules[i].y1, first_rules[i].y1, 0.01);
    }
    // No number and date line.
    EXPECT_FALSE(find_line(lines_of(pages, p), "Số:"));
    EXPECT_FALSE(find_line(lines_of(pages, p), "Hợp Thành, ngày"));

    // Type name, summary and reference under the rules, centred; the short rule under them.
    const Line type = line_on(pages, p, "QUY CHẾ");
    const Line summary = line_on(pages, p, "Làm việc của");
    const Line reference = line_on(pages, p, "(Kèm theo Quyết định số 12/QĐ-UBND");
    const double rules_bottom = std::max(rules[0].y1, rules[1].y1);
    EXPECT_GT(type.baseline - kAscent * 14, rules_bottom + 10);  // a blank line under the rules
    EXPECT_TRUE(type.bold);
    EXPECT_NEAR(type.centre(), kLeft + kWidth / 2, 0.5);
    EXPECT_TRUE(summary.bold);
    EXPECT_GT(summary.baseline, type.baseline);
    EXPECT_TRUE(reference.italic);
    EXPECT_GT(reference.baseline, summary.baseline);
    EXPECT_GT(rules[2].y1, reference.baseline);
    EXPECT_GT(line_on(pages, p, "Điều 1.").baseline, rules[2].y1);
}

TEST_F(KeptBlocks, AttachedDocumentSignsOnTheRightWithoutRecipients) {
    auto doc = decision(3);
    doc.appendices.push_back(attached(3));
    const Pages pages = lay(doc);
    const auto main_name = pages_with(pages, "Nguyễn Văn An");
    const auto own_name = pages_with(pages, "Nguyễn Văn Bình");
    ASSERT_EQ(main_name.size(), 1u);
    ASSERT_EQ(own_name.size(), 1u);
    const size_t p = own_name[0];
    EXPECT_EQ(pages.pages[p].section, 1);
    const Line name = line_on(pages, p, "Nguyễn Văn Bình");
    // On the main signer's axis, in the right column, the signature space under the title.
    EXPECT_NEAR(name.centre(), line_on(pages, main_name[0], "Nguyễn Văn An").centre(), 0.5);
    EXPECT_NEAR(name.centre(), kRightCentre, 0.5);
    const auto titles = lines_of(pages, p);
    const auto chu_tich = std::find_if(titles.rbegin(), titles.rend(),
                                       [](const Line& l) { return l.text == "CHỦ TỊCH"; });
    ASSERT_NE(chu_tich, titles.rend());
    EXPECT_NEAR(name.baseline - chu_tich->baseline, kType.signature_space, 0.01);
    // After the content, and no Nơi nhận in the attached document.
    EXPECT_GT(line_on(pages, p, "TM. ỦY BAN NHÂN DÂN").baseline,
              line_on(pages, p, "Điều 3.").baseline);
    for (size_t q = 0; q < pages.pages.size(); ++q)
        if (pages.pages[q].section == 1) {
            EXPECT_FALSE(find_line(lines_of(pages, q), "Nơi nhận"));
        }
}

TEST_F(KeptBlocks, AttachedSignatureIsNeverSplitNorAloneOnItsPage) {
    for (int articles = 8; articles <= 30; ++articles) {
        auto doc = decision(2);
        doc.appendices.push_back(attached(articles));
        const Pages pages = lay(doc);
        const auto name = pages_with(pages, "Nguyễn Văn Bình");
        ASSERT_EQ(name.size(), 1u) << articles;
        const size_t p = name[0];
        const auto lines = lines_of(pages, p);
        const auto title = std::find_if(lines.rbegin(), lines.rend(), [](const Line& l) {
            return l.text == "TM. ỦY BAN NHÂN DÂN";
        });
        ASSERT_NE(title, lines.rend()) << articles << " articles: title and name apart";
        // Two lines of the content at least come with it (X6).
        EXPECT_GE(lines_above(pages, p, title->baseline), 2u) << articles;
    }
}

// A table ending the attached document keeps its last row with the signer, as the closing does.
TEST_F(KeptBlocks, AttachedSignatureTakesATablesLastRowAlong) {
    model::Table table;
    table.columns = 2;
    for (int r = 0; r < 3; ++r) {
        model::TableRow row;
        for (int c = 0; c < 2; ++c) {
            model::TableCell cell;
            cell.runs.push_back({"Ô " + std::to_string(r) + "." + std::to_string(c), {}, false});
            cell.column = c;
            row.cells.push_back(cell);
        }
        table.rows.push_back(row);
    }
    bool apart = false;
    for (int articles = 8; articles <= 30; ++articles) {
        auto doc = decision(2);
        auto a = attached(articles);
        a.body.emplace_back(table);
        doc.appendices.push_back(a);
        const Pages pages = lay(doc);
        const auto name = pages_with(pages, "Nguyễn Văn Bình");
        ASSERT_EQ(name.size(), 1u);
        EXPECT_EQ(pages_with(pages, "Ô 2.0"), name) << articles << " articles";
        if (pages_with(pages, "Ô 0.0") != name) apart = true;
    }
    EXPECT_TRUE(apart) << "the table never split: the test proves nothing";
}

// --- Mẫu 1.10: the confirmation block ---

TEST_F(KeptBlocks, ConfirmationUnderTheClosingOnTheLeftHalf) {
    auto doc = decision(3);
    doc.confirmation = confirmation();
    const Pages pages = lay(doc);
    ASSERT_EQ(pages.pages.size(), 1u);
    const auto lines = lines_of(pages, 0);
    const Line name = line_on(pages, 0, "Nguyễn Văn An");
    const Line first = line_on(pages, 0, "Xác nhận của");
    // One blank line under the closing (whose bottom is the signer's name here).
    EXPECT_NEAR(first.baseline, name.baseline + kType.body_pitch() + kType.single(14), 0.01);
    // The title's lines, bold and upright as written, centred in the left half.
    const double axis = kLeft + kWidth / 4;
    double last_title = first.baseline;
    int title_lines = 0;
    for (const auto& l : lines) {
        if (l.baseline < first.baseline - 0.01) continue;
        EXPECT_LE(l.right, kLeft + kWidth / 2 + 0.01) << l.text;
        EXPECT_NEAR(l.centre(), axis, 0.5) << l.text;
        if (l.text.find("(Chữ ký") == std::string::npos && l.text != "Phạm Văn Cường") {
            EXPECT_TRUE(l.bold && !l.italic) << l.text;
            last_title = std::max(last_title, l.baseline);
            ++title_lines;
        }
    }
    EXPECT_GE(title_lines, 2) << "the title wraps in the half column";
    const Line note = line_on(pages, 0, "(Chữ ký, dấu)");
    EXPECT_TRUE(note.italic && !note.bold);
    EXPECT_NEAR(note.baseline, last_title + kType.single(14), 0.01);
    const Line signer = line_on(pages, 0, "Phạm Văn Cường");
    EXPECT_TRUE(signer.bold);
    EXPECT_NEAR(signer.baseline - note.baseline, kType.signature_space, 0.01);
}

TEST_F(KeptBlocks, ConfirmationWithoutANameKeepsItsSigningSpace) {
    core::Diagnostics diags;
    Pages scratch;
    Flow flow(scratch, kPage);
    const LayoutOptions options;
    LayoutContext cx{flow, shaper_, options, diags};
    model::Signature c = confirmation();
    const Column named = confirmation_column(cx, c);
    c.name = {};
    const Column blank = confirmation_column(cx, c);
    EXPECT_EQ(blank.lines.size() + 1, named.lines.size());
    EXPECT_NEAR(blank.height, named.height, 0.01);
    EXPECT_GT(blank.height, blank.lines.back().baseline + kType.signature_space);
}

TEST_F(KeptBlocks, ConfirmationIsNeverSplit) {
    bool moved = false;
    for (int articles = 14; articles <= 34; ++articles) {
        auto doc = decision(articles);
        doc.confirmation = confirmation();
        const Pages pages = lay(doc);
        const auto note = pages_with(pages, "(Chữ ký, dấu)");
        ASSERT_EQ(note.size(), 1u);
        const size_t p = note[0];
        EXPECT_EQ(pages_with(pages, "Phạm Văn Cường"), note) << articles;
        const Line first = line_on(pages, p, "Xác nhận của");
        if (pages_with(pages, "Nguyễn Văn An") != note) {  // moved alone: at the page's top
            moved = true;
            EXPECT_NEAR(first.baseline, kPage.top + kType.single(14) - kDescent * 14, 0.01);
        }
    }
    EXPECT_TRUE(moved) << "no length moved the block to a new page: the test proves nothing";
}

// --- Mẫu 3.1: the copy block ---

TEST_F(KeptBlocks, CopyBlockUnderAFullWidthRuleWithItsOwnHeader) {
    auto doc = decision(3);
    doc.copy = copy_block();
    const Pages pages = lay(doc);
    ASSERT_EQ(pages.pages.size(), 1u);
    const Line main_name = line_on(pages, 0, "Nguyễn Văn An");
    const auto rules = rules_of(pages.pages[0]);
    const auto full = std::find_if(rules.begin(), rules.end(), [](const Rule& r) {
        return std::abs(r.x1 - kLeft) < 0.01 && std::abs(r.x2 - (kLeft + kWidth)) < 0.01;
    });
    ASSERT_NE(full, rules.end()) << "no full-width rule";
    EXPECT_NEAR(full->thickness, 0.5, 1e-9);
    EXPECT_NEAR(full->y1, main_name.baseline + kDescent * 14 + kType.body_pitch(), 0.01);

    // Left column: parent, the body in bold capitals with its short rule, then Số.
    const Line parent = line_on(pages, 0, "UBND HUYỆN CAO LỘC");
    const Line body = line_on(pages, 0, "VĂN PHÒNG");
    const Line number = line_on(pages, 0, "Số: 05/SY-VP");
    EXPECT_GT(parent.baseline, full->y1);
    EXPECT_FALSE(parent.bold);
    EXPECT_DOUBLE_EQ(parent.size, 12);
    EXPECT_TRUE(body.bold);
    EXPECT_DOUBLE_EQ(body.size, 12);
    EXPECT_DOUBLE_EQ(number.size, 13);
    for (const auto& l : {parent, body, number})
        EXPECT_NEAR(l.centre(), kLeftCentre, 0.5) << l.text;
    const auto body_rule = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) {
        return r.y1 > body.baseline && r.y1 < number.baseline;
    });
    ASSERT_NE(body_rule, rules.end());
    EXPECT_NEAR((body_rule->x1 + body_rule->x2) / 2, kLeftCentre, 0.01);
    EXPECT_NEAR(body_rule->x2 - body_rule->x1, body.width() * kType.issuer_rule_ratio, 0.5);

    // Right column: the copy form, top line level with the body's parent, and the date line on
    // the Số baseline.
    const Line form = line_on(pages, 0, "SAO Y");
    const Line date = line_on(pages, 0, "Lạng Sơn, ngày 12 tháng 5 năm 2026");
    EXPECT_TRUE(form.bold);
    EXPECT_NEAR(form.centre(), kRightCentre, 0.5);
    EXPECT_NEAR(form.baseline - kAscent * form.size, parent.baseline - kAscent * parent.size,
                kType.single(14) - kType.single(12) + 0.01);
    EXPECT_TRUE(date.italic);
    EXPECT_NEAR(date.centre(), kRightCentre, 0.5);
    EXPECT_NEAR(date.baseline, number.baseline, 0.01);

    // Nơi nhận and the copy's signer, top lines level, below the header.
    const auto lines = lines_of(pages, 0);
    std::vector<Line> labels;
    for (const auto& l : lines)
        if (l.text == "Nơi nhận:") labels.push_back(l);
    ASSERT_EQ(labels.size(), 2u);
    const Line title = line_on(pages, 0, "TL. CHỦ TỊCH");
    EXPECT_NEAR(labels[1].baseline, title.baseline, 0.01);
    EXPECT_NEAR(labels[1].left, kLeft, 0.01);
    EXPECT_GT(title.baseline, number.baseline + kType.body_pitch());
    EXPECT_NEAR(title.centre(), kRightCentre, 0.5);
    EXPECT_NEAR(line_on(pages, 0, "Hoàng Văn Dũng").centre(), kRightCentre, 0.5);
}

TEST_F(KeptBlocks, CopyBlockMovesWholeToANewPage) {
    bool moved = false;
    for (int articles = 8; articles <= 30; ++articles) {
        auto doc = decision(articles);
        doc.copy = copy_block();
        const Pages pages = lay(doc);
        const auto form = pages_with(pages, "SAO Y");
        ASSERT_EQ(form.size(), 1u);
        const size_t p = form[0];
        for (const char* part :
             {"VĂN PHÒNG", "Số: 05/SY-VP", "TL. CHỦ TỊCH", "Hoàng Văn Dũng", "- Lưu: VT."})
            EXPECT_EQ(pages_with(pages, part).back(), p) << articles << " articles: " << part;
        const auto rules = rules_of(pages.pages[p]);
        const bool has_full = std::any_of(rules.begin(), rules.end(), [](const Rule& r) {
            return std::abs(r.x2 - r.x1 - kWidth) < 0.01;
        });
        EXPECT_TRUE(has_full) << articles;
        if (pages_with(pages, "Nguyễn Văn An").back() != p) {
            moved = true;
            EXPECT_EQ(lines_above(pages, p, line_on(pages, p, "UBND HUYỆN CAO LỘC").baseline), 0u);
        }
    }
    EXPECT_TRUE(moved) << "no length moved the block to a new page: the test proves nothing";
}

TEST_F(KeptBlocks, CopyBlockAfterTheLastAppendix) {
    auto doc = decision(3);
    doc.appendices.push_back(attached(3));
    model::Appendix second;
    second.label = text("PHỤ LỤC");
    second.body.emplace_back(paragraph(article(1)));
    doc.appendices.push_back(second);
    doc.copy = copy_block();
    const Pages pages = lay(doc);
    const auto form = pages_with(pages, "SAO Y");
    ASSERT_EQ(form.size(), 1u);
    EXPECT_EQ(form[0], pages.pages.size() - 1);
    EXPECT_EQ(pages.pages[form[0]].section, 2);
    EXPECT_GT(line_on(pages, form[0], "SAO Y").baseline,
              line_on(pages, form[0], "Điều 1.").baseline);
}

TEST_F(KeptBlocks, CopyBlockColumnIsRelativeToItsTopLeft) {
    core::Diagnostics diags;
    Pages scratch;
    Flow flow(scratch, kPage);
    const LayoutOptions options;
    LayoutContext cx{flow, shaper_, options, diags};
    const Column block = copy_block_column(cx, copy_block());
    ASSERT_FALSE(block.rules.empty());
    EXPECT_DOUBLE_EQ(block.rules.front().y1, 0);  // the full-width rule is its top
    EXPECT_DOUBLE_EQ(block.rules.front().x1, 0);
    for (const auto& p : block.lines) {
        EXPECT_GE(p.x, 0);
        EXPECT_LE(p.baseline, block.height);
        EXPECT_LE(p.x + p.line.left + p.line.width, kWidth + 0.01);
    }
    EXPECT_TRUE(scratch.pages.front().items.empty()) << "building the column placed nothing";
}
