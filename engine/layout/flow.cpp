#include "layout/flow.hpp"

namespace vanthu::layout {

Flow::Flow(Pages& pages, const PageGeometry& geometry) : pages_(pages), geometry_(geometry) {
    new_page();
}

void Flow::new_page() {
    Page p;
    p.width = geometry_.width;
    p.height = geometry_.height;
    p.label = std::to_string(pages_.pages.size() + 1);
    pages_.pages.push_back(std::move(p));
    y_ = geometry_.top;
}

void Flow::place(const ShapedLine& line, double x, double baseline) {
    for (const auto& run : line.runs) {
        GlyphRun r = run;
        r.x += x;
        r.baseline = baseline;
        for (auto& g : r.glyphs) {
            g.x += x;
            g.y += baseline;
        }
        page().items.emplace_back(std::move(r));
    }
    for (const auto& u : line.underlines)
        page().items.emplace_back(
            Rule{u.x1 + x, u.y1 + baseline, u.x2 + x, u.y2 + baseline, u.thickness});
}

void Flow::rule(double x1, double x2, double y, double thickness) {
    page().items.emplace_back(Rule{x1, y, x2, y, thickness});
}

}  // namespace vanthu::layout
