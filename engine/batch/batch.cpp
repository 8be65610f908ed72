#include "vanthu/batch.hpp"

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <map>
#include <regex>
#include <set>

#include "batch/manifest.hpp"
#include "batch/plan.hpp"
#include "batch/sha256.hpp"
#include "batch/workers.hpp"

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

// Temporary files that a killed run left next to its outputs (".NAME.XXXXXX", see
// core/atomic_file.hpp).
void remove_leftovers(const fs::path& out_dir, const batch::Plan& plan) {
    std::map<fs::path, std::set<std::string>> by_folder;
    for (const auto& p : plan.planned) {
        const fs::path file = out_dir / p.file;
        by_folder[file.parent_path()].insert(file.filename().string());
    }
    by_folder[out_dir].insert(plan.manifest_name);
    static const std::regex temp(R"(\.(.+)\.[A-Za-z0-9]{6})");
    for (const auto& [folder, names] : by_folder) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            std::smatch m;
            if (std::regex_match(name, m, temp) && names.count(m[1].str()) &&
                it->is_regular_file(ec))
                fs::remove(it->path(), ec);
        }
    }
}

bool up_to_date(const fs::path& file, const batch::Recorded& r) {
    std::error_code ec;
    return fs::is_regular_file(file, ec) && fs::file_size(file, ec) == r.size && !ec &&
           batch::sha256_file(file) == r.sha256;
}

}  // namespace

void request_batch_stop() { g_stop.store(true); }

BatchReport run_batch(const BatchOptions& o) {
    const auto start = Clock::now();
    EngineOptions engine_options = o.engine;
    engine_options.reuse_shaped_text = o.reuse_layout ? kReusedTexts : 0;
    Engine engine(engine_options);
    const batch::Plan plan = batch::make_plan(o, engine);

    prepare_out_dir(o.out_dir);
    remove_leftovers(o.out_dir, plan);
    const fs::path manifest = o.out_dir / plan.manifest_name;
    const auto recorded = batch::read_manifest(manifest);

    BatchReport report;
    report.rows = static_cast<int>(plan.rows.size());
    report.shard_rows = static_cast<int>(plan.shard_end - plan.shard_begin);
    report.manifest = manifest;
    batch::ManifestState state;
    state.outputs.resize(plan.planned.size());
    state.warnings.resize(plan.planned.size());
    std::vector<size_t> todo;
    for (size_t i = plan.shard_begin; i < plan.shard_end; ++i) {
        const auto& p = plan.planned[i];
        auto& out = state.outputs[i];
        out.row = p.row;
        out.line = p.line;
        out.file = p.file;
        auto old = recorded.find(p.file);
        if (!o.force && old != recorded.end() && old->second.input == p.digest &&
            up_to_date(o.out_dir / p.file, old->second)) {
            out.pages = old->second.pages;
            out.size = old->second.size;
            out.sha256 = old->second.sha256;
            out.skipped = true;
            ++report.skipped;
            continue;
        }
        todo.push_back(i);
    }

    BatchProgress progress;
    progress.total = report.shard_rows;
    progress.skipped = report.skipped;
    progress.done = report.skipped;
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
    batch::WorkHooks hooks;
    hooks.work = [&](size_t index) {
        return batch::render_row(engine, plan, index, o.out_dir, o.draft);
    };
    hooks.done = [&](batch::RowResult&& r) {
        ++progress.done;
        bool go_on = true;
        if (r.status == batch::RowResult::Status::written) {
            auto& out = state.outputs[r.index];
            out.pages = r.pages;
            out.size = r.size;
            out.sha256 = r.sha256;
            state.warnings[r.index] = std::move(r.warnings);
            ++report.written;
            ++progress.written;
        } else {
            if (r.status == batch::RowResult::Status::output_error) {
                output_error = r.failure.message;
                go_on = false;
            }
            if (r.status == batch::RowResult::Status::internal_error) report.internal_error = true;
            state.failures.push_back(std::move(r.failure));
            ++progress.failed;
            if (o.fail_fast) go_on = false;
        }
        if (!go_on) report.stopped = true;
        // A manifest now and then, so a run that is killed still skips what it finished.
        if (Clock::now() - last_manifest > kManifestEvery) {
            batch::write_manifest(manifest, o, plan, state);
            last_manifest = Clock::now();
        }
        tell();
        return go_on;
    };
    hooks.tick = [&] {
        if (g_stop.load()) report.stopped = true;
        tell();
        return !report.stopped;
    };
    const int jobs = o.jobs > 0 ? o.jobs : batch::available_cores();
    batch::run_rows(jobs, todo, hooks, plan);

    std::sort(state.failures.begin(), state.failures.end(),
              [](const BatchFailure& a, const BatchFailure& b) { return a.row < b.row; });
    state.complete = report.written + report.skipped == report.shard_rows;
    batch::write_manifest(manifest, o, plan, state);
    if (!output_error.empty()) throw BatchOutputError(output_error);

    for (size_t i = plan.shard_begin; i < plan.shard_end; ++i)
        if (state.outputs[i].pages > 0) report.outputs.push_back(state.outputs[i]);
    report.failures = std::move(state.failures);
    if (report.written + report.skipped + static_cast<int>(report.failures.size()) <
        report.shard_rows)
        report.stopped = true;
    report.seconds = seconds_since(start);
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) report.peak_kb = usage.ru_maxrss;
    if (jobs > 1 && getrusage(RUSAGE_CHILDREN, &usage) == 0)
        report.worker_peak_kb = usage.ru_maxrss;
    return report;
}

}  // namespace vanthu
