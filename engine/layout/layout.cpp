#include "layout/layout.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "layout/blocks.hpp"
#include "text/text.hpp"

namespace vanthu::layout {
namespace {

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

// "PL I-" for the pages of "Phụ lục I"; "PL 2-" for the second of several appendices with other
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

// Bookmarks in reading order, from where the headings' first lines ended up.
std::vector<OutlineEntry> outline(const LayoutContext& cx) {
    std::vector<OutlineEntry> out;
    for (const auto& [line, entry] : cx.heading_marks) {
        OutlineEntry e = entry;
        e.title = one_line(e.title);
        e.page = cx.body_lines[line].page;
        e.y = cx.body_lines[line].top;
        out.push_back(std::move(e));
    }
    for (const auto& [page, title] : cx.appendix_marks)
        out.push_back({title, 1, page, cx.flow.geometry(page).top});
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
    LayoutContext cx{flow, shaper, options, diags, {}, false};
    reserve_footer(cx, doc);  // page 1's foot, before any content is placed

    flow.move_to(place_title(cx, doc, place_marks(cx, doc, place_header(cx, doc))));
    place_addressees(cx, doc);
    place_body(cx, doc);
    place_closing(cx, doc);
    place_footer(cx, doc, pages);  // reads cx.geometry(): before an appendix page changes it
    place_appendices(cx, doc);
    place_footnotes(cx, pages);
    place_page_numbers(cx, pages);

    pages.faces = shaper.faces();
    const auto& h = doc.header;
    pages.metadata.title =
        h.type_name.empty() ? h.subject_line : h.type_name.value + " " + h.subject_line;
    pages.metadata.author = one_line(h.issuer.value);
    pages.metadata.subject = h.number_line;
    pages.metadata.keywords = keywords(doc);
    // A date known in part ("2026-04", before issuance) is no creation date: the writers then
    // take the fallback, as for an undated draft. The record keeps it as written.
    if (text::parse_iso_date(h.date.value)) pages.metadata.creation_date = h.date.value;
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
