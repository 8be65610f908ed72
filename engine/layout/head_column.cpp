// Column-building variants of the header block's rows (header_block.cpp places them straight on
// the page): the issuing bodies with their rule, the national title and motto with theirs. The
// head of an attached document and the copy block's header are made of them.
#include <algorithm>

#include "layout/kept_blocks.hpp"

namespace vanthu::layout {
namespace {

constexpr const char* kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";

// Gap between a text line's baseline and the rule drawn under it, as in header_block.cpp.
double rule_offset(double size) { return kDescent * size + 3; }

void add_rule(Column& out, double x1, double x2, double y, double thickness) {
    out.rules.push_back({x1, y, x2, y, thickness});
    out.height = std::max(out.height, y);
}

}  // namespace

double issuer_rows(LayoutContext& cx, Column& out, const std::vector<model::Issuer>& bodies,
                   double x, double width, double top) {
    const auto& t = cx.type();
    double y = top;
    double last_name_baseline = top;
    double widest_name = 0;
    for (const auto& body : bodies) {
        if (!body.parent.empty()) {
            auto p = centred_column(cx, out, body.parent.value, t.parent_size, false, false, x,
                                    width, y, body.parent.where);
            y = p.last_baseline + kDescent * t.parent_size;
        }
        auto n = centred_column(cx, out, body.name.value, t.issuer_size, true, false, x, width, y,
                                body.name.where);
        y = n.last_baseline + kDescent * t.issuer_size;
        last_name_baseline = n.last_baseline;
        widest_name = std::max(widest_name, n.widest);
    }
    const double rule_y = last_name_baseline + rule_offset(t.issuer_size);
    const double length = widest_name * t.issuer_rule_ratio;
    const double centre = x + width / 2;
    add_rule(out, centre - length / 2, centre + length / 2, rule_y, t.rule_thickness);
    return rule_y;
}

double national_rows(LayoutContext& cx, Column& out, double x, double width, double top) {
    const auto& t = cx.type();
    auto title =
        centred_column(cx, out, kNationalTitle, t.title_size, true, false, x, width, top, {});
    auto motto = centred_column(cx, out, kMotto, t.motto_size, true, false, x, width,
                                title.last_baseline + kDescent * t.title_size, {});
    const double rule_y = motto.last_baseline + rule_offset(t.motto_size);
    add_rule(out, motto.widest_left, motto.widest_left + motto.widest, rule_y, t.rule_thickness);
    return rule_y;
}

}  // namespace vanthu::layout
