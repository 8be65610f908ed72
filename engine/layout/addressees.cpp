// "Kính gửi" (ô 9a): one recipient on the same line, centred; several on lines of their own
// starting "- ", the dashes aligned under the colon of "Kính gửi:".
#include "layout/blocks.hpp"

namespace vanthu::layout {

void place_addressees(LayoutContext& cx, const model::Document& doc) {
    if (doc.addressees.empty()) return;
    const auto& t = cx.type();
    const double size = t.body_size;
    const double pitch = t.body_pitch();
    const double x0 = cx.geometry().text_left();
    const double width = cx.geometry().text_width();
    cx.flow.advance(pitch);  // one blank line under the header

    if (doc.addressees.size() == 1) {
        const auto& a = doc.addressees.front();
        auto shaped = cx.shaper.shape(
            plain("Kính gửi: " + a.value, size, false, false, width, Align::center, a.where),
            cx.diags);
        for (const auto& line : shaped.lines) {
            cx.flow.place(line, x0, baseline_in_box(cx.flow.y(), pitch, size));
            cx.flow.advance(pitch);
        }
        return;
    }

    // "Kính gửi:" starts at 30 % of the text width; the dashes stand under its colon.
    const double label_x = x0 + width * 0.3;
    const double dash_x = label_x + cx.shaper.measure("Kính gửi", size, false, false);
    auto label = cx.shaper.shape(plain("Kính gửi:", size, false, false, 0, Align::left), cx.diags);
    cx.flow.place(label.lines.front(), label_x, baseline_in_box(cx.flow.y(), pitch, size));
    cx.flow.advance(pitch);
    const double item_width = x0 + width - dash_x;
    const double hang = cx.shaper.measure("- ", size, false, false);
    for (const auto& a : doc.addressees) {
        TextSpec spec = plain(a.value, size, false, false, item_width, Align::left, a.where);
        spec.indent = -hang;  // continuation lines align with the text after "- "
        auto shaped = cx.shaper.shape(spec, cx.diags);
        for (size_t i = 0; i < shaped.lines.size(); ++i) {
            if (cx.flow.remaining() < pitch) cx.flow.new_page();
            cx.flow.place(shaped.lines[i], dash_x, baseline_in_box(cx.flow.y(), pitch, size));
            cx.flow.advance(pitch);
        }
    }
}

}  // namespace vanthu::layout
