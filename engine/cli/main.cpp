// vanthu: the command-line shell over vanthu::Engine.
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "core/atomic_file.hpp"
#include "vanthu/engine.hpp"

namespace {

// Exit statuses (docs/cli.md).
constexpr int kOk = 0;
constexpr int kInputError = 2;   // bad data, template, markup, fonts or usage
constexpr int kOutputError = 3;  // the output could not be written
constexpr int kInternalError = 70;

struct CommonOptions {
    std::string data_dir;
    std::vector<std::string> font_dirs;
    std::string font_family;
    bool quiet = false;
};

vanthu::EngineOptions engine_options(const CommonOptions& c) {
    vanthu::EngineOptions o;
    o.data_dir = c.data_dir;
    for (const auto& d : c.font_dirs) o.font_dirs.emplace_back(d);
    o.font_family = c.font_family;
    return o;
}

void print(const std::vector<vanthu::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << vanthu::format(d);
}

void add_common(CLI::App* cmd, CommonOptions& c) {
    cmd->add_option("--data-dir", c.data_dir, "Folder holding templates/ and fonts/")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--font-dir", c.font_dirs, "Extra folder of font files (repeatable)");
    cmd->add_option(
        "--font-family", c.font_family,
        "Font family to use (default: Times New Roman if given, else Liberation Serif)");
    cmd->add_flag("-q,--quiet", c.quiet, "Print no warnings");
}

// A failure to write the result (exit status 3), as opposed to a bug.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes `bytes` to `target`: "-" is standard output; a regular file (or a new one) is
// written atomically, through a symbolic link to its target; a device or pipe is written
// directly, never replaced.
void write_output(const std::string& target, const std::string& bytes) {
    namespace fs = std::filesystem;
    if (target == "-") {
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
            std::fflush(stdout) != 0)
            throw OutputError("cannot write to standard output");
        return;
    }
    std::error_code ec;
    fs::path path = target;
    // Through symbolic links (also dangling ones) to the file they name.
    for (int hops = 0; hops < 40 && fs::is_symlink(path, ec); ++hops) {
        const fs::path link = fs::read_symlink(path, ec);
        path = link.is_absolute() ? link : path.parent_path() / link;
    }
    const auto status = fs::status(path, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        if (fs::is_directory(status)) throw OutputError(target + " is a folder");
        FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) throw OutputError("cannot open " + target);
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        if (std::fclose(f) != 0 || !ok) throw OutputError("cannot write " + target);
        return;
    }
    try {
        vanthu::core::write_file_atomically(path, bytes);
    } catch (const std::runtime_error& e) {
        throw OutputError(e.what());
    }
}

int run_render(const std::vector<std::string>& args, const std::string& output, bool draft,
               const CommonOptions& common) {
    vanthu::RenderRequest request;
    if (args.size() == 2) {
        request.template_name = args[0];
        request.data_file = args[1];
    } else {
        request.data_file = args[0];
    }
    request.draft = draft;
    vanthu::Engine engine(engine_options(common));
    auto result = engine.render(request);
    if (!common.quiet) print(result.warnings);
    write_output(output, result.pdf);
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"vanthu: Vietnamese official documents (Decree 30/2020/NĐ-CP) as PDF"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "vanthu 0.1.0");

    CommonOptions common;
    std::vector<std::string> render_args;
    std::string output;
    bool draft = false;
    auto* render = app.add_subcommand(
        "render", "Render one document: vanthu render [TEMPLATE] DATA -o OUT.pdf");
    render->add_option("args", render_args, "[TEMPLATE] DATA (.json, .yaml or .yml)")
        ->required()
        ->expected(1, 2);
    render->add_option("-o,--output", output, "Output PDF file, or - for standard output")
        ->required();
    render->add_flag("--draft", draft, "Missing data becomes visible placeholders, not errors");
    add_common(render, common);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kInputError;
    }

    try {
        if (render->parsed()) return run_render(render_args, output, draft, common);
    } catch (const vanthu::Error& e) {
        print(e.diagnostics());
        return kInputError;
    } catch (const OutputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kOutputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
    return kInternalError;
}
