// The content (ô 6): justified paragraphs with a first-line indent, measured into lines for the
// paginator (which keeps at least two lines on each side of a break and headings with what
// follows), then placed where it put them.
#include <memory>
#include <optional>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

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

// A heading's text for its bookmark: without its footnote markers.
std::string heading_title(const model::Paragraph& p) {
    std::string out;
    for (const auto& r : p.runs)
        if (r.note == 0) out += r.text;
    return out;
}

// A paragraph: its lines as units of one pitch, with the notes their markers show.
Part measure_paragraph(LayoutContext& cx, const model::Paragraph& p) {
    const auto& t = cx.type();
    const double size = t.body_size;
    const double pitch = t.body_pitch();
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
    const bool heading = p.heading_level > 0 && !p.plain_heading;
    spec.bold = heading;
    auto shaped = std::make_shared<ShapedText>(cx.shaper.shape(spec, cx.diags));
    const auto line_notes = notes_by_line(p, *shaped);

    Part part;
    part.block.kind = Block::Kind::paragraph;
    part.block.heading = heading;  // kept with what follows
    part.block.after = t.paragraph_after;
    for (size_t i = 0; i < shaped->lines.size(); ++i)
        part.block.units.push_back({pitch, known_notes(cx, line_notes[i]), false});
    std::optional<OutlineEntry> mark;
    if (heading) mark = OutlineEntry{heading_title(p), p.heading_level + cx.outline_depth, 0, 0};
    part.emit = [shaped, mark, size, pitch](LayoutContext& cx, const Pagination& pagination,
                                            size_t index) {
        const auto& at = pagination.units[index];
        for (size_t i = 0; i < at.size(); ++i) {
            cx.flow.select(at[i].page);
            if (i == 0 && mark) {
                OutlineEntry e = *mark;
                e.page = at[i].page;
                e.y = at[i].top;
                cx.marks.push_back(std::move(e));
            }
            cx.flow.place(shaped->lines[i], cx.geometry().text_left(),
                          baseline_in_box(at[i].top, pitch, size));
        }
    };
    return part;
}

}  // namespace

void measure_blocks(LayoutContext& cx, const std::vector<model::Block>& blocks, double before,
                    std::vector<Part>& parts) {
    for (size_t index = 0; index < blocks.size(); ++index) {
        if (const auto* table = std::get_if<model::Table>(&blocks[index]))
            parts.push_back(measure_table(cx, *table));
        else
            parts.push_back(measure_paragraph(cx, std::get<model::Paragraph>(blocks[index])));
        if (index == 0) parts.back().block.before = before;
    }
}

}  // namespace vanthu::layout
