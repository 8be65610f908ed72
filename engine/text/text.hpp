// Everything Vietnamese about strings, on ICU. Pure functions over UTF-8; no fonts, no layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace vanthu::text {

// --- Unicode hygiene -------------------------------------------------------------------
bool is_valid_utf8(std::string_view s);
// Offset of the first byte that is not valid UTF-8, or npos.
size_t first_invalid_utf8(std::string_view s);
// NFC normalisation (input must be valid UTF-8).
std::string nfc(std::string_view s);

// A character document text may not hold (characters.cpp; docs/cli.md): bidi embedding,
// override and isolate controls ("text.bidi-control"), the byte-order mark and tag characters
// ("text.invisible"), U+FFFD ("text.replacement-character"), private-use characters
// ("text.private-use"), noncharacters and unassigned code points ("text.unassigned"). The bidi
// marks U+200E, U+200F and U+061C are allowed. ASCII controls and invalid UTF-8 are left to the
// readers' own checks.
struct RefusedCharacter {
    size_t offset = 0;  // bytes into the text
    char32_t code_point = 0;
    std::string code;                // "text.bidi-control", …
    std::string label;               // "U+202E RIGHT-TO-LEFT OVERRIDE"
    std::string problem;             // "an invisible character that …"
    std::vector<std::string> hints;  // what to do
    std::string before;              // up to 20 characters before it on its line, to find it
};
std::optional<RefusedCharacter> first_refused_character(std::string_view s);
// "U+202E RIGHT-TO-LEFT OVERRIDE after "Công ty ": an invisible character that …", for a
// message that names the field before it.
std::string describe(const RefusedCharacter& r);
// "U+202E RIGHT-TO-LEFT OVERRIDE"; just "U+E000" for a character without a name.
std::string character_label(char32_t c);

// --- Case --------------------------------------------------------------------------------
// Upper case with the Vietnamese locale, result in NFC ("đ" -> "Đ" U+0110, never U+00D0).
std::string upper(std::string_view s);
// Capitalise the first letter of every space-separated syllable, leave the rest as given.
std::string title_case(std::string_view s);
// Lower case with a capital first letter: "KẾ HOẠCH" -> "Kế hoạch".
std::string sentence_case(std::string_view s);

// --- Dates -------------------------------------------------------------------------------
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};
// Parses "YYYY-MM-DD" and checks it is a real calendar date (29 February only in leap years).
std::optional<Date> parse_iso_date(std::string_view s);
// A date known in part, before issuance: "2026" (month and day 0: not known yet), "2026-04"
// (day 0), or a full "YYYY-MM-DD" as parse_iso_date.
std::optional<Date> parse_partial_date(std::string_view s);
// Why `s` is not a date parse_partial_date() accepts ("there is no month 13", "no such day in
// the calendar", "expected a date like 2024-05-10 …"); empty when it is one.
std::string date_problem(std::string_view s);
// Decree 30 long form: "ngày 05 tháng 02 năm 2024", "ngày 10 tháng 5 năm 2024"
// (leading zero on days 1–9 and on months 1 and 2 only). A part that is 0 (a partial date)
// is left blank: "ngày     tháng 4 năm 2026", "ngày     tháng     năm 2026".
std::string date_long(const Date& d);
// Short form with the same padding rule: "05/02/2024", "10/5/2024" (a full date only).
std::string date_short(const Date& d);

// --- Tokens that must not be broken across lines -----------------------------------------
// Byte ranges of `s` (NFC) that a line breaker must keep on one line: document symbols
// ("04/CTrLT-LĐLĐ-HLHPN", "576/LĐLĐ", "30/2020/NĐ-CP"), "số"/"Số:" with the symbol after it,
// short dates ("14/10/2021", "15/11"), long-date pairs ("ngày 14", "tháng 10", "năm 2021"),
// year ranges ("2022 - 2027", "2017-2021"), numbers with separators ("1.234.567,5"),
// "V/v" with the next word, "./." attached to the word before it, e-mail addresses and URLs.
// Ranges are sorted, do not overlap, and begin and end on code-point boundaries.
// Also glued (§7.6): number + unit ("300 đồng", "15 °C"), citation labels ("Điều 5",
// "điểm a"), a heading marker at the start of `s` with its first word ("1.1. Cấp"),
// authority prefixes ("TM. BAN"), short abbreviations with a slash ("B/c", "Đ/c", "ph/h",
// "th/h": one to four letters each side). Touching ranges are merged into one.
std::vector<model::ByteRange> unbreakable_ranges(std::string_view s);
// Compiles the rules unbreakable_ranges() uses (ICU regular expressions, several ms in all)
// ahead of their first use. Thread-safe: it compiles last to first and unbreakable_ranges()
// first to last, so a warm-up thread and a first search share the work.
void compile_unbreakable_rules();
// Drops empty ranges, sorts, and merges ranges that overlap or touch.
std::vector<model::ByteRange> merge_ranges(std::vector<model::ByteRange> ranges);

