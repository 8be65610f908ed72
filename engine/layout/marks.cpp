// Marks (ND30 §2.10): the secrecy (ô 10a) and urgency (ô 10b) boxes under the number in the
// left header column, the circulation box (ô 11) and the draft box in the top margin of page 1.
// Each is bold capitals centred in a single-line rectangle of four 0.5 pt rules.
#include <algorithm>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

struct Box {
    double left = 0, top = 0, width = 0, height = 0;
};

// The decree's box width for an urgency word, or 0 for a word it does not know. Both tone
// placements of "hỏa" are accepted (§2.10, §7.2).
double urgency_width(const Typography& t, const std::string& word) {
    if (word == "HỎA TỐC" || word == "HOẢ TỐC") return t.urgency_flash_width;
    if (word == "THƯỢNG KHẨN") return t.urgency_immediate_width;
    if (word == "KHẨN") return t.urgency_urgent_width;
    return 0;
}

// A mark is one line: forced breaks become spaces.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// Width of a box fitted to `text`.
double fitted_width(LayoutContext& cx, const std::string& text) {
    const auto& t = cx.type();
    return cx.shaper.measure(text, t.mark_size, true, false) + 2 * t.mark_padding;
}

// Draws `text` centred in `box` and the box's four sides. The vertical sides reach half a rule
// past the horizontal ones so the corners close (rules have butt caps).
void draw_box(LayoutContext& cx, const std::string& text, const Box& box,
              const core::SourceLocation& where) {
    const auto& t = cx.type();
    const double size = t.mark_size;
    auto shaped = cx.shaper.shape(plain(text, size, true, false, 0, Align::left, where), cx.diags);
    if (!shaped.lines.empty()) {
        const auto& line = shaped.lines.front();
        // The line's box (ascent + descent) is centred; for capitals this also centres the
        // letters' bodies within a fraction of a point.
        const double baseline = box.top + box.height / 2 + (kAscent - kDescent) * size / 2;
        cx.flow.place(line, box.left + (box.width - line.width) / 2 - line.left, baseline);
    }
    const double half = t.rule_thickness / 2;
    const double right = box.left + box.width, bottom = box.top + box.height;
    auto& items = cx.flow.page().items;
    items.emplace_back(Rule{box.left, box.top, right, box.top, t.rule_thickness});
    items.emplace_back(Rule{box.left, bottom, right, bottom, t.rule_thickness});
    items.emplace_back(Rule{box.left, box.top - half, box.left, bottom + half, t.rule_thickness});
    items.emplace_back(Rule{right, box.top - half, right, bottom + half, t.rule_thickness});
}

// The circulation box (ô 11) right of centre and the draft box at the left, both just above the
// text block of page 1; written first on the page so text extraction reads them first.
void place_top_marks(LayoutContext& cx, const model::Marks& marks) {
    const auto& t = cx.type();
    const auto& g = cx.geometry();
    const double bottom = g.top - t.top_mark_gap;
    const double top = bottom - t.mark_box_height;
    auto& items = cx.flow.page().items;
    const size_t first = items.size();

    if (!marks.draft.empty()) {
        const std::string text = one_line(marks.draft.value);
        draw_box(cx, text, {g.text_left(), top, fitted_width(cx, text), t.mark_box_height},
                 marks.draft.where);
    }
    if (!marks.circulation.empty()) {
        const std::string text = one_line(marks.circulation.value);
        const double width = fitted_width(cx, text);
        const double text_right = g.text_left() + g.text_width();
        // Kept within the text block's width; a box wider than that is centred on it.
        const double left =
            width >= g.text_width()
                ? g.text_left() + (g.text_width() - width) / 2
                : std::clamp(g.text_left() + g.text_width() * t.circulation_centre - width / 2,
                             g.text_left(), text_right - width);
        draw_box(cx, text, {left, top, width, t.mark_box_height}, marks.circulation.where);
    }
    std::rotate(items.begin(), items.begin() + static_cast<ptrdiff_t>(first), items.end());
}

}  // namespace

double place_marks(LayoutContext& cx, const model::Document& doc, double header_bottom) {
    const auto& marks = doc.header.marks;
    const auto& t = cx.type();
    place_top_marks(cx, marks);

    // Secrecy over urgency, centred under the number in the left header column.
    const double centre = cx.geometry().text_left() + t.left_column / 2;
    double bottom = header_bottom;
    double top = header_bottom + t.mark_gap;
    if (!marks.secrecy.empty()) {
        const std::string text = one_line(marks.secrecy.value);
        const double width = fitted_width(cx, text);
        draw_box(cx, text, {centre - width / 2, top, width, t.mark_box_height},
                 marks.secrecy.where);
        bottom = top + t.mark_box_height;
        top = bottom + t.mark_gap;
    }
    if (!marks.urgency.empty()) {
        const std::string text = one_line(marks.urgency.value);
        double width = urgency_width(t, text);
        if (width == 0) {
            width = fitted_width(cx, text);
            cx.diags.add({core::Severity::warning,
                          "layout.urgency",
                          "unknown urgency mark \"" + text + "\"; its box is fitted to the text",
                          marks.urgency.where,
                          {"Decree 30 knows HỎA TỐC (box 30 × 8 mm), THƯỢNG KHẨN (40 × 8 mm) "
                           "and KHẨN (20 × 8 mm)"}});
        }
        draw_box(cx, text, {centre - width / 2, top, width, t.mark_box_height},
                 marks.urgency.where);
        bottom = top + t.mark_box_height;
    }
    return bottom;
}

}  // namespace vanthu::layout
