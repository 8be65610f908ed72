#include "layout/layout.hpp"

#include "layout/blocks.hpp"

namespace vanthu::layout {

Pages layout_document(const model::Document& doc, Shaper& shaper, const LayoutOptions& options,
                      core::Diagnostics& diags) {
    Pages pages;
    Flow flow(pages, options.geometry);
    LayoutContext cx{flow, shaper, options, diags, {}, false};
    reserve_footer(cx, doc);  // page 1's foot, before any content is placed

    flow.move_to(place_title(cx, doc, place_marks(cx, doc, place_header(cx, doc))));
    place_addressees(cx, doc);
    place_body(cx, doc);
    place_closing(cx, doc);
    place_footer(cx, doc, pages);  // reads cx.geometry(): before an appendix page changes it
    place_appendices(cx, doc);
    place_footnotes(cx, pages);
    place_page_numbers(cx, pages);

    pages.faces = shaper.faces();
    const auto& h = doc.header;
    pages.metadata.title =
        h.type_name.empty() ? h.subject_line : h.type_name.value + " " + h.subject_line;
    pages.metadata.author = h.issuer.value;
    for (auto& c : pages.metadata.author)
        if (c == '\n') c = ' ';
    pages.metadata.subject = h.number_line;
    pages.metadata.creation_date = h.date.value;
    core::throw_if_errors(diags);
    return pages;
}

}  // namespace vanthu::layout
