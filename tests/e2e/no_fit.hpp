// Lays a document out with RenderRequest::fit false (--no-fit): the default spacing, for the
// tests of the page-breaking rules (a tighter layout would avoid the breaks they sweep across).
#pragma once

#include <filesystem>
#include <vector>

#include "vanthu/engine.hpp"

namespace vanthu::testing {

// `template_dir` empty: the data's "template".
inline layout::Pages layout_no_fit(const std::filesystem::path& data_file,
                                   std::filesystem::path template_dir = {},
                                   std::vector<Diagnostic>* warnings = nullptr) {
    RenderRequest request;
    request.data_file = data_file;
    if (!template_dir.empty()) request.template_name = template_dir.string();
    request.fit = false;
    Engine engine;
    return engine.layout(request, warnings);
}

}  // namespace vanthu::testing
