#include "layout/font_set.hpp"

#include <fontconfig/fontconfig.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>

#include "core/diagnostics.hpp"

namespace vanthu::layout {
namespace {

[[noreturn]] void fail(std::string code, std::string message, std::string origin = {}) {
    core::Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    if (!origin.empty()) d.where = core::SourceLocation{origin, 0, 0, {}};
    throw core::Failure(std::move(d));
}

FcCharSet* query_charset(const std::string& path, std::string* family, int* weight, int* slant) {
    int count = 0;
    FcBlanks* blanks = nullptr;
    FcPattern* pat =
        FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), 0, blanks, &count);
    if (!pat) return nullptr;
    FcCharSet* cs = nullptr;
    FcCharSet* result = nullptr;
    if (FcPatternGetCharSet(pat, FC_CHARSET, 0, &cs) == FcResultMatch) result = FcCharSetCopy(cs);
    FcChar8* fam = nullptr;
    if (family && FcPatternGetString(pat, FC_FAMILY, 0, &fam) == FcResultMatch)
        *family = reinterpret_cast<const char*>(fam);
    if (weight && FcPatternGetInteger(pat, FC_WEIGHT, 0, weight) != FcResultMatch)
        *weight = FC_WEIGHT_REGULAR;
    if (slant && FcPatternGetInteger(pat, FC_SLANT, 0, slant) != FcResultMatch)
        *slant = FC_SLANT_ROMAN;
    FcPatternDestroy(pat);
    return result;
}

}  // namespace

const char* style_name(FaceStyle s) {
    switch (s) {
        case FaceStyle::regular:
            return "Regular";
        case FaceStyle::bold:
            return "Bold";
        case FaceStyle::italic:
            return "Italic";
        case FaceStyle::bold_italic:
            return "Bold Italic";
    }
    return "Regular";
}

struct FaceFile::Charset {
    std::once_flag once;
    FcCharSet* set = nullptr;
    ~Charset() {
        if (set) FcCharSetDestroy(set);
    }
};

FaceFile::FaceFile(std::string path, std::string family, FaceStyle style)
    : path_(std::move(path)),
      family_(std::move(family)),
      style_(style),
      charset_(std::make_shared<Charset>()) {
    // The first four bytes say what the file is: TrueType, OpenType (CFF), a collection.
    char tag[4] = {};
    std::ifstream in(path_, std::ios::binary);
    in.read(tag, sizeof tag);
    const std::string_view t(tag, static_cast<size_t>(in.gcount()));
    if (t != std::string_view("\0\1\0\0", 4) && t != "true" && t != "OTTO" && t != "ttcf")
        fail("font.file", "cannot read font file " + path_ + ": not a TrueType or OpenType font");
}

void FaceFile::adopt_charset(void* charset) const {
    bool taken = false;
    std::call_once(charset_->once, [&] {
        charset_->set = static_cast<FcCharSet*>(charset);
        taken = true;
    });
    if (!taken) FcCharSetDestroy(static_cast<FcCharSet*>(charset));  // had one already
}

void FaceFile::load_charset() const {
    std::call_once(charset_->once, [&] {
        charset_->set = query_charset(path_, nullptr, nullptr, nullptr);
        if (!charset_->set) fail("font.file", "cannot read font file " + path_);
    });
}

Face FaceFile::face() const {
    return Face{path_, family_, style_ == FaceStyle::bold || style_ == FaceStyle::bold_italic,
                style_ == FaceStyle::italic || style_ == FaceStyle::bold_italic};
}

bool FaceFile::covers(char32_t cp) const {
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        return true;
    load_charset();
    return FcCharSetHasChar(charset_->set, cp);
}

std::optional<MissingChar> first_missing_char(const FaceFile& face, std::string_view s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return MissingChar{static_cast<size_t>(start), 0xFFFD};
        if (c == ' ' || c == '\n' || c == '\t') continue;
        if (!face.covers(static_cast<char32_t>(c)))
            return MissingChar{static_cast<size_t>(start), static_cast<char32_t>(c)};
    }
    return std::nullopt;
}

Family& FontSet::family_slot(const std::string& name, const std::string& origin) {
    for (auto& f : families_)
        if (f.name == name) return f;
    families_.push_back(Family{name, origin, {}});
    return families_.back();
}

void FontSet::add_family(const std::string& name, const std::array<std::string, 4>& files,
                         const std::string& origin) {
    Family& fam = family_slot(name, origin);
    fam.origin = origin;
    for (int i = 0; i < 4; ++i) {
        if (files[i].empty()) continue;
        if (!std::filesystem::is_regular_file(files[i]))
            fail("font.file",
                 "font file " + files[i] + " (" + name + " " +
                     style_name(static_cast<FaceStyle>(i)) + ") does not exist",
                 origin);
        fam.faces[i].emplace(files[i], name, static_cast<FaceStyle>(i));
    }
}

void FontSet::add_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        fail("font.dir", "font folder " + dir.string() + " does not exist or is not a folder");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        auto ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (entry.is_regular_file() && (ext == ".ttf" || ext == ".otf" || ext == ".ttc"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // deterministic choice when two files claim a style
    if (files.empty()) fail("font.dir", "font folder " + dir.string() + " holds no .ttf/.otf file");
    for (const auto& path : files) {
        std::string family;
        int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
        FcCharSet* cs = query_charset(path.string(), &family, &weight, &slant);
        if (!cs) continue;
        auto style = face_style(weight >= FC_WEIGHT_BOLD, slant != FC_SLANT_ROMAN);
        Family& fam = family_slot(family, dir.string());
        fam.origin = dir.string();
        auto& slot = fam.faces[static_cast<int>(style)];
        if (slot) {
            FcCharSetDestroy(cs);
        } else {
            slot.emplace(path.string(), family, style);
            slot->adopt_charset(cs);  // read already: not read again on first use
        }
    }
}

const Family& FontSet::choose(const std::vector<std::string>& preference, bool strict) const {
    const Family* found = nullptr;
    for (const auto& want : preference) {
        for (const auto& f : families_)
            if (f.name == want) found = &f;
        if (found || strict) break;
    }
    if (!found) {
        std::string known;
        for (const auto& n : family_names()) known += (known.empty() ? "" : ", ") + n;
        fail("font.family", "unknown font family \"" +
                                (preference.empty() ? std::string() : preference[0]) +
                                "\" (known: " + (known.empty() ? "none" : known) + ")");
    }
    for (int i = 0; i < 4; ++i)
        if (!found->faces[i])
            fail("font.face",
                 "font family \"" + found->name + "\" has no " +
                     style_name(static_cast<FaceStyle>(i)) +
                     " face; the format needs regular, bold, italic and bold italic",
                 found->origin);
    return *found;
}

std::vector<std::string> FontSet::family_names() const {
    std::vector<std::string> names;
    for (const auto& f : families_) names.push_back(f.name);
    return names;
}

}  // namespace vanthu::layout
