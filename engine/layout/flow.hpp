// Writing onto pages (the emit step): the pages the paginator decided, each with its own geometry
// (an appendix may be landscape) and section (the main document or an appendix, numbered on its
// own), and one of them selected for the placing functions to write on. Flow never decides a
// break; paginate.hpp does.
#pragma once

#include "layout/pages.hpp"
#include "layout/shaper.hpp"
#include "layout/style.hpp"

namespace vanthu::layout {

class Flow {
  public:
    // Starts with page 1 of the main document, selected.
    Flow(Pages& pages, const PageGeometry& geometry);

    // Appends a page of section `section` (numbered from 1 in each section) with `geometry`.
    void add_page(int section, const PageGeometry& geometry);
    // Selects the page the placing functions write on.
    void select(size_t page) { current_ = page; }

    Page& page() { return pages_.pages.at(current_); }
    size_t page_count() const { return pages_.pages.size(); }

    // Places one shaped line with its origin at (x, baseline) on the selected page.
    void place(const ShapedLine& line, double x, double baseline);
    void rule(double x1, double x2, double y, double thickness);

    // The selected page's geometry, and that of any page.
    const PageGeometry& geometry() const { return geometries_.at(current_); }
    const PageGeometry& geometry(size_t page) const { return geometries_.at(page); }

  private:
    Pages& pages_;
    std::vector<PageGeometry> geometries_;  // one per page
    size_t current_ = 0;
    int number_ = 0;  // the last page's number within its section
};

// Moves an item by (dx, dy): the run's origin and every glyph, or both ends of a rule.
void shift(Item& item, double dx, double dy);

// The items of a shaped line whose origin is put at (x, baseline).
std::vector<Item> line_items(const ShapedLine& line, double x, double baseline);

// Baseline of a line of font size `size` in a line box of height `pitch` whose top is `top`:
// the descent sits at the bottom of the box.
inline double baseline_in_box(double top, double pitch, double size) {
    return top + pitch - kDescent * size;
}

}  // namespace vanthu::layout
