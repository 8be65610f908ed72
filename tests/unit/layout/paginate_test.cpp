// The paginator on hand-built blocks: no data, no template, no shaping. Pages hold 10 lines of
// height 10 (text block 0–100) unless a test says otherwise.
#include "layout/paginate.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace vanthu::layout;

namespace {

constexpr double kLine = 10;

Block paragraph(size_t lines, bool heading = false, double after = 0) {
    Block b;
    b.kind = Block::Kind::paragraph;
    b.heading = heading;
    b.after = after;
    b.units.assign(lines, Unit{kLine, {}, false});
    return b;
}

Block keep(double height, bool closing = false, double before = 0) {
    Block b;
    b.kind = Block::Kind::keep;
    b.closing = closing;
    b.before = before;
    b.units.push_back({height, {}, false});
    return b;
}

// A table of `rows` body rows of height 10 under `header_rows` header rows.
Block table(size_t header_rows, size_t rows) {
    Block b;
    b.kind = Block::Kind::table;
    b.header_rows = header_rows;
    b.units.assign(header_rows + rows, Unit{kLine, {}, false});
    return b;
}

// A body row of `lines` lines of height 10 with `pad` above and below, which may be cut under
// any line that leaves two lines on each side (as table.cpp gives it).
Unit tall_row(size_t lines, double pad) {
    Unit u{static_cast<double>(lines) * kLine + 2 * pad, {}, false};
    for (size_t k = 2; k + 2 <= lines; ++k)
        u.cuts.push_back({pad + static_cast<double>(k) * kLine, pad});
    return u;
}

struct Doc {
    PaginateInput input;
    std::map<int, double> notes;  // note number → height

    explicit Doc(double start = 0, double bottom = 100) {
        input.frame = {0, bottom, 100};
        input.start = start;
        input.note_separator = 5;
    }
    Doc& add(Block b) {
        input.blocks.push_back(std::move(b));
        return *this;
    }
    Pagination run() {
        input.note_height = [this](int n, const Frame&) { return notes.at(n); };
        return paginate(input);
    }
};

// The page of each unit of block `b`.
std::vector<size_t> pages_of(const Pagination& p, size_t b) {
    std::vector<size_t> out;
    for (const auto& at : p.units[b]) out.push_back(at.page);
    return out;
}

using Pages = std::vector<size_t>;

TEST(Paginate, ParagraphsFillPagesLineByLine) {
    Doc doc;
    doc.add(paragraph(6)).add(paragraph(8));
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 2u);
    EXPECT_EQ(pages_of(p, 0), Pages(6, 0));
    EXPECT_EQ(pages_of(p, 1), (Pages{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(p.units[1][4].top, 0);  // the next page starts at the text block's top
    EXPECT_DOUBLE_EQ(p.units[1][5].top, 10);
}

TEST(Paginate, NoOrphanNoWidow) {
    // Room for one line: a 5-line paragraph does not leave its first line alone.
    {
        Doc doc(90);
        doc.add(paragraph(5));
        EXPECT_EQ(pages_of(doc.run(), 0), Pages(5, 1));
    }
    // Room for four lines of five: three stay, so two go (no widow).
    {
        Doc doc(60);
        doc.add(paragraph(5));
        EXPECT_EQ(pages_of(doc.run(), 0), (Pages{0, 0, 0, 1, 1}));
    }
    // A three-line paragraph cannot break without a lone line: it moves whole.
    {
        Doc doc(80);
        doc.add(paragraph(3));
        EXPECT_EQ(pages_of(doc.run(), 0), Pages(3, 1));
    }
    // A paragraph longer than a page keeps two lines on the page after each break.
    {
        Doc doc;
        doc.add(paragraph(11));
        const auto p = doc.run();
        EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1}));
    }
}

