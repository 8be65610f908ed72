// Checking data against a template's manifest.json, which is a JSON Schema (a subset of it).
//
// Supported keywords:
//   type                  "string", "number", "integer", "boolean", "array", "object", "null",
//                         or a list of them
//   required              names an object must have
//   properties            a schema for each named field
//   additionalProperties  true / false only: false makes a field not in "properties" an error
//   items                 one schema for every item of a list
//   enum                  the allowed values
//   minItems, maxItems    list length
//   minLength, maxLength  text length in code points (after NFC)
//   pattern               ICU regular expression (Unicode-aware: [ĐÂ] is two letters, not bytes),
//                         searched anywhere in the text as JSON Schema does; anchor it with ^…$
//   format                "date" only: YYYY-MM-DD and a real calendar date, or a date known
//                         in part before issuance, YYYY-MM or YYYY
//   description, title, $schema, $comment   annotations, ignored
// Any other keyword, an unsupported format, a wrong keyword value or a pattern that does not
// compile is a template error ("template.schema", naming the manifest file and the place in the
// schema as a JSON pointer such as /properties/noi_dung/items).
//
// How data written in YAML fits (YAML scalars arrive as strings, see data.hpp):
// - A string holding a number ("12", "-3", "1.5", "05") counts as "number"; one holding a whole
//   number counts as "integer". A JSON number counts as "string" too (it is written as text).
// - Empty values: "" and null (YAML's `so:` with nothing after it). An empty value satisfies
//   "required" (drafts leave the number and date empty) and the types "string", "number" and
//   "integer"; enum, pattern and format do not check it. minLength does (null counts as length
//   0): use "minLength": 1 to demand a non-empty text.
// - A value of the wrong type gets only the type message; its other keywords are not checked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"

namespace vanthu::input {

// Whether a manifest asks for data checking: it has "properties" or "required" at the top.
// A manifest "{}" (or one holding only annotations) means no checking.
bool has_schema(const nlohmann::json& manifest);

// Problems with the schema itself, all of them ("template.schema" errors at `schema_file`).
std::vector<core::Diagnostic> check_schema(const nlohmann::json& schema,
                                           const std::string& schema_file = "manifest.json");

// Checks `data` against `schema`, adding EVERY problem to `diags` (code "data.schema", errors,
// located at `data_file` without a line: data values carry no positions). Messages start with
// the key path (`noi_nhan[2]`, `ky.ho_ten`, list indices from 0):
//   ngay: expected a date like 2024-05-10, 2024-05 or 2024, got "10/5"
//   so: required but not given                     (hint: the field's description, if any)
//   kinh_gui: expected a list, got a text
//   noi_dung[3]: unknown field "doan2" (known: cong, doan, gach)   (fields sorted by name)
//   urgency: expected one of KHẨN, THƯỢNG KHẨN, HỎA TỐC, got "gấp"
// If the schema itself is wrong, its "template.schema" errors are added instead and the data is
// not checked. Nothing is thrown; the caller decides (core::throw_if_errors).
void check_data(const nlohmann::json& schema, const nlohmann::json& data,
                const std::string& data_file, core::Diagnostics& diags,
                const std::string& schema_file = "manifest.json");

// The key path of a "required but not given" diagnostic from check_data (e.g. "so",
// "ky.ho_ten"), or nothing for any other diagnostic. Draft mode uses it to make these warnings.
std::optional<std::string> missing_required_path(const core::Diagnostic& d);

}  // namespace vanthu::input
