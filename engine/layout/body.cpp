// The content (ô 6): justified paragraphs with a first-line indent, broken across pages so that
// no page starts or ends with a single line of a paragraph.
#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

// How many of a paragraph's `total` lines go on the current page when `fit` lines fit there,
// keeping at least two lines on each side of the break (no orphan, no widow).
size_t lines_here(size_t total, size_t fit) {
    if (fit >= total) return total;
    if (total < 4) return 0;  // a paragraph of 2-3 lines cannot be split without a lone line
    if (fit < 2) return 0;
    if (total - fit < 2) fit = total - 2;
    return fit;
}

// The notes whose markers each shaped line shows. The lines cover the paragraph's text in order,
// each line's runs exactly its bytes; a line break character between lines belongs to none.
std::vector<std::vector<int>> notes_by_line(const model::Paragraph& p, const ShapedText& shaped) {
    std::vector<std::vector<int>> out(shaped.lines.size());
    std::string text;
    std::vector<std::pair<size_t, int>> markers;  // byte offset, note
    for (const auto& run : p.runs) {
        if (run.note > 0) markers.push_back({text.size(), run.note});
        text += run.text;
    }
    if (markers.empty() || out.empty()) return out;
    size_t begin = 0;
    for (size_t i = 0; i < shaped.lines.size(); ++i) {
        size_t end = begin;
        for (const auto& run : shaped.lines[i].runs) end += run.text.size();
        const bool last = i + 1 == shaped.lines.size();
        for (const auto& [offset, note] : markers)
            if (offset >= begin && (offset < end || last)) out[i].push_back(note);
        begin = end;
        while (begin < text.size() && (text[begin] == '\n' || text[begin] == '\r')) ++begin;
    }
    return out;
}

// The notes of lines [from, from + count).
std::vector<int> notes_of(const std::vector<std::vector<int>>& by_line, size_t from, size_t count) {
    std::vector<int> out;
    for (size_t i = from; i < from + count && i < by_line.size(); ++i)
        out.insert(out.end(), by_line[i].begin(), by_line[i].end());
    return out;
}

// A heading's text for its bookmark: without its footnote markers.
std::string heading_title(const model::Paragraph& p) {
    std::string out;
    for (const auto& r : p.runs)
        if (r.note == 0) out += r.text;
    return out;
}

// The height of the headings that directly follow blocks[index] (each with its spacing), which
// must go on the same page as it. Shaped like `spec` (a heading's); problems are reported when
// they are placed.
double headings_after(LayoutContext& cx, const std::vector<model::Block>& blocks, size_t index,
                      TextSpec spec) {
    double height = 0;
    core::Diagnostics probe;
    for (size_t j = index + 1; j < blocks.size(); ++j) {
        const auto* next = std::get_if<model::Paragraph>(&blocks[j]);
        if (!next || next->heading_level == 0 || next->plain_heading) break;
        spec.runs = next->runs;
        spec.keep_together = next->keep_together;
        height += static_cast<double>(cx.shaper.shape(spec, probe).lines.size()) *
                      cx.type().body_pitch() +
                  cx.type().paragraph_after;
    }
    return height;
}

}  // namespace

void place_body(LayoutContext& cx, const model::Document& doc) {
    cx.notes = &doc.notes;
    cx.flow.advance(cx.type().body_pitch());  // one blank line above the content
    const bool table_last =
        !doc.body.empty() && std::holds_alternative<model::Table>(doc.body.back());
    place_blocks(cx, doc.body, table_last ? closing_height(cx, doc) : 0);
}

