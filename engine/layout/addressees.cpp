// "Kính gửi" (ô 9a): one recipient on the same line, centred; several on lines of their own
// starting "- ", the dashes aligned under the colon of "Kính gửi:".
#include <memory>

#include "layout/blocks.hpp"

namespace vanthu::layout {

void measure_addressees(LayoutContext& cx, const model::Document& doc, std::vector<Part>& parts) {
    if (doc.addressees.empty()) return;
    const auto& t = cx.type();
    const double size = t.body_size;
    const double pitch = t.body_pitch();
    const double x0 = cx.geometry().text_left();
    const double width = cx.geometry().text_width();

    // Each line with its x (the main document's pages).
    auto lines = std::make_shared<std::vector<std::pair<ShapedLine, double>>>();
    if (doc.addressees.size() == 1) {
        const auto& a = doc.addressees.front();
        auto shaped = cx.shaper.shape(
            plain("Kính gửi: " + a.value, size, false, false, width, Align::center, a.where),
            cx.diags);
        for (auto& line : shaped.lines) lines->emplace_back(std::move(line), x0);
    } else {
        // "Kính gửi:" starts at 30 % of the text width; the dashes stand under its colon.
        const double label_x = x0 + width * 0.3;
        const double dash_x = label_x + cx.shaper.measure("Kính gửi", size, false, false);
        auto label =
            cx.shaper.shape(plain("Kính gửi:", size, false, false, 0, Align::left), cx.diags);
        lines->emplace_back(std::move(label.lines.front()), label_x);
        const double item_width = x0 + width - dash_x;
        const double hang = cx.shaper.measure("- ", size, false, false);
        for (const auto& a : doc.addressees) {
            TextSpec spec = plain(a.value, size, false, false, item_width, Align::left, a.where);
            spec.indent = -hang;  // continuation lines align with the text after "- "
            auto shaped = cx.shaper.shape(spec, cx.diags);
            for (auto& line : shaped.lines) lines->emplace_back(std::move(line), dash_x);
        }
    }
    Part part;
    part.block.kind = Block::Kind::lines;
    part.block.before = t.blank();  // one blank line under the header
    for (size_t i = 0; i < lines->size(); ++i) part.block.units.push_back({pitch, {}, false});
    part.emit = [lines, size, pitch](LayoutContext& cx, const Pagination& pagination,
                                     size_t index) {
        const auto& at = pagination.units[index];
        for (size_t i = 0; i < at.size(); ++i) {
            cx.flow.select(at[i].page);
            const auto& [line, x] = (*lines)[i];
            cx.flow.place(line, x, baseline_in_box(at[i].top, pitch, size));
        }
    };
    parts.push_back(std::move(part));
}

}  // namespace vanthu::layout
