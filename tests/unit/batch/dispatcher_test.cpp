// Worker processes that die in the middle of a row: the row is reported as an internal error
// naming how its worker ended, the worker is replaced, and every other row is still done.
#include "batch/workers.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <map>
#include <set>
#include <string>

using namespace vanthu::batch;

namespace {

Job job(size_t index) {
    Job j;
    j.index = index;
    j.line = static_cast<int>(index) + 2;
    j.file = "d" + std::to_string(index) + ".pdf";
    j.input = "input";
    j.row = {{"ma", std::to_string(index)}};
    return j;
}

// Runs rows 0..rows-1 on `jobs` workers with `work`; the results by row.
std::map<size_t, RowResult> run(int jobs, size_t rows, std::function<RowResult(const Job&)> work) {
    std::map<size_t, RowResult> results;
    WorkHooks hooks;
    hooks.work = std::move(work);
    hooks.done = [&](RowResult&& r) {
        results[r.job.index] = std::move(r);
        return true;
    };
    hooks.tick = [] { return true; };
    {
        Dispatcher dispatcher(jobs, hooks);
        for (size_t i = 0; i < rows; ++i) EXPECT_TRUE(dispatcher.submit(job(i)));
        dispatcher.finish();
    }
    return results;
}

// A row written by the process that ran it (its pid as the one warning).
RowResult written(const Job& j) {
    RowResult r;
    r.job = {j.index, j.line, j.file, j.input, nullptr};
    r.pages = 1;
    r.warnings = {std::to_string(getpid())};
    return r;
}

}  // namespace

TEST(Dispatcher, AWorkerKilledInTheMiddleOfARowLosesOnlyThatRow) {
    const auto results = run(2, 12, [](const Job& j) {
        if (j.index == 3 || j.index == 8) raise(SIGKILL);
        return written(j);
    });
    ASSERT_EQ(results.size(), 12u);
    std::set<std::string> workers;
    for (const auto& [index, r] : results) {
        if (index == 3 || index == 8) {
            EXPECT_EQ(r.status, RowResult::Status::internal_error) << index;
            EXPECT_EQ(r.failure.code, "internal");
            EXPECT_EQ(r.failure.row, static_cast<int>(index) + 1);  // 1-based in reports
            EXPECT_EQ(r.failure.file, "d" + std::to_string(index) + ".pdf");
            EXPECT_NE(r.failure.message.find("signal 9"), std::string::npos) << r.failure.message;
        } else {
            EXPECT_EQ(r.status, RowResult::Status::written) << index;
            ASSERT_EQ(r.warnings.size(), 1u);
            workers.insert(r.warnings[0]);
        }
    }
    // Two workers at the start, one more for each that was killed (some may have done no row).
    EXPECT_GE(workers.size(), 2u);
    EXPECT_LE(workers.size(), 4u);
    EXPECT_EQ(workers.count(std::to_string(getpid())), 0u);  // never run in this process
}

// A worker that dies on its own is handed to the abandoned hook too (its temporary file).
TEST(Dispatcher, AWorkerThatDiesOnItsOwnIsAbandoned) {
    std::vector<size_t> abandoned;
    WorkHooks hooks;
    hooks.work = [](const Job& j) {
        if (j.index == 1) raise(SIGKILL);
        return written(j);
    };
    hooks.done = [](RowResult&&) { return true; };
    hooks.tick = [] { return true; };
    hooks.abandoned = [&](const Job& j, int pid) {
        EXPECT_GT(pid, 0);
        abandoned.push_back(j.index);
    };
    {
        Dispatcher dispatcher(2, hooks);
        for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(dispatcher.submit(job(i)));
        dispatcher.finish();
    }
    EXPECT_EQ(abandoned, std::vector<size_t>{1});
}

TEST(Dispatcher, AWorkerThatExitsInTheMiddleOfARowIsReportedWithItsStatus) {
    const auto results = run(2, 4, [](const Job& j) {
        if (j.index == 1) _exit(3);
        return written(j);
    });
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results.at(1).status, RowResult::Status::internal_error);
    EXPECT_NE(results.at(1).failure.message.find("ended with status 3"), std::string::npos)
        << results.at(1).failure.message;
    for (size_t i : {0u, 2u, 3u}) EXPECT_EQ(results.at(i).status, RowResult::Status::written);
}

