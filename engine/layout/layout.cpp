#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "layout/kept_blocks.hpp"
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

// The header block and the title are placed on page 1 and never split: one that reaches below
// the text block (over the first-page footer) would lose its last lines, so it is an error
// naming the part and what to shorten.
void check_first_page(LayoutContext& cx, const model::Document& doc, double header_bottom,
                      double start) {
    const auto& g = cx.options.geometry;
    const double bottom = g.text_bottom() - footer_reserve(cx.type(), footer_lines(cx, doc).size());
    if (start <= bottom + 0.01) return;
    const auto& h = doc.header;
    core::Diagnostic d;
    d.code = "layout.part-too-tall";
    if (start <= g.text_bottom() + 0.01) {  // the header fits, but not over the footer (ô 13)
        d.message =
            "the first-page footer (the address lines under the rule at the foot of "
            "page 1) reaches " +
            std::to_string(std::lround(core::to_mm(start - bottom))) +
            " mm into the header block and the title above it: its text would run over "
            "theirs";
        d.where = doc.footer.where;
        d.hints.push_back("shorten the address lines (dia_chi)");
        cx.diags.add(std::move(d));
        return;
    }
    const bool header = header_bottom > bottom + 0.01;
    d.message = std::string(header ? "the header block (issuing bodies, number, place and date, "
                                     "a công văn's V/v summary"
                                   : "the title (type name and summary") +
                ") reaches " + std::to_string(std::lround(core::to_mm(start - bottom))) +
                " mm below the text on page 1 and is never split: its text would run off the "
                "page";
    // The longer of the issuing bodies' names and a công văn's V/v summary is the likelier cause.
    const bool subject =
        !header || (doc.kind == "cong-van" &&
                    h.subject.value.size() > h.issuer.value.size() + h.parent.value.size());
    d.where = subject ? h.subject.where : h.issuer.where;
    d.hints.push_back(header ? "shorten the names of the issuing body and its parent "
                               "(co_quan_ban_hanh, co_quan_chu_quan), the place (dia_danh) or "
                               "the summary after V/v (trich_yeu)"
                             : "shorten the summary (trich_yeu) or the type name");
    cx.diags.add(std::move(d));
}

// The main document measured (Kính gửi, the content, the closing) and the first-page footer.
struct Main {
    std::vector<Part> parts;
    size_t closing = 0;  // the closing's index in parts: the first-page footer is placed after it
    std::vector<ShapedLine> footer;
};

Main measure_main(LayoutContext& cx, const model::Document& doc) {
    const auto& t = cx.type();
    Main m;
    measure_addressees(cx, doc, m.parts);
    measure_blocks(cx, doc.body, t.blank(), m.parts);  // one blank line above the content
    m.parts.push_back(measure_closing(cx, doc));
    m.closing = m.parts.size() - 1;
    if (doc.body.empty()) m.parts.back().block.before += t.blank();
    // Giấy nghỉ phép: the confirmation one blank line under the closing, never split.
    if (doc.confirmation)
        m.parts.push_back(column_part(confirmation_column(cx, *doc.confirmation), t.blank(), 0,
                                      {"the confirmation block", "shorten its title lines or name",
                                       doc.confirmation->where}));
    m.footer = footer_lines(cx, doc);
    return m;
}

struct Paginated {
    Main main;
    Pagination pagination;
    core::Diagnostics diags;  // what measuring the main document reported
};

// Measures the main document in `options`' typography and paginates it with the appendices'
// parts.
Paginated run(LayoutContext& cx, const model::Document& doc, const LayoutOptions& options,
              double start, const std::vector<Part>& appendices) {
    Paginated out;
    LayoutContext mcx{cx.flow, cx.shaper, options, out.diags};
    mcx.notes = cx.notes;
    out.main = measure_main(mcx, doc);
    PaginateInput input;
    input.frame = frame_of(options.geometry);
    input.start = start;
    input.first_reserve = footer_reserve(options.type, out.main.footer.size());
    for (const auto& part : out.main.parts) input.blocks.push_back(part.block);
    for (const auto& part : appendices) input.blocks.push_back(part.block);
    input.note_height = [&cx](int note, const Frame& frame) {
        return note_height(cx, note, frame.width);
    };
    input.note_separator = cx.type().footnote_gap + cx.type().footnote_rule_gap;
    out.pagination = paginate(input);
    return out;
}

}  // namespace