// --- Numbers (ND30 §7.4: "." groups thousands, "," marks decimals) -------------------------
// `value` with Vietnamese separators, at most `max_decimals` decimals (rounded half away from
// zero), no trailing zeros, grouping from 1.000 up: 1234567.5 -> "1.234.567,5", 0 -> "0",
// 1.5 -> "1,5", -2500 -> "-2.500", 1e9 -> "1.000.000.000". A value that rounds to zero is "0"
// (never "-0"). Throws std::invalid_argument for NaN/infinity or max_decimals outside 0..15.
std::string format_number(double value, int max_decimals = 2);
// Reads a number typed in data: "-12", "1234567.5", "1234567,5", "1.234.567,5", "1,234,567.5".
// Optional sign ('-' or '+'), digits, and "." / "," separators, surrounding ASCII spaces
// ignored. Rules, Vietnamese first:
// - both "." and "," present: the last one is the decimal mark, the other groups thousands;
// - "," alone: once -> decimal comma ("1,5"); several -> thousands groups ("1,234,567");
// - "." alone: several -> thousands groups ("1.234.567"); once -> thousands group when it is
//   followed by exactly three digits and preceded by 1-3 digits not starting with "0"
//   ("12.500" is 12500, as a Vietnamese reader takes it), otherwise a decimal point ("1.5",
//   "0.125", "1234567.5").
// Groups must be well formed (1-3 digits, then groups of exactly 3), and a separator needs
// digits on both sides. Anything else (empty, "1e5", "1.2.3,4,5", "abc") -> nullopt.
std::optional<double> parse_number(std::string_view s);

// --- Numbers in words (ICU RBNF spell-out "vi", northern forms) --------------------------
// Lower case, as ICU spells it: 21 -> "hai mươi mốt", 105 -> "một trăm lẻ năm",
// 1015 -> "một nghìn không trăm mười lăm", 34 -> "ba mươi tư", -5 -> "âm năm",
// 1000000000 -> "một tỷ". |n| must be below 10^18 (ICU's spell-out stops there), otherwise
// std::out_of_range.
std::string number_in_words(long long n);
// Amount of money for "Bằng chữ:" lines: number_in_words with the first letter capitalised and
// " đồng" added: 1250000 -> "Một triệu hai trăm năm mươi nghìn đồng", 0 -> "Không đồng",
// -5000 -> "Âm năm nghìn đồng". Same range as number_in_words.
std::string amount_in_words(long long dong);

// --- Numbering labels (ND30 §2.7.1) -------------------------------------------------------
// Roman numerals 1..3999 ("I", "IV", "XIV", "MMXXIV"); std::invalid_argument outside.
std::string roman(int n);
// The Vietnamese letter sequence of điểm: 1 -> "a", 4 -> "d", 5 -> "đ", 6 -> "e", 7 -> "g",
// ..., 23 -> "y" (no f, j, w, z). Past "y" it continues like spreadsheet columns over the same
// 23 letters: 24 -> "aa", 25 -> "ab", 28 -> "ađ", 46 -> "ay", 47 -> "ba", ... No rule covers
// more than 23 points; this keeps labels unique and in order. std::invalid_argument if n < 1.
std::string letter_label(int n);

enum class LabelStyle {
    upper_alpha,  // "A.", "B." ... "Z.", then "AA." (Latin A-Z as in the seeds' top parts)
    roman,        // "I.", "II.", "IV."
    arabic,       // "1.", "3."
    decimal,      // the whole path: {1, 2} -> "1.2.", {2, 1, 3} -> "2.1.3."
    letter,       // letter_label + ")": "a)", "đ)"
    dash,         // "-"
    plus,         // "+"
};
// Label of a heading or list item. `counters` is the path of counters (1-based) from the
// outermost numbered level down to this one; all styles but `decimal` use only its last
// element; dash and plus ignore it (it may be empty). std::invalid_argument for an empty path
// (other than for dash/plus) or a counter < 1.
std::string numbering_label(LabelStyle style, const std::vector<int>& counters);

