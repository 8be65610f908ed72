// A template folder: manifest.json, main.mustache and the partials it includes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vanthu::expand {

// One source file that went into a template (main.mustache or a partial).
struct TemplateFile {
    std::string path;  // as shown in messages, e.g. "templates/cong-van/main.mustache"
    std::string text;  // as read from disk
};

struct Template {
    std::string name;  // folder name, e.g. "cong-van"
    std::filesystem::path dir;
    nlohmann::json manifest;          // parsed manifest.json
    std::vector<TemplateFile> files;  // files[0] is main.mustache, then partials
    // main.mustache with every {{> partial}} replaced by the partial's text (once, at load time)
    // and a position marker at the start of every source line (see source_map.hpp).
    std::string source;
};

// Loads the template in `dir`. Partials named {{> name}} are read from `dir/name.mustache`, or,
// when the template has no such file, from the shared folder `_common` next to it
// (templates/_common/name.mustache); {{> _common/name}} names the shared one directly, so a
// template's own partial can wrap the shared partial it overrides. A partial name that leaves
// its folder ("../x", "/etc/x", "a/../../b") or a partial that includes itself is an error, and
// so is loading `_common` itself as a template. Throws core::Failure naming file:line:column.
//
// Details:
// - Inlining is textual: the tag {{> name}} is replaced by the partial's text, which is what
//   kainjow does at render time (it does not apply the spec's standalone-partial indentation
//   either). A partial always starts with the default {{ }} delimiters and cannot change the
//   includer's (set-delimiter tags are added around it when needed). Each file is read and
//   marked once; a partial used several times is inlined at each use.
// - Paths are checked after normalisation and after resolving symbolic links: manifest.json,
//   main.mustache or a partial that is a link out of its folder (and out of every folder in
//   `allowed`, from --allow-path) is refused before it is read ("template.path",
//   "template.partial-path"), so no message quotes a line of a file outside.
// - Partials included by a shared partial are looked up the same way, template folder first:
//   a template overrides a shared partial wherever it is used.
// - Error codes: "template.io" (no folder / main.mustache), "template.common" (the shared
//   folder given as a template), "template.manifest" (missing,
//   malformed or not an object), "template.encoding" (invalid UTF-8 or control characters),
//   "template.path", "template.partial-path", "template.partial-missing", "template.partial-cycle",
//   "template.too-large" (inlined source over 64 MiB). Partial errors point at the {{> tag}}.
// - Mustache syntax errors are not detected here but by expand() ("template.syntax").
Template load_template(const std::filesystem::path& dir,
                       const std::vector<std::filesystem::path>& allowed = {});

}  // namespace vanthu::expand