TEST(Paginate, HeadingKeepsTwoLinesOfWhatFollows) {
    // Two lines of room: the heading and one line would fit, not two.
    Doc doc(80);
    doc.add(paragraph(1, true)).add(paragraph(4));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), Pages{1});
    EXPECT_EQ(pages_of(p, 1), Pages(4, 1));
    // With room for the heading and two lines, it stays.
    Doc roomy(70);
    roomy.add(paragraph(1, true)).add(paragraph(4));
    EXPECT_EQ(pages_of(roomy.run(), 0), Pages{0});
}

TEST(Paginate, HeadingGoesWithAThreeLineParagraphThatMovesWhole) {
    // Three lines of room under two headings: the article heading and two lines would fit, but
    // a three-line paragraph cannot be split, so the headings go to its page ("Chương III" and
    // "Điều 5." were left at a page's foot with their text on the next).
    Doc doc(50);
    doc.add(paragraph(2, true)).add(paragraph(1, true)).add(paragraph(3));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), Pages(2, 1));
    EXPECT_EQ(pages_of(p, 1), Pages{1});
    EXPECT_EQ(pages_of(p, 2), Pages(3, 1));
    // With room for all six lines, they stay.
    Doc roomy(40);
    roomy.add(paragraph(2, true)).add(paragraph(1, true)).add(paragraph(3));
    EXPECT_EQ(pages_of(roomy.run(), 2), Pages(3, 0));
}

TEST(Paginate, HeadingsThatFollowEachOtherMoveTogether) {
    Doc doc(60);  // four lines: two headings and two lines would fit, not with the second
    doc.add(paragraph(1, true)).add(paragraph(2, true)).add(paragraph(4));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), Pages{1});
    EXPECT_EQ(pages_of(p, 1), Pages(2, 1));
}

TEST(Paginate, ClosingTakesTheLastTwoLinesAlong) {
    Doc doc;
    doc.add(paragraph(3)).add(paragraph(6)).add(keep(30, true));
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 2u);
    EXPECT_EQ(pages_of(p, 0), Pages(3, 0));
    EXPECT_EQ(pages_of(p, 1), (Pages{0, 0, 0, 0, 1, 1}));
    EXPECT_EQ(pages_of(p, 2), Pages{1});
    EXPECT_DOUBLE_EQ(p.units[1][4].top, 0);
    EXPECT_DOUBLE_EQ(p.units[2][0].top, 20);  // under the two lines
}

TEST(Paginate, LinesTheClosingTakesAlongTakeTheirNotes) {
    Doc doc;
    Block p = paragraph(8);
    p.units[7].notes = {1};
    doc.add(p).add(keep(30, true));
    doc.notes[1] = 5;  // line 8 and its note (5 + separator 5) fit on page 1, not the closing
    const auto r = doc.run();
    EXPECT_EQ(pages_of(r, 0), (Pages{0, 0, 0, 0, 0, 0, 1, 1}));
    EXPECT_TRUE(r.pages[0].notes.empty());
    EXPECT_EQ(r.pages[1].notes, std::vector<int>{1});
}

TEST(Paginate, EachClosingCarriesItsOwnLines) {
    // The main closing and an appendix's own signature both need the last two lines.
    Doc doc;
    doc.add(paragraph(9)).add(keep(30, true));
    Block appendix;
    appendix.kind = Block::Kind::section;
    appendix.section = 1;
    appendix.frame = {0, 100, 100};
    doc.add(appendix).add(paragraph(9)).add(keep(30, true));
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 4u);
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 0, 0, 0, 0, 1, 1}));
    EXPECT_EQ(pages_of(p, 1), Pages{1});
    EXPECT_EQ(pages_of(p, 3), (Pages{2, 2, 2, 2, 2, 2, 2, 3, 3}));
    EXPECT_EQ(pages_of(p, 4), Pages{3});
}

TEST(Paginate, ClosingTakesAWholeShortPartWithItsHeading) {
    // Three lines of the last paragraph on the page: taking two would leave one, so all three go,
    // and the heading right above them too.
    Doc doc;
    doc.add(paragraph(6)).add(paragraph(1, true)).add(paragraph(3)).add(keep(30, true));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), Pages(6, 0));
    EXPECT_EQ(pages_of(p, 1), Pages{1});
    EXPECT_EQ(pages_of(p, 2), Pages(3, 1));
    EXPECT_EQ(pages_of(p, 3), Pages{1});
}

