#include "layout/font_config.hpp"

#include <filesystem>
#include <set>
#include <string_view>

#include "core/xml_escape.hpp"

namespace vanthu::layout {
namespace {

// Where fc-cache and fontconfig applications keep folder caches: the system's, then the user's
// (XDG_CACHE_HOME/fontconfig).
constexpr std::string_view kCacheDirs =
    "<cachedir>/var/cache/fontconfig</cachedir><cachedir prefix=\"xdg\">fontconfig</cachedir>";

bool load_xml(FcConfig* config, const std::string& body) {
    const std::string xml = "<fontconfig>" + body + "</fontconfig>";
    return FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()),
                                          FcFalse) == FcTrue;
}

FcConfig* config_from_files(const std::array<std::string, 4>& files) {
    FcConfig* config = FcConfigCreate();
    for (const auto& f : files)
        FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(f.c_str()));
    return config;
}

// The set holds each of `files` and nothing else.
bool holds_exactly(FcFontSet* set, const std::array<std::string, 4>& files) {
    if (!set) return false;
    std::multiset<std::string> found;
    for (int i = 0; i < set->nfont; ++i) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) return false;
        found.insert(reinterpret_cast<const char*>(file));
    }
    return found == std::multiset<std::string>(files.begin(), files.end());
}

FcConfig* config_from_caches(const std::array<std::string, 4>& files) {
    // Glob characters in a path would select other files: read those files instead.
    for (const auto& f : files)
        if (f.find_first_of("*?[\\") != std::string::npos) return nullptr;
    std::set<std::string> dirs;
    for (const auto& f : files) dirs.insert(std::filesystem::path(f).parent_path().string());

    FcConfig* config = FcConfigCreate();
    if (!load_xml(config, std::string(kCacheDirs))) {
        FcConfigDestroy(config);
        return nullptr;
    }
    // Only folders whose cache is valid: a folder without one would be scanned whole (every
    // font in it, and its subfolders), which costs more than reading the four files.
    for (const auto& dir : dirs) {
        FcCache* cache =
            FcDirCacheLoad(reinterpret_cast<const FcChar8*>(dir.c_str()), config, nullptr);
        if (!cache) {
            FcConfigDestroy(config);
            return nullptr;
        }
        FcDirCacheUnload(cache);
    }
    std::string body;
    for (const auto& dir : dirs) body += "<dir>" + core::xml_escape(dir) + "</dir>";
    body += "<selectfont><rejectfont><glob>*</glob></rejectfont><acceptfont>";
    for (const auto& f : files) body += "<glob>" + core::xml_escape(f) + "</glob>";
    body += "</acceptfont></selectfont>";
    if (!load_xml(config, body) || !FcConfigBuildFonts(config) ||
        !holds_exactly(FcConfigGetFonts(config, FcSetSystem), files)) {
        FcConfigDestroy(config);
        return nullptr;
    }
    return config;
}

}  // namespace

FcCharSet* charset_in(FcConfig* config, const std::string& file) {
    for (FcSetName which : {FcSetSystem, FcSetApplication}) {
        FcFontSet* set = FcConfigGetFonts(config, which);
        for (int i = 0; set && i < set->nfont; ++i) {
            FcChar8* f = nullptr;
            FcCharSet* cs = nullptr;
            if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
                file == reinterpret_cast<const char*>(f) &&
                FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
                return FcCharSetCopy(cs);
        }
    }
    return nullptr;
}

PrivateFontConfig private_font_config(const std::array<std::string, 4>& files) {
    if (FcConfig* cached = config_from_caches(files)) return {cached, true};
    return {config_from_files(files), false};
}

}  // namespace vanthu::layout
