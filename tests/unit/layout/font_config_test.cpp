#include "layout/font_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "tools/test_fonts.hpp"

using namespace vanthu::layout;
namespace fs = std::filesystem;

namespace {

std::array<std::string, 4> liberation_files(const std::string& dir) {
    return {dir + "LiberationSerif-Regular.ttf", dir + "LiberationSerif-Bold.ttf",
            dir + "LiberationSerif-Italic.ttf", dir + "LiberationSerif-BoldItalic.ttf"};
}

// Every file of every font set of `config`.
std::multiset<std::string> files_of(FcConfig* config) {
    std::multiset<std::string> out;
    for (FcSetName which : {FcSetSystem, FcSetApplication}) {
        FcFontSet* set = FcConfigGetFonts(config, which);
        for (int i = 0; set && i < set->nfont; ++i) {
            FcChar8* file = nullptr;
            if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
                out.insert(reinterpret_cast<const char*>(file));
        }
    }
    return out;
}

// The character set fontconfig reads from the file itself.
FcCharSet* charset_of_file(const std::string& file) {
    int count = 0;
    FcPattern* p =
        FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, nullptr, &count);
    FcCharSet* cs = nullptr;
    FcCharSet* copy = nullptr;
    if (p && FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch) copy = FcCharSetCopy(cs);
    if (p) FcPatternDestroy(p);
    return copy;
}

class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "vanthu-fc-XXXXXX").string();
        path_ = mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string path() const { return path_.string() + "/"; }

  private:
    fs::path path_;
};

}  // namespace

TEST(PrivateFontConfig, HoldsExactlyTheFamilysFilesWithTheirCharacterSets) {
    const auto files = liberation_files(vanthu::testing::kLiberationDir);
    const auto made = private_font_config(files);
    ASSERT_NE(made.config, nullptr);
    // The folder holds Liberation Sans and Mono too; none of them may come along.
    EXPECT_EQ(files_of(made.config), std::multiset<std::string>(files.begin(), files.end()));
    for (const auto& f : files) {
        FcCharSet* held = charset_in(made.config, f);
        FcCharSet* read = charset_of_file(f);
        ASSERT_NE(held, nullptr) << f;
        ASSERT_NE(read, nullptr) << f;
        EXPECT_TRUE(FcCharSetEqual(held, read)) << f;
        FcCharSetDestroy(held);
        FcCharSetDestroy(read);
    }
    FcConfigDestroy(made.config);
}

TEST(PrivateFontConfig, UsesTheSystemCacheWhenTheFolderHasAValidOne) {
    // The system's own configuration says whether fc-cache has a valid cache for the folder.
    std::string dir = vanthu::testing::kLiberationDir;
    dir.pop_back();  // without the trailing "/"
    if (!FcDirCacheValid(reinterpret_cast<const FcChar8*>(dir.c_str())))
        GTEST_SKIP() << "no valid fontconfig cache for " << dir << " (run fc-cache)";
    const auto made = private_font_config(liberation_files(vanthu::testing::kLiberationDir));
    EXPECT_TRUE(made.from_cache);
    FcConfigDestroy(made.config);
}

TEST(PrivateFontConfig, ReadsTheFilesOfAFolderWithoutCache) {
    TempDir tmp;
    const auto system = liberation_files(vanthu::testing::kLiberationDir);
    const auto copies = liberation_files(tmp.path());
    for (size_t i = 0; i < 4; ++i) fs::copy_file(system[i], copies[i]);
    // Another font in the folder, which a scan of the folder would take in.
    fs::copy_file(vanthu::testing::kLiberationDir + "LiberationSans-Regular.ttf",
                  tmp.path() + "LiberationSans-Regular.ttf");
    const auto made = private_font_config(copies);
    EXPECT_FALSE(made.from_cache);
    EXPECT_EQ(files_of(made.config), std::multiset<std::string>(copies.begin(), copies.end()));
    FcCharSet* held = charset_in(made.config, copies[0]);
    ASSERT_NE(held, nullptr);
    FcCharSetDestroy(held);
    FcConfigDestroy(made.config);
}

TEST(PrivateFontConfig, APathWithGlobCharactersIsReadNotMatched) {
    TempDir tmp;
    const auto system = liberation_files(vanthu::testing::kLiberationDir);
    const std::string dir = tmp.path() + "fonts[1]/";
    fs::create_directory(dir);
    const auto copies = liberation_files(dir);
    for (size_t i = 0; i < 4; ++i) fs::copy_file(system[i], copies[i]);
    const auto made = private_font_config(copies);
    EXPECT_FALSE(made.from_cache);
    EXPECT_EQ(files_of(made.config), std::multiset<std::string>(copies.begin(), copies.end()));
    FcConfigDestroy(made.config);
}
