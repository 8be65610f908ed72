// Internal to expand/: a tag scanner that finds mustache tags exactly as kainjow 4.1's parser does
// (same delimiter handling, same "{{{" rule, same trimming), without building a tree. It is used
// to place line markers outside tags, to find {{> partial}} tags for inlining, and to find the
// {{variable}} tags that missing names are reported at.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vanthu::expand::detail {

struct Delimiters {
    std::string begin = "{{";
    std::string end = "}}";
    bool is_default() const { return begin == "{{" && end == "}}"; }
    bool operator==(const Delimiters&) const = default;
};

enum class TagKind {
    variable,            // {{name}}
    unescaped_variable,  // {{{name}}} or {{&name}}
    section_begin,       // {{#name}}
    inverted_begin,      // {{^name}}
    section_end,         // {{/name}}
    partial,             // {{>name}}
    comment,             // {{!...}}
    set_delimiter,       // {{=<% %>=}}
};

struct Tag {
    size_t start = 0;  // offset of the opening delimiter
    size_t end = 0;    // offset just past the closing delimiter
    TagKind kind = TagKind::variable;
    std::string name;       // as kainjow sees it (trimmed, sigil removed)
    size_t name_pos = 0;    // offset of the name's first character (== where it would be)
    Delimiters delimiters;  // in force at this tag (before it, for a set-delimiter tag)
};

struct ScanResult {
    std::vector<Tag> tags;
    bool unclosed = false;  // a tag opened at `unclosed_at` has no closing delimiter
    size_t unclosed_at = 0;
    bool bad_delimiter = false;   // an invalid {{=…=}} tag at `unclosed_at`; scanning stopped
    Delimiters final_delimiters;  // delimiters in force at the end of the text
};

// Scans `text` starting with delimiters `start`. Stops at the first unclosed or invalid tag.
ScanResult scan_tags(const std::string& text, const Delimiters& start = {});

// "{{=<% %>=}}"-style tag switching from delimiters `from` to `to`.
std::string set_delimiter_tag(const Delimiters& from, const Delimiters& to);

}  // namespace vanthu::expand::detail
