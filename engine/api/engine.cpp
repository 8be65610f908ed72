#include "vanthu/engine.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <cairo-pdf.h>
#include <nlohmann/json.hpp>

#include "api/file_rules.hpp"
#include "api/signing.hpp"
#include "core/paths.hpp"
#include "expand/expand.hpp"
#include "expand/template.hpp"
#include "input/catalogue.hpp"
#include "input/data.hpp"
#include "input/document_fields.hpp"
#include "input/schema.hpp"
#include "layout/font_set.hpp"
#include "layout/layout.hpp"
#include "layout/shaper.hpp"
#include "parse/parse.hpp"
#include "render/cairo_writer.hpp"
#include "render/haru_pdf.hpp"
#include "text/text.hpp"

namespace vanthu {
namespace {

[[noreturn]] void fail(std::string code, std::string message, std::string file = {}) {
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    if (!file.empty()) d.where = core::SourceLocation{file, 0, 0, {}};
    throw Error(std::move(d));
}

std::filesystem::path default_data_dir() {
    if (const char* env = std::getenv("VANTHU_DATA_DIR"); env && *env) return env;
    return VANTHU_DATA_DIR;
}

// Reads fonts/fonts.json into the font set.
void load_font_list(const std::filesystem::path& file, layout::FontSet& fonts,
                    std::vector<std::string>& preference) {
    std::ifstream in(file);
    if (!in) fail("font.list", "cannot read the font list " + file.string());
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(ss.str());
    } catch (const nlohmann::json::parse_error& e) {
        fail("font.list", std::string("malformed font list: ") + e.what(), file.string());
    }
    try {
        const auto names = j.value("preference", nlohmann::json::array());
        for (const auto& name : names) preference.push_back(name.get<std::string>());
        const auto families = j.value("families", nlohmann::json::object());
        for (const auto& [family, faces] : families.items()) {
            std::array<std::string, 4> files{faces.value("regular", ""), faces.value("bold", ""),
                                             faces.value("italic", ""),
                                             faces.value("bold-italic", "")};
            // Relative file names are relative to the font list's own folder.
            for (auto& f : files)
                if (!f.empty() && std::filesystem::path(f).is_relative())
                    f = (file.parent_path() / f).lexically_normal().string();
            fonts.add_family(family, files, file.string());
        }
    } catch (const nlohmann::json::exception& e) {
        fail("font.list",
             std::string("the font list must map families to regular/bold/italic/bold-italic "
                         "file names: ") +
                 e.what(),
             file.string());
    }
}

// The name in a "data.missing" diagnostic from expand(): the first quoted word of its message.
std::optional<std::string> missing_name(const Diagnostic& d) {
    if (d.code != "data.missing") return std::nullopt;
    const size_t open = d.message.find('"');
    const size_t close = open == std::string::npos ? open : d.message.find('"', open + 1);
    if (close == std::string::npos) return std::nullopt;
    return d.message.substr(open + 1, close - open - 1);
}

// Adds "the template uses it at <file>:<line>:<column>" to each "required but not given" error
// whose name the template writes in a {{tag}}. The places come from a trial expansion in strict
// mode whose own diagnostics are otherwise dropped (the data is known to be wrong).
void point_at_template_uses(std::vector<Diagnostic>& problems, const expand::Template& tmpl,
                            const input::Data& data) {
    if (std::none_of(problems.begin(), problems.end(), [](const Diagnostic& d) {
            return d.severity == core::Severity::error && input::missing_required_path(d);
        }))
        return;
    core::Diagnostics trial;
    try {
        expand::expand(tmpl, data.value, data.file, expand::ExpandOptions{}, trial);
    } catch (const std::exception&) {
        // Expected: the missing names make it fail. Anything else shows once the data is fixed.
    }
    std::map<std::string, core::SourceLocation> uses;
    for (const auto& d : trial.items())
        if (auto name = missing_name(d); name && d.where && d.where->line > 0)
            uses.emplace(*name, *d.where);
    for (auto& d : problems) {
        auto path = input::missing_required_path(d);
        if (!path) continue;
        if (auto use = uses.find(*path); use != uses.end())
            d.hints.push_back("the template uses it at " + use->second.file + ":" +
                              std::to_string(use->second.line) + ":" +
                              std::to_string(use->second.column));
    }
}

// Checks the data against the template's manifest.json when it declares fields ("properties"
// or "required"; a manifest "{}" checks nothing). Every problem is reported at once and thrown
// before the template is filled. In draft mode "required but not given" is a warning instead;
// those warnings are returned, to be added after expansion unless expand() reported the same
// name itself (its "data.missing" warning points at the template and names the placeholder).
// The engine's own "template" field is not checked unless the manifest declares it.
core::Diagnostics check_against_manifest(const expand::Template& tmpl, const input::Data& data,
                                         bool draft, core::Diagnostics& diags) {
    core::Diagnostics deferred;
    if (!input::has_schema(tmpl.manifest)) return deferred;
    const nlohmann::json* checked = &data.value;
    nlohmann::json without_template;
    const auto properties = tmpl.manifest.find("properties");
    if (data.value.contains("template") &&
        !(properties != tmpl.manifest.end() && properties->is_object() &&
          properties->contains("template"))) {
        without_template = data.value;
        without_template.erase("template");
        checked = &without_template;
    }
    core::Diagnostics found;
    input::check_data(tmpl.manifest, *checked, data.file, found,
                      (tmpl.dir / "manifest.json").string());
    std::vector<Diagnostic> now;
    for (auto d : found.items()) {
        if (draft && input::missing_required_path(d)) {
            d.severity = core::Severity::warning;
            deferred.add(std::move(d));
        } else {
            now.push_back(std::move(d));
        }
    }
    point_at_template_uses(now, tmpl, data);
    for (auto& d : now) diags.add(std::move(d));
    if (diags.has_errors()) {
        diags.append(deferred);
        core::throw_if_errors(diags);
    }
    return deferred;
}

// Adds the deferred draft warnings whose name expand() did not report itself.
void add_deferred(const core::Diagnostics& deferred, core::Diagnostics& diags) {
    std::set<std::string> reported;
    for (const auto& d : diags.items())
        if (auto name = missing_name(d)) reported.insert(*name);
    for (auto d : deferred.items()) {
        if (reported.count(input::missing_required_path(d).value_or(""))) continue;
        d.hints.push_back("left out of the draft");
        diags.add(std::move(d));
    }
}

}  // namespace

