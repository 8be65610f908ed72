// Helpers shared by the text stage's .cpp files. Not part of the stage's interface.
#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace vanthu::text::detail {

// Length in bytes of the well-formed UTF-8 sequence starting at s[i], or 0 if it is not one.
size_t utf8_sequence_length(std::string_view s, size_t i);

// UTF-16 copy of `s`, every invalid byte becoming U+FFFD, plus for each UTF-16 index
// (and one past the end) the byte offset in `s` it came from. Regex matches over the
// UTF-16 text map back to byte ranges of the original through `byte_at`.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<size_t> byte_at;
};
Utf16Text to_utf16(std::string_view s);

std::string to_utf8(const icu::UnicodeString& u);

// `s` with every invalid byte replaced by U+FFFD, so later stages always see valid UTF-8.
std::string repair_utf8(std::string_view s);

// ASCII/Unicode-space trimming for the short header strings.
std::string_view trim(std::string_view s);

// How many unbreakable_ranges() calls this thread answered from texts it had seen (tests).
size_t unbreakable_memo_hits();
// Forgets them (for measuring the first time a text is seen).
void clear_unbreakable_memo();
// unbreakable_ranges() without the memo and with every rule run, also those the text lacks the
// characters for (tests: the shortcut must not change what is found).
std::vector<model::ByteRange> unbreakable_ranges_of_every_rule(std::string_view s);

// Trích sao: keeps in `body` only the parts named in `parts`, each a heading whose text starts
// with the part's label ("Điều 2", "II"; letter case aside) and the blocks after it up to the
// next heading of its level or above. Returns the labels no heading has, leaving `body` whole
// then; `labels` gets the labels of the body's headings, for the message.
std::vector<std::string> keep_parts(std::vector<model::Block>& body,
                                    const std::vector<model::Text>& parts,
                                    std::vector<std::string>& labels);
// Numbers the footnotes again in marker order, 1 up, and drops those whose marker is gone
// (with the parts a trích sao leaves out).
void renumber_notes(model::Document& doc);

}  // namespace vanthu::text::detail
