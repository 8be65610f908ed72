// The first-page footer (ô 13, ND30 §2.11): the organisation's address and contacts, 11 pt,
// upright, left-aligned, under a solid rule across the text width. It is the last thing inside
// the text block of page 1; its height is reserved before the body so the content never runs
// into it.
#include "layout/blocks.hpp"

namespace vanthu::layout {

// The footer's lines after wrapping to the text width; blank lines are dropped.
std::vector<ShapedLine> footer_lines(LayoutContext& cx, const model::Document& doc) {
    std::vector<ShapedLine> out;
    const auto& text = doc.footer.value;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(' ') != std::string::npos) {
            auto shaped =
                cx.shaper.shape(plain(line, cx.type().footer_size, false, false,
                                      cx.geometry().text_width(), Align::left, doc.footer.where),
                                cx.diags);
            for (auto& l : shaped.lines) out.push_back(std::move(l));
        }
        start = end + 1;
    }
    return out;
}

// From the rule to the text block's bottom, and the gap above the rule.
double footer_reserve(const Typography& t, size_t lines) {
    if (lines == 0) return 0;
    return t.footer_gap +
           (t.footer_rule_gap + static_cast<double>(lines) * t.single(t.footer_size));
}

void place_footer(LayoutContext& cx, const std::vector<ShapedLine>& lines, Pages& pages) {
    if (lines.empty() || pages.pages.empty()) return;
    const auto& t = cx.type();
    cx.flow.select(0);
    const auto& g = cx.geometry();
    const double pitch = t.single(t.footer_size);
    const double rule_y =
        g.text_bottom() - (t.footer_rule_gap + static_cast<double>(lines.size()) * pitch);
    auto& items = pages.pages.front().items;
    items.emplace_back(
        Rule{g.text_left(), rule_y, g.text_left() + g.text_width(), rule_y, t.rule_thickness});
    double top = rule_y + t.footer_rule_gap;
    for (const auto& line : lines) {
        for (auto& item :
             line_items(line, g.text_left(), baseline_in_box(top, pitch, t.footer_size)))
            items.push_back(std::move(item));
        top += pitch;
    }
}

}  // namespace vanthu::layout
