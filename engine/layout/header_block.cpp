// The header block (ô 1–5b): an asymmetric two-column table. Left: parent body, issuing body
// (then each partner of a joint document with its own parent) with one short rule under them, "Số:
// …" and the công văn's "V/v …". Right: national title, motto with a rule exactly as long as the
// motto, and the italic place-and-date line on the Số baseline (none in a biên bản).
#include <algorithm>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

constexpr const char* kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";

// Gap between a text line's baseline and the rule drawn under it.
double rule_offset(double size) { return kDescent * size + 3; }

// Text extraction follows the order items were written; a reader expects the left column
// (issuer, number, V/v) before the right one (national title, motto, date), as in Word's
// header table. Items are placed row by row, then reordered by column.
void order_by_column(Page& page, size_t first, double right_x) {
    auto in_left = [right_x](const Item& item) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) return run->x < right_x;
        if (const auto* rule = std::get_if<Rule>(&item)) return rule->x1 < right_x;
        return std::get<Image>(item).x < right_x;
    };
    std::stable_partition(page.items.begin() + static_cast<ptrdiff_t>(first), page.items.end(),
                          in_left);
}

}  // namespace

double place_header(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    const auto& h = doc.header;
    const double left_x = cx.geometry().text_left();
    const double left_w = t.left_column;
    const double right_x = left_x + left_w;
    const double right_w = cx.geometry().text_width() - left_w;
    const double top = cx.geometry().top;
    const size_t first_item = cx.flow.page().items.size();

    // Row 1, left: each issuing body, the host first and then the partners of a joint document
    // (nd30.md §3): its parent (not bold) over its name (bold). One rule under the whole block,
    // measured against the longest name line.
    double y = top;
    double last_name_baseline = top;
    double widest_name = 0;
    auto place_issuer = [&](const model::Text& parent, const model::Text& name) {
        if (!parent.empty()) {
            auto p = centred(cx, parent.value, t.parent_size, false, false, left_x, left_w, y,
                             parent.where);
            y = p.last_baseline + kDescent * t.parent_size;
        }
        auto n = centred(cx, name.value, t.issuer_size, true, false, left_x, left_w, y, name.where);
        y = n.last_baseline + kDescent * t.issuer_size;
        last_name_baseline = n.last_baseline;
        widest_name = std::max(widest_name, n.widest);
    };
    place_issuer(h.parent, h.issuer);
    for (const auto& co : h.co_issuers) place_issuer(co.parent, co.name);
    const double issuer_rule_y = last_name_baseline + rule_offset(t.issuer_size);
    const double issuer_rule_len = widest_name * t.issuer_rule_ratio;
    const double left_centre = left_x + left_w / 2;
    cx.flow.rule(left_centre - issuer_rule_len / 2, left_centre + issuer_rule_len / 2,
                 issuer_rule_y, t.rule_thickness);

    // Row 1, right: national title and motto; the rule is exactly as long as the motto.
    auto title = centred(cx, kNationalTitle, t.title_size, true, false, right_x, right_w, top, {});
    auto motto = centred(cx, kMotto, t.motto_size, true, false, right_x, right_w,
                         title.last_baseline + kDescent * t.title_size, {});
    const double motto_rule_y = motto.last_baseline + rule_offset(t.motto_size);
    cx.flow.rule(motto.widest_left, motto.widest_left + motto.widest, motto_rule_y,
                 t.rule_thickness);

    // Row 2: "Số: …" on the left and the place-and-date line on the right, one baseline.
    const double row2_baseline =
        std::max(issuer_rule_y, motto_rule_y) + t.single(t.number_size) + 2;
    auto number = cx.shaper.shape(
        plain(h.number_line, t.number_size, false, false, left_w, Align::center, h.symbol.where),
        cx.diags);
    for (size_t i = 0; i < number.lines.size(); ++i)
        cx.flow.place(number.lines[i], left_x, row2_baseline + i * t.single(t.number_size));
    double left_bottom = row2_baseline + (number.lines.size() - 1) * t.single(t.number_size);

    double date_size = t.date_size;
    if (cx.shaper.measure(h.date_line, date_size, false, true) > right_w) date_size = 13;
    auto date = cx.shaper.shape(
        plain(h.date_line, date_size, false, true, right_w, Align::center, h.date.where), cx.diags);
    double right_bottom = row2_baseline;
    // A biên bản (<header place-date="no">) has no such line: text leaves date_line empty.
    for (size_t i = 0; i < date.lines.size() && !h.date_line.empty(); ++i) {
        right_bottom = row2_baseline + i * t.single(date_size);
        cx.flow.place(date.lines[i], right_x, right_bottom);
    }
    right_bottom += kDescent * date_size;
    left_bottom += kDescent * t.number_size;

    // Row 3, left (công văn only): "V/v …" 6 pt under the Số line, centred under it.
    if (doc.kind == "cong-van" && !h.subject_line.empty()) {
        auto subject = centred(cx, h.subject_line, t.subject_size, false, false, left_x, left_w,
                               left_bottom + 6, h.subject.where);
        left_bottom = subject.last_baseline + kDescent * t.subject_size;
    }
    order_by_column(cx.flow.page(), first_item, right_x);
    return std::max(left_bottom, right_bottom);
}

}  // namespace vanthu::layout
