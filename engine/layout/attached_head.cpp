// The head of a document attached to a decision (Mẫu 1.3, <appendix header="yes">): on its own
// first page, the issuing body's header block without the number and date line. Its type name,
// summary and "(Kèm theo Quyết định số …)" line follow as an appendix's (appendix.cpp); its own
// signer closes it (signer_column).
#include "layout/kept_blocks.hpp"

namespace vanthu::layout {

Column header_rows_column(LayoutContext& cx, const model::Header& h) {
    const auto& t = cx.type();
    std::vector<model::Issuer> bodies{{h.parent, h.issuer}};
    bodies.insert(bodies.end(), h.co_issuers.begin(), h.co_issuers.end());
    Column out;
    issuer_rows(cx, out, bodies, 0, t.left_column, 0);
    national_rows(cx, out, t.left_column, cx.geometry().text_width() - t.left_column, 0);
    return out;
}

double place_attached_header(LayoutContext& cx, const model::Header& h, double top) {
    const Column rows = header_rows_column(cx, h);
    place_column(cx, rows, cx.geometry().text_left(), top);
    return top + rows.height + cx.type().single(cx.type().type_size);
}

}  // namespace vanthu::layout
