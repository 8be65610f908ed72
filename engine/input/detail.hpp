// Internal to input/: helpers shared by its .cpp files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"

namespace vanthu::input::detail {

// ".json", ".yaml", …: the extension of `name` in lower case.
std::string lower_extension(const std::string& name);

// Reads a whole file. Returns false (and sets `error` to the system's reason) if it cannot.
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error);

// The offset of the first "[" or "{" of JSON text that opens more than `max_depth` levels
// (outside strings), or npos.
size_t json_too_deep_at(std::string_view text, int max_depth);

// The offset of the opening quote of the first string of JSON text (a key or a value) longer than
// `limit` bytes once its escapes are decoded, or npos.
size_t json_long_string_at(std::string_view text, size_t limit);

// Parses JSON text. Syntax errors throw core::Failure with `code` at file:line:column; a key
// given twice in one object is an error too ("data.duplicate-key" when `code` is "data.syntax",
// else `code`), named by its path; so is text nested deeper than core::limits::kDataNesting,
// and a key or text longer than core::limits::kStringBytes ("data.limit", or `code`).
// `within` is the path of `text` in a larger document, put before those paths ("[3]" for the
// fourth item of a list: "[3].so").
nlohmann::json parse_json_text(const std::string& text, const std::string& file,
                               const std::string& code, const std::string& within = {});

// Checks every string and key in `value`: valid UTF-8, no control characters other than \n and
// \t. Returns "data.encoding" errors naming the key path (e.g. `noi_nhan[2]`, counting from 0).
std::vector<core::Diagnostic> check_data_strings(const nlohmann::json& value,
                                                 const std::string& file);

}  // namespace vanthu::input::detail
