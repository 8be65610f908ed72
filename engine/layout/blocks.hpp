// The parts of a document page, each placed by its own function (internal to layout).
#pragma once

#include <map>

#include "layout/flow.hpp"
#include "layout/layout.hpp"

namespace vanthu::layout {

// Where a body line went, so the closing block can take the last lines along to a new page.
struct BodyLine {
    size_t page = 0;
    size_t first_item = 0;  // index of the line's first item on its page
    double top = 0;         // top of its line box
    size_t paragraph = 0;
    bool heading = false;  // a line of a heading, which never ends a page alone
};

// The footnotes a page carries, in marker order, and the foot reserved under them when the first
// was reserved (the first-page footer), so the note area ends just above it.
struct PageNotes {
    std::vector<int> notes;  // 1-based note numbers
    double below = 0;
};

// A note shaped for the note area: its number, superscript, then its text.
struct NoteText {
    ShapedText text;
    double width = 0;  // the width it was shaped for
};

// Everything one block-placing function needs.
struct LayoutContext {
    Flow& flow;
    Shaper& shaper;
    const LayoutOptions& options;
    core::Diagnostics& diags;
    std::vector<BodyLine> body_lines;
    // Set when a table ends the content: the closing block cannot carry body lines across it.
    bool table_last = false;
    // Bookmarks of the headings, by the index in body_lines of their first line (lines may still
    // move to a later page), and the level an appendix adds to its headings' level.
    std::vector<std::pair<size_t, OutlineEntry>> heading_marks;
    int outline_depth = 0;
    // Each appendix's first page and bookmark title.
    std::vector<std::pair<size_t, std::string>> appendix_marks;

    // Footnotes: the document's note texts (set by place_body; null: no notes), the notes each
    // page carries (index = page), the notes each body line's markers show (key = index into
    // body_lines) and the shaped notes.
    const std::vector<model::Paragraph>* notes = nullptr;
    std::vector<PageNotes> page_notes;
    std::map<size_t, std::vector<int>> line_notes;
    std::map<int, NoteText> shaped_notes;

    const Typography& type() const { return options.type; }
    // The current page's geometry (an appendix page may be landscape); flow.geometry(i) gives
    // any earlier page's.
    const PageGeometry& geometry() const { return flow.geometry(); }
};

// A line of plain text in one style, for the fixed elements of the format.
TextSpec plain(const std::string& text, double size, bool bold, bool italic, double width,
               Align align, const core::SourceLocation& where = {});

// Shapes centred text at the narrowest width that keeps its number of lines (balanced lines);
// `offset` receives the x shift that centres them in `spec.width`.
ShapedText balanced_lines(LayoutContext& cx, TextSpec spec, double& offset);

struct ColumnText {
    double last_baseline = 0;
    double widest = 0;       // widest line
    double widest_left = 0;  // its left edge (absolute)
};

// Places balanced centred lines at single spacing from `top` in the column [x, x + width];
// '\n' in `text` forces a break.
ColumnText centred(LayoutContext& cx, const std::string& text, double size, bool bold, bool italic,
                   double x, double width, double top, const core::SourceLocation& where);

// Type name and summary of a named document (ô 5a), centred under the header, with the short
// rule under the summary. Returns the bottom y.
double place_title(LayoutContext& cx, const model::Document& doc, double top);

// The two-column header: issuing body and number on the left, national title, motto and
// place-and-date on the right, the "V/v" summary under the number. Returns the bottom y.
double place_header(LayoutContext& cx, const model::Document& doc);

// Marks (ô 10a, 10b, 11, draft): the secrecy and urgency boxes centred under the number from
// `header_bottom` (the bottom of the Số / V/v line), the circulation and draft boxes in the top
// margin of page 1. Returns the header's new bottom (lower when the boxes reach below it).
double place_marks(LayoutContext& cx, const model::Document& doc, double header_bottom);

// First-page footer (ô 13): reserve_footer takes its height off page 1 (call it before the
// content is placed); place_footer draws the rule and the lines at the foot of page 1.
void reserve_footer(LayoutContext& cx, const model::Document& doc);
void place_footer(LayoutContext& cx, const model::Document& doc, Pages& pages);

// "Kính gửi: …" with one recipient on its line or several as a dashed list.
void place_addressees(LayoutContext& cx, const model::Document& doc);

// Body paragraphs, justified, broken across pages with no widow or orphan lines.
void place_body(LayoutContext& cx, const model::Document& doc);

// Paragraphs and tables from the flow's position on; `keep_after` as for place_table when the
// last block is a table.
void place_blocks(LayoutContext& cx, const std::vector<model::Block>& blocks, double keep_after);

// A table at the full text width: rows never split, header rows repeated on every page,
// 0.5 pt borders around every cell; paragraph spacing after it.
// `keep_after`: height that must fit on the same page after the table's last row (the closing
// block, when the table ends the content), so the signature never stands alone on a page.
void place_table(LayoutContext& cx, const model::Table& table, double keep_after = 0);

// Height of the closing blocks including the gap above them, as place_closing sets them.
double closing_height(LayoutContext& cx, const model::Document& doc);

// "Nơi nhận:" with its list on the left, the signature block on the right, never split.
void place_closing(LayoutContext& cx, const model::Document& doc);

// Footnotes (nd30.md §2.7 end), see footnotes.cpp. notes_height: what `notes` would add to the
// current page's note area (the separator too when the page has no note yet; 0 for notes it
// already carries). reserve_notes: takes that height off the current page and records that the
// page carries the notes, if `needed` (the content that shows the markers) still fits with them;
// returns false, reserving nothing, when it does not and the page is not empty (move to a new
// page and call again). On an empty page it always reserves, with the warning
// layout.note-too-tall when the notes do not fit. A table row with markers calls it before it is
// placed, with the row's height as `needed`.
double notes_height(LayoutContext& cx, const std::vector<int>& notes);
bool reserve_notes(LayoutContext& cx, const std::vector<int>& notes, double needed = 0);
// After carry_last_body_lines moved body_lines[first_line…] to a new page: their notes move too.
void carry_notes(LayoutContext& cx, size_t first_line);
// Draws every page's note area at the foot of its text block: the short rule, then the notes.
void place_footnotes(LayoutContext& cx, Pages& pages);

// Appendices (ND30 §2.13), each from a new page and numbered on its own: optional place-and-date
// line, label, title, "(Kèm theo …)" line with a short rule, then the content. A landscape
// appendix gets A4 landscape pages with the portrait margins in reading orientation.
void place_appendices(LayoutContext& cx, const model::Document& doc);

// Page numbers centred in the top margin of each page's text block, numbered per section (the
// main document, each appendix); none on a section's first page.
void place_page_numbers(LayoutContext& cx, Pages& pages);

}  // namespace vanthu::layout