// --- Document types (ND30 Điều 7, Phụ lục III Mục I) -----------------------------------------
// The abbreviation of a type name, the type part of a symbol: "Quyết định" -> "QĐ", "Tờ trình"
// -> "TTr", "Quy định" -> "QyĐ". Letter case, repeated spaces, the tone style ("Bản thoả thuận")
// and a trailing "(cá biệt)" do not matter. "" for the two types that have none (Công văn, Thư
// công); nullopt for a name that is not a type of the decree.
std::optional<std::string> type_abbreviation(std::string_view type_name);
// The type names that have an abbreviation, in the decree's order (for messages).
std::vector<std::string> abbreviated_type_names();

// --- Collation -----------------------------------------------------------------------------
// Compares with ICU's Vietnamese collator (đ after d, ă/â after a, ô/ơ after o, ư after u;
// tones compared after letters): negative, zero or positive. NFD and NFC compare equal.
int compare_vi(std::string_view a, std::string_view b);
// Sorts `items` in Vietnamese order ("An Dương" < "Ân Thi" < "Ba Đình" < "Đan Phượng").
// Stable: items equal to the collator keep their order. Every item is normalised to NFC
// (invalid UTF-8 bytes become U+FFFD).
void sort_vi(std::vector<std::string>& items);

// --- Tone-mark placement (ND30 §7.2) ------------------------------------------------------
enum class ToneStyle {
    keep,       // leave the text as it is
    old_style,  // mark on the glide: "hòa", "khỏe", "thủy", "HỎA"
    new_style,  // mark on the main vowel: "hoà", "khoẻ", "thuỷ", "HOẢ"
};
// Moves the tone mark of syllables ending in the glide clusters "oa", "oe", "uy" (an optional
// initial consonant before them, no final consonant, no other vowel) to the requested
// convention; each letter keeps its case ("Hòa" <-> "Hoà", "HỎA" <-> "HOẢ"). Unchanged:
// syllables with a final consonant ("hoàn", "khoảng", "huyện", "quyết"), "qu" + vowel ("quý",
// "quỳ"), other clusters ("ngoài", "khuỷu", "thuế", "của") and everything that is not a
// letter. Syllables are maximal runs of letters (and combining marks). A syllable that changes
// is written in NFC; every other byte, including invalid UTF-8, is copied as it is.
std::string convert_tone_style(std::string_view text, ToneStyle style);

// --- The text pass over a document -------------------------------------------------------
// Normalises every string of `doc` to NFC (invalid UTF-8 is an error naming the field),
// upper-cases the fields the format writes in capitals (parent body, issuing body, signature
// titles), builds the header's number, date and subject lines, adds the recipients' list
// punctuation, and marks each paragraph's unbreakable ranges. Problems go to `diags`.
// Details the later stages rely on:
// - invalid UTF-8 -> error "text.utf8" at the field's `where` (a body run: its paragraph's);
//   the bad bytes are replaced with U+FFFD so the document stays usable for more checks;
// - number_line: "Số: 05/KH-BTV" (one-digit numbers padded; spaces around "/" and "-" in the
//   symbol removed, letter case kept); "Số:      /KH-BTV" when the number is empty (draft);
//   empty when both number and symbol are empty;
// - date_line: "<place>, ngày 14 tháng 10 năm 2021"; blanks "ngày     tháng     năm     "
//   when the date is empty; without "<place>, " when the place is empty; a date that is not
//   YYYY-MM-DD or not in the calendar -> error "text.date" at header.date (line left blank);
//   empty when the header says place_date = false (a biên bản), the date still checked;
// - subject_line: "V/v " + subject for kind "cong-van" (not doubled), else the subject;
// - recipients, and addressees when there are several: "- item;" ... "- last." (a typed
//   "- " and trailing ";.," are replaced; empty items are dropped); a single addressee loses
//   its trailing ";"/"." and a leading "- ";
// - keep_together: unbreakable_ranges(plain_text()) plus every `nobreak` run, merged.
model::Document prepare(model::Document doc, core::Diagnostics& diags);

// Puts the numbering label of its level (doc.numbering) in front of every heading and writes
// first-level titles numbered "I." or "A." in capitals. Called by prepare(). The legal
// structure's styles: "Phần", "Chương" (Roman) and "Mục" (Arabic, restarting in each chapter)
// give "Chương I" + '\n' + the title in capitals (unless keep_case), align = center;
// "Điều" gives a bold "Điều 1. " numbered through the list of blocks, never restarted.
void number_headings(model::Document& doc);
// The same for one list of blocks numbered with `numbering` (the body, or an appendix).
void number_headings(std::vector<model::Block>& blocks, const std::vector<std::string>& numbering);

}  // namespace vanthu::text
