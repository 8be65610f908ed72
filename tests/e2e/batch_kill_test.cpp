// A batch killed at random moments leaves only complete PDFs, and running it again finishes
// the rest: outputs are written to a temporary name and renamed when complete, and the
// manifest is written along the way.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "batch_support.hpp"

namespace fs = std::filesystem;
using namespace vanthu::testing;

namespace {

const char* const kDistricts[] = {"ba-dinh",    "hoan-kiem", "tay-ho",       "long-bien",
                                  "cau-giay",   "dong-da",   "hai-ba-trung", "hoang-mai",
                                  "thanh-xuan", "son-tay",   "ba-vi",        "my-duc"};

std::string twelve_rows() {
    std::string rows;
    int so = 61;
    for (const char* d : kDistricts)
        rows += std::string("{\"ma\": \"") + d + "\", \"so\": \"" + std::to_string(so++) +
                "\", \"noi_nhan\": [\"Hội LHPN " + d + "\"]}\n";
    return rows;
}

// Starts "vanthu batch" in its own process group; returns its process id.
pid_t start(const std::vector<std::string>& args) {
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    setpgid(pid, pid);
    return pid;
}

}  // namespace

class BatchKill : public BatchTest {};

TEST_F(BatchKill, KilledAtRandomMomentsLeavesOnlyCompletePdfsAndARerunFinishes) {
    rows_ = write("rows.jsonl", twelve_rows());
    auto args = [&](const std::string& out) {
        return std::vector<std::string>{kBatchCli, "batch",        "--data", common_,
                                        "--rows",  rows_.string(), "--out",  (dir_ / out).string(),
                                        "--name",  "{{ma}}.pdf",   "-j",     "2",
                                        "-q"};
    };
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t ref = start(args("ref"));
    int status = 0;
    waitpid(ref, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const double full_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const auto reference = hashes("ref");
    ASSERT_EQ(reference.size(), 12u);

    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> moment(0, full_ms);
    for (int round = 0; round < 6; ++round) {
        const double delay = moment(rng);
        const bool whole_group = round % 2 == 1;
        SCOPED_TRACE("seed " + std::to_string(seed) + ", round " + std::to_string(round) +
                     ", killed after " + std::to_string(static_cast<int>(delay)) + " ms of " +
                     std::to_string(static_cast<int>(full_ms)) +
                     (whole_group ? " (all processes)" : " (the main process only)"));
        const pid_t pid = start(args("out"));
        std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(delay * 1000)));
        kill(whole_group ? -pid : pid, SIGKILL);
        waitpid(pid, &status, 0);
        // Workers die with the main process; give the kernel a moment to deliver that.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!fs::exists(dir_ / "out")) continue;
        for (const auto& [name, hash] : hashes("out")) {
            ASSERT_TRUE(reference.count(name)) << name;
            EXPECT_EQ(hash, reference.at(name)) << name << " is not complete";
        }
    }
    const pid_t rerun = start(args("out"));
    waitpid(rerun, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_EQ(hashes("out"), reference);
    const auto m = manifest();
    EXPECT_TRUE(m["complete"].get<bool>());
    EXPECT_EQ(m["outputs"].size(), 12u);
    // No temporary file is left behind.
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
}

// Ctrl-C (SIGINT to the whole process group) stops at once: the rows in progress are
// abandoned, their temporary files removed, and the manifest lists what was finished.
TEST_F(BatchTest, InterruptStopsAtOnceAndWritesTheManifest) {
    rows_ = write("rows.jsonl", twelve_rows());
    const pid_t pid = start({kBatchCli, "batch", "--data", common_, "--rows", rows_.string(),
                             "--out", (dir_ / "out").string(), "--name", "{{ma}}.pdf", "-j", "2"});
    // Wait for the first output, then interrupt as Ctrl-C would (the whole process group).
    for (int i = 0; i < 600 && !fs::exists(dir_ / "out/ba-dinh.pdf"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kill(-pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    const int code = WEXITSTATUS(status);
    EXPECT_TRUE(code == 130 || code == 0) << code;  // 0 if it had already finished
    const auto m = manifest();
    // A worker killed just after renaming its PDF leaves one the manifest does not list yet.
    EXPECT_LE(m["outputs"].size(), hashes().size());
    EXPECT_EQ(m["complete"].get<bool>(), code == 0);
    for (const auto& e : fs::directory_iterator(dir_ / "out"))
        EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
}
