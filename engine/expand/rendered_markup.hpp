// Rendered markup as the template helpers see it (internal to expand/): the text, entities,
// tags and line markers of a section's output, so that a helper changes only character data.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanthu::expand::rendered {

enum class Kind { text, entity, tag, marker };

struct Token {
    Kind kind;
    size_t begin;
    size_t end;
};

bool is_space(char c);

// Splits rendered markup into text, entities (&name; / &#n;), tags (<…>, comments, CDATA,
// processing instructions) and line markers. A '<' or '&' that starts nothing is text.
std::vector<Token> tokenize(const std::string& s);

// The character an entity stands for (UTF-8), or nothing for an unknown entity.
std::optional<std::string> decode_entity(std::string_view e);

// Applies `f` to the character data of `markup`: each run of text and entities between tags,
// markers and unknown entities is decoded, mapped and escaped again; the rest is kept as is.
std::string map_text(const std::string& markup,
                     const std::function<std::string(const std::string&)>& f);

// The rendered content of a value helper: whitespace and markers around the value (kept), and
// the value itself with markers removed and entities decoded.
struct Value {
    std::string before;
    std::string value;
    std::string after;
};
Value split_value(const std::string& s);

// A value as shown in a message: quoted, shortened when long.
std::string shown(const std::string& value);

}  // namespace vanthu::expand::rendered
