// The parts of a document page, each placed by its own function (internal to layout).
#pragma once

#include "layout/flow.hpp"
#include "layout/layout.hpp"

namespace vanthu::layout {

// Where a body line went, so the closing block can take the last lines along to a new page.
struct BodyLine {
    size_t page = 0;
    size_t first_item = 0;  // index of the line's first item on its page
    double top = 0;         // top of its line box
    size_t paragraph = 0;
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

    const Typography& type() const { return options.type; }
    const PageGeometry& geometry() const { return options.geometry; }
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

// Page numbers centred in the top margin of every page from page 2 on.
void place_page_numbers(LayoutContext& cx, Pages& pages);

}  // namespace vanthu::layout
