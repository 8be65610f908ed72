// Footnotes on layout::Pages: each note at the foot of the page that shows its number, under a
// short rule, inside the text block; markers numbered 1, 2, 3 through the document; a line whose
// note does not fit goes to the next page with its note, without leaving a lone line; lines the
// closing block carries to a new page take their notes along.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/units.hpp"
#include "e2e/no_fit.hpp"
#include "layout/style.hpp"
#include "tools/page_lines.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

const fs::path kSource = VANTHU_SOURCE_DIR;
const layout::Typography kType;
const double kTextLeft = core::mm(30);
const double kTextWidth = core::mm(210 - 30 - 15);
const double kTextBottom = core::mm(297 - 20);  // portrait pages

// The text block's bottom on a page of either orientation (20 mm bottom margin).
double text_bottom(const layout::Page& page) { return page.height - core::mm(20); }
const double kBodyMarker = kType.body_size * 0.62;  // superscript size of a marker in the body
const double kNoteMarker = kType.footnote_size * 0.62;

bool near(double a, double b, double tolerance = 0.01) { return std::abs(a - b) < tolerance; }

bool digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A superscript number: a marker in the body (size kBodyMarker) or a note's number.
struct Number {
    size_t page = 0;
    int value = 0;
    double baseline = 0;
};

std::vector<Number> numbers(const layout::Pages& pages, double size) {
    std::vector<Number> out;
    for (size_t p = 0; p < pages.pages.size(); ++p)
        for (const auto& item : pages.pages[p].items)
            if (const auto* run = std::get_if<layout::GlyphRun>(&item))
                if (near(run->size, size) && digits(run->text))
                    out.push_back({p, std::stoi(run->text), run->baseline});
    return out;
}

// The separator rules of a page: 50 mm long, from the text block's left edge.
std::vector<layout::Rule> separators(const layout::Page& page) {
    std::vector<layout::Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (near(r->y1, r->y2) && near(r->x1, kTextLeft, 0.1) &&
                near(r->x2 - r->x1, kType.footnote_rule_length, 0.1))
                out.push_back(*r);
    return out;
}

// Body text lines of a page: 14 pt upright regular below the top margin (not the page number,
// the bold headings and titles or the italic date line).
std::vector<Line> body_lines(const layout::Pages& pages, size_t page) {
    std::vector<Line> out;
    for (const auto& l : lines_of(pages, page))
        if (near(l.size, kType.body_size) && !l.bold && !l.italic && l.baseline > core::mm(20))
            out.push_back(l);
    return out;
}

// Height above the baseline of the line box of a single-spaced line at `size`.
double box_above(double size) { return kType.single(size) - layout::kDescent * size; }

// The checks every page must pass: the notes of the markers on the page, and only those, in
// marker order under one separator at the foot of the text block; the body above the separator.
void expect_notes_at_foot(const layout::Pages& pages, const std::string& what,
                          double marker_size = kBodyMarker) {
    const auto markers = numbers(pages, marker_size);
    const auto notes = numbers(pages, kNoteMarker);
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        const std::string where = what + ", page " + std::to_string(p + 1);
        std::vector<int> shown, printed;
        for (const auto& m : markers)
            if (m.page == p) shown.push_back(m.value);
        for (const auto& n : notes)
            if (n.page == p) printed.push_back(n.value);  // in the page's order: top to bottom
        EXPECT_EQ(printed, shown) << where << ": the notes printed are not those of its markers";
        const auto rules = separators(pages.pages[p]);
        if (printed.empty()) {
            EXPECT_TRUE(rules.empty()) << where << ": a separator without notes";
            continue;
        }
        ASSERT_EQ(rules.size(), 1u) << where;
        const double rule_y = rules.front().y1;
        EXPECT_NEAR(rules.front().thickness, 0.5, 1e-9);
        for (const auto& n : notes) {
            if (n.page != p) continue;
            EXPECT_GT(n.baseline - box_above(kType.footnote_size), rule_y) << where;
        }
        double lowest_note = 0;
        for (const auto& l : lines_of(pages, p)) {
            if (l.baseline < rule_y) {
                EXPECT_LT(l.baseline + layout::kDescent * l.size,
                          rule_y - kType.footnote_gap + 0.01)
                    << where << ": \"" << l.text << "\" runs into the note area";
                continue;
            }
            EXPECT_TRUE(near(l.size, kType.footnote_size) || near(l.size, kNoteMarker))
                << where << ": \"" << l.text << "\" under the separator";
            lowest_note =
                std::max(lowest_note, l.baseline + layout::kDescent * kType.footnote_size);
        }
        // The last note's line box ends on the text block's bottom, never in the margin.
        EXPECT_NEAR(lowest_note, text_bottom(pages.pages[p]), 0.01) << where;
    }
}

