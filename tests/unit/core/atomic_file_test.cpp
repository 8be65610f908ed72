#include "core/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

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

// A new file gets what the umask allows (a PDF made under umask 077 is not readable by others;
// it was always 0644); a file that exists keeps its own mode, as cp keeps it.
TEST(AtomicFile, NewFilesFollowTheUmaskAndExistingOnesKeepTheirMode) {
    auto d = fresh_dir();
    const mode_t old = umask(077);
    {
        AtomicFile f(d / "secret.pdf");
        f.write("x");
        f.commit();
    }
    umask(022);
    {
        AtomicFile f(d / "open.pdf");
        f.write("x");
        f.commit();
    }
    fs::permissions(d / "open.pdf", fs::perms(0640));
    {
        AtomicFile f(d / "open.pdf");
        f.write("y");
        f.commit();
    }
    umask(old);
    struct stat st {};
    ASSERT_EQ(stat((d / "secret.pdf").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(stat((d / "open.pdf").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
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

// With a temporary name of the caller's (a batch worker's), the file stays unnamed until
// commit() where the file system allows it, and a file already at that name is never taken
// over or removed.
TEST(AtomicFile, AGivenTemporaryNameIsUsedOnlyByCommitAndNeverTakesAFileOver) {
    auto d = fresh_dir();
    {
        AtomicFile f(d / "out.pdf", vanthu::core::Sync::to_disk, d / ".out.pdf.vanthu-run-1");
        f.write("whole");
        // Unnamed (O_TMPFILE) or named: either way nothing but it is in the folder.
        EXPECT_LE(entries(d), 1u);
        EXPECT_FALSE(fs::exists(d / "out.pdf"));
        f.commit();
    }
    EXPECT_EQ(entries(d), 1u);
    std::ifstream in(d / "out.pdf");
    std::stringstream got;
    got << in.rdbuf();
    EXPECT_EQ(got.str(), "whole");

    { std::ofstream(d / ".b.pdf.vanthu-run-1") << "the user's"; }
    try {
        AtomicFile f(d / "b.pdf", vanthu::core::Sync::to_disk, d / ".b.pdf.vanthu-run-1");
        f.write("new");
        f.commit();
        ADD_FAILURE() << "an existing file was taken over";
    } catch (const std::runtime_error&) {
    }
    std::ifstream kept(d / ".b.pdf.vanthu-run-1");
    std::stringstream text;
    text << kept.rdbuf();
    EXPECT_EQ(text.str(), "the user's");
    EXPECT_FALSE(fs::exists(d / "b.pdf"));
    fs::remove_all(d);
}
