// Type name and summary (ô 5a) of a named document such as a kế hoạch: the type name in
// capitals, the summary in bold under it, both centred on the text block, and a short rule
// (1/3–1/2 of the summary's longest line) under the summary, or under the type name of a form
// that has no summary.
#include "layout/blocks.hpp"

namespace vanthu::layout {

double place_title(LayoutContext& cx, const model::Document& doc, double top) {
    const auto& h = doc.header;
    if (doc.kind == "cong-van" || h.type_name.empty()) return top;
    const auto& t = cx.type();
    const double x = cx.geometry().text_left();
    const double width = cx.geometry().text_width();
    top += t.single(t.type_size);  // one blank line under the header
    auto type =
        centred(cx, h.type_name.value, t.type_size, true, false, x, width, top, h.type_name.where);
    double bottom = type.last_baseline + kDescent * t.type_size;
    // A form without a summary (giấy giới thiệu, giấy nghỉ phép) has the rule under its type name.
    auto last = type;
    double last_size = t.type_size;
    if (!h.subject_line.empty()) {
        last = centred(cx, h.subject_line, t.summary_size, true, false, x, width, bottom,
                       h.subject.where);
        last_size = t.summary_size;
    }
    const double rule_y = last.last_baseline + kDescent * last_size + 4;
    const double length = last.widest * t.summary_rule_ratio;
    const double centre = x + width / 2;
    cx.flow.rule(centre - length / 2, centre + length / 2, rule_y, t.rule_thickness);
    return rule_y;
}

}  // namespace vanthu::layout
