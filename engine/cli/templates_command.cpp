#include "templates_command.hpp"

#include "exit_status.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "core/limits.hpp"
#include "core/utf8.hpp"
#include "input/document_fields.hpp"
#include "vanthu/engine.hpp"

namespace vanthu::cli {

namespace fs = std::filesystem;

namespace {

using core::code_points;

// `text` in lines of at most `width` code points (a longer word stays whole), each after
// `indent` spaces.
std::string wrap(const std::string& text, size_t indent, size_t width = 96) {
    std::istringstream words(text);
    std::string out, line, word;
    const auto flush = [&] {
        if (!line.empty()) out += std::string(indent, ' ') + line + '\n';
        line.clear();
    };
    while (words >> word) {
        if (!line.empty() && indent + code_points(line) + 1 + code_points(word) > width) flush();
        line += (line.empty() ? "" : " ") + word;
    }
    flush();
    return out;
}

void list(const Engine& engine) {
    const auto templates = engine.templates();
    const fs::path dir = engine.data_dir() / "templates";
    if (templates.empty()) {
        std::cout << "Thư mục " << dir.string() << " không có mẫu văn bản nào.\n";
        return;
    }
    size_t widest = 0;
    for (const auto& t : templates) widest = std::max(widest, code_points(t.name));
    std::cout << "Các mẫu văn bản có sẵn (" << dir.string() << "):\n";
    for (const auto& t : templates) {
        const std::string summary = input::short_description(t.description);
        std::cout << "  " << t.name << std::string(widest - code_points(t.name) + 3, ' ')
                  << (summary.empty() ? "(manifest.json không có mô tả)" : summary) << '\n';
    }
    std::cout << "\nCác mục của một mẫu và ví dụ: vanthu templates TÊN-MẪU\n";
}

void print_fields(const std::vector<TemplateField>& fields);

void show(Engine& engine, const std::string& name) {
    const auto fields = engine.template_field_info(name);
    const TemplateSummary* found = nullptr;
    const auto templates = engine.templates();
    for (const auto& t : templates)
        if (t.name == name) found = &t;
    const fs::path dir = found ? found->dir : fs::path(name);
    std::cout << "Mẫu " << name << '\n';
    if (found && !found->description.empty()) std::cout << wrap(found->description, 2);
    std::cout << "  Thư mục: " << dir.string() << '\n';
    for (const char* example : {"example.yaml", "example.yml", "example.json"})
        if (fs::is_regular_file(dir / example)) {
            std::cout << "  Tệp dữ liệu ví dụ: " << (dir / example).string() << '\n';
            break;
        }
    if (fields.empty()) {
        std::cout << "\nmanifest.json của mẫu này không khai báo mục nào.\n";
    } else {
        std::cout << "\nCác mục (mục lồng trong mục khác viết sau nó, thụt vào):\n";
        print_fields(fields);
    }
    std::cout << "\nMục dùng được với mọi mẫu (bản sao, vừa trang):\n";
    print_fields(input::describe_fields(input::document_fields_schema(), nullptr));
}

void print_fields(const std::vector<TemplateField>& fields) {
    for (const auto& f : fields) {
        const size_t indent = 2 + 2 * static_cast<size_t>(f.depth);
        std::string kind = f.type;
        if (f.required) kind += kind.empty() ? "bắt buộc" : ", bắt buộc";
        std::cout << '\n'
                  << std::string(indent, ' ') << f.path << (kind.empty() ? "" : "  (" + kind + ")")
                  << '\n';
        if (!f.description.empty()) std::cout << wrap(f.description, indent + 4);
        if (!f.example.empty()) std::cout << wrap("Ví dụ: " + f.example, indent + 4);
    }
}

}  // namespace

TemplatesCommand::TemplatesCommand(CLI::App& app) {
    cmd_ = app.add_subcommand(
        "templates", "List the templates, or show the fields of one: vanthu templates [TEMPLATE]");
    cmd_->add_option("template", name_, "A template's name: show its fields and examples");
    cmd_->add_option("--data-dir", data_dir_, "Folder holding templates/ and fonts/")
        ->check(CLI::ExistingDirectory);
}

bool TemplatesCommand::parsed() const { return cmd_->parsed(); }

int TemplatesCommand::run() {
    try {
        EngineOptions options;
        options.data_dir = data_dir_;
        Engine engine(options);
        if (name_.empty())
            list(engine);
        else
            show(engine, name_);
    } catch (const Error& e) {
        std::cerr << core::format_all(e.diagnostics(), core::limits::kPrintedDiagnostics);
        return kInputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
    std::cout.flush();
    return kOk;
}

}  // namespace vanthu::cli
