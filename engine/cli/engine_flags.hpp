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

}  // namespace vanthu::cli