struct Engine::Impl {
    EngineOptions options;
    layout::FontSet fonts;
    std::vector<std::string> preference;
    std::unique_ptr<layout::Shaper> shaper;
    render::FontCache font_cache;
    std::map<std::filesystem::path, expand::Template> templates;
    // warm_up()'s thread and the shaper it hands over. get_shaper() waits for the shaper
    // only; the thread is joined before the members it uses are destroyed.
    std::thread warmer;
    std::future<std::unique_ptr<layout::Shaper>> warm_shaper;
    SignerCache signing_keys;  // the key of RenderRequest::sign, open for the next document

    ~Impl() {
        if (warmer.joinable()) warmer.join();
    }

    std::unique_ptr<layout::Shaper> make_shaper() const {
        const bool strict = !options.font_family.empty();
        auto pref = strict ? std::vector<std::string>{options.font_family} : preference;
        auto made = std::make_unique<layout::Shaper>(fonts.choose(pref, strict));
        made->reuse_shaped_text(options.reuse_shaped_text);
        return made;
    }

    layout::Shaper& get_shaper() {
        if (!shaper) shaper = warm_shaper.valid() ? warm_shaper.get() : make_shaper();
        return *shaper;
    }

    void warm_up() {
        if (shaper || warmer.joinable()) return;
        // One thread, while this one reads, checks and expands the first document: the font
        // family's shaper with its faces loaded in Pango and Cairo, handed over as soon as it
        // is ready; the faces' character sets, when the shaper's fontconfig configuration did
        // not already hold them (a font folder without cache); the text rules (the first search
        // compiles the ones still missing, so the two threads share them); a throwaway PDF page.
        // Only that thread touches font_cache until get_shaper() has the shaper.
        std::promise<std::unique_ptr<layout::Shaper>> promise;
        warm_shaper = promise.get_future();
        warmer = std::thread([this, promise = std::move(promise)]() mutable {
            std::vector<const layout::FaceFile*> files;
            std::vector<void*> cairo_faces;
            try {
                auto made = make_shaper();
                made->load_faces();
                for (int i = 0; i < 4; ++i) {
                    files.push_back(&made->family().face(static_cast<layout::FaceStyle>(i)));
                    cairo_faces.push_back(font_cache.cairo_face(files.back()->face()));
                }
                promise.set_value(std::move(made));
            } catch (...) {
                promise.set_exception(std::current_exception());
                return;
            }
            // What follows is done again, and any error reported, on first use.
            try {
                for (const auto* f : files) f->load_charset();
                text::compile_unbreakable_rules();
                render::warm_up_pdf_writer(cairo_faces);
            } catch (...) {
            }
        });
    }

    // The folder of template `name`: a path, or a folder of templates/.
    std::filesystem::path template_dir(const std::string& name, const std::string& data_file) {
        std::filesystem::path dir;
        if (name.find('/') != std::string::npos || std::filesystem::is_directory(name))
            dir = name;
        else
            dir = options.data_dir / "templates" / name;
        if (!std::filesystem::is_directory(dir)) {
            if (name.find('/') != std::string::npos)
                fail("template.unknown",
                     "unknown template \"" + name + "\" (no folder " + dir.string() + ")",
                     data_file);
            // A name, not a path: say which names exist and which is nearest.
            throw Error(input::unknown_template(name, options.data_dir / "templates", data_file));
        }
        return dir;
    }

