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

// --- Case --------------------------------------------------------------------------------
// Upper case with the Vietnamese locale, result in NFC ("đ" -> "Đ" U+0110, never U+00D0).
std::string upper(std::string_view s);
// Capitalise the first letter of every space-separated syllable, leave the rest as given.
std::string title_case(std::string_view s);

// --- Dates -------------------------------------------------------------------------------
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};
// Parses "YYYY-MM-DD" and checks it is a real calendar date (29 February only in leap years).
std::optional<Date> parse_iso_date(std::string_view s);
// Decree 30 long form: "ngày 05 tháng 02 năm 2024", "ngày 10 tháng 5 năm 2024"
// (leading zero on days 1–9 and on months 1 and 2 only).
std::string date_long(const Date& d);
// Short form with the same padding rule: "05/02/2024", "10/5/2024".
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
// authority prefixes ("TM. BAN"), "B/c", "Đ/c". Touching ranges are merged into one.
std::vector<model::ByteRange> unbreakable_ranges(std::string_view s);
// Drops empty ranges, sorts, and merges ranges that overlap or touch.
std::vector<model::ByteRange> merge_ranges(std::vector<model::ByteRange> ranges);

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
// - subject_line: "V/v " + subject for kind "cong-van" (not doubled), else the subject;
// - recipients, and addressees when there are several: "- item;" ... "- last." (a typed
//   "- " and trailing ";.," are replaced; empty items are dropped); a single addressee loses
//   its trailing ";"/"." and a leading "- ";
// - keep_together: unbreakable_ranges(plain_text()) plus every `nobreak` run, merged.
model::Document prepare(model::Document doc, core::Diagnostics& diags);

}  // namespace vanthu::text
