// Counting in UTF-8 text by code points, for columns and widths in messages (internal).
#pragma once

#include <cstddef>
#include <string_view>

namespace vanthu::core {

// The code points of `s` (continuation bytes not counted).
size_t code_points(std::string_view s);

// The byte offset where code point `n` (0-based) of `s` starts, or s.size().
size_t code_point_offset(std::string_view s, size_t n);

}  // namespace vanthu::core
