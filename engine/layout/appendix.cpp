// Appendices (ND30 §2.13): each starts a new page and is numbered on its own. Its head, centred
// on the text block: the label ("PHỤ LỤC", "PHỤ LỤC II", "ĐỀ CƯƠNG BÁO CÁO") and the title in
// bold, the italic "(Kèm theo …)" line with a short rule under it as in Mẫu 2.1, optionally
// preceded by the header's place-and-date line (seed 001). Then the content, like the body.
#include <algorithm>

#include "layout/kept_blocks.hpp"

namespace vanthu::layout {
namespace {

constexpr double kHeadSize = 14;  // label, title and reference line (§2.13: 13–14 pt)
constexpr double kReferenceRuleRatio = 1.0 / 3;  // the rule under the reference line
constexpr double kRuleGap = 6;  // reference line's descent to its rule: clear of descenders

// A4 landscape with the portrait margins kept in reading orientation (top 20, bottom 20,
// left 30, right 15 mm): one of the two choices nd30.md §1 allows, and what a clerk gets in Word
// by switching a section to landscape.
PageGeometry landscape(const PageGeometry& portrait) {
    PageGeometry g = portrait;
    g.width = std::max(portrait.width, portrait.height);
    g.height = std::min(portrait.width, portrait.height);
    return g;
}

// The header's place-and-date line, repeated where the header puts it: italic 14 pt (13 pt when
// it does not fit), centred in the header's right column, here anchored to the text block's
// right edge so a landscape page keeps it at the right. Returns the line's bottom.
double place_date_line(LayoutContext& cx, const model::Document& doc, double top) {
    const auto& t = cx.type();
    const auto& h = doc.header;
    const auto& g = cx.geometry();
    const double right_w = cx.options.geometry.text_width() - t.left_column;
    const double right_x = g.text_left() + g.text_width() - right_w;
    double size = t.date_size;
    if (cx.shaper.measure(h.date_line, size, false, true) > right_w) size = 13;
    auto date = cx.shaper.shape(
        plain(h.date_line, size, false, true, right_w, Align::center, h.date.where), cx.diags);
    double baseline = top;
    for (const auto& line : date.lines) {
        baseline = baseline_in_box(top, t.single(size), size);
        cx.flow.place(line, right_x, baseline);
        top += t.single(size);
    }
    return baseline + kDescent * size;
}

// "PHỤ LỤC I: Title" for the bookmark, on one line.
std::string outline_title(const model::Appendix& a) {
    std::string title = a.label.value;
    if (!a.title.empty()) title += (title.empty() ? "" : ": ") + a.title.value;
    std::replace(title.begin(), title.end(), '\n', ' ');
    return title;
}

void place_appendix(LayoutContext& cx, const model::Document& doc, const model::Appendix& a,
                    int section) {
    cx.flow.new_section(section,
                        a.landscape ? landscape(cx.options.geometry) : cx.options.geometry);
    cx.appendix_marks.push_back({cx.flow.page_count() - 1, outline_title(a)});
    const auto& t = cx.type();
    const double x = cx.geometry().text_left();
    const double width = cx.geometry().text_width();
    double bottom = cx.flow.y();
    if (a.place_date && !doc.header.date_line.empty())
        bottom = place_date_line(cx, doc, bottom) + t.single(kHeadSize);       // then a blank line
    if (a.own_header) bottom = place_attached_header(cx, doc.header, bottom);  // Mẫu 1.3

    auto line = [&](const model::Text& text, bool bold, bool italic) {
        if (text.empty()) return;
        auto placed =
            centred(cx, text.value, kHeadSize, bold, italic, x, width, bottom, text.where);
        bottom = placed.last_baseline + kDescent * kHeadSize;
    };
    line(a.label, true, false);
    line(a.title, true, false);
    line(a.reference, false, true);
    if (!a.reference.empty()) {
        const double rule_y = bottom + kRuleGap;
        const double length = width * kReferenceRuleRatio;
        cx.flow.rule(x + (width - length) / 2, x + (width + length) / 2, rule_y, t.rule_thickness);
        bottom = rule_y;
    }
    cx.flow.move_to(bottom);
    cx.flow.advance(t.body_pitch());  // one blank line above the content
    cx.table_last = false;
    cx.outline_depth = 1;
    place_blocks(cx, a.body, a.signature ? signed_block_height(cx, *a.signature) : 0);
    if (a.signature) place_signed_block(cx, signer_column(cx, *a.signature));
    cx.outline_depth = 0;
}

}  // namespace

void place_appendices(LayoutContext& cx, const model::Document& doc) {
    for (size_t i = 0; i < doc.appendices.size(); ++i)
        place_appendix(cx, doc, doc.appendices[i], static_cast<int>(i) + 1);
}

}  // namespace vanthu::layout
