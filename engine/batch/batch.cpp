#include "vanthu/batch.hpp"

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <random>

#include "batch/manifest.hpp"
#include "batch/plan.hpp"
#include "batch/row.hpp"
#include "batch/sha256.hpp"
#include "batch/workers.hpp"
#include "core/limits.hpp"

namespace vanthu {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "request_batch_stop runs in signal handlers");

// Shaped paragraphs a worker keeps: a plan has about a hundred; the rest is headroom for
// tables and for the lines that differ per row.
constexpr size_t kReusedTexts = 4096;
constexpr auto kManifestEvery = std::chrono::seconds(2);
// Failed rows a BatchReport lists (manifest.json lists them all).
constexpr size_t kKeptFailures = 100;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

void prepare_out_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw BatchOutputError("cannot create the output folder " + dir.string() +
                               (ec ? ": " + ec.message() : ": it is not a folder"));
}

// A run's own mark, different for every run (see Plan::run_id).
std::string random_run_id() {
    std::random_device random;
    char id[17];
    std::snprintf(id, sizeof id, "%08x%08x", random(), random());
    return id;
}

bool up_to_date(const fs::path& file, const batch::Recorded& r) {
    std::error_code ec;
    return fs::is_regular_file(file, ec) && fs::file_size(file, ec) == r.size && !ec &&
           batch::sha256_file(file) == r.sha256;
}

nlohmann::ordered_json manifest_head(const BatchOptions& o, const batch::Plan& plan) {
    nlohmann::ordered_json head = nlohmann::ordered_json::object();
    head["vanthu"] = VANTHU_VERSION;
    head["template"] = plan.template_name;
    head["common_data"] = o.common_data.string();
    head["rows_file"] = plan.rows_file;
    head["name_pattern"] = o.name_pattern;
    head["rows"] = plan.rows;
    head["shard"] = std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count);
    head["shard_rows"] = {{"first", plan.shard_begin + 1}, {"last", plan.shard_end}};
    return head;
}

// A row done: written, failed or up to date.
struct Finished {
    BatchOutput output;
    std::string input;
    std::vector<std::string> warnings;
    std::optional<BatchFailure> failure;
};

// Rows finish in the order workers happen to finish them; the manifest lists them in row
// order. Holds the few that finish ahead of an earlier row still in progress.
class InRowOrder {
  public:
    void expect(size_t index) { pending_.push_back(index); }
    void forget_last() { pending_.pop_back(); }  // expected, then never handed out
    template <typename Emit>
    void finish(size_t index, Finished&& f, Emit&& emit) {
        ready_.emplace(index, std::move(f));
        while (!pending_.empty()) {
            auto it = ready_.find(pending_.front());
            if (it == ready_.end()) break;
            emit(std::move(it->second));
            ready_.erase(it);
            pending_.pop_front();
        }
    }

  private:
    std::deque<size_t> pending_;
    std::map<size_t, Finished> ready_;
};

}  // namespace

void request_batch_stop() { g_stop.store(true); }

