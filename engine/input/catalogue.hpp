// The built-in templates as a clerk looks for them (`vanthu templates`): which exist, what each
// is for, and the fields each takes, read from the manifests and the examples beside them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"

namespace vanthu::input {

// One field a template takes, from its manifest's schema.
struct FieldInfo {
    std::string name;  // "so", or "muc" under noi_dung
    std::string path;  // "so", "noi_dung[].muc", "noi_dung[].bang.dong"
    int depth = 0;     // 0 for a top-level field, 1 for a field of its items or its object, …
    std::string type;  // for a clerk, in Vietnamese: "chữ", "ngày", "danh sách chữ", …
    bool required = false;
    std::string description;  // the manifest's description, or empty
    std::string example;      // a value from the template's example.yaml on one line, or empty
};

struct TemplateSummary {
    std::string name;         // the folder's name, as written in `template:`
    std::string description;  // the manifest's description, whole (empty without one)
    std::filesystem::path dir;
};

// The templates in `templates_dir`: folders holding a main.mustache, not "_common" nor any
// other name starting with "_" or ".", sorted by name. A manifest that cannot be read leaves the
// description empty (rendering with that template says what is wrong).
std::vector<TemplateSummary> list_templates(const std::filesystem::path& templates_dir);

// The first part of a description, up to its first ": ", " — " or ". ", for a one-line listing.
std::string short_description(const std::string& description);

// The fields `manifest` declares, each followed by the fields of its items or of its object
// (depth + 1), sorted by name at each level. Examples are taken from `example` (the template's
// example data) when given: for a field of list items, from the first item that has it.
std::vector<FieldInfo> describe_fields(const nlohmann::json& manifest,
                                       const nlohmann::json* example);

// "template.unknown" for a template name that is not a folder of `templates_dir`: names the
// templates that exist and the nearest one ("quyet-dich" -> "quyet-dinh"), in Vietnamese.
core::Diagnostic unknown_template(const std::string& name,
                                  const std::filesystem::path& templates_dir,
                                  const std::string& data_file);

// The template the data names in its "template" field (used when none is named on the command
// line), or the error to give: "template.none" when the field is missing, null or empty,
// "template.name" when it is not a text (a list, a set of fields, a number, true/false). The
// error says what is expected and lists the templates of `templates_dir`. `whose`: "the data"
// or "the common data", as the message calls the data.
std::string template_from_data(const nlohmann::json& data,
                               const std::filesystem::path& templates_dir,
                               const std::string& data_file, const std::string& whose);

}  // namespace vanthu::input
