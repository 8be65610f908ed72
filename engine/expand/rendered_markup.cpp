// Rendered markup as the helpers see it: text, entities, tags and line markers, so that a
// helper changes only character data and never breaks the XML or the source map.
#include "expand/rendered_markup.hpp"

#include "core/xml_escape.hpp"

#include <cstdint>
#include <optional>

namespace vanthu::expand::rendered {

namespace {

constexpr char kMarkBegin = '\x01';
constexpr char kMarkEnd = '\x02';

}  // namespace

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// End of the tag starting with '<' at `pos` (just past its '>'), or npos if it is not closed.
size_t tag_end(const std::string& s, size_t pos) {
    const auto past = [&s](size_t from, const char* close, size_t len) {
        const size_t at = s.find(close, from);
        return at == std::string::npos ? at : at + len;
    };
    if (s.compare(pos, 4, "<!--") == 0) return past(pos + 4, "-->", 3);
    if (s.compare(pos, 9, "<![CDATA[") == 0) return past(pos + 9, "]]>", 3);
    if (s.compare(pos, 2, "<?") == 0) return past(pos + 2, "?>", 2);
    // "<name", "</name": anything else ("a < b" in template text) is not a tag.
    const size_t n = pos + 1 < s.size() && s[pos + 1] == '/' ? pos + 2 : pos + 1;
    if (n >= s.size()) return std::string::npos;
    const char first = s[n];
    const bool name_start = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                            first == '_' || first == ':' ||
                            static_cast<unsigned char>(first) >= 0x80;
    if (!name_start) return std::string::npos;
    char quote = 0;
    for (size_t i = pos + 1; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        } else if (c == '<' || c == kMarkBegin) {
            return std::string::npos;
        }
    }
    return std::string::npos;
}

}  // namespace

// Splits rendered markup into text, entities (&name; / &#n;), tags (<…>, comments, CDATA,
// processing instructions) and line markers. A '<' or '&' that starts nothing is text.
std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> tokens;
    const auto add_text = [&tokens](size_t b, size_t e) {
        if (b == e) return;
        if (!tokens.empty() && tokens.back().kind == Kind::text && tokens.back().end == b)
            tokens.back().end = e;
        else
            tokens.push_back({Kind::text, b, e});
    };
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == kMarkBegin) {
            const size_t close = s.find(kMarkEnd, i + 1);
            const size_t e = close == std::string::npos ? s.size() : close + 1;
            tokens.push_back({Kind::marker, i, e});
            i = e;
        } else if (c == '<') {
            const size_t e = tag_end(s, i);
            if (e == std::string::npos) {
                add_text(i, i + 1);
                ++i;
            } else {
                tokens.push_back({Kind::tag, i, e});
                i = e;
            }
        } else if (c == '&') {
            size_t j = i + 1;
            while (j < s.size() && j - i <= 32 && is_name_char(s[j])) ++j;
            if (j < s.size() && s[j] == ';' && j > i + 1) {
                tokens.push_back({Kind::entity, i, j + 1});
                i = j + 1;
            } else {
                add_text(i, i + 1);
                ++i;
            }
        } else {
            size_t j = i + 1;
            while (j < s.size() && s[j] != kMarkBegin && s[j] != '<' && s[j] != '&') ++j;
            add_text(i, j);
            i = j;
        }
    }
    return tokens;
}

namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

// The character an entity ("&amp;", "&#273;", "&#x111;") stands for; nullopt if unknown.
std::optional<std::string> decode_entity(std::string_view e) {
    const std::string_view name = e.substr(1, e.size() - 2);
    if (name == "amp") return "&";
    if (name == "lt") return "<";
    if (name == "gt") return ">";
    if (name == "quot") return "\"";
    if (name == "apos") return "'";
    if (name.size() < 2 || name[0] != '#') return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    uint32_t cp = 0;
    for (const char c : digits) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
        if (v < 0) return std::nullopt;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    }
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0xD800) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed) return std::nullopt;
    std::string out;
    append_utf8(out, cp);
    return out;
}

// Applies `f` to the character data of `markup`: each run of text and entities between tags,
// markers and unknown entities is decoded, mapped and escaped again; the rest is kept as is.
std::string map_text(const std::string& markup,
                     const std::function<std::string(const std::string&)>& f) {
    std::string out, run;
    out.reserve(markup.size());
    const auto flush = [&] {
        if (run.empty()) return;
        out += core::xml_escape(f(run));
        run.clear();
    };
    for (const Token& t : tokenize(markup)) {
        const std::string_view piece(markup.data() + t.begin, t.end - t.begin);
        if (t.kind == Kind::text) {
            run += piece;
        } else if (t.kind == Kind::entity) {
            if (auto c = decode_entity(piece)) {
                run += *c;
            } else {
                flush();
                out += piece;
            }
        } else {
            flush();
            out += piece;
        }
    }
    flush();
    return out;
}

Value split_value(const std::string& s) {
    size_t b = 0;
    while (b < s.size()) {
        if (s[b] == kMarkBegin) {
            const size_t close = s.find(kMarkEnd, b + 1);
            b = close == std::string::npos ? s.size() : close + 1;
        } else if (is_space(s[b])) {
            ++b;
        } else {
            break;
        }
    }
    size_t e = s.size();
    while (e > b) {
        if (s[e - 1] == kMarkEnd) {
            const size_t open = s.rfind(kMarkBegin, e - 1);
            if (open == std::string::npos || open < b) break;
            e = open;
        } else if (is_space(s[e - 1])) {
            --e;
        } else {
            break;
        }
    }
    Value v{s.substr(0, b), {}, s.substr(e)};
    const std::string core = s.substr(b, e - b);
    for (const Token& t : tokenize(core)) {
        const std::string_view piece(core.data() + t.begin, t.end - t.begin);
        if (t.kind == Kind::marker) continue;
        if (t.kind == Kind::entity) {
            if (auto c = decode_entity(piece)) {
                v.value += *c;
                continue;
            }
        }
        v.value += piece;
    }
    return v;
}

std::string shown(const std::string& value) {
    constexpr size_t kMax = 60;
    if (value.size() <= kMax) return "\"" + value + "\"";
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + value.substr(0, cut) + "…\"";
}

}  // namespace vanthu::expand::rendered
