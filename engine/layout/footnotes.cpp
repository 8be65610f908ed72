// Footnotes (nd30.md §2.7 end): each note at the foot of the page that shows its marker, under
// a short rule at the text block's left, 11 pt single-spaced and justified, the note area ending
// on the text block's bottom. The paginator reserves each note's height on the page of the line
// or table row that shows its marker; the areas are drawn at the end, page by page.
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

}  // namespace

double note_height(LayoutContext& cx, int note, double width) {
    if (!known(cx, note)) return 0;
    const auto& t = cx.type();
    return static_cast<double>(note_lines(cx, note, width).lines.size()) *
           t.single(t.footnote_size);
}

std::vector<int> known_notes(const LayoutContext& cx, std::vector<int> notes) {
    std::erase_if(notes, [&](int n) { return !known(cx, n); });
    return notes;
}

void place_footnotes(LayoutContext& cx, const Pagination& pagination, Pages& pages) {
    const auto& t = cx.type();
    const double pitch = t.single(t.footnote_size);
    std::vector<int> too_tall = pagination.notes_too_tall;
    std::sort(too_tall.begin(), too_tall.end());
    too_tall.erase(std::unique(too_tall.begin(), too_tall.end()), too_tall.end());
    for (int n : too_tall) {
        core::Diagnostic d;
        d.code = "layout.note-too-tall";
        d.message = "footnote " + std::to_string(n) +
                    " and the line that shows its number do not fit on one page, and a note is "
                    "never split: its text would run over the page's text or off the page";
        d.where = (*cx.notes)[static_cast<size_t>(n) - 1].where;
        d.hints.push_back("shorten the note, or move part of it into the text");
        cx.diags.add(std::move(d));
    }
    for (size_t index = 0; index < pagination.pages.size() && index < pages.pages.size(); ++index) {
        auto notes = pagination.pages[index].notes;
        if (notes.empty()) continue;
        std::sort(notes.begin(), notes.end());  // numbered in marker order
        auto& page = pages.pages[index];
        const auto& g = cx.flow.geometry(index);  // an appendix page may be landscape
        const double width = g.text_width();
        double height = 0;
        for (int n : notes)
            height += static_cast<double>(note_lines(cx, n, width).lines.size()) * pitch;
        const double bottom = g.text_bottom() - pagination.pages[index].below;
        const double rule_y = bottom - height - t.footnote_rule_gap;
        page.items.emplace_back(Rule{g.text_left(), rule_y, g.text_left() + t.footnote_rule_length,
                                     rule_y, t.rule_thickness});
        double top = rule_y + t.footnote_rule_gap;
        for (int n : notes) {
            for (const auto& line : note_lines(cx, n, width).lines) {
                for (auto& item :
                     line_items(line, g.text_left(), baseline_in_box(top, pitch, t.footnote_size)))
                    page.items.push_back(std::move(item));
                top += pitch;
            }
        }
    }
}

}  // namespace vanthu::layout
