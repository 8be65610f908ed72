#include "api/file_rules.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "core/image_file.hpp"
#include "core/limits.hpp"
#include "core/paths.hpp"

namespace vanthu::api {

namespace fs = std::filesystem;

namespace {

// The data path of the first string of `value` equal to `text` ("anh_chu_ky",
// "ky_phoi_hop[0].anh_chu_ky"), or "" when none is (the data is at most kDataNesting deep).
std::string path_of(const nlohmann::json& value, const std::string& text, const std::string& at,
                    int depth) {
    if (depth > core::limits::kDataNesting) return {};
    if (value.is_string()) return value.get_ref<const std::string&>() == text ? at : std::string();
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            auto found = path_of(child, text, at.empty() ? key : at + "." + key, depth + 1);
            if (!found.empty()) return found;
        }
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i) {
            auto found = path_of(value[i], text, at + "[" + std::to_string(i) + "]", depth + 1);
            if (!found.empty()) return found;
        }
    }
    return {};
}

void confine(model::Signature& s, const nlohmann::json& data, const fs::path& folder,
             const std::vector<fs::path>& allowed, core::Diagnostics& diags) {
    if (s.image.empty()) return;
    const std::string given = s.image.value;
    fs::path path(given);
    if (path.is_relative()) {
        // Without a folder of its own (data from a pipe) a relative path names nothing yet:
        // it is taken from the current folder only to say where it leads.
        if (!folder.empty()) path = folder / path;
    }
    const fs::path real = core::resolved(path);
    s.image.value = real.string();
    std::vector<fs::path> folders = allowed;
    if (!folder.empty()) folders.push_back(folder);
    const std::string field = path_of(data, given, "", 0);
    if (core::is_within_any(real, folders)) {
        // Checked here too (layout does it again) to name the field: a named pipe, a device,
        // a file too large or declaring too many pixels is refused before anything waits on
        // or decodes it.
        core::ImageFile png;
        std::string why;
        if (core::read_png(real, png, why, core::ImageRead::header)) return;
        core::Diagnostic d;
        d.code = "layout.image";
        std::string about;
        if (!field.empty()) about = "field " + field;
        if (real.string() != given) about += (about.empty() ? "" : ", ") + real.string();
        d.message = "cannot use the signature image \"" + given + "\"" +
                    (about.empty() ? "" : " (" + about + ")") + ": " + why;
        d.where = s.where;
        d.hints = {
            "the image must be a PNG file (a transparent one, so the text under the seal "
            "shows) of at most " +
            std::to_string(core::limits::kImagePixels / 1'000'000) + " megapixels"};
        diags.add(std::move(d));
        return;
    }

    core::Diagnostic d;
    d.code = "data.path";
    d.message = "the signature image \"" + given + "\"";
    if (!field.empty()) d.message += " (field " + field + ")";
    d.message += folder.empty() ? " may not be read: the data has no folder of its own (it came "
                                  "through a pipe or from memory)"
                                : " is outside the data file's folder " + folder.string();
    std::error_code ec;
    if (real != fs::absolute(path, ec).lexically_normal())
        d.message += " (it leads to " + real.string() + ")";
    d.where = s.where;
    d.hints = {allow_hint(folder)};
    diags.add(std::move(d));
}

}  // namespace

fs::path data_folder(const fs::path& data_file, bool in_memory) {
    if (data_file.empty()) return {};
    if (!in_memory) {
        struct stat st {};
        if (stat(data_file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
    }
    // The folder as named (a relative image path has always been taken from there), with its
    // own links resolved.
    const fs::path parent = data_file.parent_path();
    return core::resolved(parent.empty() ? fs::path(".") : parent);
}

void confine_images(model::Document& doc, const nlohmann::json& data, const fs::path& folder,
                    const std::vector<fs::path>& allowed, core::Diagnostics& diags) {
    confine(doc.signature, data, folder, allowed, diags);
    for (auto& s : doc.co_signatures) confine(s, data, folder, allowed, diags);
    for (auto& a : doc.appendices)
        if (a.signature) confine(*a.signature, data, folder, allowed, diags);
    if (doc.copy) confine(doc.copy->signature, data, folder, allowed, diags);
}

std::string allow_hint(const fs::path& folder) {
    std::string hint = folder.empty()
                           ? "put the file in a folder you allow"
                           : "put the file in " + folder.string() + " (or a folder inside it)";
    return hint + ", or allow its folder with --allow-path DIR";
}

}  // namespace vanthu::api