void place_blocks(LayoutContext& cx, const std::vector<model::Block>& blocks, double keep_after) {
    const auto& t = cx.type();
    const double size = t.body_size;
    const double pitch = t.body_pitch();
    const double x0 = cx.geometry().text_left();

    for (size_t index = 0; index < blocks.size(); ++index) {
        if (const auto* table = std::get_if<model::Table>(&blocks[index])) {
            const bool last = index + 1 == blocks.size();
            place_table(cx, *table, last ? keep_after : 0);
            cx.table_last = true;
            continue;
        }
        cx.table_last = false;
        const auto& p = std::get<model::Paragraph>(blocks[index]);
        TextSpec spec;
        spec.runs = p.runs;
        spec.size = size;
        spec.width = cx.geometry().text_width();
        // <p align="center">: no first-line indent, the lines centred (the authority line,
        // "QUYẾT ĐỊNH:"); a centred heading ("Chương I" over its title) likewise.
        switch (p.align) {
            case model::Paragraph::Align::justify:
                spec.indent = t.first_indent;
                spec.align = Align::justify;
                break;
            case model::Paragraph::Align::center:
                spec.align = Align::center;
                break;
            case model::Paragraph::Align::left:
                spec.align = Align::left;
                break;
            case model::Paragraph::Align::right:
                spec.align = Align::right;
                break;
        }
        spec.keep_together = p.keep_together;
        spec.where = p.where;
        spec.bold = p.heading_level > 0 && !p.plain_heading;
        auto shaped = cx.shaper.shape(spec, cx.diags);
        const auto line_notes = notes_by_line(p, shaped);
        // Keep with next: a heading moves to the next page unless it fits with two lines of
        // what follows, together with the headings right under it ("III." over "1. …").
        const bool heading = p.heading_level > 0 && !p.plain_heading;
        if (heading && !cx.flow.at_page_top() &&
            cx.flow.remaining() < (static_cast<double>(shaped.lines.size()) + 2) * pitch +
                                      t.paragraph_after +
                                      notes_height(cx, notes_of(line_notes, 0, line_notes.size())) +
                                      headings_after(cx, blocks, index, spec))
            cx.flow.new_page();

        size_t placed = 0;
        while (placed < shaped.lines.size()) {
            const size_t rest = shaped.lines.size() - placed;
            auto fit = static_cast<size_t>(std::max(0.0, cx.flow.remaining() / pitch + 1e-6));
            // A line showing a note marker fits only with its note at the foot of the page.
            size_t with_notes = std::min(rest, fit);
            while (with_notes > 0 &&
                   static_cast<double>(with_notes) * pitch +
                           notes_height(cx, notes_of(line_notes, placed, with_notes)) >
                       cx.flow.remaining() + 1e-6 * pitch)
                --with_notes;
            if (with_notes < std::min(rest, fit)) fit = with_notes;
            size_t here = placed == 0 ? lines_here(rest, fit) : std::min(rest, fit);
            if (placed > 0 && here < rest && rest - here < 2) here = rest >= 2 ? rest - 2 : 0;
            if (here == 0) {
                if (cx.flow.at_page_top())
                    here = std::min(rest, std::max<size_t>(fit, 1));
                else {
                    cx.flow.new_page();
                    continue;
                }
            }
            if (heading && placed == 0 && here > 0)
                cx.heading_marks.push_back(
                    {cx.body_lines.size(), {heading_title(p), p.heading_level + cx.outline_depth}});
            for (size_t i = 0; i < here; ++i) {
                if (!line_notes[placed + i].empty()) {
                    reserve_notes(cx, line_notes[placed + i], pitch);
                    cx.line_notes[cx.body_lines.size()] = line_notes[placed + i];
                }
                cx.body_lines.push_back({cx.flow.page_count() - 1, cx.flow.page().items.size(),
                                         cx.flow.y(), index, heading});
                cx.flow.place(shaped.lines[placed + i], x0,
                              baseline_in_box(cx.flow.y(), pitch, size));
                cx.flow.advance(pitch);
            }
            placed += here;
            if (placed < shaped.lines.size()) cx.flow.new_page();
        }
        cx.flow.advance(t.paragraph_after);
    }
}

}  // namespace vanthu::layout
