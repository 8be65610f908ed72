// Which font files serve which family and style. Fonts come only from files the engine is
// given (a font list or a folder), never from whatever the machine has installed.
#pragma once

#include <mutex>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/pages.hpp"

namespace vanthu::layout {

enum class FaceStyle { regular = 0, bold = 1, italic = 2, bold_italic = 3 };
const char* style_name(FaceStyle s);
inline FaceStyle face_style(bool bold, bool italic) {
    return static_cast<FaceStyle>((bold ? 1 : 0) + (italic ? 2 : 0));
}

// One font file with the set of characters it can show. The constructor checks that the file
// is a TrueType or OpenType font (font.file otherwise); the character set is read on first
// use, since reading it parses the whole font (about 0.4 ms a face), unless a Shaper hands over
// the one its fontconfig configuration holds (adopt_charset).
class FaceFile {
  public:
    FaceFile(std::string path, std::string family, FaceStyle style);
    const std::string& path() const { return path_; }
    FaceStyle style() const { return style_; }
    Face face() const;
    // Whether the font has a glyph for `cp` (default-ignorable code points always pass).
    // Throws core::Failure (font.file) if the font cannot be read.
    bool covers(char32_t cp) const;
    // Reads the character set now rather than on the first covers(). Thread-safe.
    void load_charset() const;
    // Takes `charset` (an FcCharSet* of this file, read by the caller) as the character set,
    // unless it has one already. Thread-safe.
    void adopt_charset(void* charset) const;

  private:
    struct Charset;
    std::string path_;
    std::string family_;
    FaceStyle style_;
    std::shared_ptr<Charset> charset_;  // shared by copies, read once
};

struct Family {
    std::string name;
    std::string origin;  // where this family was declared: a font list or a folder
    std::array<std::optional<FaceFile>, 4> faces;
    const FaceFile& face(FaceStyle s) const { return *faces[static_cast<int>(s)]; }
};

// A character that the chosen font cannot show.
struct MissingChar {
    size_t offset = 0;  // byte offset in the text checked
    char32_t code_point = 0;
};

class FontSet {
  public:
    // Declares a family from explicit files (index by FaceStyle). An empty path means the face
    // is absent. Throws core::Failure ("font.file") if a named file does not exist or is not a
    // font, naming `origin`.
    void add_family(const std::string& name, const std::array<std::string, 4>& files,
                    const std::string& origin);
    // Adds every font file (.ttf, .otf, .ttc) found directly in `dir`, grouped by the family
    // name and style the files declare. Throws core::Failure if `dir` is not a readable folder
    // or holds no font.
    void add_directory(const std::filesystem::path& dir);

    // The first family of `preference` that is known. With `strict`, the first name must be
    // known. The chosen family must have all four faces. Throws core::Failure ("font.family",
    // "font.face") naming the family and where it came from.
    const Family& choose(const std::vector<std::string>& preference, bool strict) const;

    std::vector<std::string> family_names() const;

  private:
    std::vector<Family> families_;
    Family& family_slot(const std::string& name, const std::string& origin);
};

// First character of `utf8` that `face` cannot show, skipping white space.
std::optional<MissingChar> first_missing_char(const FaceFile& face, std::string_view utf8);

}  // namespace vanthu::layout