TEST(Dispatcher, AnExceptionInARowIsThatRowsInternalError) {
    const auto results = run(2, 3, [](const Job& j) -> RowResult {
        if (j.index == 0) throw std::runtime_error("boom");
        return written(j);
    });
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results.at(0).status, RowResult::Status::internal_error);
    EXPECT_NE(results.at(0).failure.message.find("boom"), std::string::npos);
    EXPECT_EQ(results.at(1).status, RowResult::Status::written);
    EXPECT_EQ(results.at(2).status, RowResult::Status::written);
}

// A row stuck in its worker (here: waiting forever) is stopped after the row time limit and
// reported as batch.row-timeout; its worker is replaced and the other rows are done.
TEST(Dispatcher, ARowOverItsTimeIsStoppedAndReportedAndTheOthersGoOn) {
    std::map<size_t, RowResult> results;
    std::vector<std::pair<size_t, int>> abandoned;
    WorkHooks hooks;
    hooks.work = [](const Job& j) {
        if (j.index == 1) pause();  // never returns
        return written(j);
    };
    hooks.done = [&](RowResult&& r) {
        results[r.job.index] = std::move(r);
        return true;
    };
    hooks.tick = [] { return true; };
    hooks.abandoned = [&](const Job& j, int pid) { abandoned.emplace_back(j.index, pid); };
    hooks.row_seconds = 0.3;
    const auto start = std::chrono::steady_clock::now();
    {
        Dispatcher dispatcher(1, hooks);  // one job: still in a worker, which can be killed
        for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(dispatcher.submit(job(i)));
        dispatcher.finish();
    }
    // A hang guard, not a measurement: the stuck rows never end by themselves.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results.at(1).status, RowResult::Status::failed);
    EXPECT_EQ(results.at(1).failure.code, "batch.row-timeout");
    EXPECT_EQ(results.at(1).failure.row, 2);
    EXPECT_NE(results.at(1).failure.message.find("0.3 s"), std::string::npos)
        << results.at(1).failure.message;
    for (size_t i : {0u, 2u, 3u}) {
        EXPECT_EQ(results.at(i).status, RowResult::Status::written) << i;
        EXPECT_NE(results.at(i).warnings.at(0), std::to_string(getpid()));  // in a worker
    }
    ASSERT_EQ(abandoned.size(), 1u);
    EXPECT_EQ(abandoned[0].first, 1u);
    EXPECT_GT(abandoned[0].second, 0);
}

// An interrupt kills the rows in progress at once instead of waiting for them.
TEST(Dispatcher, AnInterruptAbandonsTheRowsInProgressAtOnce) {
    std::map<size_t, RowResult> results;
    std::vector<size_t> abandoned;
    bool stop = false;
    WorkHooks hooks;
    hooks.work = [](const Job& j) {
        if (j.index >= 2) pause();
        return written(j);
    };
    hooks.done = [&](RowResult&& r) {
        results[r.job.index] = std::move(r);
        return true;
    };
    hooks.tick = [&] {
        stop = results.size() >= 2;
        return !stop;
    };
    hooks.interrupted = [&] { return stop; };
    hooks.abandoned = [&](const Job& j, int) { abandoned.push_back(j.index); };
    const auto start = std::chrono::steady_clock::now();
    Dispatcher dispatcher(2, hooks);
    size_t handed = 0;
    for (size_t i = 0; i < 6 && dispatcher.submit(job(i)); ++i) ++handed;
    dispatcher.finish();
    EXPECT_TRUE(dispatcher.interrupted());
    // A hang guard, not a measurement: the stuck rows never end by themselves.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    EXPECT_EQ(results.size(), 2u);
    std::sort(abandoned.begin(), abandoned.end());
    EXPECT_EQ(abandoned, (std::vector<size_t>{2, 3}));
    EXPECT_EQ(handed, 4u);
}
