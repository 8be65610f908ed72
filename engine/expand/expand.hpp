// Filling a template with data (kainjow mustache) into document markup.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "expand/source_map.hpp"
#include "expand/template.hpp"

namespace vanthu::expand {

struct ExpandOptions {
    // strict: a name used in a {{variable}} tag that the data lacks is an error.
    // draft:  it is a warning and the output shows a visible placeholder "[name]".
    bool strict = true;
};

struct Expanded {
    std::string text;  // document markup (XML), markers removed
    SourceMap map;     // positions in `text` -> template file:line:col
    std::string data_file;
};

// Renders `tmpl` with `data`. Every {{value}} is XML-escaped (& < > " '), so data can never
// change the document's structure; {{{raw}}} / {{& raw}} inserts trusted markup unescaped.
// Numbers and booleans in the data are written as text. A mustache syntax error is reported at
// the template's file:line:column; missing names as described in ExpandOptions (reported once
// per name, at the first {{tag}} that uses it). Throws core::Failure on errors.
// `tmpl` must outlive the result (the source map points at its files).
//
// Diagnostics: everything found is added to `diags`; if an error was added (or `diags` already
// held one) core::throw_if_errors(diags) throws a Failure carrying all of `diags`. Codes:
// "data.top-level" / "data.encoding" (`data` did not come through load_data and is not an
// object or holds control characters), "template.syntax" (at file:line:column of the tag, with
// a hint), "template.render" (render-time error, no position), "data.missing" (one diagnostic
// per name, error when strict, warning in draft, at the first {{tag}} using the name, ordered
// by template position), "data.reserved-name" and "template.helper" (see below). A caller
// wanting the list of missing names reads the diagnostics with code "data.missing" (the name is
// the quoted word in the message).
//
// Semantics beyond mustache's own:
// - Only names used in {{name}}, {{{name}}} or {{&name}} tags can be missing. A name used only
//   by {{#name}} / {{^name}} is optional: absent means false, and it is never reported — also
//   when the section's body uses the same name ({{#so}}Số: {{so}}{{/so}}).
// - In a {{variable}} tag, true/false are written as "true"/"false"; null writes nothing and is
//   false in sections; a list or object writes nothing. Dotted names (a.b) resolve through
//   objects only; no list indexing.
// - Draft placeholders are "[name]" (escaped in raw tags too, so they are always safe markup).
// - Data never supplies partials (all partials were inlined by load_template()).
// - Helpers (helpers.hpp) are sections that format what they render: {{#upper}}…{{/upper}},
//   {{#tone_old}} / {{#tone_new}}, {{#date}}{{ngay}}{{/date}} ("ngày 05 tháng 02 năm 2024"),
//   {{#date_short}} ("05/02/2024"), {{#number}} ("1.234.567,5"), {{#words}} (amount in words),
//   {{#roman}} ("IV"), {{#sort}}{{#ds}}<item>{{.}}</item>{{/ds}}{{/sort}} (reorders sibling
//   elements in Vietnamese order). They are kainjow lambda2 on the root object: each renders
//   its section text through the given renderer (the raw text holds line markers and a
//   \x03/\x04 prefix before every variable name) and never has its result parsed again. A
//   value a helper cannot format is "template.helper" (error when strict, warning in draft,
//   where the output shows "[date: value]"), located at the {{#helper}} tag.
// - Helper names are reserved: a data key named like a helper, at any depth, is an error
//   "data.reserved-name" (it would hide the helper inside sections over its object), and a
//   helper used as {{variable}} / {{{variable}}} / {{^inverted}} is "template.helper" at the
//   tag. Helper names are never reported as missing.
Expanded expand(const Template& tmpl, const nlohmann::json& data, const std::string& data_file,
                const ExpandOptions& options, core::Diagnostics& diags);

}  // namespace vanthu::expand
