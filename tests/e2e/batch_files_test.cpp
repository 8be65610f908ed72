// What "vanthu batch" may touch and how long it may run (issue 17): it removes no file it did
// not make in this run, refuses names that name nothing, bounds its workers and the time of one
// row, and stops on the first SIGTERM or Ctrl-C.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "batch_support.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

class BatchFiles : public BatchTest {};

// Files of the user's that look like temporary files (".NAME.XXXXXX") stay where they are.
TEST_F(BatchFiles, TheUsersFilesThatLookLikeTemporariesAreKept) {
    fs::create_directories(dir_ / "out");
    for (const char* name :
         {".ba-dinh-ke-hoach.pdf.backup", ".ba-vi-ke-hoach.pdf.ghichu", ".manifest.json.abcdef"})
        write_file(dir_ / "out" / name, "the user's own");
    auto r = batch("-j 2");
    EXPECT_EQ(r.status, 0) << r.output;
    for (const char* name :
         {".ba-dinh-ke-hoach.pdf.backup", ".ba-vi-ke-hoach.pdf.ghichu", ".manifest.json.abcdef"})
        EXPECT_EQ(read_file(dir_ / "out" / name), "the user's own") << name;
    EXPECT_EQ(hashes().size(), 4u);
    // Nothing else starting with a dot: the run's own temporary files are gone.
    int hidden = 0;
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        hidden += e.path().filename().string()[0] == '.';
    EXPECT_EQ(hidden, 3);
}

TEST_F(BatchFiles, ANameThatNamesNothingIsRefusedWithItsRowAndPattern) {
    auto rows = four_rows_jsonl();
    rows.replace(rows.find("son-tay"), 7, "");
    auto r = run(kBatchCli + " batch --data " + shell_quote(common_) + " --rows " +
                     shell_quote(write("empty.jsonl", rows).string()) + " --out " +
                     shell_quote((dir_ / "out").string()) + " --name '{{ma}}.pdf'",
                 true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("row 3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("empty part"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("the name pattern is \"{{ma}}.pdf\""), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));

    r = run(kBatchCli + " batch --data " + shell_quote(common_) + " --rows " +
                shell_quote(rows_.string()) + " --out " + shell_quote((dir_ / "out").string()) +
                " --name ''",
            true);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("the name pattern is empty"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(BatchFiles, TooManyWorkersAreLoweredWithANote) {
    auto r = batch("-j 1000");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_NE(r.output.find("-j 1000 is more than 64 worker processes; using 64"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(hashes().size(), 4u);
}

// Rows over the time limit are stopped and reported; the batch goes on to the others.
TEST_F(BatchFiles, ARowOverTheTimeLimitFailsAndTheBatchGoesOn) {
    auto r = batch("-j 2 --row-timeout 0.001");
    EXPECT_EQ(r.status, 4) << r.output;
    EXPECT_NE(r.output.find("[batch.row-timeout]"), std::string::npos) << r.output;
    const auto m = manifest();
    EXPECT_EQ(m["outputs"].size() + m["failures"].size(), 4u);
    EXPECT_GE(m["failures"].size(), 1u);
    for (const auto& f : m["failures"]) EXPECT_EQ(f["code"], "batch.row-timeout");
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
    // The rerun without the limit finishes the rest.
    r = batch("-j 2");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(hashes().size(), 4u);
}

// The first SIGTERM stops the batch at once: the workers are killed, their temporary files
// removed, the manifest lists what was done, and the exit status is 128 + 15.
TEST_F(BatchFiles, TheFirstSigtermStopsAtOnceAndSaysHowFarItGot) {
    std::string rows;
    for (int i = 0; i < 40; ++i)
        rows += "{\"ma\": \"d" + std::to_string(i) + "\", \"so\": \"" + std::to_string(60 + i) +
                "\", \"noi_nhan\": [\"Hội LHPN\"]}\n";
    rows_ = write("rows.jsonl", rows);
    const fs::path log = dir_ / "log.txt";
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        freopen(log.c_str(), "w", stderr);
        execl(kBatchCli.c_str(), kBatchCli.c_str(), "batch", "--data", common_.c_str(), "--rows",
              rows_.c_str(), "--out", (dir_ / "out").c_str(), "--name", "{{ma}}.pdf", "-j", "2",
              "-q", static_cast<char*>(nullptr));
        _exit(127);
    }
    for (int i = 0; i < 600 && !fs::exists(dir_ / "out/d0.pdf"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto start = std::chrono::steady_clock::now();
    kill(pid, SIGTERM);  // the main process only, as a service manager would
    int status = 0;
    waitpid(pid, &status, 0);
    // A hang guard, not a measurement: a batch that ignored the signal would run to the end.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    ASSERT_TRUE(WIFEXITED(status));
    const int code = WEXITSTATUS(status);
    if (code == 0) GTEST_SKIP() << "the batch finished before the signal";
    EXPECT_EQ(code, 128 + SIGTERM);
    const std::string said = read_file(log);
    EXPECT_NE(said.find("batch: stopped by SIGTERM after "), std::string::npos) << said;
    EXPECT_NE(said.find(" of 40 rows"), std::string::npos) << said;
    const auto m = manifest();
    EXPECT_FALSE(m["complete"].get<bool>());
    // A worker killed just after renaming its PDF leaves one the manifest does not list yet.
    EXPECT_LE(m["outputs"].size(), hashes().size());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
}

}  // namespace

namespace {

// A template the common data names by path outside its folder is refused, as for render.
TEST_F(BatchFiles, ATemplateTheCommonDataNamesOutsideItsFolderIsRefusedUnlessAllowed) {
    fs::create_directories(dir_ / "outside");
    fs::copy(kBatchSource / "templates/ke-hoach", dir_ / "outside/tpl",
             fs::copy_options::recursive);
    fs::copy(kBatchSource / "templates/_common", dir_ / "outside/_common",
             fs::copy_options::recursive);
    std::string text = read_file(common_);
    text.replace(text.find("template: ke-hoach"), 18,
                 "template: " + (dir_ / "outside/tpl").string());
    common_ = write("data/common.yaml", text).string();
    auto r = batch("-j 1");
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find("[data.path]"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir_ / "out"));
    r = batch("-j 1 --allow-path " + shell_quote((dir_ / "outside").string()));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(hashes().size(), 4u);
}

}  // namespace
