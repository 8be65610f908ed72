// Containment of files in folders: "../", absolute paths and symbolic links are judged by where
// they really lead.
#include "core/paths.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace vanthu::core {
namespace {

class PathsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "vanthu-paths-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = fs::canonical(pattern);
        fs::create_directories(dir_ / "data/sub");
        fs::create_directories(dir_ / "other");
        std::ofstream(dir_ / "data/ky.png") << "x";
        std::ofstream(dir_ / "other/secret.png") << "x";
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(PathsTest, FilesInsideTheFolderAreWithin) {
    const auto folder = resolved(dir_ / "data");
    EXPECT_TRUE(is_within(resolved(dir_ / "data/ky.png"), folder));
    EXPECT_TRUE(is_within(resolved(dir_ / "data/sub/../ky.png"), folder));
    EXPECT_TRUE(is_within(resolved(dir_ / "data/sub/new.png"), folder));  // not there yet
    EXPECT_TRUE(is_within(folder, folder));
}

TEST_F(PathsTest, DotDotAndAbsolutePathsOutAreNot) {
    const auto folder = resolved(dir_ / "data");
    EXPECT_FALSE(is_within(resolved(dir_ / "data/../other/secret.png"), folder));
    EXPECT_FALSE(is_within(resolved("/etc/passwd"), folder));
    // A folder whose name starts like the allowed one is not inside it.
    fs::create_directories(dir_ / "data2");
    EXPECT_FALSE(is_within(resolved(dir_ / "data2/x.png"), folder));
}

TEST_F(PathsTest, SymbolicLinksAreJudgedByWhereTheyLead) {
    fs::create_symlink(dir_ / "other/secret.png", dir_ / "data/link.png");
    fs::create_directory_symlink(dir_ / "other", dir_ / "data/linked-folder");
    const auto folder = resolved(dir_ / "data");
    EXPECT_FALSE(is_within(resolved(dir_ / "data/link.png"), folder));
    EXPECT_FALSE(is_within(resolved(dir_ / "data/linked-folder/secret.png"), folder));
    EXPECT_TRUE(is_within_any(dir_ / "data/link.png", {dir_ / "data", dir_ / "other"}));
    EXPECT_FALSE(is_within_any(dir_ / "data/link.png", {dir_ / "data"}));
    EXPECT_FALSE(is_within_any(dir_ / "data/ky.png", {}));
}

}  // namespace
}  // namespace vanthu::core
