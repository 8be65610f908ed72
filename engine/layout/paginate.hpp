// Page breaking, the middle step of measure → paginate → emit. Layout measures every part of the
// document into blocks (heights only, nothing shaped or placed here); paginate decides every page
// break from them, with the format's rules; layout then places each unit where the result says.
// Nothing else starts a page or moves what was placed.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace vanthu::layout {

// The text block of a section's pages, top to bottom (y grows downwards).
struct Frame {
    double top = 0;
    double bottom = 0;
    double width = 0;  // the text width, for the footnotes' heights
};

// A place where a table row, with the rows tied to it, may be cut when it is taller than the
// room a page has for it (Word's "allow row to break across pages"): `at` from the top of the
// row, between two lines of every cell; `pad` is the blank added under the cut on the first
// page and above the rest on the next (the cells' padding; none at a boundary between rows).
struct Cut {
    double at = 0;
    double pad = 0;
};

// The smallest piece that goes on a page whole: a line of a paragraph, a table row, a
// keep-together block.
struct Unit {
    double height = 0;
    std::vector<int> notes;  // footnotes whose markers it shows: they go to the foot of its page
    bool tied = false;       // stays on the page of the unit before it (a row a rowspan reaches)
    // A table row that is not tied: where it may be cut, with the rows tied to it, in order
    // (offsets from its top; at least two lines of text on each side). Empty: it never splits.
    std::vector<Cut> cuts;
};

struct Block {
    enum class Kind {
        // A paragraph: lines of equal height; at least two lines on each side of a break (no
        // widow, no orphan), so a paragraph of 2–3 lines moves whole.
        paragraph,
        // Lines that may break anywhere ("Kính gửi:" and its list).
        lines,
        // A table: `header_rows` first units repeated at the top of every page it reaches (and
        // never alone at a page's foot), then body rows; tied rows move together. A row (with
        // its tied rows) taller than a page's room under the header is cut at its `cuts` and
        // continues on the next pages, starting where it comes; a shorter one moves whole. The
        // last row keeps with a closing block that follows.
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

// A part of a table row cut across pages: the rows' content from `from` to `to` (offsets from
// the top of the row, Unit::cuts), drawn on `page` from `top`, `pad_above` lower (the cells'
// padding after the cut before it) and with `pad_below` of blank under it.
struct RowPiece {
    size_t page = 0;
    double top = 0;
    double from = 0;
    double to = 0;
    double pad_above = 0;
    double pad_below = 0;
    double height() const { return pad_above + (to - from) + pad_below; }
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
    // Table rows cut across pages, by (block, first unit of the tied group): the pieces, in
    // order. Each unit of the group is placed where its top falls.
    std::map<std::pair<size_t, size_t>, std::vector<RowPiece>> cut_rows;
    // Table rows (the first of a tied group) that do not fit the space a page leaves them even
    // when cut (they would run into the margin), and notes that do not fit on the page of their
    // marker's line: errors for the caller.
    std::vector<std::pair<size_t, size_t>> overfull;  // (block, unit)
    std::vector<int> notes_too_tall;
    // Keep blocks taller than the room of an empty page (they would run off it).
    std::vector<size_t> keeps_too_tall;
    // Pages of the main document (section 0).
    size_t main_pages() const;
};

// Decides every page break of `input.blocks` (the rules are at Block::Kind and in
// docs/architecture.md, "Page breaking").
Pagination paginate(const PaginateInput& input);

}  // namespace vanthu::layout
