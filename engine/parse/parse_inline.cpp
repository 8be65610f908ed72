// Text in the markup: white space, one-line fields, paragraphs with inline styles, footnotes,
// and the checks every element shares (attributes, stray text, unknown elements).
#include <algorithm>

#include "parse/parser.hpp"

namespace vanthu::parse::detail {

using model::InlineRun;
using model::InlineStyle;
using model::Paragraph;
using model::Text;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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

bool Parser::skip_blank(const pugi::xml_node& n) {
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

void Parser::unknown_element(const pugi::xml_node& n, std::string_view parent) {
    diags_.error("markup.unknown-element",
                 "unknown element <" + std::string(n.name()) + "> in " + std::string(parent),
                 where(n));
}

void Parser::check_attributes(const pugi::xml_node& n,
                              std::initializer_list<std::string_view> known) {
    for (auto a : n.attributes()) {
        if (std::find(known.begin(), known.end(), std::string_view(a.name())) == known.end())
            diags_.error("markup.unknown-attribute",
                         "unknown attribute \"" + std::string(a.name()) + "\" on <" +
                             std::string(n.name()) + ">",
                         where(n));
    }
}

void Parser::require(const pugi::xml_node& root, const Text& t, std::string_view path) {
    if (t.value.empty())
        diags_.error("markup.missing",
                     "the document has no " + std::string(path) + " (it is required)", where(root));
}

Text Parser::read_field(const pugi::xml_node& n) {
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

bool Parser::read_flag(const pugi::xml_node& n, const char* name) {
    auto a = n.attribute(name);
    if (!a) return false;
    const std::string_view v = a.as_string();
    if (v == "yes" || v == "true") return true;
    if (v != "no" && v != "false")
        diags_.error("markup.attribute",
                     std::string(name) + "=\"" + std::string(v) + "\" must be yes or no", where(n));
    return false;
}

void Parser::push_paragraph(std::vector<model::Block>& body, Paragraph p) {
    if (!p.runs.empty()) body.emplace_back(std::move(p));
}

Paragraph Parser::read_paragraph(const pugi::xml_node& n, int level, bool stop_at_list,
                                 bool check) {
    if (!stop_at_list && check) check_attributes(n, {});
    Paragraph p;
    p.where = where(n);
    p.list_level = level;
    if (level > 0) p.runs.push_back({level == 1 ? "- " : "+ ", {}, false});
    read_inline(n, {}, false, p.runs, stop_at_list);
    normalise_spaces(p.runs);
    return p;
}

void Parser::read_inline(const pugi::xml_node& n, InlineStyle style, bool nobreak,
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

void Parser::read_note(const pugi::xml_node& n, std::vector<InlineRun>& runs) {
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

void Parser::append_run(std::vector<InlineRun>& runs, std::string text, InlineStyle style,
                        bool nobreak) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().style == style && runs.back().nobreak == nobreak &&
        runs.back().note == 0)
        runs.back().text += text;
    else
        runs.push_back({std::move(text), style, nobreak});
}

void Parser::normalise_spaces(std::vector<InlineRun>& runs) {
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

}  // namespace vanthu::parse::detail
