// The helpers that work on the sibling elements a section renders (internal to expand/):
// sort reorders them, punctuate ends their text with the marks of a Vietnamese list.
#pragma once

#include <string>

namespace vanthu::expand::siblings {

struct Result {
    std::string text;     // the new markup, or the input unchanged when there is a problem
    std::string problem;  // empty on success: "text \"b, a,\" is outside the elements to sort"
};

// Reorders the top-level elements of `s` by the Vietnamese collation of their text (tags
// dropped, entities decoded, spaces collapsed); stable. Whitespace, comments and line markers
// between them stay where they are; other text between them is a problem.
Result sort_elements(const std::string& s);

// Ends the text of each top-level element of `s` with ";" and that of the last with ".": a
// ";", ".", "," or ":" typed at its end (before closing tags) is replaced, as Decree 30 writes
// the "Căn cứ …;" lines of a decision. An element without text is left alone. The same
// problems as sort_elements().
Result punctuate_elements(const std::string& s);

}  // namespace vanthu::expand::siblings
