#include "layout/flow.hpp"

namespace vanthu::layout {

Flow::Flow(Pages& pages, const PageGeometry& geometry) : pages_(pages) { add_page(0, geometry); }

void Flow::add_page(int section, const PageGeometry& geometry) {
    if (!pages_.pages.empty() && pages_.pages.back().section != section) number_ = 0;
    Page p;
    p.width = geometry.width;
    p.height = geometry.height;
    p.section = section;
    p.label = std::to_string(++number_);
    pages_.pages.push_back(std::move(p));
    geometries_.push_back(geometry);
}

void shift(Item& item, double dx, double dy) {
    if (auto* run = std::get_if<GlyphRun>(&item)) {
        run->x += dx;
        run->baseline += dy;
        for (auto& g : run->glyphs) {
            g.x += dx;
            g.y += dy;
        }
    } else if (auto* rule = std::get_if<Rule>(&item)) {
        rule->x1 += dx;
        rule->x2 += dx;
        rule->y1 += dy;
        rule->y2 += dy;
    }
}

std::vector<Item> line_items(const ShapedLine& line, double x, double baseline) {
    // Shaped lines are relative to their origin: x from the block's left edge, y from the
    // baseline (0).
    std::vector<Item> items;
    for (const auto& run : line.runs) items.emplace_back(run);
    for (const auto& u : line.underlines) items.emplace_back(u);
    for (auto& item : items) shift(item, x, baseline);
    return items;
}

void Flow::place(const ShapedLine& line, double x, double baseline) {
    for (auto& item : line_items(line, x, baseline)) page().items.push_back(std::move(item));
}

void Flow::rule(double x1, double x2, double y, double thickness) {
    page().items.emplace_back(Rule{x1, y, x2, y, thickness});
}

}  // namespace vanthu::layout
