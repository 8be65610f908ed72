// Rows of data for issuing many documents from one template: a CSV table, JSON Lines (.jsonl)
// or a JSON array of objects (.json). Each row becomes one data object for expand().
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vanthu::input {

// Reads rows from `file`, choosing the format by its extension (case-insensitive):
//   .csv   — see parse_csv_rows();
//   .jsonl — one JSON object per line; blank lines are skipped;
//   .json  — one JSON array whose items are all objects.
// Every row is an object: CSV values are always strings, JSON values keep their types (as
// load_data's JSON does). All strings and keys are NFC-normalised; a UTF-8 byte-order mark at
// the start is dropped. If `row_lines` is given it receives, for each row, the 1-based line of
// the file where the row starts (for messages such as "row 5 (line 7)").
//
// Throws core::Failure carrying every problem found:
// - "data.format" (unknown extension), "data.io" (cannot read the file);
// - CSV: "data.csv" (see parse_csv_rows);
// - JSON / JSON Lines: "data.encoding" (invalid UTF-8, control characters), "data.syntax"
//   (at file:line:column; for .jsonl the line is the file's line), "data.duplicate-key",
//   "data.top-level" (a line or array item that is not an object, or a .json file that is not
//   an array). Problems of JSON Lines rows are located at their line; problems of array items
//   name the item (`item [2]`, counting from 0) and are located at the line where it starts.
std::vector<nlohmann::json> load_rows(const std::filesystem::path& file,
                                      std::vector<int>* row_lines = nullptr);

// Receives one row and the 1-based line of the file where it starts.
using RowSink = std::function<void(nlohmann::json&& row, int line)>;

// As load_rows(), handing each row to `sink` as soon as it is read and checked, so that a
// caller can keep rows in a compact form instead of all of them as JSON values at once (a
// .jsonl file is read a line at a time; a .csv or .json file is read as text, and a .json
// array is checked whole, then parsed an item at a time). Rows after the first problem
// are not handed over; the problems are thrown at the end as load_rows() throws them, so a
// caller must drop what it received when this throws.
void for_each_row(const std::filesystem::path& file, const RowSink& sink);

// Same, from text already in memory; `name` decides the format and names the file in messages.
std::vector<nlohmann::json> parse_rows(const std::string& text, const std::string& name,
                                       std::vector<int>* row_lines = nullptr);

// Reads a CSV file (RFC 4180, comma-separated, parsed by libcsv in strict mode).
std::vector<nlohmann::json> load_csv_rows(const std::filesystem::path& file,
                                          std::vector<int>* row_lines = nullptr);

// Parses CSV text. The first row names the columns; each later row becomes an object mapping
// every column name to its value, always a string (NFC). `name` names the file in messages.
//
// Details:
// - UTF-8, with or without a byte-order mark. Lines may end in \n or \r\n; a line break inside
//   a quoted value is kept as \n.
// - Values may be quoted: "Hà Nội, Việt Nam", "say ""hi""", and a quoted value may span lines.
// - Spaces and tabs around an unquoted value are dropped (libcsv's rule); quote the value to
//   keep them. Blank lines anywhere are skipped; a row whose values are all empty (",,,", as
//   spreadsheets leave behind) is skipped too, but still counts in row numbers.
// - Rows are numbered with the header as row 1; lines count \n from 1 (a quoted value spanning
//   lines moves the next row's line on accordingly).
// - A header row alone gives no rows; an empty file is an error.
// - Errors (code "data.csv", at file:line:column): invalid UTF-8 or a control character; a
//   quote inside an unquoted value or text after a closing quote; a quoted value never closed
//   (at its opening quote); an empty or duplicate column name; a row with more values than the
//   header has columns (at the first extra value) or with fewer (naming the first missing
//   column, at the row's end). Header and row problems are reported together (up to 20, then
//   a note); encoding and quoting problems stop reading at the first.
std::vector<nlohmann::json> parse_csv_rows(const std::string& text, const std::string& name,
                                           std::vector<int>* row_lines = nullptr);

}  // namespace vanthu::input