class FootnoteLayout : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // The default spacing, so that the notes fall on three pages.
        pages_ = layout_no_fit(kSource / "tests/e2e/cases/footnotes.yaml", {}, &warnings_);
    }
    static inline layout::Pages pages_;
    static inline std::vector<Diagnostic> warnings_;
};

TEST_F(FootnoteLayout, MarkersAreNumberedThroughTheDocument) {
    const auto markers = numbers(pages_, kBodyMarker);
    ASSERT_EQ(markers.size(), 3u);
    for (size_t i = 0; i < markers.size(); ++i)
        EXPECT_EQ(markers[i].value, static_cast<int>(i + 1));
    EXPECT_TRUE(warnings_.empty());
}

TEST_F(FootnoteLayout, EachNoteIsAtTheFootOfItsMarkersPage) {
    expect_notes_at_foot(pages_, "footnotes.yaml");
    // The notes fall on at least two pages, so "its page" is tested, not just "page 1".
    const auto markers = numbers(pages_, kBodyMarker);
    ASSERT_FALSE(markers.empty());
    EXPECT_NE(markers.front().page, markers.back().page);
}

TEST_F(FootnoteLayout, NoteTextIsElevenPointJustifiedAfterItsNumber) {
    const std::pair<int, std::string> starts[] = {{1, "1 Chỉ tiêu không có cơ sở Hội"},
                                                  {2, "2 Theo Hướng dẫn triển khai"},
                                                  {3, "3 Các cấp Hội tham gia góp ý"}};
    for (const auto& [number, start] : starts) {
        std::optional<Line> first;
        std::vector<Line> following;
        for (size_t p = 0; p < pages_.pages.size() && !first; ++p) {
            const auto lines = lines_of(pages_, p);
            for (size_t i = 0; i < lines.size(); ++i)
                if (lines[i].text.rfind(start, 0) == 0) {
                    first = lines[i];
                    following.assign(lines.begin() + static_cast<ptrdiff_t>(i) + 1, lines.end());
                }
        }
        ASSERT_TRUE(first) << "note " << number << " not found";
        EXPECT_NEAR(first->size, kNoteMarker, 0.01);  // the line starts with its number
        EXPECT_NEAR(first->left, kTextLeft, 0.01);
        if (number == 3) {  // several lines: justified to the full width, single spacing
            ASSERT_FALSE(following.empty());
            EXPECT_NEAR(first->right, kTextLeft + kTextWidth, 0.5);
            EXPECT_NEAR(following.front().size, kType.footnote_size, 0.01);
            EXPECT_NEAR(following.front().baseline - first->baseline,
                        kType.single(kType.footnote_size), 0.01);
        }
    }
}

// A case file with `count` one-line paragraphs put in place of its "# fillers" line, so the
// paragraph after them starts lower and lower down the page.
fs::path with_fillers(const fs::path& base, int count, const std::string& tag) {
    std::ifstream in(base);
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    std::string fillers;
    for (int i = 1; i <= count; ++i)
        fillers += "  - doan: Đoạn đệm số " + std::to_string(i) + " của phép thử.\n";
    const auto at = yaml.find("  # fillers\n");
    EXPECT_NE(at, std::string::npos) << base;
    yaml.replace(at, 12, fillers);
    const fs::path out =
        fs::temp_directory_path() / ("vanthu-footnote-" + tag + "-" + std::to_string(::getpid()) +
                                     "-" + std::to_string(count) + ".yaml");
    std::ofstream(out) << yaml;
    return out;
}

// Where the paragraph starting with `prefix` lies, and the line that shows the marker.
struct Split {
    size_t first_page = 0;
    size_t marker_page = 0;
    size_t lines_before = 0;  // its lines on first_page
    size_t lines_after = 0;   // its lines on marker_page when that is the next page
    double room_before = 0;  // free height under the last body line of the page before the marker's
};

