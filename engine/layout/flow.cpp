#include "layout/flow.hpp"

namespace vanthu::layout {

Flow::Flow(Pages& pages, const PageGeometry& geometry) : pages_(pages), geometry_(geometry) {
    new_page();
}

void Flow::new_page() {
    Page p;
    p.width = geometry_.width;
    p.height = geometry_.height;
    p.section = section_;
    p.label = std::to_string(++number_);
    pages_.pages.push_back(std::move(p));
    geometries_.push_back(geometry_);
    y_ = geometry_.top;
    reserved_ = 0;
}

void Flow::new_section(int section, const PageGeometry& geometry) {
    section_ = section;
    number_ = 0;
    geometry_ = geometry;
    new_page();
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
