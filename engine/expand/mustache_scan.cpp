#include "expand/mustache_scan.hpp"

#include <cctype>

namespace vanthu::expand::detail {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// kainjow's trim(): returns [first, last) of the trimmed range inside [b, e).
void trim_range(const std::string& s, size_t& b, size_t& e) {
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
}

bool valid_delimiter(const std::string& d) {
    for (char c : d)
        if (c == '=' || is_space(c)) return false;
    return true;
}

// kainjow's parse_set_delimiter_tag().
bool parse_set_delimiter(const std::string& contents, Delimiters& out) {
    if (contents.size() < 5 || contents.back() != '=') return false;
    size_t b = 1, e = contents.size() - 1;
    trim_range(contents, b, e);
    const std::string inner = contents.substr(b, e - b);
    const size_t space = inner.find(' ');
    if (space == std::string::npos) return false;
    const size_t nonspace = inner.find_first_not_of(' ', space + 1);
    if (nonspace == std::string::npos) return false;
    Delimiters d{inner.substr(0, space), inner.substr(nonspace)};
    if (!valid_delimiter(d.begin) || !valid_delimiter(d.end)) return false;
    out = d;
    return true;
}

}  // namespace

ScanResult scan_tags(const std::string& text, const Delimiters& start) {
    ScanResult result;
    Delimiters delims = start;
    size_t pos = 0;
    const size_t size = text.size();
    while (pos < size) {
        const size_t tag_start = text.find(delims.begin, pos);
        if (tag_start == std::string::npos) break;
        size_t contents = tag_start + delims.begin.size();
        const bool triple = delims.is_default() && tag_start != size - 2 && contents < size &&
                            text[contents] == delims.begin[0];
        std::string end_delim = triple ? "}}}" : delims.end;
        if (triple) ++contents;
        const size_t tag_end = text.find(end_delim, contents);
        if (tag_end == std::string::npos) {
            result.unclosed = true;
            result.unclosed_at = tag_start;
            break;
        }
        Tag tag;
        tag.start = tag_start;
        tag.end = tag_end + end_delim.size();
        tag.delimiters = delims;
        size_t b = contents, e = tag_end;
        trim_range(text, b, e);
        if (triple) {
            tag.kind = TagKind::unescaped_variable;
        } else if (b < e && text[b] == '=') {
            Delimiters next;
            if (!parse_set_delimiter(text.substr(b, e - b), next)) {
                result.bad_delimiter = true;
                result.unclosed_at = tag_start;
                break;
            }
            delims = next;
            tag.kind = TagKind::set_delimiter;
        } else if (b < e) {
            switch (text[b]) {
                case '#':
                    tag.kind = TagKind::section_begin;
                    break;
                case '^':
                    tag.kind = TagKind::inverted_begin;
                    break;
                case '/':
                    tag.kind = TagKind::section_end;
                    break;
                case '>':
                    tag.kind = TagKind::partial;
                    break;
                case '&':
                    tag.kind = TagKind::unescaped_variable;
                    break;
                case '!':
                    tag.kind = TagKind::comment;
                    break;
                default:
                    tag.kind = TagKind::variable;
                    break;
            }
            if (tag.kind != TagKind::variable) {
                ++b;  // drop the sigil, trim again
                trim_range(text, b, e);
            }
        }
        if (tag.kind != TagKind::set_delimiter) {
            tag.name = text.substr(b, e - b);
            tag.name_pos = b;
        }
        result.tags.push_back(std::move(tag));
        pos = tag_end + end_delim.size();
    }
    result.final_delimiters = delims;
    return result;
}

std::string set_delimiter_tag(const Delimiters& from, const Delimiters& to) {
    return from.begin + "=" + to.begin + " " + to.end + "=" + from.end;
}

}  // namespace vanthu::expand::detail
