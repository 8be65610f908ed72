// The options every vanthu command shares to set up its Engine: where the templates and fonts
// are, extra font folders, the font family (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "vanthu/engine.hpp"

namespace vanthu::cli {

struct EngineFlags {
    std::string data_dir;
    std::vector<std::string> font_dirs;
    std::string font_family;

    void add_to(CLI::App* cmd);  // --data-dir, --font-dir (repeatable), --font-family
    EngineOptions options() const;
};

// --allow-path DIR (repeatable): folders besides the data's and the template's own that files
// may come from (RenderRequest::allowed_paths).
void add_allow_path(CLI::App* cmd, std::vector<std::filesystem::path>& folders);

// --copy, --copy-data, --allow-path and --no-fit, which render and preview share, into `request`.
void add_document_flags(CLI::App* cmd, RenderRequest& request);

}  // namespace vanthu::cli