TEST(Paginate, ClosingAfterATableGoesAloneButTheLastRowKeepsWithIt) {
    // The table's last row needs the closing under it: the row moves with the header repeated.
    Doc doc;
    doc.add(table(1, 7)).add(keep(30, true));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(pages_of(p, 1), Pages{1});
    ASSERT_EQ(p.headers[0].size(), 2u);
    EXPECT_EQ(p.headers[0][1].page, 1u);
}

TEST(Paginate, TableHeaderRepeatsAndNeverStandsAlone) {
    Doc doc;
    doc.add(table(2, 12));
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 2u);
    ASSERT_EQ(p.headers[0].size(), 2u);
    EXPECT_EQ(p.headers[0][0].page, 0u);
    EXPECT_DOUBLE_EQ(p.headers[0][1].top, 0);
    EXPECT_DOUBLE_EQ(p.units[0][10].top, 20);  // the first row on page 2, under the header
    EXPECT_EQ(p.units[0][9].page, 0u);
    EXPECT_EQ(p.units[0][10].page, 1u);
    // Starting where only the header fits, the table starts on the next page.
    Doc low(80);
    low.add(table(2, 3));
    const auto q = low.run();
    EXPECT_EQ(q.headers[0].size(), 1u);
    EXPECT_EQ(q.headers[0][0].page, 1u);
}

TEST(Paginate, TiedRowsMoveTogether) {
    Doc doc(70);
    Block t = table(0, 6);
    t.units[2].tied = true;  // rows 1–3 (a rowspan) stay together
    t.units[3].tied = true;
    doc.add(t);
    EXPECT_EQ(pages_of(doc.run(), 0), (Pages{0, 1, 1, 1, 1, 1}));
}

TEST(Paginate, NoteMovesItsLineToTheNextPage) {
    // Line 4 shows note 1 (height 20 + separator 5): six lines would fit, but line 4 fits only
    // with its note, which leaves no room for it; it starts the next page with the note.
    Doc doc(40);
    Block p6 = paragraph(6);
    p6.units[3].notes = {1};
    doc.add(p6);
    doc.notes[1] = 20;
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 1, 1, 1}));
    EXPECT_TRUE(p.pages[0].notes.empty());
    EXPECT_EQ(p.pages[1].notes, std::vector<int>{1});
    // A shorter note fits with the lines.
    Doc small(30);
    small.add(p6);
    small.notes[1] = 5;
    const auto q = small.run();
    EXPECT_EQ(pages_of(q, 0), Pages(6, 0));
    EXPECT_EQ(q.pages[0].notes, std::vector<int>{1});
}

TEST(Paginate, NotesInTableRowsGoToTheRowsPage) {
    Doc doc(40);
    Block t = table(1, 5);
    t.units[5].notes = {1};  // the last row: 10 + note 15 + separator 5 does not fit under four
    doc.add(t);
    doc.notes[1] = 15;
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 0, 0, 1}));
    EXPECT_TRUE(p.pages[0].notes.empty());
    EXPECT_EQ(p.pages[1].notes, std::vector<int>{1});
}

TEST(Paginate, FirstPageFooterAndSections) {
    Doc doc;
    doc.input.first_reserve = 30;  // page 1 holds 7 lines
    doc.add(paragraph(9));
    Block appendix;
    appendix.kind = Block::Kind::section;
    appendix.section = 1;
    appendix.frame = {10, 60, 150};  // landscape-like
    appendix.head = 20;
    doc.add(appendix).add(paragraph(4));
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 4u);
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0, 0, 0, 0, 0, 0, 1, 1}));
    EXPECT_EQ(p.units[1].front().page, 2u);
    EXPECT_EQ(p.pages[2].section, 1);
    EXPECT_DOUBLE_EQ(p.units[2][0].top, 30);         // under the appendix's head
    EXPECT_EQ(pages_of(p, 2), (Pages{2, 2, 3, 3}));  // three fit, but not the last alone
    EXPECT_EQ(p.main_pages(), 2u);
}