std::optional<Split> locate(const layout::Pages& pages, const std::string& prefix) {
    const double pitch = kType.body_pitch();
    const auto markers = numbers(pages, kBodyMarker);
    if (markers.size() != 1) return std::nullopt;
    Split s;
    s.marker_page = markers.front().page;
    bool found = false;
    for (size_t p = 0; p < pages.pages.size() && !found; ++p) {
        const auto lines = body_lines(pages, p);
        for (size_t i = 0; i < lines.size() && !found; ++i) {
            if (lines[i].text.rfind(prefix, 0) != 0) continue;
            found = true;
            s.first_page = p;
            s.lines_before = 1;
            for (size_t j = i + 1;
                 j < lines.size() && near(lines[j].baseline - lines[j - 1].baseline, pitch); ++j)
                ++s.lines_before;
        }
    }
    if (!found) return std::nullopt;
    if (s.marker_page > s.first_page) {
        for (const auto& l : body_lines(pages, s.marker_page)) {
            ++s.lines_after;
            if (near(l.baseline, markers.front().baseline)) break;
        }
    }
    if (s.marker_page > 0) {
        const auto before = body_lines(pages, s.marker_page - 1);
        if (!before.empty())
            s.room_before =
                kTextBottom - (before.back().baseline + layout::kDescent * kType.body_size);
    }
    return s;
}

struct Sweep {
    int pushed = 0;  // layouts that moved the marker's line to a page after one with room left
    int split = 0;   // layouts that split the paragraph between two pages
};

// Sweeps the paragraph with the note down across the foot of page 1 and checks every layout.
// `pushed` counts the layouts where the page before the marker's still had room for another
// body line: the note (or the closing block) is what moved the line.
Sweep sweep(const std::string& file, const std::string& tag) {
    Sweep result;
    for (int count = 8; count <= 30; ++count) {
        const auto data = with_fillers(kSource / "tests/e2e/cases" / file, count, tag);
        std::vector<Diagnostic> warnings;
        const auto pages = layout_no_fit(data, {}, &warnings);  // the default spacing
        fs::remove(data);
        const std::string what = file + " with " + std::to_string(count) + " fillers";
        EXPECT_TRUE(warnings.empty()) << what;
        expect_notes_at_foot(pages, what);
        const auto split = locate(pages, "Đoạn có chú thích");
        if (!split) {
            ADD_FAILURE() << what << ": the paragraph or its marker is missing";
            continue;
        }
        if (split->marker_page != split->first_page) {
            // Split across pages: at least two lines on each side (no orphan, no widow).
            EXPECT_EQ(split->marker_page, split->first_page + 1) << what;
            EXPECT_GE(split->lines_before, 2u) << what;
            EXPECT_GE(split->lines_after, 2u) << what;
            ++result.split;
        }
        if (split->marker_page > 0 &&
            split->room_before >= kType.body_pitch() + kType.paragraph_after)
            ++result.pushed;
    }
    return result;
}

TEST(FootnoteBreaking, ALineWhoseNoteDoesNotFitGoesToTheNextPageWithItsNote) {
    // footnotes-push.yaml: a five-line paragraph whose last line shows the marker, then more text.
    const auto result = sweep("footnotes-push.yaml", "push");
    EXPECT_GT(result.pushed, 0) << "no layout had the note push its line to the next page";
    EXPECT_GT(result.split, 0) << "no layout split the paragraph with the note";
}

TEST(FootnoteBreaking, LinesTheSignatureTakesAlongKeepTheirNotes) {
    // footnotes-carry.yaml: the paragraph with the marker ends the content, so when the closing
    // block does not fit after it, its last lines move to the closing block's page.
    EXPECT_GT(sweep("footnotes-carry.yaml", "carry").pushed, 0)
        << "no layout had the closing block carry the marker's line to a new page";
}

TEST(FootnoteAppendix, NotesContinueTheNumberingOnTheAppendixPages) {
    Engine engine;
    std::vector<Diagnostic> warnings;
    const auto pages = engine.layout(
        {.data_file = kSource / "tests/e2e/cases/footnotes-appendix.yaml"}, &warnings);
    EXPECT_TRUE(warnings.empty());
    expect_notes_at_foot(pages, "footnotes-appendix.yaml");
    const auto markers = numbers(pages, kBodyMarker);
    ASSERT_EQ(markers.size(), 3u);
    const char* heads[] = {nullptr, "Phụ lục I", "Phụ lục II"};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(markers[static_cast<size_t>(i)].value, i + 1);
        if (!heads[i]) continue;
        const size_t page = markers[static_cast<size_t>(i)].page;
        EXPECT_TRUE(find_exact_line(lines_of(pages, page), heads[i]))
            << "marker " << i + 1 << " is not on the page of " << heads[i];
    }
    // Appendix II is landscape: its note area ends on that page's own text bottom.
    const auto& wide = pages.pages.at(markers[2].page);
    EXPECT_GT(wide.width, wide.height);
}