Pages layout_document(const model::Document& doc, Shaper& shaper, const LayoutOptions& options,
                      core::Diagnostics& diags) {
    Pages pages;
    Flow flow(pages, options.geometry);
    LayoutContext cx{flow, shaper, options, diags};
    cx.notes = &doc.notes;

    // The header is fixed at the top of page 1; the paginator starts under it.
    const double header_bottom = place_marks(cx, doc, place_header(cx, doc));
    const double start = place_title(cx, doc, header_bottom);
    check_first_page(cx, doc, header_bottom, start);

    // Measure and paginate; the appendices keep the default typography.
    std::vector<Part> appendices;
    std::optional<Part> copy;
    core::Diagnostics appendix_diags;
    {
        LayoutContext acx{flow, shaper, options, appendix_diags};
        acx.notes = cx.notes;
        measure_appendices(acx, doc, appendices);
        // Bản sao: the copy block ends the copied document, after the closing or the last
        // appendix.
        if (doc.copy)
            copy = column_part(copy_block_column(acx, *doc.copy), acx.type().blank(), 0,
                               {"the copy block (ban_sao)",
                                "shorten the copy's Nơi nhận list (ban_sao.noi_nhan), its signer's "
                                "titles or name, or the copying body's name",
                                doc.copy->recipients.empty() ? doc.copy->signature.name.where
                                                             : doc.copy->recipients.front().where});
    }
    Paginated chosen = run(cx, doc, options, start, appendices);
    // Pages that fit: a tighter typography within the decree's limits, if it saves a page.
    LayoutOptions fitted = options;
    std::optional<core::Diagnostic> fit;
    if (doc.fit && fit_worth_trying(chosen.pagination, chosen.main.parts, options.type))
        for (const Typography& step : fit_steps(options.type)) {
            fitted.type = step;
            Paginated tried = run(cx, doc, fitted, start, appendices);
            if (tried.pagination.main_pages() < chosen.pagination.main_pages()) {
                fit = fit_note(doc, options.type, step, tried.pagination.main_pages());
                chosen = std::move(tried);
                break;
            }
            fitted.type = options.type;
        }
    // The copy keeps the pages of the document it copies (the fit rule judged the document
    // alone); its block then goes under it.
    if (copy) {
        appendices.push_back(std::move(*copy));
        chosen = run(cx, doc, fitted, start, appendices);
    }
    diags.append(chosen.diags);
    diags.append(appendix_diags);
    if (fit) diags.add(std::move(*fit));
    auto& parts = chosen.main.parts;
    const size_t closing = chosen.main.closing;
    for (auto& part : appendices) parts.push_back(std::move(part));
    const Pagination& pagination = chosen.pagination;
    if (pagination.pages.size() > core::limits::kPages) {
        core::Diagnostic d;
        d.code = "layout.too-many-pages";
        d.message = "the document would have " + std::to_string(pagination.pages.size()) +
                    " pages, more than the " + std::to_string(core::limits::kPages) +
                    " a document may have";
        d.hints.push_back(
            "split it into several documents, or send the long part as a file of "
            "its own");
        diags.add(std::move(d));
        core::throw_if_errors(diags);
    }

    // Emit.
    LayoutContext ecx{flow, shaper, fitted, diags};
    ecx.notes = cx.notes;
    std::swap(ecx.shaped_notes, cx.shaped_notes);
    for (size_t i = 1; i < pagination.pages.size(); ++i) {
        const int section = pagination.pages[i].section;
        flow.add_page(
            section, section == 0 ? options.geometry
                                  : appendix_geometry(
                                        options, doc.appendices[static_cast<size_t>(section) - 1]));
    }
    for (size_t i = 0; i < parts.size(); ++i) {
        parts[i].emit(ecx, pagination, i);
        if (i == closing) place_footer(ecx, chosen.main.footer, pages);
    }
    place_footnotes(ecx, pagination, pages);
    place_page_numbers(ecx, pages);
    cx.marks = std::move(ecx.marks);

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