TEST(Paginate, ColumnBlockNeverSplits) {
    Doc doc(50);
    doc.add(keep(60));
    const auto p = doc.run();
    EXPECT_EQ(pages_of(p, 0), Pages{1});
    EXPECT_DOUBLE_EQ(p.units[0][0].top, 0);
}

TEST(Paginate, RowTallerThanAPageIsCutAcrossPages) {
    // A header row, then a row of 25 lines (252 high): each page takes what fits down to a cut,
    // under the header repeated.
    Doc doc;
    Block t = table(1, 0);
    t.units.push_back(tall_row(25, 1));
    doc.add(t);
    const auto p = doc.run();
    ASSERT_EQ(p.pages.size(), 4u);
    ASSERT_EQ(p.cut_rows.size(), 1u);
    const auto& pieces = p.cut_rows.at({0, 1});
    ASSERT_EQ(pieces.size(), 4u);
    // Page 1: under the header (10), 90 of room: 8 lines and the padding (1 + 80 + 1).
    EXPECT_EQ(pieces[0].page, 0u);
    EXPECT_DOUBLE_EQ(pieces[0].top, 10);
    EXPECT_DOUBLE_EQ(pieces[0].from, 0);
    EXPECT_DOUBLE_EQ(pieces[0].to, 81);
    EXPECT_DOUBLE_EQ(pieces[0].height(), 82);
    // Pages 2 and 3: the padding again above, 8 lines, padding below.
    EXPECT_EQ(pieces[1].page, 1u);
    EXPECT_DOUBLE_EQ(pieces[1].top, 10);
    EXPECT_DOUBLE_EQ(pieces[1].from, 81);
    EXPECT_DOUBLE_EQ(pieces[1].to, 161);
    EXPECT_DOUBLE_EQ(pieces[1].pad_above, 1);
    EXPECT_DOUBLE_EQ(pieces[1].to - pieces[1].from, 80);
    EXPECT_DOUBLE_EQ(pieces[2].from, 161);
    // The last: the last lines (at least two, here 2 of the 25) and the row's own padding.
    EXPECT_EQ(pieces[3].page, 3u);
    EXPECT_DOUBLE_EQ(pieces[3].to, 252);
    EXPECT_DOUBLE_EQ(pieces[3].pad_below, 0);
    EXPECT_GE(pieces[3].to - pieces[3].from, 2 * kLine);
    // Nothing lost, nothing twice: the pieces follow each other.
    for (size_t i = 1; i < pieces.size(); ++i) EXPECT_DOUBLE_EQ(pieces[i].from, pieces[i - 1].to);
    // The header is repeated above each piece.
    ASSERT_EQ(p.headers[0].size(), 4u);
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(p.headers[0][i].page, i);
        EXPECT_DOUBLE_EQ(p.headers[0][i].top, 0);
    }
    EXPECT_TRUE(p.overfull.empty());
}

TEST(Paginate, RowThatFitsAPageMovesWholeAndATallOneStartsWhereItComes) {
    // Eight lines fit a page: the row moves to the next one whole, as before.
    Doc doc(50);
    Block t = table(0, 0);
    t.units.push_back(tall_row(8, 1));
    doc.add(t);
    const auto p = doc.run();
    EXPECT_TRUE(p.cut_rows.empty());
    EXPECT_EQ(pages_of(p, 0), Pages{1});
    // Twelve lines do not fit any page: cut, starting under the paragraph on page 1 (4 lines
    // fit in 50 with the padding), the other 8 on page 2.
    Doc tall;
    tall.add(paragraph(5));
    Block u = table(0, 0);
    u.units.push_back(tall_row(12, 1));
    tall.add(u);
    const auto q = tall.run();
    const auto& pieces = q.cut_rows.at({1, 0});
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[0].page, 0u);
    EXPECT_DOUBLE_EQ(pieces[0].top, 50);
    EXPECT_DOUBLE_EQ(pieces[0].to, 41);
    EXPECT_EQ(pieces[1].page, 1u);
    EXPECT_DOUBLE_EQ(pieces[1].top, 0);
    EXPECT_DOUBLE_EQ(pieces[1].height(), 1 + 80 + 1);
    EXPECT_EQ(pages_of(q, 1), Pages{0});  // the row's placement: where its top is
}

