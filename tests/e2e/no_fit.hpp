// Lays a document out as the engine does, with Document::fit false: the default spacing, for the
// tests of the page-breaking rules (a tighter layout would avoid the breaks they sweep across).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "expand/data.hpp"
#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "layout/layout.hpp"
#include "parse/parse.hpp"
#include "text/text.hpp"
#include "tools/test_fonts.hpp"
#include "vanthu/engine.hpp"

namespace vanthu::testing {

// `template_dir` empty: the data's "template", a built-in template of the source tree.
inline layout::Pages layout_no_fit(const std::filesystem::path& data_file,
                                   std::filesystem::path template_dir = {},
                                   std::vector<Diagnostic>* warnings = nullptr) {
    core::Diagnostics diags;
    const auto data = expand::load_data(data_file);
    if (template_dir.empty())
        template_dir = std::filesystem::path(VANTHU_SOURCE_DIR) / "templates" /
                       data.value.at("template").get<std::string>();
    const auto tmpl = expand::load_template(template_dir);
    expand::ExpandOptions options;
    options.strict = true;
    const auto expanded = expand::expand(tmpl, data.value, data.file, options, diags);
    auto doc = text::prepare(parse::parse(expanded, diags), diags);
    doc.fit = false;
    auto fonts = liberation_serif();
    layout::Shaper shaper(fonts.choose({"Liberation Serif"}, true));
    auto pages = layout::layout_document(doc, shaper, {}, diags);
    if (warnings) *warnings = diags.items();
    return pages;
}

}  // namespace vanthu::testing
