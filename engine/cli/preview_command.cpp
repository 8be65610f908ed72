#include "preview_command.hpp"

#include "exit_status.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>

#include "core/allocator.hpp"
#include "core/atomic_file.hpp"
#include "core/limits.hpp"
#include "engine_flags.hpp"
#include "vanthu/engine.hpp"

namespace vanthu::cli {

namespace fs = std::filesystem;

namespace {

// "cv-01.png" for page 1 of 12: numbers padded to one width, so the files sort in page order.
std::string page_file(const std::string& stem, size_t page, size_t count, const std::string& ext) {
    const std::string number = std::to_string(page);
    const size_t width = std::to_string(count).size();
    return stem + "-" + std::string(width - number.size(), '0') + number + "." + ext;
}

// Page images of an earlier, longer preview of the same data: "cv-13.png" when this one has
// 12 pages. Left in place, they would pass for pages of this document.
void remove_stale_pages(const fs::path& dir, const std::string& stem, const std::string& ext,
                        const std::vector<std::string>& written) {
    const std::regex page(std::regex_replace(stem, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          "-[0-9]+\\." + ext);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && std::regex_match(name, page) &&
            std::find(written.begin(), written.end(), name) == written.end())
            fs::remove(entry.path(), ec);
    }
}

}  // namespace

struct PreviewCommand::Options {
    std::vector<std::string> args;
    std::string out, format = "png";
    double dpi = 96;
    bool quiet = false;
    EngineFlags engine;
    RenderRequest request;  // --copy, --copy-data, --no-fit
};

PreviewCommand::PreviewCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
    cmd_ = app.add_subcommand(
        "preview", "Page images of a draft: vanthu preview [TEMPLATE] DATA --out DIR [--dpi N]");
    auto& o = *o_;
    cmd_->add_option("args", o.args, "[TEMPLATE] DATA (.json, .yaml or .yml)")
        ->required()
        ->expected(1, 2);
    cmd_->add_option("--out", o.out, "Folder for the page images (created if missing)")->required();
    cmd_->add_option("--dpi", o.dpi, "Resolution of PNG pages (default 96)")
        ->check(CLI::Range(core::limits::kPreviewDpiMin, core::limits::kPreviewDpiMax))
        ->check(CLI::Validator(
            [](const std::string& value) {
                // CLI::Range lets "nan" through: every comparison with it is false.
                return std::isfinite(std::strtod(value.c_str(), nullptr))
                           ? std::string()
                           : "--dpi must be a number, got " + value;
            },
            "NUMBER"));
    cmd_->add_option("--format", o.format, "png (default) or svg")
        ->check(CLI::IsMember({"png", "svg"}));
    o.engine.add_to(cmd_);
    add_document_flags(cmd_, o.request);
    cmd_->add_flag("-q,--quiet", o.quiet, "Print no warnings and no file names");
}

PreviewCommand::~PreviewCommand() = default;

bool PreviewCommand::parsed() const { return cmd_->parsed(); }

int PreviewCommand::run() {
    const auto& o = *o_;
    RenderRequest request = o.request;
    request.draft = true;
    if (o.args.size() == 2) request.template_name = o.args[0];
    request.data_file = o.args.back();

    std::vector<std::string> images;
    try {
        core::HeapPrefault prefault(4 << 20);
        Engine engine(o.engine.options());
        engine.warm_up();
        std::vector<Diagnostic> warnings;
        images = o.format == "svg" ? engine.render_svg(request, &warnings)
                                   : engine.render_png(request, o.dpi, &warnings);
        if (!o.quiet) std::cerr << core::format_all(warnings, core::limits::kPrintedDiagnostics);
    } catch (const Error& e) {
        std::cerr << core::format_all(e.diagnostics(), core::limits::kPrintedDiagnostics);
        return kInputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }

    const std::string stem = fs::path(o.args.back()).stem().string();
    std::vector<std::string> written;
    std::error_code ec;
    if (fs::exists(o.out, ec) && !fs::is_directory(o.out, ec)) {
        std::cerr << "error: --out " << o.out << " is not a folder\n";
        return kOutputError;
    }
    try {
        fs::create_directories(o.out);
        for (size_t i = 0; i < images.size(); ++i) {
            written.push_back(page_file(stem, i + 1, images.size(), o.format));
            core::write_file_atomically(fs::path(o.out) / written.back(), images[i]);
        }
        remove_stale_pages(o.out, stem, o.format, written);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kOutputError;
    }
    if (!o.quiet)
        for (const auto& name : written) std::cout << (fs::path(o.out) / name).string() << '\n';
    return kOk;
}

}  // namespace vanthu::cli
