// Stacking lines onto pages: a cursor that moves down the text block and starts a new page
// when the next piece does not fit. Each page keeps its own geometry (an appendix may be
// landscape) and its section (the main document or an appendix, numbered on its own).
#pragma once

#include "layout/pages.hpp"
#include "layout/shaper.hpp"
#include "layout/style.hpp"

namespace vanthu::layout {

class Flow {
  public:
    Flow(Pages& pages, const PageGeometry& geometry);

    Page& page() { return pages_.pages.back(); }
    size_t page_count() const { return pages_.pages.size(); }
    double y() const { return y_; }  // top of the free space on the current page
    void advance(double dy) { y_ += dy; }
    void move_to(double y) { y_ = y; }
    // Space left above the page's reserved foot (footnotes, the first-page footer).
    double remaining() const { return geometry_.text_bottom() - reserved_ - y_; }
    // Takes `height` off the bottom of the current page's text block; a new page starts with
    // nothing reserved.
    void reserve(double height) { reserved_ += height; }
    double reserved() const { return reserved_; }
    bool at_page_top() const { return y_ <= geometry_.top + 0.01; }
    // A new page like the current one, in the same section (next page number).
    void new_page();
    // A new page starting section `section` (numbered from 1) with geometry `geometry`, which
    // later new_page() calls keep.
    void new_section(int section, const PageGeometry& geometry);

    // Places one shaped line with its origin at (x, baseline).
    void place(const ShapedLine& line, double x, double baseline);
    void rule(double x1, double x2, double y, double thickness);

    // The current page's geometry, and that of any page laid out so far.
    const PageGeometry& geometry() const { return geometry_; }
    const PageGeometry& geometry(size_t page) const { return geometries_.at(page); }

  private:
    Pages& pages_;
    PageGeometry geometry_;
    std::vector<PageGeometry> geometries_;  // one per page
    int section_ = 0;
    int number_ = 0;  // the current page's number within its section
    double y_ = 0;
    double reserved_ = 0;
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
