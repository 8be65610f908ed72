// The closing blocks: "Nơi nhận:" and its list on the left (ô 9b), the signature block on the
// right (ô 7a–7c), side by side, top lines level, and never split across pages. A joint document
// (nd30.md §3) has one signature block per issuing body in rows of two, the host at the right of
// the first row, and "Nơi nhận:" under the rows.
#include <algorithm>
#include <cmath>
#include <memory>

#include "layout/signature.hpp"

namespace vanthu::layout {
namespace {

// A signature block's place in a row: the column [x, x + width] relative to the text's left.
struct Slot {
    const model::Signature* signature = nullptr;
    double x = 0;
    double width = 0;
};

// Signature blocks side by side, top-aligned, with their names on one baseline: a block with
// fewer title lines gets a taller signature space rather than a name out of line.
Column signature_row(LayoutContext& cx, const std::vector<Slot>& slots) {
    std::vector<Column> blocks;
    double name_baseline = 0;
    for (const auto& slot : slots) {
        blocks.push_back(signature_titles(cx, *slot.signature, slot.x, slot.width));
        name_baseline =
            std::max(name_baseline, last_title_baseline(blocks.back()) + cx.type().signature_space);
    }
    Column row;
    for (size_t i = 0; i < slots.size(); ++i) {
        finish_signature(cx, *slots[i].signature, blocks[i], slots[i].x, slots[i].width,
                         name_baseline);
        row.add(blocks[i], 0, 0);
    }
    return row;
}

// The whole closing relative to its top-left corner on the text block's left edge, in reading
// order: Nơi nhận then the signer; in a joint document the rows, then Nơi nhận.
Column closing_column(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    const double text_w = cx.geometry().text_width();
    Column out;
    if (doc.co_signatures.empty()) {
        out.add(recipients_column(cx, doc, t.left_column), 0, 0);
        out.add(signature_row(cx, {{&doc.signature, t.left_column, text_w - t.left_column}}), 0, 0);
        return out;
    }
    // Rows of two equal columns: the first partner left of the host, then the other partners
    // left to right, a lone last block on the left.
    std::vector<const model::Signature*> order{&doc.co_signatures.front(), &doc.signature};
    for (size_t i = 1; i < doc.co_signatures.size(); ++i) order.push_back(&doc.co_signatures[i]);
    for (const auto& co : doc.co_signatures)
        if (!co.image.empty() && co.image.value == doc.signature.image.value)
            cx.diags.warning("layout.image-shared",
                             "the signers of two bodies show the same image \"" + co.image.value +
                                 "\": each body signs with its own seal",
                             co.where);
    const double half = text_w / 2;
    double top = 0;
    for (size_t i = 0; i < order.size(); i += 2) {
        std::vector<Slot> slots{{order[i], 0, half}};
        if (i + 1 < order.size()) slots.push_back({order[i + 1], half, half});
        const Column row = signature_row(cx, slots);
        out.add(row, 0, top);
        top += row.height + t.body_pitch();  // a blank line under each row
    }
    out.add(recipients_column(cx, doc, t.left_column), 0, top);
    return out;
}

}  // namespace

Part column_part(Column column, double before, double after, PartName name, bool closing) {
    Part part;
    part.block.kind = Block::Kind::keep;
    part.block.before = before;
    part.block.after = after;
    part.block.closing = closing;
    part.block.units.push_back({column.height, {}, false});
    auto col = std::make_shared<Column>(std::move(column));
    part.emit = [col, name = std::move(name)](LayoutContext& cx, const Pagination& pagination,
                                              size_t index) {
        const Placement& at = pagination.units[index].front();
        cx.flow.select(at.page);
        const auto& too_tall = pagination.keeps_too_tall;
        if (std::find(too_tall.begin(), too_tall.end(), index) != too_tall.end()) {
            const auto& g = cx.geometry();
            core::Diagnostic d;
            d.code = "layout.part-too-tall";
            d.message = name.part + " is " + std::to_string(std::lround(core::to_mm(col->height))) +
                        " mm tall and is never split, but a page holds " +
                        std::to_string(std::lround(core::to_mm(g.text_bottom() - g.top))) +
                        " mm: its text would run off the page";
            d.where = name.where;
            d.hints.push_back(name.fix);
            cx.diags.add(std::move(d));
        }
        place_column(cx, *col, cx.geometry().text_left(), at.top);
    };
    return part;
}

// Whether the Nơi nhận list is longer than the signature's text (the likelier cause of a closing
// taller than a page).
static bool longer_list(const model::Document& doc) {
    size_t list = 0, signature = doc.signature.name.value.size();
    for (const auto& r : doc.recipients) list += r.value.size();
    for (const auto& t : doc.signature.titles) signature += t.value.size();
    return !doc.recipients.empty() && list >= signature;
}

// The signature block must not stand alone on a page (X6): the paginator takes the last body
// lines along when the closing moves (Block::closing).
Part measure_closing(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    // About one blank line after the body (whose last paragraph's spacing comes first).
    PartName name{"the closing (Nơi nhận and the signature block)",
                  "shorten the Nơi nhận list (<recipients>, noi_nhan in the built-in templates), "
                  "the signer's titles or name, or send the long list as an attachment",
                  longer_list(doc) ? doc.recipients.front().where : doc.signature.name.where};
    return column_part(closing_column(cx, doc), t.blank() - t.paragraph_after, 0, std::move(name),
                       true);
}

}  // namespace vanthu::layout
