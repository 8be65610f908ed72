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

void add_document_flags(CLI::App* cmd, RenderRequest& request) {
    cmd->add_option("--copy", request.copy,
                    "Add the copy block of a copy (Mẫu 3.1): sao-y, sao-luc or trich-sao; the "
                    "copying body from the data's ban_sao or --copy-data")
        ->check(CLI::IsMember({"sao-y", "sao-luc", "trich-sao"}));
    cmd->add_option("--copy-data", request.copy_data_file,
                    "YAML or JSON file with the copying body's fields (as ban_sao), replacing "
                    "the data's ban_sao");
    add_allow_path(cmd, request.allowed_paths);
    cmd->add_flag(
        "--no-fit", [&request](int64_t) { request.fit = false; },
        "Keep the default spacing and size, even where tightening would save a page");
}

void add_allow_path(CLI::App* cmd, std::vector<std::filesystem::path>& folders) {
    cmd->add_option("--allow-path", folders,
                    "Also allow files (signature images, a template's files) from this folder; "
                    "by default only the data's and the template's own folders (repeatable)")
        ->check(CLI::ExistingDirectory);
}

EngineOptions EngineFlags::options() const {
    EngineOptions o;
    o.data_dir = data_dir;
    for (const auto& d : font_dirs) o.font_dirs.emplace_back(d);
    o.font_family = font_family;
    return o;
}

}  // namespace vanthu::cli