    const expand::Template& get_template(const std::string& name, const std::string& data_file,
                                         const std::vector<std::filesystem::path>& allowed = {}) {
        const auto dir = template_dir(name, data_file);
        // Loaded again when other folders are allowed: they decide which files it may read.
        std::filesystem::path key = std::filesystem::weakly_canonical(dir);
        for (const auto& a : allowed) key += "\n" + a.string();
        auto it = templates.find(key);
        if (it == templates.end())
            it = templates.emplace(key, expand::load_template(dir, allowed)).first;
        return it->second;
    }

    // A template the data names by path must lie in the data's folder or the templates folder
    // (or an allowed one): data from elsewhere must not choose files to read.
    void check_template_from_data(const std::string& name, const std::string& data_file,
                                  const std::filesystem::path& folder,
                                  const std::vector<std::filesystem::path>& allowed) {
        const auto dir = template_dir(name, data_file);
        std::vector<std::filesystem::path> folders = allowed;
        folders.push_back(options.data_dir / "templates");
        if (!folder.empty()) folders.push_back(folder);
        if (core::is_within_any(dir, folders)) return;
        Diagnostic d;
        d.code = "data.path";
        d.message = "the template \"" + name + "\" (field template) is outside the data file's " +
                    "folder" + (folder.empty() ? "" : " " + folder.string()) +
                    " and the templates folder " + (options.data_dir / "templates").string();
        d.where = core::SourceLocation{data_file, 0, 0, {}};
        d.hints = {
            "name a template of the templates folder (vanthu templates lists them), or "
            "give the template on the command line; " +
            api::allow_hint(folder)};
        throw Error(std::move(d));
    }

    // ban_sao and vua_trang, which every template takes: out of the data before the manifest
    // check, checked by input::take_document_fields. A --copy-data file replaces ban_sao and is
    // named in its own messages.
    input::DocumentFields document_fields(const RenderRequest& request,
                                          const expand::Template& tmpl, input::Data& data,
                                          core::Diagnostics& diags) {
        if (request.copy_data_file.empty())
            return input::take_document_fields(data.value, tmpl.manifest, request.copy, data.file,
                                               diags);
        if (data.value.is_object()) data.value.erase(input::kCopyField);
        auto fields = input::take_document_fields(data.value, tmpl.manifest, {}, data.file, diags);
        const auto copy_data = input::load_data(request.copy_data_file);
        nlohmann::json wrapped = {{input::kCopyField, copy_data.value}};
        fields.copy = input::take_document_fields(wrapped, nlohmann::json::object(), request.copy,
                                                  copy_data.file, diags)
                          .copy;
        return fields;
    }

    model::Document document(const RenderRequest& request, core::Diagnostics& diags) {
        auto data = request.data ? input::Data{*request.data, request.data_file.string()}
                                 : input::load_data(request.data_file);
        const auto folder = api::data_folder(request.data_file, request.data != nullptr);
        std::string name = request.template_name;
        if (name.empty()) {
            name = input::template_from_data(data.value, options.data_dir / "templates", data.file,
                                             "the data");
            check_template_from_data(name, data.file, folder, request.allowed_paths);
        }
        const auto& tmpl = get_template(name, data.file, request.allowed_paths);
        const auto fields = document_fields(request, tmpl, data, diags);
        const auto deferred = check_against_manifest(tmpl, data, request.draft, diags);
        expand::ExpandOptions eo;
        eo.strict = !request.draft;
        auto expanded = expand::expand(tmpl, data.value, data.file, eo, diags);
        add_deferred(deferred, diags);
        auto doc = parse::parse(expanded, diags);
        doc.copy = fields.copy;
        if (fields.fit) doc.fit = *fields.fit;
        if (!request.fit) doc.fit = false;
        doc = text::prepare(std::move(doc), diags);
        core::throw_if_errors(diags);
        // A draft says so, in the top margin where it moves nothing else; after prepare(),
        // because a previewed document may already carry its number and date.
        if (request.draft && doc.header.marks.draft.empty())
            doc.header.marks.draft.value = kDraftMark;
        // A signature image's relative path is taken from the data file's folder, not from
        // wherever the command runs, and must lead to a file inside it (or an allowed folder).
        api::confine_images(doc, data.value, folder, request.allowed_paths, diags);
        core::throw_if_errors(diags);
        return doc;
    }

