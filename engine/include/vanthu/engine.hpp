// vanthu: Vietnamese official documents (Decree 30/2020/NĐ-CP) from data and templates.
//
//   vanthu::Engine engine;                       // fonts and templates from the install
//   auto result = engine.render({.data_file = "samples/cong-van-576/data.yaml"});
//   // result.pdf holds the PDF's bytes; result.warnings what was worth saying.
//
// Errors are thrown as vanthu::Error, which carries every diagnostic found (each with its
// file:line:column where there is one). An Engine is not thread-safe: use one per thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "layout/pages.hpp"

namespace vanthu {

using Diagnostic = core::Diagnostic;
using Error = core::Failure;
using core::format;

struct EngineOptions {
    // Folder holding templates/ and fonts/fonts.json. Empty: the VANTHU_DATA_DIR environment
    // variable, else the folder the engine was built from.
    std::filesystem::path data_dir;
    // Extra folders of font files (an office's own Times New Roman, for instance).
    std::vector<std::filesystem::path> font_dirs;
    // Font family to use; empty: the first available of fonts.json's "preference".
    std::string font_family;
};

struct RenderRequest {
    std::filesystem::path data_file;  // .json, .yaml or .yml
    // Template name (a folder of templates/) or a path to a template folder. Empty: the data's
    // own "template" field.
    std::string template_name;
    // Draft: names missing from the data become visible placeholders instead of errors.
    bool draft = false;
};

struct RenderResult {
    std::string pdf;  // the PDF file's bytes
    int page_count = 0;
    std::vector<Diagnostic> warnings;
};

class Engine {
  public:
    explicit Engine(EngineOptions options = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    RenderResult render(const RenderRequest& request);
    // The laid-out pages, for previews, checks and tests.
    layout::Pages layout(const RenderRequest& request, std::vector<Diagnostic>* warnings = nullptr);
    // PNG images of the pages at `dpi`.
    std::vector<std::string> render_png(const RenderRequest& request, double dpi);

    const std::filesystem::path& data_dir() const;
    // The font family in use (after resolving preferences).
    std::string font_family();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vanthu
