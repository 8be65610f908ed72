// Page breaking, the middle step of measure → paginate → emit. Layout measures every part of the
// document into blocks (heights only, nothing shaped or placed here); paginate decides every page
// break from them, with the format's rules; layout then places each unit where the result says.
// Nothing else starts a page or moves what was placed.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace vanthu::layout {

// The text block of a section's pages, top to bottom (y grows downwards).
struct Frame {
    double top = 0;
    double bottom = 0;
    double width = 0;  // the text width, for the footnotes' heights
};

// The smallest piece that goes on a page whole: a line of a paragraph, a table row, a
// keep-together block.
struct Unit {
    double height = 0;
    std::vector<int> notes;  // footnotes whose markers it shows: they go to the foot of its page
    bool tied = false;       // stays on the page of the unit before it (a row a rowspan reaches)
};

struct Block {
    enum class Kind {
        // A paragraph: lines of equal height; at least two lines on each side of a break (no
        // widow, no orphan), so a paragraph of 2–3 lines moves whole.
        paragraph,
        // Lines that may break anywhere ("Kính gửi:" and its list).
        lines,
        // A table: `header_rows` first units repeated at the top of every page it reaches (and
        // never alone at a page's foot), then body rows; tied rows move together. The last row
        // keeps with a closing block that follows.
        table,
        // One unbreakable unit: the closing, or any block built as a Column.
        keep,
        // A new page in a new section (an appendix), with `frame`; `head` is the height of the
        // section's own heading at the top of its first page.
        section,
    };
    Kind kind = Kind::paragraph;
    std::vector<Unit> units;
    double before = 0;  // space above (dropped if a page starts here)
    double after = 0;   // space below (paragraph spacing)
    // paragraph: a heading, kept with two lines of what follows (and with the headings right
    // under it).
    bool heading = false;
    size_t header_rows = 0;  // table
    // keep: the closing. When it does not fit under the last body lines, the last two lines go
    // with it to the new page (the whole part of the paragraph when one would stay behind, and
    // the headings above a whole paragraph), so the signature never stands alone.
    bool closing = false;
    Frame frame;  // section
    double head = 0;
    int section = 0;  // section: its number (appendix k)
};

// A unit's place: its page (index into Pagination::pages) and the top of its box.
struct Placement {
    size_t page = 0;
    double top = 0;
};

struct PageInfo {
    int section = 0;
    Frame frame;
    std::vector<int> notes;  // the footnotes at its foot, in the order their markers come
    double below = 0;        // reserved under the note area (the first-page footer)
};

struct PaginateInput {
    Frame frame;               // the main document's pages
    double start = 0;          // top of the free space on page 1 (under the header)
    double first_reserve = 0;  // foot of page 1 taken by the first-page footer
    std::vector<Block> blocks;
    // A footnote's height on a page of `frame`'s width, and the rule and gaps above the first
    // note of a page.
    std::function<double(int note, const Frame& frame)> note_height;
    double note_separator = 0;
};

// Every break decided: the pages, and where each unit goes.
struct Pagination {
    std::vector<PageInfo> pages;
    std::vector<std::vector<Placement>> units;  // [block][unit]; section blocks: one (its page)
    // Table blocks: where the header rows are drawn again (first on the table's first page).
    std::vector<std::vector<Placement>> headers;
    // Table rows (the first of a tied group) taller than the space a page leaves them (printed
    // anyway, into the margin), and notes that do not fit on the page of their marker's line.
    std::vector<std::pair<size_t, size_t>> overfull;  // (block, unit)
    std::vector<int> notes_too_tall;
    // Pages of the main document (section 0).
    size_t main_pages() const;
};

// Decides every page break of `input.blocks` (the rules are at Block::Kind and in
// docs/architecture.md, "Page breaking").
Pagination paginate(const PaginateInput& input);

}  // namespace vanthu::layout
