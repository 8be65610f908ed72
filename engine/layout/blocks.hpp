// The parts of a document (internal to layout). The header, marks and title are placed straight
// on page 1, above everything the paginator places; the other parts are measured into a Part
// (a Block for paginate.hpp and how to place it), placed once the pagination is known.
#pragma once

#include <functional>
#include <map>

#include "layout/flow.hpp"
#include "layout/layout.hpp"
#include "layout/paginate.hpp"

namespace vanthu::layout {

// A note shaped for the note area: its number, superscript, then its text.
struct NoteText {
    ShapedText text;
    double width = 0;  // the width it was shaped for
};

// Everything one block-measuring or placing function needs.
struct LayoutContext {
    Flow& flow;
    Shaper& shaper;
    const LayoutOptions& options;
    core::Diagnostics& diags;
    // The level an appendix adds to its headings' level.
    int outline_depth = 0;
    // Bookmarks of the headings and of each appendix's first page, set when they are placed.
    std::vector<OutlineEntry> marks;

    // Footnotes: the document's note texts (null: no notes) and the shaped notes.
    const std::vector<model::Paragraph>* notes = nullptr;
    std::map<int, NoteText> shaped_notes;

    const Typography& type() const { return options.type; }
    // The selected page's geometry (an appendix page may be landscape); flow.geometry(i) gives
    // any page's.
    const PageGeometry& geometry() const { return flow.geometry(); }
};

// A measured part of the document: its block for the paginator, and how to place its units
// where the paginator put them (`index`: the block's index in the pagination).
struct Part {
    Block block;
    std::function<void(LayoutContext&, const Pagination&, size_t index)> emit;
};

// The text block of pages with `g`, for the paginator.
inline Frame frame_of(const PageGeometry& g) { return {g.top, g.text_bottom(), g.text_width()}; }

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

// First-page footer (ô 13): footer_lines shapes its lines, footer_reserve is the height they
// take off page 1, place_footer draws the rule and the lines at the foot of page 1.
std::vector<ShapedLine> footer_lines(LayoutContext& cx, const model::Document& doc);
double footer_reserve(const Typography& t, size_t lines);
void place_footer(LayoutContext& cx, const std::vector<ShapedLine>& lines, Pages& pages);

// "Kính gửi: …" with one recipient on its line or several as a dashed list.
void measure_addressees(LayoutContext& cx, const model::Document& doc, std::vector<Part>& parts);

// Paragraphs (justified, broken across pages with no widow or orphan lines; headings kept with
// what follows) and tables; `before` is the space above the first.
void measure_blocks(LayoutContext& cx, const std::vector<model::Block>& blocks, double before,
                    std::vector<Part>& parts);

// A table at the full text width: rows never split, rows tied by a rowspan together, header rows
// repeated on every page, 0.5 pt borders around every cell; paragraph spacing after it.
Part measure_table(LayoutContext& cx, const model::Table& table);

// "Nơi nhận:" with its list on the left, the signature block on the right, never split, about
// one blank line under the body; it takes the last body lines along when it moves.
Part measure_closing(LayoutContext& cx, const model::Document& doc);

// Footnotes (nd30.md §2.7 end), see footnotes.cpp: a note's height at a page width, and the note
// areas drawn at the foot of each page the pagination gave notes to.
// known_notes: `notes` without numbers that have no note (reported where they are read).
double note_height(LayoutContext& cx, int note, double width);
std::vector<int> known_notes(const LayoutContext& cx, std::vector<int> notes);
void place_footnotes(LayoutContext& cx, const Pagination& pagination, Pages& pages);

// Appendices (ND30 §2.13), each from a new page and numbered on its own: optional place-and-date
// line, label, title, "(Kèm theo …)" line with a short rule, then the content. A landscape
// appendix gets A4 landscape pages with the portrait margins in reading orientation.
void measure_appendices(LayoutContext& cx, const model::Document& doc, std::vector<Part>& parts);
PageGeometry appendix_geometry(const LayoutOptions& options, const model::Appendix& a);

// Pages that fit (fit.cpp): whether the main document's last page holds so little body (a few
// lines, with the closing) that a tighter typography may save it; the tighter typographies to
// try, in order, within the decree's limits; the note that says what was changed.
bool fit_worth_trying(const Pagination& pagination, const std::vector<Part>& main,
                      const Typography& type);
std::vector<Typography> fit_steps(const Typography& type);
core::Diagnostic fit_note(const model::Document& doc, const Typography& from, const Typography& to,
                          size_t pages);

// Page numbers centred in the top margin of each page's text block, numbered per section (the
// main document, each appendix); none on a section's first page.
void place_page_numbers(LayoutContext& cx, Pages& pages);

}  // namespace vanthu::layout
