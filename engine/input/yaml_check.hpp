// Checks of YAML data text made before it becomes data (expand/data.cpp): what yaml-cpp accepts
// but the engine must not take as it is.
#pragma once

#include <string>

namespace vanthu::input::detail {

// Throws core::Failure when the YAML `text` (named `file` in messages), which yaml-cpp parses:
// - has a text value longer than core::limits::kStringBytes (data.limit, at the value, naming
//   its path); a line longer than that is refused before parsing, which would take seconds;
// - expands, through its aliases (*name), to more than core::limits::kDataNodes values or
//   core::limits::kInputFileBytes of text (data.limit, at the alias that goes past): a
//   "billion laughs" of nine aliases nine levels deep is 387 million values;
// - has a quoted text whose quote is never closed where it should be: yaml-cpp takes the lines
//   after it (`do_khan: KHẨN`) into the text (data.syntax, at the opening quote).
// Syntax errors are left to the caller's parse.
void check_yaml_text(const std::string& text, const std::string& file);

}  // namespace vanthu::input::detail
