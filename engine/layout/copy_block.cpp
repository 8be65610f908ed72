// The copy block of a paper copy (Mẫu 3.1, nd30.md §2.14): under the copied document, a
// full-width 0.5 pt rule, then a header of the copying body's own (left column: its parent and
// name with the short rule, "Số: 05/SY-UBND"; right column: "SAO Y" / "SAO LỤC" / "TRÍCH SAO"
// and the place-and-date line, on the Số baseline), then Nơi nhận on the left and the copy's
// signer on the right, as the closing. One block, never split.
#include <algorithm>

#include "layout/kept_blocks.hpp"

namespace vanthu::layout {
namespace {

constexpr double kRuleToHeader = 6;  // the full-width rule to the header's first line box

// Lines of one text centred in [x, x + width], their first baseline at `baseline`; returns the
// last line's bottom.
double add_centred(LayoutContext& cx, Column& out, const std::string& text, double size,
                   bool italic, double x, double width, double baseline,
                   const core::SourceLocation& where) {
    auto shaped =
        cx.shaper.shape(plain(text, size, false, italic, width, Align::center, where), cx.diags);
    double bottom = baseline;
    for (const auto& line : shaped.lines) {
        out.lines.push_back({line, x, baseline});
        bottom = baseline + kDescent * size;
        baseline += cx.type().single(size);
    }
    out.height = std::max(out.height, bottom);
    return bottom;
}

}  // namespace

Column copy_block_column(LayoutContext& cx, const model::CopyBlock& copy) {
    const auto& t = cx.type();
    const double text_w = cx.geometry().text_width();
    const double left_w = t.left_column;
    const double right_w = text_w - left_w;
    Column out;
    out.rules.push_back({0, 0, text_w, 0, t.rule_thickness});

    // Row 1: the copying body (left), the copy form (right), top lines level.
    const double top = kRuleToHeader;
    const double body_rule = issuer_rows(cx, out, {copy.body}, 0, left_w, top);
    const auto form =
        centred_column(cx, out, copy.form_line, t.type_size, true, false, left_w, right_w, top, {});
    const double form_bottom = form.last_baseline + kDescent * t.type_size;

    // Row 2: "Số: …" and the place-and-date line on one baseline, as in a document's header.
    const double row2 = std::max(body_rule, form_bottom) + t.single(t.number_size) + 2;
    double date_size = t.date_size;
    if (cx.shaper.measure(copy.date_line, date_size, false, true) > right_w) date_size = 13;
    const double header_bottom = std::max(add_centred(cx, out, copy.number_line, t.number_size,
                                                      false, 0, left_w, row2, copy.symbol.where),
                                          add_centred(cx, out, copy.date_line, date_size, true,
                                                      left_w, right_w, row2, copy.date.where));

    // Nơi nhận and the signer, one blank line under the header, top lines level.
    const double closing_top = header_bottom + t.body_pitch();
    out.add(recipients_column(cx, copy.recipients, {}, left_w), 0, closing_top);
    out.add(signer_column(cx, copy.signature), 0, closing_top);
    return out;
}

}  // namespace vanthu::layout
