#include "layout/layout.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "layout/kept_blocks.hpp"

namespace vanthu::layout {
namespace {

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

// "PL I-" for the pages of "PHỤ LỤC I"; "PL 2-" for the second of several appendices with other
// labels; "PL-" for a single one.
std::string label_prefix(const model::Appendix& a, int section, size_t count) {
    const std::string& label = a.label.value;
    const size_t space = label.rfind(' ');
    const std::string last = space == std::string::npos ? "" : label.substr(space + 1);
    const bool numeral =
        !last.empty() && last.find_first_not_of("IVXLC0123456789") == std::string::npos;
    if (numeral) return "PL " + last + "-";
    return count > 1 ? "PL " + std::to_string(section) + "-" : "PL-";
}

// Bookmarks in reading order, from where the headings' first lines and the appendices went.
std::vector<OutlineEntry> outline(const LayoutContext& cx) {
    std::vector<OutlineEntry> out = cx.marks;
    for (auto& e : out) e.title = one_line(e.title);
    std::stable_sort(out.begin(), out.end(), [](const OutlineEntry& a, const OutlineEntry& b) {
        return a.page < b.page || (a.page == b.page && a.y < b.y);
    });
    return out;
}

Record record(const model::Document& doc) {
    const auto& h = doc.header;
    return {h.number.value,           h.symbol.value,        h.date.value,
            one_line(h.issuer.value), h.type_name.value,     one_line(h.subject.value),
            doc.signature.name.value, h.marks.urgency.value, h.marks.secrecy.value};
}

// What an archive searches by: the type ("Công văn" when the document has no type name), the
// number and symbol, the issuing body and the year, then the urgency mark if any.
std::string keywords(const model::Document& doc) {
    const auto& h = doc.header;
    std::vector<std::string> words;
    words.push_back(h.type_name.empty() ? "Công văn" : h.type_name.value);
    if (!h.symbol.empty())
        words.push_back(h.number.empty() ? h.symbol.value : h.number.value + "/" + h.symbol.value);
    if (!h.issuer.empty()) words.push_back(one_line(h.issuer.value));
    if (h.date.value.size() >= 4) words.push_back(h.date.value.substr(0, 4));
    if (!h.marks.urgency.empty()) words.push_back(h.marks.urgency.value);
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : "; ") + w;
    return out;
}

}  // namespace

Pages layout_document(const model::Document& doc, Shaper& shaper, const LayoutOptions& options,
                      core::Diagnostics& diags) {
    Pages pages;
    Flow flow(pages, options.geometry);
    LayoutContext cx{flow, shaper, options, diags};
    cx.notes = &doc.notes;
    const auto& t = cx.type();

    // The header is fixed at the top of page 1; the paginator starts under it.
    const double start = place_title(cx, doc, place_marks(cx, doc, place_header(cx, doc)));

    // Measure.
    std::vector<Part> parts;
    measure_addressees(cx, doc, parts);
    measure_blocks(cx, doc.body, t.body_pitch(), parts);  // one blank line above the content
    parts.push_back(measure_closing(cx, doc));
    const size_t closing = parts.size() - 1;
    if (doc.body.empty()) parts.back().block.before += t.body_pitch();
    // Giấy nghỉ phép: the confirmation one blank line under the closing, never split.
    if (doc.confirmation)
        parts.push_back(column_part(confirmation_column(cx, *doc.confirmation), t.body_pitch(), 0));
    const auto footer = footer_lines(cx, doc);
    measure_appendices(cx, doc, parts);
    // Bản sao: the copy block ends the copied document, after the closing or the last appendix.
    if (doc.copy) parts.push_back(column_part(copy_block_column(cx, *doc.copy), t.body_pitch(), 0));

    // Paginate.
    PaginateInput input;
    input.frame = frame_of(options.geometry);
    input.start = start;
    input.first_reserve = footer_reserve(t, footer.size());
    for (const auto& part : parts) input.blocks.push_back(part.block);
    input.note_height = [&cx](int note, const Frame& frame) {
        return note_height(cx, note, frame.width);
    };
    input.note_separator = t.footnote_gap + t.footnote_rule_gap;
    const Pagination pagination = paginate(input);

    // Emit.
    for (size_t i = 1; i < pagination.pages.size(); ++i) {
        const int section = pagination.pages[i].section;
        flow.add_page(
            section, section == 0 ? options.geometry
                                  : appendix_geometry(
                                        options, doc.appendices[static_cast<size_t>(section) - 1]));
    }
    for (size_t i = 0; i < parts.size(); ++i) {
        parts[i].emit(cx, pagination, i);
        if (i == closing) place_footer(cx, footer, pages);
    }
    place_footnotes(cx, pagination, pages);
    place_page_numbers(cx, pages);

    pages.faces = shaper.faces();
    const auto& h = doc.header;
    pages.metadata.title =
        h.type_name.empty() ? h.subject_line : h.type_name.value + " " + h.subject_line;
    pages.metadata.author = one_line(h.issuer.value);
    pages.metadata.subject = h.number_line;
    pages.metadata.keywords = keywords(doc);
    pages.metadata.creation_date = h.date.value;
    pages.metadata.record = record(doc);
    pages.outline = outline(cx);
    for (auto& page : pages.pages)
        if (page.section > 0)
            page.label_prefix = label_prefix(doc.appendices[static_cast<size_t>(page.section) - 1],
                                             page.section, doc.appendices.size());
    core::throw_if_errors(diags);
    return pages;
}

}  // namespace vanthu::layout