BatchReport run_batch(const BatchOptions& o) {
    const auto start = Clock::now();
    EngineOptions engine_options = o.engine;
    engine_options.reuse_shaped_text = o.reuse_layout ? kReusedTexts : 0;
    Engine engine(engine_options);
    batch::Plan plan = batch::make_plan(o, engine);
    // A wrong password or PIN, a missing key file or token, stops the batch here with one
    // message, before the output folder is made or any worker starts; the key is closed again (a
    // token's session must not cross fork()) and each worker opens its own on its first row.
    if (o.sign) check_signing_key(*o.sign);

    prepare_out_dir(o.out_dir);
    // Nothing in the output folder is removed but this run's own temporary files: a file that
    // merely looks like a temporary (".a.pdf.backup") may be the user's.
    plan.names = {};  // its work is done; the workers need not inherit it
    plan.run_id = random_run_id();
    plan.allowed_paths = o.allowed_paths;
    plan.sign = o.sign;
    // The workers open the key one at a time (batch/row.cpp); closed when the batch ends.
    struct Closer {
        int fd = -1;
        ~Closer() {
            if (fd >= 0) close(fd);
        }
    } key_lock;
    if (o.sign) key_lock.fd = plan.key_lock_fd = memfd_create("vanthu-key-lock", MFD_CLOEXEC);
    const fs::path manifest_file = o.out_dir / plan.manifest_name;
    const batch::RecordedOutputs recorded(manifest_file);
    // Through an unnamed temporary where the file system allows (nothing left if killed).
    batch::ManifestWriter manifest(manifest_file, manifest_head(o, plan),
                                   batch::temporary_name(manifest_file, plan.run_id, getpid()));

    BatchReport report;
    report.rows = static_cast<int>(plan.rows);
    report.shard_rows = static_cast<int>(plan.shard_end - plan.shard_begin);
    report.manifest = manifest_file;

    BatchProgress progress;
    progress.total = report.shard_rows;
    const auto rendering = Clock::now();
    auto tell = [&] {
        progress.elapsed_s = seconds_since(start);
        progress.rendering_s = seconds_since(rendering);
        if (o.on_progress) o.on_progress(progress);
    };
    tell();

    g_stop.store(false);
    std::string output_error;
    auto last_manifest = Clock::now();
    InRowOrder in_order;
    auto emit = [&](Finished&& f) {
        if (f.failure) {
            manifest.add_failure(*f.failure);
            if (report.failures.size() < kKeptFailures)
                report.failures.push_back(std::move(*f.failure));
            return;
        }
        manifest.add_output(f.output, f.input, f.warnings);
        if (o.on_output) o.on_output(f.output);
    };
    auto finished = [&](size_t index, Finished&& f) {
        in_order.finish(index, std::move(f), emit);
        // A manifest now and then, so a run that is killed still skips what it finished.
        if (Clock::now() - last_manifest > kManifestEvery) {
            manifest.write(false);
            last_manifest = Clock::now();
        }
        tell();
    };

    batch::WorkHooks hooks;
    hooks.work = [&](const batch::Job& job) {
        return batch::render_row(engine, plan, job, o.out_dir, o.draft, o.fit);
    };
    hooks.done = [&](batch::RowResult&& r) {
        ++progress.done;
        report.signing_keys_opened += r.keys_opened;
        bool go_on = true;
        Finished f;
        f.output = {static_cast<int>(r.job.index) + 1,
                    r.job.line,
                    r.job.file,
                    r.pages,
                    r.size,
                    r.sha256,
                    false};
        f.input = r.job.input;
        if (r.status == batch::RowResult::Status::written) {
            f.warnings = std::move(r.warnings);
            ++report.written;
            ++progress.written;
        } else {
            if (r.status == batch::RowResult::Status::output_error) {
                output_error = r.failure.message;
                go_on = false;
            }
            if (r.status == batch::RowResult::Status::internal_error) report.internal_error = true;
            f.failure = std::move(r.failure);
            ++report.failed;
            ++progress.failed;
            if (o.fail_fast) go_on = false;
        }
        if (!go_on) report.stopped = true;
        finished(r.job.index, std::move(f));
        return go_on;
    };
    hooks.tick = [&] {
        if (g_stop.load()) report.stopped = true;
        tell();
        return !report.stopped;
    };
    hooks.interrupted = [] { return g_stop.load(); };
    hooks.abandoned = [&](const batch::Job& job, int pid) {
        std::error_code ec;
        fs::remove(batch::temporary_name(o.out_dir / job.file, plan.run_id, pid), ec);
    };
    hooks.row_seconds = o.row_seconds;

    {
        // Never more workers than rows to render (-j 1000 forked 1,000 workers for two rows),
        // nor than limits::kWorkers.
        const size_t rows = plan.shard_end - plan.shard_begin;
        const int asked =
            std::min(o.jobs > 0 ? o.jobs : batch::available_cores(), core::limits::kWorkers);
        const int jobs = static_cast<int>(
            std::min<size_t>(static_cast<size_t>(asked), std::max<size_t>(rows, 1)));
        report.workers = std::max(jobs, 1);
        batch::Dispatcher dispatcher(jobs, hooks);
        bool handing = true;
        batch::for_each_job(plan, [&](batch::Job&& job) {
            if (!handing) return;
            const size_t index = job.index;
            if (!o.force) {
                auto old = recorded.find(job.file);
                if (old && old->input == job.input && up_to_date(o.out_dir / job.file, *old)) {
                    in_order.expect(index);
                    ++report.skipped;
                    ++progress.skipped;
                    ++progress.done;
                    Finished f;
                    f.output = {static_cast<int>(index) + 1,
                                job.line,
                                job.file,
                                old->pages,
                                old->size,
                                old->sha256,
                                true};
                    f.input = job.input;
                    f.warnings = std::move(old->warnings);
                    finished(index, std::move(f));
                    return;
                }
            }
            in_order.expect(index);  // before: with one job, submit() finishes the row
            if (!dispatcher.submit(std::move(job))) {
                in_order.forget_last();
                handing = false;
            }
        });
        dispatcher.finish();
        report.interrupted = dispatcher.interrupted() || g_stop.load();
    }
    if (report.written + report.skipped + report.failed >= report.shard_rows)
        report.interrupted = false;  // the signal came after the last row

    manifest.write(report.written + report.skipped == report.shard_rows);
    if (!output_error.empty()) throw BatchOutputError(output_error);
    if (report.written + report.skipped + report.failed < report.shard_rows) report.stopped = true;
    report.seconds = seconds_since(start);
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) report.peak_kb = usage.ru_maxrss;
    if (getrusage(RUSAGE_CHILDREN, &usage) == 0) report.worker_peak_kb = usage.ru_maxrss;
    return report;
}

}  // namespace vanthu
