// Markdown-like inline marks in rendered markup: **bold**, *italic*, __underline__, ^[note].
#include "expand/inline_markup.hpp"

#include <algorithm>
#include <iterator>
#include <list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/limits.hpp"
#include "expand/rendered_markup.hpp"

namespace vanthu::expand::rendered {

namespace {

// One character of a run: its bytes as written in the markup (a UTF-8 character or a whole
// entity), its code point (for the flanking rules) and whether it can be a mark.
struct Char {
    std::string_view raw;
    char32_t cp = 0;
    bool mark = false;  // typed in text and not escaped by a backslash
};

char32_t first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    const auto cont = [&s](size_t i) {
        return i < s.size() ? static_cast<char32_t>(static_cast<unsigned char>(s[i]) & 0x3F) : 0;
    };
    if (b < 0x80) return b;
    if (b < 0xE0) return (static_cast<char32_t>(b & 0x1F) << 6) | cont(1);
    if (b < 0xF0) return (static_cast<char32_t>(b & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    return (static_cast<char32_t>(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

size_t utf8_length(unsigned char b) {
    if (b < 0xC0) return 1;
    if (b < 0xE0) return 2;
    if (b < 0xF0) return 3;
    return 4;
}

bool is_white(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

// ASCII punctuation and the Unicode punctuation and symbols Vietnamese text meets (quotes,
// dashes, ellipsis, « », °, ², ¹ …).
bool is_punct(char32_t c) {
    if (c < 0x80)
        return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
               (c >= 0x7B && c <= 0x7E);
    return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2010 && c <= 0x2027) ||
           (c >= 0x2030 && c <= 0x205E) || (c >= 0x2070 && c <= 0x209F) ||
           (c >= 0x3001 && c <= 0x303F);
}

bool is_escapable(char c) {
    return c == '\\' || c == '*' || c == '_' || c == '^' || c == '[' || c == ']';
}

// The characters of one run of text and entity tokens, backslash escapes applied.
std::vector<Char> chars_of(const std::string& s, const std::vector<Token>& tokens, size_t from,
                           size_t to) {
    std::vector<Char> out;
    for (size_t k = from; k < to; ++k) {
        const Token& t = tokens[k];
        const std::string_view piece(s.data() + t.begin, t.end - t.begin);
        if (t.kind == Kind::entity) {
            const auto c = decode_entity(piece);
            out.push_back({piece, c ? first_code_point(*c) : U'x', false});
            continue;
        }
        for (size_t i = 0; i < piece.size();) {
            const size_t n =
                std::min(utf8_length(static_cast<unsigned char>(piece[i])), piece.size() - i);
            if (piece[i] == '\\' && i + 1 < piece.size() && is_escapable(piece[i + 1])) {
                out.push_back({piece.substr(i + 1, 1), static_cast<char32_t>(piece[i + 1]), false});
                i += 2;
                continue;
            }
            const std::string_view ch = piece.substr(i, n);
            const bool mark = n == 1 && (ch[0] == '*' || ch[0] == '_' || ch[0] == '^' ||
                                         ch[0] == '[' || ch[0] == ']');
            out.push_back({ch, first_code_point(ch), mark});
            i += n;
        }
    }
    return out;
}

// The run as a tree: text, unpaired delimiter runs (written back as typed) and elements.
struct Node {
    enum class Type { text, delimiters, element } type = Type::text;
    std::string text;  // text: the escaped bytes; element: the tag name
    char mark = 0;     // delimiters: '*' or '_'
    int count = 0;     // delimiters left unpaired
    int typed = 0;     // delimiters in the run as typed (rule of three)
    bool can_open = false;
    bool can_close = false;
    long order = 0;  // place in the run, never decreasing along a list of nodes
    int depth = 0;   // element: how many elements deep its tree goes, itself included
    std::list<Node> children;
};

bool can_pair(const Node& opener, const Node& closer) {
    if (opener.type != Node::Type::delimiters || opener.mark != closer.mark || !opener.can_open ||
        opener.count == 0)
        return false;
    if (closer.mark == '_') return opener.count >= 2 && closer.count >= 2;
    // CommonMark's rule of three: "*a**b*" is not "*a*" + "*b*" … paired the wrong way.
    if ((opener.can_close || closer.can_open) && (opener.typed + closer.typed) % 3 == 0)
        return opener.typed % 3 == 0 && closer.typed % 3 == 0;
    return true;
}

// CommonMark's "process emphasis" on one level of nodes.
void pair_delimiters(std::list<Node>& nodes) {
    using It = std::list<Node>::iterator;
    // Per kind of closer, the order up to which no node can open for it (CommonMark's
    // openers_bottom), so that a run of lone closers stays linear.
    std::map<std::tuple<char, bool, int>, long> bottom;
    for (It closer = nodes.begin(); closer != nodes.end();) {
        if (closer->type != Node::Type::delimiters || !closer->can_close || closer->count == 0) {
            ++closer;
            continue;
        }
        const auto key = std::make_tuple(closer->mark, closer->can_open, closer->typed % 3);
        const auto stop = bottom.find(key);
        const long bound = stop == bottom.end() ? -1 : stop->second;
        std::optional<It> opener;
        for (It it = closer; it != nodes.begin();) {
            --it;
            if (it->order <= bound) break;
            if (can_pair(*it, *closer)) {
                opener = it;
                break;
            }
        }
        if (!opener) {
            bottom.insert_or_assign(key, closer->order - 1);
            ++closer;
            continue;
        }
        const int use =
            closer->mark == '_' || (closer->count >= 2 && (*opener)->count >= 2) ? 2 : 1;
        Node element;
        element.type = Node::Type::element;
        element.text = closer->mark == '_' ? "u" : use == 2 ? "b" : "i";
        element.order = (*opener)->order;
        element.children.splice(element.children.end(), nodes, std::next(*opener), closer);
        for (const Node& child : element.children)
            element.depth = std::max(element.depth, child.depth);
        // Checked as the tree grows: writing and freeing it recurse once per level.
        if (++element.depth > core::limits::kInlineNesting)
            throw std::length_error("marks nested more than " +
                                    std::to_string(core::limits::kInlineNesting) +
                                    " levels deep (**, *, __ inside one another)");
        nodes.insert(closer, std::move(element));
        (*opener)->count -= use;
        closer->count -= use;
        if ((*opener)->count == 0) nodes.erase(*opener);
        if (closer->count == 0) closer = nodes.erase(closer);
    }
}

class Parser {
  public:
    explicit Parser(std::vector<Char> chars) : c_(std::move(chars)) {}

    std::list<Node> parse() { return parse(0, c_.size(), false); }

  private:
    bool is_mark(size_t i, char m) const {
        return i < c_.size() && c_[i].mark && c_[i].raw[0] == m;
    }

    // The "]" closing the "[" at `open`, counting the brackets between; npos if none.
    size_t closing_bracket(size_t open, size_t end) const {
        int depth = 0;
        for (size_t i = open; i < end; ++i) {
            if (is_mark(i, '[')) ++depth;
            if (is_mark(i, ']') && --depth == 0) return i;
        }
        return std::string::npos;
    }

    bool has_text(size_t begin, size_t end) const {
        for (size_t i = begin; i < end; ++i)
            if (!is_white(c_[i].cp)) return true;
        return false;
    }

    std::list<Node> parse(size_t begin, size_t end, bool in_note) {
        std::list<Node> nodes;
        long order = 0;
        const auto add = [&nodes, &order](Node n) {
            n.order = order++;
            nodes.push_back(std::move(n));
        };
        const auto add_text = [&](std::string_view raw) {
            if (nodes.empty() || nodes.back().type != Node::Type::text) add(Node{});
            nodes.back().text += raw;
        };
        for (size_t i = begin; i < end;) {
            if (!in_note && is_mark(i, '^') && is_mark(i + 1, '[') && i + 1 < end) {
                const size_t close = closing_bracket(i + 1, end);
                if (close != std::string::npos && has_text(i + 2, close)) {
                    Node note;
                    note.type = Node::Type::element;
                    note.text = "note";
                    note.children = parse(i + 2, close, true);
                    add(std::move(note));
                    i = close + 1;
                    continue;
                }
            }
            if (is_mark(i, '*') || is_mark(i, '_')) {
                const char m = c_[i].raw[0];
                size_t j = i;
                while (j < end && is_mark(j, m)) ++j;
                add(delimiters(m, i, j, begin, end));
                i = j;
                continue;
            }
            add_text(c_[i].raw);
            ++i;
        }
        pair_delimiters(nodes);
        return nodes;
    }

    // The delimiter run [i, j) of `m`, with CommonMark's flanking rules; the ends of the
    // range count as white space.
    Node delimiters(char m, size_t i, size_t j, size_t begin, size_t end) const {
        const char32_t before = i > begin ? c_[i - 1].cp : U' ';
        const char32_t after = j < end ? c_[j].cp : U' ';
        const bool left =
            !is_white(after) && (!is_punct(after) || is_white(before) || is_punct(before));
        const bool right =
            !is_white(before) && (!is_punct(before) || is_white(after) || is_punct(after));
        Node d;
        d.type = Node::Type::delimiters;
        d.mark = m;
        d.count = d.typed = static_cast<int>(j - i);
        d.can_open = m == '*' ? left : left && (!right || is_punct(before));
        d.can_close = m == '*' ? right : right && (!left || is_punct(after));
        return d;
    }

    std::vector<Char> c_;
};

void write(const std::list<Node>& nodes, std::string& out) {
    for (const Node& n : nodes) {
        switch (n.type) {
            case Node::Type::text:
                out += n.text;
                break;
            case Node::Type::delimiters:
                out.append(static_cast<size_t>(n.count), n.mark);
                break;
            case Node::Type::element:
                out += "<" + n.text + ">";
                write(n.children, out);
                out += "</" + n.text + ">";
                break;
        }
    }
}

}  // namespace

std::string inline_markup(const std::string& markup) {
    const std::vector<Token> tokens = tokenize(markup);
    std::string out;
    out.reserve(markup.size() + 16);
    for (size_t k = 0; k < tokens.size();) {
        const Token& t = tokens[k];
        if (t.kind == Kind::tag || t.kind == Kind::marker) {
            out.append(markup, t.begin, t.end - t.begin);
            ++k;
            continue;
        }
        size_t end = k;
        while (end < tokens.size() &&
               (tokens[end].kind == Kind::text || tokens[end].kind == Kind::entity))
            ++end;
        write(Parser(chars_of(markup, tokens, k, end)).parse(), out);
        k = end;
    }
    return out;
}

}  // namespace vanthu::expand::rendered
