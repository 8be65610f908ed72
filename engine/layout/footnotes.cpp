// Footnotes (nd30.md §2.7 end): each note at the foot of the page that shows its marker, under
// a short rule at the text block's left, 11 pt single-spaced and justified, the note area ending
// on the text block's bottom. The content reserves each note's height on its page as the line
// with the marker is placed (Flow::reserve); the areas are drawn at the end, page by page.
#include <algorithm>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

bool known(const LayoutContext& cx, int note) {
    return cx.notes && note >= 1 && static_cast<size_t>(note) <= cx.notes->size();
}

// The note as it is printed: its number, superscript, a space, then its text, at `width`.
const ShapedText& note_lines(LayoutContext& cx, int note, double width) {
    auto found = cx.shaped_notes.find(note);
    if (found != cx.shaped_notes.end() && found->second.width == width) return found->second.text;
    const auto& p = (*cx.notes)[static_cast<size_t>(note) - 1];
    model::InlineStyle raised;
    raised.superscript = true;
    TextSpec spec;
    spec.runs = {{std::to_string(note), raised, true}, {" ", {}, false}};
    size_t prefix = 0;
    for (const auto& r : spec.runs) prefix += r.text.size();
    spec.runs.insert(spec.runs.end(), p.runs.begin(), p.runs.end());
    for (const auto& k : p.keep_together)
        spec.keep_together.push_back({k.begin + prefix, k.end + prefix});
    spec.size = cx.type().footnote_size;
    spec.width = width;
    spec.align = Align::justify;
    spec.where = p.where;
    // Shaped once per width: its problems are reported once.
    auto& entry = cx.shaped_notes[note];
    entry = {cx.shaper.shape(spec, cx.diags), width};
    return entry.text;
}

double lines_height(LayoutContext& cx, int note) {
    const auto& t = cx.type();
    const size_t lines = note_lines(cx, note, cx.flow.geometry().text_width()).lines.size();
    return static_cast<double>(lines) * t.single(t.footnote_size);
}

PageNotes& current(LayoutContext& cx) {
    const size_t page = cx.flow.page_count() - 1;
    if (cx.page_notes.size() <= page) cx.page_notes.resize(page + 1);
    return cx.page_notes[page];
}

bool carried(const PageNotes& page, int note) {
    return std::find(page.notes.begin(), page.notes.end(), note) != page.notes.end();
}

}  // namespace

double notes_height(LayoutContext& cx, const std::vector<int>& notes) {
    const auto& t = cx.type();
    const PageNotes& page = current(cx);
    double height = 0;
    for (size_t i = 0; i < notes.size(); ++i) {
        const int n = notes[i];
        if (!known(cx, n) || carried(page, n) ||
            std::find(notes.begin(), notes.begin() + static_cast<ptrdiff_t>(i), n) !=
                notes.begin() + static_cast<ptrdiff_t>(i))
            continue;
        height += lines_height(cx, n);
    }
    if (height > 0 && page.notes.empty()) height += t.footnote_gap + t.footnote_rule_gap;
    return height;
}

bool reserve_notes(LayoutContext& cx, const std::vector<int>& notes, double needed) {
    const double height = notes_height(cx, notes);
    if (height <= 0) return true;
    if (cx.flow.remaining() + 0.01 < needed + height) {
        if (!cx.flow.at_page_top()) return false;
        for (int n : notes)
            if (known(cx, n))
                cx.diags.warning("layout.note-too-tall",
                                 "footnote " + std::to_string(n) +
                                     " and the line that shows its number do not fit on one page: "
                                     "the note is printed anyway and runs over the text",
                                 (*cx.notes)[static_cast<size_t>(n) - 1].where);
    }
    PageNotes& page = current(cx);
    if (page.notes.empty()) page.below = cx.flow.reserved();
    for (int n : notes)
        if (known(cx, n) && !carried(page, n)) page.notes.push_back(n);
    cx.flow.reserve(height);
    return true;
}

void carry_notes(LayoutContext& cx, size_t first_line) {
    std::vector<int> moved;
    for (size_t i = first_line; i < cx.body_lines.size(); ++i)
        if (auto found = cx.line_notes.find(i); found != cx.line_notes.end())
            moved.insert(moved.end(), found->second.begin(), found->second.end());
    if (moved.empty()) return;
    for (auto& page : cx.page_notes)
        std::erase_if(page.notes, [&](int n) {
            return std::find(moved.begin(), moved.end(), n) != moved.end();
        });
    reserve_notes(cx, moved, 0);  // the page the lines went to
}

void place_footnotes(LayoutContext& cx, Pages& pages) {
    const auto& t = cx.type();
    const double pitch = t.single(t.footnote_size);
    std::vector<bool> placed(cx.notes ? cx.notes->size() : 0, false);
    for (size_t index = 0; index < cx.page_notes.size() && index < pages.pages.size(); ++index) {
        auto notes = cx.page_notes[index].notes;
        if (notes.empty()) continue;
        std::sort(notes.begin(), notes.end());  // numbered in marker order
        auto& page = pages.pages[index];
        const auto& g = cx.flow.geometry(index);  // an appendix page may be landscape
        const double width = g.text_width();
        double height = 0;
        for (int n : notes)
            height += static_cast<double>(note_lines(cx, n, width).lines.size()) * pitch;
        const double bottom = g.text_bottom() - cx.page_notes[index].below;
        const double rule_y = bottom - height - t.footnote_rule_gap;
        page.items.emplace_back(Rule{g.text_left(), rule_y, g.text_left() + t.footnote_rule_length,
                                     rule_y, t.rule_thickness});
        double top = rule_y + t.footnote_rule_gap;
        for (int n : notes) {
            placed[static_cast<size_t>(n) - 1] = true;
            for (const auto& line : note_lines(cx, n, width).lines) {
                for (auto& item :
                     line_items(line, g.text_left(), baseline_in_box(top, pitch, t.footnote_size)))
                    page.items.push_back(std::move(item));
                top += pitch;
            }
        }
    }
    for (size_t i = 0; i < placed.size(); ++i)
        if (!placed[i])
            cx.diags.warning("layout.note-unplaced",
                             "footnote " + std::to_string(i + 1) +
                                 " is not printed: footnotes are laid out only from body and "
                                 "appendix paragraphs, not yet from table cells",
                             (*cx.notes)[i].where);
}

}  // namespace vanthu::layout
