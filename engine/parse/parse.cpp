// The document and its parts: <document>, <header>, <signature>, <appendix>, the block
// elements of <body>. Tables are read in parse_table.cpp, text in parse_inline.cpp.
#include "parse/parse.hpp"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "parse/parser.hpp"
#include "text/text.hpp"

namespace vanthu::parse {
namespace detail {

using model::InlineRun;
using model::InlineStyle;
using model::Paragraph;
using model::Text;

model::Document Parser::run() {
    pugi::xml_document xml;
    const auto flags = pugi::parse_default | pugi::parse_ws_pcdata;
    auto result =
        xml.load_buffer(expanded_.text.data(), expanded_.text.size(), flags, pugi::encoding_utf8);
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
        } else if (name == "confirmation")
            read_confirmation(child, doc, signed_once);
        else if (name == "appendix")
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

void Parser::read_header(const pugi::xml_node& n, model::Header& h) {
    check_attributes(n, {"place-date"});
    h.place_date = !n.attribute("place-date") || read_flag(n, "place-date");
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

void Parser::read_co_issuer(const pugi::xml_node& n, model::Issuer& issuer) {
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
        diags_.error("markup.missing", "<co-issuer> has no <issuer> (it is required)", where(n));
}

void Parser::read_appendix(const pugi::xml_node& n, model::Appendix& a) {
    check_attributes(n, {"numbering", "orientation", "place-date", "header"});
    a.where = where(n);
    read_numbering(n, a.numbering);
    a.place_date = read_flag(n, "place-date");
    a.own_header = read_flag(n, "header");
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
        else if (name == "signature" && !a.signature)
            read_signature(c, a.signature.emplace());
        else if (name == "signature")
            diags_.error("markup.order",
                         "a second <signature> in one <appendix>: an attached document has one "
                         "signature block, that of the authority issuing it",
                         where(c));
        else if (a.signature)  // the attached document's signature closes it (Mẫu 1.3)
            diags_.error("markup.order",
                         "<" + std::string(name) +
                             "> comes after the <signature> of its <appendix>: the signature "
                             "is the last element of an attached document, put <" +
                             std::string(name) + "> before it",
                         where(c));
        else if (!read_block(c, a.body))
            unknown_element(c, "<appendix>");
    }
    if (a.own_header && a.label.empty())
        diags_.error("markup.missing",
                     "<appendix header=\"yes\"> has no <label>: write the attached document's "
                     "type name there (QUY CHẾ, QUY ĐỊNH, ĐIỀU LỆ …)",
                     where(n));
}

void Parser::read_items(const pugi::xml_node& n, std::vector<Text>& items) {
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

void Parser::read_signature(const pugi::xml_node& n, model::Signature& s) {
    check_attributes(n, {"image", "image-width"});
    s.where = where(n);
    if (auto a = n.attribute("image")) s.image = {trim(a.as_string()), where(n)};
    if (auto a = n.attribute("image-width")) {
        const std::string v = trim(a.as_string());
        char* end = nullptr;
        const double mm = std::strtod(v.c_str(), &end);
        if (v.empty() || end != v.c_str() + v.size() || !(mm >= 5) || mm > 100)
            diags_.error("markup.attribute",
                         "image-width=\"" + v + "\" is not a width from 5 to 100 (mm)", where(n));
        else
            s.image_width_mm = mm;
    }
    read_signer_lines(n, s, "<signature>");
}

void Parser::read_signer_lines(const pugi::xml_node& n, model::Signature& s, const char* element) {
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
            unknown_element(c, element);
    }
}

void Parser::read_confirmation(const pugi::xml_node& n, model::Document& doc, bool signed_before) {
    check_attributes(n, {});
    if (doc.confirmation) {
        diags_.error("markup.order",
                     "a second <confirmation>: a giấy nghỉ phép has one confirmation block",
                     where(n));
        return;
    }
    if (!signed_before)
        diags_.error("markup.order",
                     "<confirmation> comes before <signature>: the confirmation block stands "
                     "under the closing, put it after <signature>",
                     where(n));
    auto& c = doc.confirmation.emplace();
    c.where = where(n);
    read_signer_lines(n, c, "<confirmation>");
    if (c.titles.empty())
        diags_.error("markup.missing",
                     "<confirmation> has no <title>: write what is confirmed and by whom, as "
                     "\"Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép "
                     "(nếu cần)\"",
                     where(n));
}

void Parser::read_numbering(const pugi::xml_node& n, std::vector<std::string>& out) {
    std::string spec = n.attribute("numbering").as_string();
    std::istringstream in(spec);
    std::string token;
    while (in >> token) {
        token = text::nfc(token);  // "Điều" typed decomposed is the same word
        // The outline styles, then the structure of legal texts (ND30 §2.7.1): Phần I, Chương I,
        // Mục 1 (label over a centred title), Điều 1. (numbered through the document).
        if (token == "A" || token == "I" || token == "1" || token == "1.1" || token == "a" ||
            token == "-" || token == "Phần" || token == "Chương" || token == "Mục" ||
            token == "Điều")
            out.push_back(token == "-" ? "" : token);
        else
            diags_.error("markup.numbering",
                         "unknown numbering style \"" + token +
                             "\" (known: A, I, 1, 1.1, a, Phần, Chương, Mục, Điều, and - for none)",
                         where(n));
    }
}

Paragraph::Align Parser::read_align(const pugi::xml_node& n) {
    const auto a = n.attribute("align");
    if (!a) return Paragraph::Align::justify;
    const std::string_view v = a.as_string();
    if (v == "center") return Paragraph::Align::center;
    if (v == "left") return Paragraph::Align::left;
    if (v == "right") return Paragraph::Align::right;
    if (v != "justify")
        diags_.error("markup.attribute",
                     "align=\"" + std::string(v) + "\" must be center, left, right or justify",
                     where(n));
    return Paragraph::Align::justify;
}

void Parser::read_body(const pugi::xml_node& n, model::Document& doc) {
    check_attributes(n, {"numbering"});
    read_numbering(n, doc.numbering);
    for (auto c : n.children()) {
        if (skip_blank(c)) continue;
        if (!read_block(c, doc.body)) unknown_element(c, "<body>");
    }
}

bool Parser::read_block(const pugi::xml_node& c, std::vector<model::Block>& body) {
    std::string_view name = c.name();
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '5') {
        check_attributes(c, {"plain", "keep-case"});
        Paragraph p = read_paragraph(c, 0, /*stop_at_list=*/false, /*check=*/false);
        p.heading_level = name[1] - '0';
        p.plain_heading = read_flag(c, "plain");
        p.keep_case = read_flag(c, "keep-case");
        push_paragraph(body, std::move(p));
    } else if (name == "p") {
        check_attributes(c, {"align"});
        Paragraph p = read_paragraph(c, 0, /*stop_at_list=*/false, /*check=*/false);
        p.align = read_align(c);
        push_paragraph(body, std::move(p));
    } else if (name == "ul")
        read_list(c, 1, body);
    else if (name == "table")
        read_table(c, body);
    else
        return false;
    return true;
}

void Parser::read_list(const pugi::xml_node& n, int level, std::vector<model::Block>& body) {
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
        // An item holding only a nested list (the templates' "+ " item, <li><ul>…</ul></li>)
        // would be its marker alone, a lone "-" line.
        const bool has_content = std::any_of(c.begin(), c.end(), [](const pugi::xml_node& k) {
            if (k.type() == pugi::node_element) return std::string_view(k.name()) != "ul";
            const bool text = k.type() == pugi::node_pcdata || k.type() == pugi::node_cdata;
            return text && std::string_view(k.value()).find_first_not_of(" \t\r\n") !=
                               std::string_view::npos;
        });
        if (has_content) push_paragraph(body, std::move(p));
        for (auto sub : c.children("ul")) read_list(sub, level + 1, body);
    }
}

}  // namespace detail

model::Document parse(const expand::Expanded& expanded, core::Diagnostics& diags) {
    return detail::Parser(expanded, diags).run();
}

}  // namespace vanthu::parse
