// Internal to input/: UTF-8 checks for data and template text.
#pragma once

#include <cstddef>
#include <string>

namespace vanthu::input::detail {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos.
size_t invalid_utf8_at(const std::string& s);

// Offset of the first control character other than \n and \t (U+0000–U+001F, U+007F,
// U+0080–U+009F), or npos. `s` must be valid UTF-8. With allow_cr, \r is accepted too.
size_t control_char_at(const std::string& s, bool allow_cr = false);

// "U+0001" style name of the code point starting at `offset`.
std::string code_point_name(const std::string& s, size_t offset);

// Number of code points in [begin, end) of valid UTF-8 text.
size_t count_code_points(const std::string& s, size_t begin, size_t end);

}  // namespace vanthu::input::detail
