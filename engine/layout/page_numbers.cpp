// Page numbers (ND30 §2.12): Arabic digits centred in the top margin, none on page 1.
#include "layout/blocks.hpp"

namespace vanthu::layout {

void place_page_numbers(LayoutContext& cx, Pages& pages) {
    const auto& t = cx.type();
    const double size = t.page_number_size;
    const double x0 = cx.geometry().text_left();
    const double width = cx.geometry().text_width();
    for (size_t i = 1; i < pages.pages.size(); ++i) {
        auto& page = pages.pages[i];
        auto shaped =
            cx.shaper.shape(plain(page.label, size, false, false, width, Align::center), cx.diags);
        // Written before the page's other items so text extraction reads it first.
        auto items = line_items(shaped.lines.front(), x0, t.page_number_top + kAscent * size);
        items.insert(items.end(), page.items.begin(), page.items.end());
        page.items = std::move(items);
    }
}

}  // namespace vanthu::layout
