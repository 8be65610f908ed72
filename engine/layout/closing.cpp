// The closing blocks: "Nơi nhận:" and its list on the left (ô 9b), the signature block on the
// right (ô 7a–7c), side by side, top lines level, and never split across pages. A joint document
// (nd30.md §3) has one signature block per issuing body in rows of two, the host at the right of
// the first row, and "Nơi nhận:" under the rows.
#include <algorithm>

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

// The signature block must not stand alone on a page (X6): when it moves to a new page, the
// last lines of the content go with it — two lines, or the whole paragraph's part on this
// page when leaving one line behind would make an orphan, with the heading above it.
void carry_last_body_lines(LayoutContext& cx) {
    const size_t page_index = cx.flow.page_count() - 1;
    auto& lines = cx.body_lines;
    if (cx.table_last || lines.empty() || lines.back().page != page_index) {
        cx.flow.new_page();
        return;
    }
    const size_t paragraph = lines.back().paragraph;
    size_t on_page = 0;
    for (auto it = lines.rbegin();
         it != lines.rend() && it->page == page_index && it->paragraph == paragraph; ++it)
        ++on_page;
    size_t move = std::min<size_t>(2, on_page);
    if (on_page - move == 1) move = on_page;
    // A heading right above the whole paragraph goes too, unless it opens the page.
    if (move == on_page) {
        size_t with_heading = move;
        while (with_heading < lines.size() &&
               lines[lines.size() - with_heading - 1].page == page_index &&
               lines[lines.size() - with_heading - 1].heading)
            ++with_heading;
        const size_t before = lines.size() - with_heading;
        if (with_heading > move && before > 0 && lines[before - 1].page == page_index)
            move = with_heading;
    }
    const BodyLine first = lines[lines.size() - move];
    auto& items = cx.flow.page().items;
    std::vector<Item> carried(items.begin() + static_cast<ptrdiff_t>(first.first_item),
                              items.end());
    items.erase(items.begin() + static_cast<ptrdiff_t>(first.first_item), items.end());
    const double carried_height = cx.flow.y() - first.top;
    cx.flow.new_page();
    const double dy = cx.flow.y() - first.top;
    for (auto& item : carried) {
        shift(item, 0, dy);
        cx.flow.page().items.push_back(std::move(item));
    }
    for (size_t i = lines.size() - move; i < lines.size(); ++i) {
        lines[i].page = cx.flow.page_count() - 1;
        lines[i].top += dy;
    }
    carry_notes(cx, lines.size() - move);  // the lines' footnotes go with them
    cx.flow.advance(carried_height);
}

}  // namespace

double closing_height(LayoutContext& cx, const model::Document& doc) {
    core::Diagnostics probe;  // the real messages come when the block is placed
    LayoutContext quiet{cx.flow, cx.shaper, cx.options, probe, {}};
    // paragraph_after + the blank line + the blocks
    return cx.type().body_pitch() + closing_column(quiet, doc).height;
}

void place_closing(LayoutContext& cx, const model::Document& doc) {
    place_signed_block(cx, closing_column(cx, doc));
}

void place_signed_block(LayoutContext& cx, const Column& block) {
    const auto& t = cx.type();
    cx.flow.advance(t.body_pitch() - t.paragraph_after);  // about one blank line after the body
    if (cx.flow.remaining() < block.height) carry_last_body_lines(cx);
    place_column(cx, block, cx.geometry().text_left(), cx.flow.y());
    cx.flow.advance(block.height);
}

void place_unbreakable(LayoutContext& cx, const Column& block, double gap) {
    cx.flow.advance(gap);
    if (cx.flow.remaining() < block.height && !cx.flow.at_page_top()) cx.flow.new_page();
    place_column(cx, block, cx.geometry().text_left(), cx.flow.y());
    cx.flow.advance(block.height);
}

}  // namespace vanthu::layout
