// The parts of the closing blocks (internal to layout): signature blocks (ô 7a–7c, 8) and the
// Nơi nhận list with the drafter line (ô 9b, 12), built relative to their own top-left corner,
// so that the closing can be measured before it is placed.
#pragma once

#include "layout/blocks.hpp"

namespace vanthu::layout {

// A shaped line and where it goes relative to its block's top-left corner.
struct Placed {
    ShapedLine line;
    double x = 0;
    double baseline = 0;
};

// Lines, rules and images relative to a top-left corner, and the height down to the last
// descent (or the lowest rule).
struct Column {
    std::vector<Placed> lines;
    std::vector<Image> images;
    std::vector<SignatureSpace> signature_spaces;
    std::vector<Rule> rules;
    double height = 0;

    // Appends `other` moved by (dx, dy).
    void add(const Column& other, double dx, double dy);
};

// What an unbreakable block is, for the error layout.part-too-tall when it is taller than a
// page: the part, what makes it long and how to shorten it, and where it was written.
struct PartName {
    std::string part;  // "the closing (Nơi nhận and the signature)"
    std::string fix;   // "shorten the Nơi nhận list (noi_nhan) or …"
    std::optional<core::SourceLocation> where;
};

// An unbreakable block for the paginator from a Column (relative to its top-left corner on the
// text block's left edge), with the space above and below it; `closing`: it takes the last body
// lines along when it moves to a new page (Block::closing). One taller than a page is the error
// layout.part-too-tall, worded from `name`.
Part column_part(Column column, double before, double after, PartName name, bool closing = false);

// Puts `column` on the current page with its top-left corner at (x, top): lines, rules, then
// images (the signature and the seal are on top of the printed lines).
void place_column(LayoutContext& cx, const Column& column, double x, double top);

// As centred(), into `out` instead of onto the page: balanced centred lines at single spacing
// from `top` in [x, x + width], '\n' forcing a break; returns the last baseline and widest line.
ColumnText centred_column(LayoutContext& cx, Column& out, const std::string& text, double size,
                          bool bold, bool italic, double x, double width, double top,
                          const core::SourceLocation& where);

// A signer's title lines (ô 7a), bold, centred in [x, x + width] from the top at single spacing;
// '\n' forces a break and a title too long for the width wraps into balanced lines.
Column signature_titles(LayoutContext& cx, const model::Signature& s, double x, double width);

// The baseline of the last title line in `titles` (0 without titles).
double last_title_baseline(const Column& titles);

// Completes a block from signature_titles: the name (ô 7b) on `name_baseline`, the note
// ("(Đã ký)") midway in the signature space, and the signature/seal image (ô 7c, 8) centred on
// the block's axis and in the space between the last title line and the name.
void finish_signature(LayoutContext& cx, const model::Signature& s, Column& block, double x,
                      double width, double name_baseline);

// A signer alone in the right column, as the main signer's (left_column from the text's left
// edge to its right edge): titles, signature space, name; no Nơi nhận.
Column signer_column(LayoutContext& cx, const model::Signature& s);

// "Nơi nhận:" (its baseline where a first title line's would be), the items with a hanging
// indent, then the drafter's line (ô 12), in a column of `width` from x = 0.
Column recipients_column(LayoutContext& cx, const model::Document& doc, double width);
// The same for any list (a copy block's Nơi nhận); `drafter` may be empty.
Column recipients_column(LayoutContext& cx, const std::vector<model::Text>& recipients,
                         const model::Text& drafter, double width);

}  // namespace vanthu::layout