TEST(Paginate, RowCutLeavesTwoLinesOnEachSide) {
    // Room for one line of the row: a cut there would leave one line alone; the row starts on
    // the next page.
    Doc doc(85);
    Block t = table(0, 0);
    t.units.push_back(tall_row(12, 0));
    doc.add(t);
    const auto p = doc.run();
    const auto& pieces = p.cut_rows.at({0, 0});
    EXPECT_EQ(pieces.front().page, 1u);
    for (const auto& piece : pieces) EXPECT_GE(piece.to - piece.from, 2 * kLine - 1e-9);
}

TEST(Paginate, TiedRowsTallerThanAPageAreCutTogether) {
    // A row of one line with a row tied to it (a rowspan) of 14 lines: cut as one, each row
    // placed where its top falls.
    Doc doc;
    Block t = table(0, 0);
    Unit first = tall_row(15, 0);  // the cuts are the group's, from its top
    first.height = kLine;
    Unit second{14 * kLine, {}, true};
    t.units = {first, second};
    doc.add(t);
    const auto p = doc.run();
    const auto& pieces = p.cut_rows.at({0, 0});
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_DOUBLE_EQ(pieces[0].to, 100);
    EXPECT_DOUBLE_EQ(pieces[1].to, 150);
    EXPECT_EQ(pages_of(p, 0), (Pages{0, 0}));
    EXPECT_DOUBLE_EQ(p.units[0][1].top, 10);
}

TEST(Paginate, LastPieceOfACutRowKeepsWithTheClosing) {
    // 14 lines: 10 on page 1; the last 4 fit page 2 but not with the closing (70): two of them
    // go with it to page 3, so the signature does not stand alone.
    Doc doc;
    Block t = table(0, 0);
    t.units.push_back(tall_row(14, 0));
    doc.add(t).add(keep(70, true));
    const auto p = doc.run();
    const auto& pieces = p.cut_rows.at({0, 0});
    ASSERT_FALSE(pieces.empty());
    const auto& last = pieces.back();
    EXPECT_EQ(p.units[1][0].page, last.page);  // the closing is on the last piece's page
    EXPECT_GE(last.to - last.from, 2 * kLine);
    EXPECT_LE(last.top + last.height() + 70, 100 + 1e-9);
    EXPECT_TRUE(p.keeps_too_tall.empty());
}

TEST(Paginate, RowThatCannotBeCutToFitIsReported) {
    // A header row of 95 leaves 5 on every page: no piece of two lines fits. Reported, and the
    // pass ends.
    Doc doc;
    Block t = table(1, 0);
    t.units[0].height = 95;
    t.units.push_back(tall_row(30, 0));
    doc.add(t);
    const auto p = doc.run();
    ASSERT_EQ(p.overfull.size(), 1u);
    EXPECT_EQ(p.overfull[0], (std::pair<size_t, size_t>{0, 1}));
    EXPECT_LE(p.pages.size(), 2u);
}

TEST(Paginate, KeepBlockTallerThanAPageIsReported) {
    Doc doc;
    doc.add(paragraph(3)).add(keep(150, true));
    const auto p = doc.run();
    EXPECT_EQ(p.keeps_too_tall, std::vector<size_t>{1});
    EXPECT_EQ(p.units[1][0].page, 1u);  // alone on its page, no blank page before it
    EXPECT_EQ(p.pages.size(), 2u);
    Doc fits;
    fits.add(paragraph(3)).add(keep(100, true));
    EXPECT_TRUE(fits.run().keeps_too_tall.empty());
}

}  // namespace
