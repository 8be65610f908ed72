// Page numbers (ND30 §2.12): Arabic digits centred in the top margin. The main document and each
// appendix are numbered on their own from 1, and the first page of each shows no number.
#include "layout/blocks.hpp"

namespace vanthu::layout {

void place_page_numbers(LayoutContext& cx, Pages& pages) {
    const auto& t = cx.type();
    const double size = t.page_number_size;
    for (size_t i = 1; i < pages.pages.size(); ++i) {
        auto& page = pages.pages[i];
        if (page.section != pages.pages[i - 1].section) continue;  // a section's first page
        // Centred on this page's text block: a landscape appendix page has a wider one.
        const auto& g = cx.flow.geometry(i);
        auto shaped = cx.shaper.shape(
            plain(page.label, size, false, false, g.text_width(), Align::center), cx.diags);
        // Written before the page's other items so text extraction reads it first.
        auto items =
            line_items(shaped.lines.front(), g.text_left(), t.page_number_top + kAscent * size);
        items.insert(items.end(), page.items.begin(), page.items.end());
        page.items = std::move(items);
    }
}

}  // namespace vanthu::layout
