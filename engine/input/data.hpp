// Loading the data a document is made from: JSON or YAML files into one JSON value.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace vanthu::input {

struct Data {
    nlohmann::json value;  // always an object at the top level
    std::string file;      // where it came from, for messages
};

// Reads a .json, .yaml or .yml file. YAML scalars become JSON strings, except `true`/`false`
// (booleans) and `null`/`~` (null); numbers stay strings so "05" keeps its zero. All strings are
// checked to be valid UTF-8. Throws core::Failure with file:line:column on a syntax error, an
// unknown extension, a top level that is not a mapping, or invalid UTF-8.
//
// Details:
// - YAML follows YAML 1.2 core-schema semantics for plain (unquoted) scalars, except that
//   numbers are not converted: true/True/TRUE and false/False/FALSE are booleans, null/Null/NULL,
//   ~ and an empty value are null; everything else — yes/no/on/off, 05, 1.50, 0o17, dates — is
//   the string as written. Quoted scalars are always strings. One YAML document per file.
// - A key given twice in one mapping/object is an error, in YAML and JSON alike.
// - Strings and keys must be valid UTF-8 without control characters other than \n and \t.
// - Error codes: "data.syntax", "data.top-level", "data.encoding", "data.duplicate-key",
//   "data.format", "data.io". Messages name values by key path, e.g. `noi_nhan[2].ten`
//   (list indices count from 0). JSON errors about values (encoding, duplicates) carry only the
//   file name; YAML ones and all syntax errors carry line:column.
Data load_data(const std::filesystem::path& file);

// Same, from text already in memory; `name` decides the format (.json/.yaml/.yml).
Data parse_data(const std::string& text, const std::string& name);

}  // namespace vanthu::input
