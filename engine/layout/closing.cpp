// The closing blocks: "Nơi nhận:" and its list on the left (ô 9b), the signature block on the
// right (ô 7a–7c), side by side, top lines level, and never split across pages.
#include <algorithm>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

// A shaped line and where it goes relative to the closing block's top-left corner.
struct Placed {
    ShapedLine line;
    double x = 0;
    double baseline = 0;  // relative to the block's top
};

struct Column {
    std::vector<Placed> lines;
    double height = 0;  // from the block's top to the last line's descent
};

void add_lines(Column& col, const ShapedText& shaped, double x, double& top, double pitch,
               double size) {
    for (const auto& line : shaped.lines) {
        const double baseline = baseline_in_box(top, pitch, size);
        col.lines.push_back({line, x, baseline});
        top += pitch;
        col.height = std::max(col.height, baseline + kDescent * size);
    }
}

Column recipients_column(LayoutContext& cx, const model::Document& doc, double width) {
    const auto& t = cx.type();
    Column col;
    if (doc.recipients.empty()) return col;
    double top = 0;
    // The label sits on the same baseline as the first signature title line.
    const double label_baseline = baseline_in_box(0, t.single(t.signature_size), t.signature_size);
    auto label = cx.shaper.shape(
        plain("Nơi nhận:", t.recipients_label_size, true, true, 0, Align::left), cx.diags);
    col.lines.push_back({label.lines.front(), 0, label_baseline});
    top = label_baseline + kDescent * t.recipients_label_size;
    const double hang = cx.shaper.measure("- ", t.recipients_size, false, false);
    for (const auto& r : doc.recipients) {
        TextSpec spec =
            plain(r.value, t.recipients_size, false, false, width, Align::left, r.where);
        spec.indent = -hang;
        // Negative indent: the first line starts at 0, later lines under the text after "- ".
        add_lines(col, cx.shaper.shape(spec, cx.diags), 0, top, t.single(t.recipients_size),
                  t.recipients_size);
    }
    return col;
}

Column signature_column(LayoutContext& cx, const model::Document& doc, double x, double width) {
    const auto& t = cx.type();
    const auto& s = doc.signature;
    const double size = t.signature_size;
    const double pitch = t.single(size);
    Column col;
    double top = 0;
    for (const auto& title : s.titles) {
        size_t start = 0;
        while (start <= title.value.size()) {  // '\n' forces a break inside a title
            size_t end = title.value.find('\n', start);
            if (end == std::string::npos) end = title.value.size();
            add_lines(col,
                      cx.shaper.shape(plain(title.value.substr(start, end - start), size, true,
                                            false, width, Align::center, title.where),
                                      cx.diags),
                      x, top, pitch, size);
            start = end + 1;
        }
    }
    const double last_title_baseline = col.lines.empty() ? 0 : col.lines.back().baseline;
    const double name_baseline = last_title_baseline + t.signature_space;
    if (!s.note.empty()) {
        double note_top = (last_title_baseline + name_baseline) / 2 - pitch / 2;
        add_lines(col,
                  cx.shaper.shape(
                      plain(s.note.value, size, false, true, width, Align::center, s.note.where),
                      cx.diags),
                  x, note_top, pitch, size);
    }
    double name_top = name_baseline - (pitch - kDescent * size);
    add_lines(
        col,
        cx.shaper.shape(plain(s.name.value, size, true, false, width, Align::center, s.name.where),
                        cx.diags),
        x, name_top, pitch, size);
    return col;
}

// The signature block must not stand alone on a page (X6): when it moves to a new page, the
// last lines of the content go with it — two lines, or the whole paragraph's part on this
// page when leaving one line behind would make an orphan.
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
    cx.flow.advance(carried_height);
}

}  // namespace

double closing_height(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    const double left_w = t.left_column;
    const double right_w = cx.geometry().text_width() - left_w;
    core::Diagnostics probe;  // the real messages come when the block is placed
    LayoutContext quiet{cx.flow, cx.shaper, cx.options, probe, {}};
    const double height = std::max(recipients_column(quiet, doc, left_w).height,
                                   signature_column(quiet, doc, left_w, right_w).height);
    return t.body_pitch() + height;  // paragraph_after + the blank line + the blocks
}

void place_closing(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    const double left_w = t.left_column;
    const double right_w = cx.geometry().text_width() - left_w;
    Column left = recipients_column(cx, doc, left_w);
    Column right = signature_column(cx, doc, left_w, right_w);
    const double height = std::max(left.height, right.height);

    cx.flow.advance(t.body_pitch() - t.paragraph_after);  // about one blank line after the body
    if (cx.flow.remaining() < height) carry_last_body_lines(cx);
    const double x0 = cx.geometry().text_left();
    const double top = cx.flow.y();
    for (const auto* col : {&left, &right})  // reading order: Nơi nhận, then the signer
        for (const auto& p : col->lines) cx.flow.place(p.line, x0 + p.x, top + p.baseline);
    cx.flow.advance(height);
}

}  // namespace vanthu::layout
