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

}  // namespace
