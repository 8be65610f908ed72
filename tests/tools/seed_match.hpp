// Seed word match (issue #5): how many of a seed text's words a rendered PDF holds, in order.
//
// The seeds (tests/seeds/) are text conversions of real documents, with some Markdown and HTML
// left in. words_of_seed() drops that markup; words_of_pdf() reads the PDF back with
// `pdftotext -raw`. Both put the text in NFC, write superscript digits as plain digits (a
// footnote mark "khó¹" comes back from the PDF as "khó1") and split at white space. lcs_match()
// then finds the longest common subsequence of the two word lists: the seed words it leaves
// out are the missing ones. Words compare exactly: case, punctuation and dashes count.
//
// Footnotes are matched on their own (seed_match()): a footnote's text sits at the foot of the
// page that references it, and the seed's pages end elsewhere than the PDF's, so its place in
// the reading order says nothing about the document.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace vanthu::testing {

// NFC, superscript digits as digits, zero-width characters dropped, split at white space
// (Unicode spaces and form feeds included).
std::vector<std::string> words_of_text(const std::string& text);

// The seed's text without its conversion markup: "**" and "*", heading marks ("## ") at line
// starts, the tags <i> <b> <u> <sup> <sub> <br> and their closing forms, Markdown links
// "[text](url)" (the text is kept) and backslash escapes ("\." -> "."). Tabs between table
// cells and the two spaces of a Markdown line break are white space like any other.
std::string strip_seed_markup(const std::string& seed);
std::vector<std::string> words_of_seed(const std::string& seed);

// The words of `pdftotext -raw -enc UTF-8 <pdf> -`. Throws std::runtime_error if pdftotext
// fails.
std::vector<std::string> words_of_pdf(const std::filesystem::path& pdf);

// The seed's words in its order, each marked as running text or footnote text. A footnote is a
// line of the seed that starts with a superscript digit ("¹ Chỉ tiêu …").
struct SeedWords {
    std::vector<std::string> words;
    std::vector<bool> in_note;  // one per word
};
SeedWords seed_words(const std::string& seed);

struct Match {
    size_t matched = 0;           // seed words found in order
    size_t total = 0;             // seed words
    std::vector<size_t> missing;  // indexes (from 0) of the seed words not found, ascending
    double percent() const { return total == 0 ? 100.0 : 100.0 * matched / total; }
};

// Longest common subsequence of the two word lists: O(n·m) time with two rows of counts and
// one bit per cell for the way back (about 4.5 MB for 6000 × 6000 words), after the common
// prefix and suffix are taken off. Throws std::length_error above 2^30 cells.
Match lcs_match(const std::vector<std::string>& seed, const std::vector<std::string>& pdf);

// The running text in order against the whole PDF, then each footnote in order against the
// whole PDF; `missing` indexes SeedWords::words.
Match seed_match(const SeedWords& seed, const std::vector<std::string>& pdf);

// "matched 1234/1250 (98.7 %)".
std::string summary(const Match& m);

// The missing words in runs of consecutive seed words, one run a line:
//   words 812–830 (19), after "Hoa": ĐỀ CƯƠNG BÁO CÁO …
// Word numbers count from 1. A run shows at most `max_words` words; the rest is counted.
std::string describe_missing(const std::vector<std::string>& seed, const Match& m,
                             size_t max_words = 30);

}  // namespace vanthu::testing
