// Internals of the rows readers (csv.hpp): helpers shared by the CSV and JSON readers, and the
// JSON readers themselves (json_rows.cpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "input/csv.hpp"

namespace vanthu::input::rows {

core::Diagnostic error(std::string code, std::string message,
                       std::optional<core::SourceLocation> where = std::nullopt,
                       std::vector<std::string> hints = {});

core::SourceLocation file_only(const std::string& file);

// `text` without a leading UTF-8 byte-order mark (a copy).
std::string strip_bom(const std::string& text);

// `text` without a leading byte-order mark: `text` itself when it has none (a rows file can be
// large; it is not copied), else a copy in `storage`.
const std::string& without_bom(const std::string& text, std::string& storage);

std::string quote_name(const std::string& s);

// "a text", "a list", "an object", "a number", "true", "false" or "null".
std::string kind_of(const nlohmann::json& v);

// NFC of every string and key in `v`. Two keys of one object that are equal after
// normalisation are reported (as a duplicate key) at `where`.
nlohmann::json nfc_all(const nlohmann::json& v, const std::string& path,
                       const core::SourceLocation& where, std::vector<core::Diagnostic>& problems);

// Invalid UTF-8 or a control character (other than \n, \t, \r) anywhere in `text`, as a
// diagnostic with `code`.
std::optional<core::Diagnostic> encoding_problem(const std::string& text, const std::string& name,
                                                 const std::string& code);

// The row limit (core::limits::kRows): the error for the first row past it, which starts at
// `line` of `name`.
core::Diagnostic too_many_rows(const std::string& name, int line);

// `sink`, counting the rows in `count`: a row past the limit throws too_many_rows() instead.
RowSink counted(const RowSink& sink, const std::string& name, size_t& count);

// The JSON readers (json_rows.cpp), as described for load_rows(): a .jsonl text, a .jsonl file
// read a line at a time, a .json text holding a list of objects.
void parse_jsonl_rows(const std::string& raw, const std::string& name, const RowSink& sink);
void stream_jsonl_rows(const std::filesystem::path& file, const RowSink& sink);
void parse_json_array_rows(const std::string& raw, const std::string& name, const RowSink& sink);

}  // namespace vanthu::input::rows