    layout::Pages pages(const RenderRequest& request, std::vector<Diagnostic>* warnings) {
        core::Diagnostics diags;
        auto doc = document(request, diags);
        layout::LayoutOptions lo;
        auto result = layout::layout_document(doc, get_shaper(), lo, diags);
        if (warnings) *warnings = diags.items();
        return result;
    }
};

void skip_system_fonts() { layout::use_empty_default_fontconfig(); }

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>()) {
    if (options.data_dir.empty()) options.data_dir = default_data_dir();
    impl_->options = options;
    load_font_list(options.data_dir / "fonts" / "fonts.json", impl_->fonts, impl_->preference);
    for (const auto& dir : options.font_dirs) impl_->fonts.add_directory(dir);
}

Engine::~Engine() = default;

void Engine::warm_up() { impl_->warm_up(); }

std::string Engine::template_source(const std::string& name,
                                    const std::vector<std::filesystem::path>& allowed) {
    const auto& tmpl = impl_->get_template(name, {}, allowed);
    return tmpl.source + '\n' + tmpl.manifest.dump();
}

std::vector<std::string> Engine::template_fields(
    const std::string& name, const std::vector<std::filesystem::path>& allowed) {
    const auto& manifest = impl_->get_template(name, {}, allowed).manifest;
    std::vector<std::string> fields;
    const auto properties = manifest.find("properties");
    if (properties != manifest.end() && properties->is_object())
        for (const auto& [field, schema] : properties->items()) fields.push_back(field);
    return fields;
}

std::vector<TemplateSummary> Engine::templates() const {
    return input::list_templates(impl_->options.data_dir / "templates");
}

std::vector<TemplateField> Engine::template_field_info(const std::string& name) {
    const auto& tmpl = impl_->get_template(name, {});
    std::optional<input::Data> example;
    // Only an example inside the template's folder: its lines may be quoted in messages.
    const auto folder = core::resolved(tmpl.dir);
    for (const char* file : {"example.yaml", "example.yml", "example.json"})
        if (std::filesystem::is_regular_file(tmpl.dir / file) &&
            core::is_within(core::resolved(tmpl.dir / file), folder)) {
            example = input::load_data(tmpl.dir / file);
            break;
        }
    return input::describe_fields(tmpl.manifest, example ? &example->value : nullptr);
}

int Engine::signing_keys_opened() const { return impl_->signing_keys.opened(); }

const std::filesystem::path& Engine::data_dir() const { return impl_->options.data_dir; }

std::string Engine::font_family() { return impl_->get_shaper().family().name; }

model::Document Engine::document(const RenderRequest& request, std::vector<Diagnostic>* warnings) {
    core::Diagnostics diags;
    auto doc = impl_->document(request, diags);
    if (warnings) *warnings = diags.items();
    return doc;
}

layout::Pages Engine::layout(const RenderRequest& request, std::vector<Diagnostic>* warnings) {
    return impl_->pages(request, warnings);
}

RenderResult Engine::render(const RenderRequest& request) {
    RenderResult result;
    auto pages = impl_->pages(request, &result.warnings);
    result.page_count = static_cast<int>(pages.pages.size());
    render::PdfOptions pdf;
    // A document without a date (a draft) takes SOURCE_DATE_EPOCH, so builds stay reproducible.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        const std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
        char buf[16];
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        pdf.fallback_date = buf;
    }
    result.pdf = request.writer == RenderRequest::Writer::haru
                     ? render::write_pdf_haru(pages, pdf)
                     : render::write_pdf(pages, impl_->font_cache, pdf);
    auto metadata = pages.metadata;
    if (metadata.creation_date.empty()) metadata.creation_date = pdf.fallback_date;
    if ((request.sign || request.signature_fields) && request.protection.enabled())
        throw Error(Diagnostic{core::Severity::error,
                               "sign.protected",
                               "a document cannot be both signed and protected with a password yet",
                               std::nullopt,
                               {"issue it signed, without --owner-password/--user-password"}});
    result.pdf = render::finish_pdf(result.pdf, metadata, pages.pages.size(), request.protection);
    if (request.sign)
        result.pdf =
            sign_rendered(std::move(result.pdf), pages, *request.sign, impl_->signing_keys);
    else if (request.signature_fields)
        result.pdf = add_signature_fields(std::move(result.pdf), pages);
    return result;
}

std::vector<std::string> Engine::render_png(const RenderRequest& request, double dpi,
                                            std::vector<Diagnostic>* warnings) {
    auto pages = impl_->pages(request, warnings);
    return render::write_png(pages, impl_->font_cache, dpi);
}

std::vector<std::string> Engine::render_svg(const RenderRequest& request,
                                            std::vector<Diagnostic>* warnings) {
    auto pages = impl_->pages(request, warnings);
    return render::write_svg(pages, impl_->font_cache);
}

}  // namespace vanthu
