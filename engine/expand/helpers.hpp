// Template helpers: mustache sections that format what they contain.
//
// Every helper is a kainjow lambda2 (it receives a renderer) set on the root data object by
// expand(). A helper always renders its section text through that renderer first — the raw text
// holds line markers and the \x03/\x04 variable prefixes of expand.cpp, and a type-1 lambda's
// result would be parsed again as a template — and then works on the rendered, already
// XML-escaped markup. Its result is never parsed again, so data such as "{{x}}" stays literal.
//
// Helpers (syntax, rendered content -> result):
//   {{#upper}}…{{/upper}}         Vietnamese upper case of the text ("đ ư ơ" -> "Đ Ư Ơ"). Only
//                                 character data changes: element tags, attributes and line
//                                 markers are kept; entities are decoded, mapped and escaped
//                                 again ("a &amp; b" -> "A &amp; B").
//   {{#tone_old}}…{{/tone_old}}   tone marks in the old ("hòa") or new ("hoà") style
//   {{#tone_new}}…{{/tone_new}}   (text::convert_tone_style), same rules as upper.
//   {{#date}}{{ngay}}{{/date}}    ISO date "2024-02-05" -> "ngày 05 tháng 02 năm 2024".
//   {{#date_short}}…{{/date_short}}  ISO date -> "05/02/2024".
//   {{#number}}…{{/number}}       "1234567.5" -> "1.234.567,5" (text::parse_number +
//                                 text::format_number).
//   {{#words}}…{{/words}}         whole amount -> "Một triệu hai trăm năm mươi nghìn đồng"
//                                 (text::amount_in_words).
//   {{#roman}}…{{/roman}}         whole number 1..3999 -> "IV".
//   {{#sort}}…{{/sort}}           reorders the sibling elements the section renders, e.g.
//                                 {{#sort}}{{#ds}}<item>{{.}}</item>{{/ds}}{{/sort}}, by
//                                 Vietnamese collation (text::compare_vi) of each element's text
//                                 (tags dropped, entities decoded, spaces collapsed); stable.
//                                 Whitespace, comments and line markers between the elements
//                                 stay where they are. Other text between the elements is an
//                                 error (sort never splits text into lines).
//   {{#punctuate}}…{{/punctuate}} ends the text of each sibling element the section renders
//                                 with ";" and the last with "." (typed end marks replaced),
//                                 for the "Căn cứ …;" lines (siblings.hpp). Other text between
//                                 the elements is an error, as for sort.
//   {{#type_abbr}}{{ten_loai}}{{/type_abbr}}  type name -> its abbreviation in symbols
//                                 ("Quyết định" -> "QĐ", text::type_abbreviation); an unknown
//                                 name, or Công văn / Thư công, is a problem listing the names.
//   {{#inline}}…{{/inline}}       Markdown marks in the text: **bold**, *italic*, __underline__,
//                                 ^[footnote] become <b>, <i>, <u>, <note> (inline_markup.hpp).
//                                 Unpaired marks stay as typed; no problem is ever reported.
//
// Value helpers (date, date_short, number, words, roman, type_abbr) take the rendered content
// without the whitespace and line markers around it (kept in the output around the result). Content
// that is empty, or is exactly the draft placeholder of a missing name ("[ngay]"), is passed
// through unchanged and not reported again. A value that cannot be formatted is reported as
// "template.helper" (an error in strict mode, a warning in draft mode) naming the helper and
// the value, located at the {{#helper}} tag whose section has that exact text (the first such
// section if several are identical), and the output shows "[helper: value]".
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "expand/mustache_scan.hpp"
#include "expand/template.hpp"

namespace vanthu::expand {

// The helper names, in the order above.
const std::vector<std::string>& helper_names();
bool is_helper_name(std::string_view name);

// What the helpers of one expand() call report to.
struct HelperEnv {
    core::Diagnostics* diags = nullptr;  // problems go here
    const Template* tmpl = nullptr;      // to locate a problem at its {{#helper}} tag
    bool strict = true;                  // problems are errors (else warnings)
    // True if `text` is a draft placeholder ("[name]") of a name found missing; may be empty.
    std::function<bool(const std::string& text)> is_placeholder;
};

// Sets every helper on `root` (a kainjow object). The lambdas share `env`.
void add_helpers(kainjow::mustache::data& root, std::shared_ptr<HelperEnv> env);

// Data keys (at any depth) named like a helper: "data.reserved-name" errors. Such a key would
// hide the helper inside sections over its object, so it is refused rather than ignored.
std::vector<core::Diagnostic> check_reserved_names(const nlohmann::json& data,
                                                   const std::string& data_file);

// Helper names used as {{variable}}, {{{variable}}} or {{^inverted}} tags (`scan` is the scan
// of tmpl.source): "template.helper" errors at the tag.
std::vector<core::Diagnostic> check_helper_tags(const Template& tmpl,
                                                const detail::ScanResult& scan);

}  // namespace vanthu::expand
