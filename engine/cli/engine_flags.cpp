#include "engine_flags.hpp"

namespace vanthu::cli {

void EngineFlags::add_to(CLI::App* cmd) {
    cmd->add_option("--data-dir", data_dir, "Folder holding templates/ and fonts/")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--font-dir", font_dirs, "Extra folder of font files (repeatable)");
    cmd->add_option(
        "--font-family", font_family,
        "Font family to use (default: Times New Roman if given, else Liberation Serif)");
}

EngineOptions EngineFlags::options() const {
    EngineOptions o;
    o.data_dir = data_dir;
    for (const auto& d : font_dirs) o.font_dirs.emplace_back(d);
    o.font_family = font_family;
    return o;
}

}  // namespace vanthu::cli
