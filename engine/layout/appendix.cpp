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

// The appendix's head at the top of its first page, placed on a page of its own, and the y
// under it.
double place_head(LayoutContext& cx, const model::Document& doc, const model::Appendix& a) {
    const auto& t = cx.type();
    const double x = cx.geometry().text_left();
    const double width = cx.geometry().text_width();
    double bottom = cx.geometry().top;
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
    return bottom;
}

void measure_appendix(LayoutContext& cx, const model::Document& doc, const model::Appendix& a,
                      int section, std::vector<Part>& parts) {
    const PageGeometry geometry = appendix_geometry(cx.options, a);
    // The head is measured by placing it on a scratch page of the same geometry; its items are
    // copied to the appendix's first page.
    Pages scratch;
    Flow flow(scratch, geometry);
    LayoutContext head_cx{flow, cx.shaper, cx.options, cx.diags};
    const double bottom = place_head(head_cx, doc, a);
    if (bottom > geometry.text_bottom() + 0.01) {
        core::Diagnostic d;
        d.code = "layout.part-too-tall";
        d.message = "the head of appendix " + std::to_string(section) +
                    " (its label, title and reference line) is taller than a page and is never "
                    "split: its text would run off the page";
        d.where = a.title.empty() ? a.where : a.title.where;
        d.hints.push_back(
            "shorten the appendix's title or reference line, and put the rest in "
            "its content");
        cx.diags.add(std::move(d));
    }
    auto items = std::make_shared<std::vector<Item>>(std::move(scratch.pages.front().items));

    Part part;
    part.block.kind = Block::Kind::section;
    part.block.section = section;
    part.block.frame = frame_of(geometry);
    part.block.head = bottom - geometry.top;
    part.block.after = cx.type().body_pitch();  // one blank line above the content
    part.emit = [items, title = outline_title(a)](LayoutContext& cx, const Pagination& pagination,
                                                  size_t index) {
        const size_t page = pagination.units[index].front().page;
        cx.flow.select(page);
        cx.marks.push_back({title, 1, page, cx.geometry().top});
        auto& out = cx.flow.page().items;
        out.insert(out.end(), items->begin(), items->end());
    };
    parts.push_back(std::move(part));

    // The content, measured at the appendix's text width.
    Pages body_scratch;
    Flow body_flow(body_scratch, geometry);
    LayoutContext body_cx{body_flow, cx.shaper, cx.options, cx.diags};
    body_cx.notes = cx.notes;
    body_cx.outline_depth = 1;
    measure_blocks(body_cx, a.body, 0, parts);
    // An attached document's own signer (Mẫu 1.3) closes it as the closing closes the document:
    // never split, taking the last content lines along when it moves to a new page.
    if (a.signature) {
        const auto& t = cx.type();
        parts.push_back(column_part(signer_column(body_cx, *a.signature),
                                    t.blank() - t.paragraph_after, 0,
                                    {"the attached document's signature block",
                                     "shorten the signer's titles or name", a.signature->where},
                                    true));
    }
}

}  // namespace

PageGeometry appendix_geometry(const LayoutOptions& options, const model::Appendix& a) {
    return a.landscape ? landscape(options.geometry) : options.geometry;
}

void measure_appendices(LayoutContext& cx, const model::Document& doc, std::vector<Part>& parts) {
    for (size_t i = 0; i < doc.appendices.size(); ++i)
        measure_appendix(cx, doc, doc.appendices[i], static_cast<int>(i) + 1, parts);
}

}  // namespace vanthu::layout