TEST(FootnoteTable, NotesInTableCellsAreAtTheFootOfTheirRowsPage) {
    // table-notes.yaml: a three-page table whose rows 5, 18, 31, 44 and 57 show markers.
    std::vector<Diagnostic> warnings;
    Engine engine;
    const auto pages = engine.layout({.data_file = kSource / "tests/e2e/cases/table-notes.yaml",
                                      .template_name = kSource / "tests/e2e/cases/table-notes"},
                                     &warnings);
    ASSERT_GE(pages.pages.size(), 2u);
    const auto markers = numbers(pages, kType.table_size * 0.62);
    ASSERT_EQ(markers.size(), 5u);
    EXPECT_NE(markers.front().page, markers.back().page) << "the rows with notes are on one page";
    expect_notes_at_foot(pages, "table-notes.yaml", kType.table_size * 0.62);
    for (const auto& w : warnings) ADD_FAILURE() << w.code << ": " << w.message;
}

TEST(FootnoteFooter, NotesOnPageOneEndAboveTheFooter) {
    const fs::path data = fs::temp_directory_path() /
                          ("vanthu-footnote-footer-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(data) << "template: ke-hoach\nco_quan_ban_hanh: Hội LHPN Việt Nam\nso: \"1\"\n"
                           "ky_hieu: KH\ndia_danh: Hà Nội\nngay: 2024-01-02\ntrich_yeu: Thử\n"
                           "noi_dung:\n  - doan: Đoạn có chú thích\n    chu_thich: Chú thích một.\n"
                           "noi_nhan: [Như trên]\nluu: VT\nchuc_danh: [Chủ tịch]\n"
                           "nguoi_ky: Nguyễn Văn A\n"
                           "dia_chi: [Số 39 phố Hàng Chuối, Hà Nội, \"ĐT: 024 3971 9188\"]\n";
    Engine engine;
    std::vector<Diagnostic> warnings;
    const auto pages = engine.layout({.data_file = data}, &warnings);
    fs::remove(data);
    EXPECT_TRUE(warnings.empty());
    std::optional<double> footer_rule;
    for (const auto& item : pages.pages.at(0).items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (near(r->x1, kTextLeft) && near(r->x2 - r->x1, kTextWidth, 0.1)) footer_rule = r->y1;
    ASSERT_TRUE(footer_rule) << "no footer";
    const auto separator = separators(pages.pages[0]);
    ASSERT_EQ(separator.size(), 1u);
    const auto note = find_line(lines_of(pages, 0), "1 Chú thích một.");
    ASSERT_TRUE(note);
    EXPECT_GT(note->baseline - box_above(kType.footnote_size), separator.front().y1);
    EXPECT_NEAR(note->baseline + layout::kDescent * kType.footnote_size,
                *footer_rule - kType.footer_gap, 0.01);
}

TEST(FootnoteBreaking, ANoteTallerThanAPageIsAnError) {
    // A note is never split; printed anyway it ran over the text and off the page's top.
    std::string note;
    for (int i = 0; i < 120; ++i)
        note += "Chú thích rất dài, dài hơn cả một trang giấy, chỉ để thử trường hợp này. ";
    const fs::path data = fs::temp_directory_path() /
                          ("vanthu-footnote-tall-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(data) << "template: ke-hoach\nco_quan_ban_hanh: Hội LHPN Việt Nam\nso: \"1\"\n"
                           "ky_hieu: KH\ndia_danh: Hà Nội\nngay: 2024-01-02\ntrich_yeu: Thử\n"
                           "noi_dung:\n  - doan: Đoạn có chú thích rất dài\n    chu_thich: "
                        << note << "\n  - doan: Đoạn sau.\nnoi_nhan: [Như trên]\nluu: VT\n"
                        << "chuc_danh: [Chủ tịch]\nnguoi_ky: Nguyễn Văn A\n";
    Engine engine;
    std::vector<Diagnostic> errors;
    try {
        engine.layout({.data_file = data});
    } catch (const Error& e) {
        errors = e.diagnostics();
    }
    fs::remove(data);
    auto tall = std::find_if(errors.begin(), errors.end(),
                             [](const Diagnostic& d) { return d.code == "layout.note-too-tall"; });
    ASSERT_NE(tall, errors.end());
    EXPECT_EQ(tall->severity, core::Severity::error);
    ASSERT_TRUE(tall->where);
    EXPECT_NE(tall->where->file.find("doan-van.mustache"), std::string::npos);
    EXPECT_GT(tall->where->line, 0);
    EXPECT_FALSE(tall->hints.empty());
}

}  // namespace
