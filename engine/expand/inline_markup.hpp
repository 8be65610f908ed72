// The {{#inline}} helper's rule (internal to expand/): a few Markdown marks in rendered,
// already-escaped markup become inline elements, so a data paragraph can carry bold text or a
// footnote while data still cannot write any other element.
//
//   **x** -> <b>x</b>    *x* -> <i>x</i>    __x__ -> <u>x</u>    ^[x] -> <note>x</note>
//
// Emphasis follows CommonMark's delimiter rules for `*` (flanking runs, the rule of three,
// "***x***" nests); `_` only pairs as `__`, and a single `_` is plain text (file_name). A
// footnote's text may hold emphasis but not another footnote ("^[" inside "^[…]" is text).
// Marks that do not pair stay as typed. A backslash before one of \ * _ ^ [ ] makes that
// character plain text and is dropped; any other backslash is kept.
//
// Only character data is read: marks pair within one run of text and entities, never across a
// tag or a template line marker, so every element added is closed in the run it was found in.
// An entity ("&#42;") is always a plain character. Marks nested deeper than
// core::limits::kInlineNesting throw std::length_error.
#pragma once

#include <string>

namespace vanthu::expand::rendered {

std::string inline_markup(const std::string& markup);

}  // namespace vanthu::expand::rendered
