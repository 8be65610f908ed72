#include "parse/parse.hpp"
#include "parse/table_grid.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <sstream>
#include <string_view>

namespace vanthu::parse {
namespace {

using model::InlineRun;
using model::InlineStyle;
using model::Paragraph;
using model::Text;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return is_space(c); });
}

// Collapses runs of XML white space into one space, as HTML does for inline text.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool in_space = false;
    for (char c : s) {
        if (is_space(c)) {
            in_space = true;
            continue;
        }
        if (in_space) out += ' ';
        in_space = false;
        out += c;
    }
    if (in_space) out += ' ';
    return out;
}

std::string trim(std::string s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

class Parser {
  public:
    Parser(const expand::Expanded& expanded, core::Diagnostics& diags)
        : expanded_(expanded), diags_(diags) {}

    model::Document run() {
        pugi::xml_document xml;
        const auto flags = pugi::parse_default | pugi::parse_ws_pcdata;
        auto result = xml.load_buffer(expanded_.text.data(), expanded_.text.size(), flags,
                                      pugi::encoding_utf8);
        if (!result) {
            diags_.error("markup.syntax", std::string("malformed markup: ") + result.description(),
                         where(static_cast<size_t>(result.offset)));
            core::throw_if_errors(diags_);
        }
        model::Document doc;
        doc.source_file = expanded_.data_file;
        auto root = xml.document_element();
        if (std::strcmp(root.name(), "document") != 0) {
            diags_.error("markup.root", "the markup must have <document> as its root element",
                         where(root));
            core::throw_if_errors(diags_);
        }
        check_attributes(root, {"kind"});
        doc.kind = root.attribute("kind").as_string("cong-van");
        if (doc.kind != "cong-van" && doc.kind != "named")
            diags_.error("markup.kind",
                         "unknown document kind \"" + doc.kind +
                             "\" (known: cong-van, a letter with \"V/v\"; named, a document "
                             "with a type name such as KẾ HOẠCH)",
                         where(root));
        bool signed_once = false;
        for (auto child : root.children()) {
            if (skip_blank(child)) continue;
            std::string_view name = child.name();
            if (name == "header")
                read_header(child, doc.header);
            else if (name == "to")
                read_items(child, doc.addressees);
            else if (name == "body")
                read_body(child, doc);
            else if (name == "recipients")
                read_items(child, doc.recipients);
            else if (name == "drafter")
                doc.drafter = read_field(child);
            else if (name == "footer")
                doc.footer = read_field(child);
            else if (name == "signature") {
                // The first signer is the lead (host) body; the others are its partners.
                if (!signed_once)
                    read_signature(child, doc.signature);
                else
                    read_signature(child, doc.co_signatures.emplace_back());
                signed_once = true;
            } else if (name == "appendix")
                read_appendix(child, doc.appendices.emplace_back());
            else
                unknown_element(child, "<document>");
        }
        doc.notes = std::move(notes_);
        require(root, doc.header.issuer, "header/issuer");
        require(root, doc.signature.name, "signature/name");
        core::throw_if_errors(diags_);
        return doc;
    }

  private:
    core::SourceLocation where(size_t offset) const {
        return expanded_.map.locate(expanded_.text, offset);
    }
    core::SourceLocation where(const pugi::xml_node& n) const {
        return where(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())));
    }

    // Whitespace between elements and comments carry nothing; other text there is an error.
    bool skip_blank(const pugi::xml_node& n) {
        if (n.type() == pugi::node_comment || n.type() == pugi::node_pi) return true;
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            if (!is_blank(n.value()))
                diags_.error("markup.stray-text",
                             "text \"" + trim(n.value()) + "\" is not inside a paragraph or field",
                             where(n));
            return true;
        }
        return false;
    }

    void unknown_element(const pugi::xml_node& n, std::string_view parent) {
        diags_.error("markup.unknown-element",
                     "unknown element <" + std::string(n.name()) + "> in " + std::string(parent),
                     where(n));
    }

    void check_attributes(const pugi::xml_node& n, std::initializer_list<std::string_view> known) {
        for (auto a : n.attributes()) {
            if (std::find(known.begin(), known.end(), std::string_view(a.name())) == known.end())
                diags_.error("markup.unknown-attribute",
                             "unknown attribute \"" + std::string(a.name()) + "\" on <" +
                                 std::string(n.name()) + ">",
                             where(n));
        }
    }

    void require(const pugi::xml_node& root, const Text& t, std::string_view path) {
        if (t.value.empty())
            diags_.error("markup.missing",
                         "the document has no " + std::string(path) + " (it is required)",
                         where(root));
    }

    // A one-line field: text with <br/> as a forced line break, no inline styles.
    Text read_field(const pugi::xml_node& n) {
        check_attributes(n, {});
        Text t{{}, where(n)};
        for (auto c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
                t.value += c.value();
            else if (c.type() == pugi::node_element && std::string_view(c.name()) == "br")
                t.value += '\n';
            else if (c.type() == pugi::node_element)
                unknown_element(c, "<" + std::string(n.name()) + ">");
        }
        // Collapse spaces on each forced line separately.
        std::string out, line;
        for (char ch : t.value + '\n') {
            if (ch == '\n') {
                if (!out.empty()) out += '\n';
                out += trim(collapse_spaces(line));
                line.clear();
            } else {
                line += ch;
            }
        }
        t.value = out;
        return t;
    }

    void read_header(const pugi::xml_node& n, model::Header& h) {
        check_attributes(n, {});
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            Text* field = name == "parent"        ? &h.parent
                          : name == "issuer"      ? &h.issuer
                          : name == "number"      ? &h.number
                          : name == "symbol"      ? &h.symbol
                          : name == "place"       ? &h.place
                          : name == "date"        ? &h.date
                          : name == "subject"     ? &h.subject
                          : name == "type"        ? &h.type_name
                          : name == "urgency"     ? &h.marks.urgency
                          : name == "secrecy"     ? &h.marks.secrecy
                          : name == "circulation" ? &h.marks.circulation
                          : name == "draft"       ? &h.marks.draft
                                                  : nullptr;
            if (field)
                *field = read_field(c);
            else if (name == "co-issuer")
                read_co_issuer(c, h.co_issuers.emplace_back());
            else
                unknown_element(c, "<header>");
        }
    }

    // <co-issuer><parent>…</parent><issuer>…</issuer></co-issuer>: a partner of a joint document.
    void read_co_issuer(const pugi::xml_node& n, model::Issuer& issuer) {
        check_attributes(n, {});
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            if (name == "parent")
                issuer.parent = read_field(c);
            else if (name == "issuer")
                issuer.name = read_field(c);
            else
                unknown_element(c, "<co-issuer>");
        }
        if (issuer.name.empty())
            diags_.error("markup.missing", "<co-issuer> has no <issuer> (it is required)",
                         where(n));
    }

    // yes/no attribute values.
    bool read_flag(const pugi::xml_node& n, const char* name) {
        auto a = n.attribute(name);
        if (!a) return false;
        const std::string_view v = a.as_string();
        if (v == "yes" || v == "true") return true;
        if (v != "no" && v != "false")
            diags_.error("markup.attribute",
                         std::string(name) + "=\"" + std::string(v) + "\" must be yes or no",
                         where(n));
        return false;
    }

    // <appendix numbering="I 1" orientation="landscape" place-date="yes">: <label>, <title> and
    // <reference> lines, then content as in <body>.
    void read_appendix(const pugi::xml_node& n, model::Appendix& a) {
        check_attributes(n, {"numbering", "orientation", "place-date"});
        a.where = where(n);
        read_numbering(n, a.numbering);
        a.place_date = read_flag(n, "place-date");
        if (auto o = n.attribute("orientation")) {
            const std::string_view v = o.as_string();
            a.landscape = v == "landscape";
            if (v != "landscape" && v != "portrait")
                diags_.error("markup.attribute",
                             "orientation=\"" + std::string(v) + "\" must be portrait or landscape",
                             where(n));
        }
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            if (name == "label")
                a.label = read_field(c);
            else if (name == "title")
                a.title = read_field(c);
            else if (name == "reference")
                a.reference = read_field(c);
            else if (!read_block(c, a.body))
                unknown_element(c, "<appendix>");
        }
    }

    void read_items(const pugi::xml_node& n, std::vector<Text>& items) {
        check_attributes(n, {});
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            if (std::string_view(c.name()) == "item") {
                auto t = read_field(c);
                if (!t.value.empty()) items.push_back(std::move(t));
            } else {
                unknown_element(c, "<" + std::string(n.name()) + ">");
            }
        }
    }

    void read_signature(const pugi::xml_node& n, model::Signature& s) {
        check_attributes(n, {"image", "image-width"});
        s.where = where(n);
        if (auto a = n.attribute("image")) s.image = {trim(a.as_string()), where(n)};
        if (auto a = n.attribute("image-width")) {
            const std::string v = trim(a.as_string());
            char* end = nullptr;
            const double mm = std::strtod(v.c_str(), &end);
            if (v.empty() || end != v.c_str() + v.size() || !(mm >= 5) || mm > 100)
                diags_.error("markup.attribute",
                             "image-width=\"" + v + "\" is not a width from 5 to 100 (mm)",
                             where(n));
            else
                s.image_width_mm = mm;
        }
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            if (name == "title")
                s.titles.push_back(read_field(c));
            else if (name == "name")
                s.name = read_field(c);
            else if (name == "note")
                s.note = read_field(c);
            else
                unknown_element(c, "<signature>");
        }
    }

    // numbering="I 1 1.1": the label style of <h1>, <h2>, <h3>.
    void read_numbering(const pugi::xml_node& n, std::vector<std::string>& out) {
        std::string spec = n.attribute("numbering").as_string();
        std::istringstream in(spec);
        std::string token;
        while (in >> token) {
            if (token == "A" || token == "I" || token == "1" || token == "1.1" || token == "a" ||
                token == "-")
                out.push_back(token == "-" ? "" : token);
            else
                diags_.error("markup.numbering",
                             "unknown numbering style \"" + token +
                                 "\" (known: A, I, 1, 1.1, a, and - for none)",
                             where(n));
        }
    }

    void read_body(const pugi::xml_node& n, model::Document& doc) {
        check_attributes(n, {"numbering"});
        read_numbering(n, doc.numbering);
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            if (!read_block(c, doc.body)) unknown_element(c, "<body>");
        }
    }

    // A content element (<h1>…<h5>, <p>, <ul>, <table>) appended to `body`; false for others.
    bool read_block(const pugi::xml_node& c, std::vector<model::Block>& body) {
        std::string_view name = c.name();
        if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '5') {
            check_attributes(c, {"plain"});
            Paragraph p = read_paragraph(c, 0, /*stop_at_list=*/false, /*check=*/false);
            p.heading_level = name[1] - '0';
            p.plain_heading = read_flag(c, "plain");
            push_paragraph(body, std::move(p));
        } else if (name == "p")
            push_paragraph(body, read_paragraph(c, 0));
        else if (name == "ul")
            read_list(c, 1, body);
        else if (name == "table")
            read_table(c, body);
        else
            return false;
        return true;
    }

    // <ul><li>…</li></ul>: each item is a paragraph opened by "- " (level 1) or "+ " (level 2),
    // the way Vietnamese offices write lists (plain characters, no bullet glyphs).
    void read_list(const pugi::xml_node& n, int level, std::vector<model::Block>& body) {
        check_attributes(n, {});
        if (level > 2) {
            diags_.error("markup.list-depth", "lists nest at most two levels (\"-\" then \"+\")",
                         where(n));
            return;
        }
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            if (std::string_view(c.name()) != "li") {
                unknown_element(c, "<ul>");
                continue;
            }
            check_attributes(c, {});
            // Inline content of the item up to a nested <ul>, which follows as its own items.
            Paragraph p = read_paragraph(c, level, /*stop_at_list=*/true);
            push_paragraph(body, std::move(p));
            for (auto sub : c.children("ul")) read_list(sub, level + 1, body);
        }
    }

    // <table widths="1 25mm auto" size="12" stt="1." stt-title="STT" align="left right">:
    // <thead> rows (repeated on every page), then <tbody> rows or bare <tr>; cells <th>/<td>
    // with colspan, rowspan and align. The column attributes are read in table_grid.cpp.
    void read_table(const pugi::xml_node& n, std::vector<model::Block>& body) {
        check_attributes(n, {"widths", "size", "stt", "stt-title", "align"});
        TableDraft draft;
        model::Table& table = draft.table;
        table.where = where(n);
        read_widths(n.attribute("widths").as_string(), table.where, draft, diags_);
        read_aligns(n.attribute("align").as_string(), table.where, draft, diags_);
        if (auto a = n.attribute("size")) {
            const std::string v = trim(a.as_string());
            char* end = nullptr;
            const double size = std::strtod(v.c_str(), &end);
            if (v.empty() || end != v.c_str() + v.size() || size < 6 || size > 20)
                diags_.error("markup.table-size",
                             "table size=\"" + v + "\" is not a font size from 6 to 20 (pt)",
                             where(n));
            else
                table.font_size = size;
        }
        if (auto a = n.attribute("stt")) {
            table.stt = trim(a.as_string());
            if (table.stt != "1." && table.stt != "1") {
                diags_.error(
                    "markup.table-stt",
                    "stt=\"" + table.stt +
                        "\" is not an STT numbering: \"1.\" (1., 2., …) or \"1\" (1, 2, …)",
                    where(n));
                table.stt.clear();
            }
        }
        const auto title = n.attribute("stt-title");
        if (title && !n.attribute("stt"))
            diags_.error("markup.table-stt", "stt-title needs stt=\"1.\" or stt=\"1\" on <table>",
                         where(n));
        bool body_rows = false;
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            if (name == "thead") {
                check_attributes(c, {});
                if (body_rows)
                    diags_.error("markup.table-head",
                                 "<thead> must come before the table's body rows", where(c));
                read_table_rows(c, true, draft);
            } else if (name == "tbody") {
                check_attributes(c, {});
                read_table_rows(c, false, draft);
                body_rows = true;
            } else if (name == "tr") {
                read_row(c, false, draft);
                body_rows = true;
            } else {
                unknown_element(c, "<table>");
            }
        }
        if (!table.stt.empty())
            add_stt_column(draft, title ? trim(collapse_spaces(title.as_string())) : "STT");
        place_cells(table, diags_);
        apply_column_attributes(draft, diags_);
        body.emplace_back(std::move(table));
    }

    void read_table_rows(const pugi::xml_node& n, bool header, TableDraft& draft) {
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            if (std::string_view(c.name()) == "tr")
                read_row(c, header, draft);
            else
                unknown_element(c, "<" + std::string(n.name()) + ">");
        }
    }

    int read_span(const pugi::xml_node& cell, const char* name) {
        auto a = cell.attribute(name);
        if (!a) return 1;
        const std::string v = trim(a.as_string());
        const bool digits =
            !v.empty() && v.size() <= 3 &&
            std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        const int span = digits ? std::stoi(v) : 0;
        if (span < 1) {
            diags_.error("markup.table-span",
                         std::string(name) + "=\"" + v + "\" is not a whole number from 1 to 999",
                         where(cell));
            return 1;
        }
        return span;
    }

    // <tr stt="no">: a body row left out of the STT numbering (a group or total row).
    void read_row(const pugi::xml_node& n, bool header, TableDraft& draft) {
        check_attributes(n, {"stt"});
        model::TableRow row;
        row.header = header;
        row.where = where(n);
        bool numbered = true;
        if (auto a = n.attribute("stt")) {
            const std::string_view v = a.as_string();
            if (draft.table.stt.empty() || header)
                diags_.error("markup.table-stt",
                             header ? "stt on a <thead> row: header rows are never numbered"
                                    : "stt on <tr> needs stt=\"1.\" or stt=\"1\" on <table>",
                             row.where);
            else if (v == "no")
                numbered = false;
            else if (v != "yes")
                diags_.error("markup.attribute",
                             "stt=\"" + std::string(v) + "\" on <tr> must be yes or no", row.where);
        }
        std::vector<bool> aligned;
        for (auto c : n.children()) {
            if (skip_blank(c)) continue;
            std::string_view name = c.name();
            if (name != "td" && name != "th") {
                unknown_element(c, "<tr>");
                continue;
            }
            check_attributes(c, {"colspan", "rowspan", "align"});
            model::TableCell cell;
            cell.where = where(c);
            cell.header = name == "th";
            cell.align =
                cell.header ? model::TableCell::Align::center : model::TableCell::Align::left;
            cell.colspan = read_span(c, "colspan");
            cell.rowspan = read_span(c, "rowspan");
            if (auto a = c.attribute("align")) {
                const std::string_view v = a.as_string();
                if (!parse_align(v, cell.align))
                    diags_.error("markup.table-align",
                                 "align=\"" + std::string(v) +
                                     "\" is not one of left, center, right, justify",
                                 where(c));
            }
            aligned.push_back(static_cast<bool>(c.attribute("align")));
            read_inline(c, {}, false, cell.runs, false);
            normalise_spaces(cell.runs);
            row.cells.push_back(std::move(cell));
        }
        if (header) ++draft.table.header_rows;
        draft.table.rows.push_back(std::move(row));
        draft.aligned.push_back(std::move(aligned));
        draft.numbered.push_back(numbered);
    }

    void push_paragraph(std::vector<model::Block>& body, Paragraph p) {
        if (!p.runs.empty()) body.emplace_back(std::move(p));
    }

    Paragraph read_paragraph(const pugi::xml_node& n, int level, bool stop_at_list = false,
                             bool check = true) {
        if (!stop_at_list && check) check_attributes(n, {});
        Paragraph p;
        p.where = where(n);
        p.list_level = level;
        if (level > 0) p.runs.push_back({level == 1 ? "- " : "+ ", {}, false});
        read_inline(n, {}, false, p.runs, stop_at_list);
        normalise_spaces(p.runs);
        return p;
    }

    void read_inline(const pugi::xml_node& n, InlineStyle style, bool nobreak,
                     std::vector<InlineRun>& p, bool skip_lists) {
        for (auto c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                append_run(p, collapse_spaces(c.value()), style, nobreak);
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            std::string_view name = c.name();
            if (skip_lists && name == "ul") continue;
            check_attributes(c, {});
            InlineStyle s = style;
            bool nb = nobreak;
            if (name == "b")
                s.bold = true;
            else if (name == "i")
                s.italic = true;
            else if (name == "u")
                s.underline = true;
            else if (name == "sup")
                s.superscript = true;
            else if (name == "nobr")
                nb = true;
            else if (name == "checkbox") {
                // <checkbox/>: an empty box (U+25A1) to tick on a printed form.
                if (!c.first_child().empty())
                    diags_.error("markup.checkbox", "<checkbox/> takes no content", where(c));
                append_run(p, "\u25A1", style, nobreak);
                continue;
            } else if (name == "note") {
                read_note(c, p);
                continue;
            } else {
                unknown_element(c, "a paragraph");
                continue;
            }
            read_inline(c, s, nb, p, false);
        }
    }

    // <note>…</note>: the footnote's text goes to the document's notes; its number, superscript,
    // stays in the text where the note was written.
    void read_note(const pugi::xml_node& n, std::vector<InlineRun>& runs) {
        if (in_note_) {
            diags_.error("markup.note", "a <note> cannot contain another <note>", where(n));
            return;
        }
        in_note_ = true;
        Paragraph note;
        note.where = where(n);
        read_inline(n, {}, false, note.runs, false);
        normalise_spaces(note.runs);
        in_note_ = false;
        if (note.runs.empty()) {
            diags_.error("markup.note", "the <note> is empty", where(n));
            return;
        }
        notes_.push_back(std::move(note));
        const int number = static_cast<int>(notes_.size());
        InlineStyle marker;
        marker.superscript = true;
        runs.push_back({std::to_string(number), marker, true, number});
    }

    static void append_run(std::vector<InlineRun>& runs, std::string text, InlineStyle style,
                           bool nobreak) {
        if (text.empty()) return;
        if (!runs.empty() && runs.back().style == style && runs.back().nobreak == nobreak &&
            runs.back().note == 0)
            runs.back().text += text;
        else
            runs.push_back({std::move(text), style, nobreak});
    }

    // Spaces were collapsed per text node; now drop leading/trailing space of the paragraph and
    // double spaces where two runs meet.
    static void normalise_spaces(std::vector<InlineRun>& runs) {
        bool prev_space = true;  // drops leading spaces
        for (auto& r : runs) {
            std::string out;
            for (char c : r.text) {
                if (c == ' ' && prev_space) continue;
                out += c;
                prev_space = c == ' ';
            }
            r.text = std::move(out);
        }
        for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
            while (!it->text.empty() && it->text.back() == ' ') it->text.pop_back();
            if (!it->text.empty()) break;
        }
        std::erase_if(runs, [](const InlineRun& r) { return r.text.empty(); });
    }

    const expand::Expanded& expanded_;
    core::Diagnostics& diags_;
    std::vector<Paragraph> notes_;
    bool in_note_ = false;
};

}  // namespace

model::Document parse(const expand::Expanded& expanded, core::Diagnostics& diags) {
    return Parser(expanded, diags).run();
}

}  // namespace vanthu::parse
