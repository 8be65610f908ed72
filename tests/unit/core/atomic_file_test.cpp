#include "core/atomic_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using vanthu::core::AtomicFile;

namespace {

fs::path fresh_dir() {
    auto d = fs::temp_directory_path() / ("vanthu-atomic-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

size_t entries(const fs::path& d) {
    return static_cast<size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
}

}  // namespace

TEST(AtomicFile, NothingAppearsUntilCommit) {
    auto d = fresh_dir();
    {
        AtomicFile f(d / "out.pdf");
        f.write("partial");
        EXPECT_FALSE(fs::exists(d / "out.pdf"));
    }  // destroyed without commit
    EXPECT_EQ(entries(d), 0u) << "the temporary file must be removed";
    fs::remove_all(d);
}

TEST(AtomicFile, CommitReplacesTheTarget) {
    auto d = fresh_dir();
    { std::ofstream(d / "out.pdf") << "old"; }
    AtomicFile f(d / "out.pdf");
    f.write("new ");
    f.write("bytes");
    f.commit();
    std::ifstream in(d / "out.pdf");
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), "new bytes");
    EXPECT_EQ(entries(d), 1u);
    fs::remove_all(d);
}

TEST(AtomicFile, MissingFolderThrows) {
    EXPECT_THROW(AtomicFile("/nonexistent-folder-xyz/out.pdf"), std::runtime_error);
}

// Without waiting for the disk the file is still whole or absent, never partial.
TEST(AtomicFile, WithoutSyncTheFileIsStillWholeOrAbsent) {
    auto d = fresh_dir();
    {
        AtomicFile f(d / "out.pdf", vanthu::core::Sync::by_the_system);
        f.write("partial");
    }
    EXPECT_EQ(entries(d), 0u);
    vanthu::core::write_file_atomically(d / "out.pdf", "whole", vanthu::core::Sync::by_the_system);
    std::ifstream in(d / "out.pdf");
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(ss.str(), "whole");
    EXPECT_EQ(entries(d), 1u);
    fs::remove_all(d);
}
