// One row of a batch rendered and written: what a worker is given, what it does, and what it
// reports back.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/plan.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::batch {

// A row to render, with everything worked out for it in the main process.
struct Job {
    size_t index = 0;    // 0-based among all rows of the rows file
    int line = 0;        // where the row starts in the rows file
    std::string file;    // output path relative to the output folder
    std::string input;   // digest of the engine, template, options, common data and this row
    nlohmann::json row;  // the row's own fields, as read
};

struct RowResult {
    Job job;  // its row left out
    enum class Status { written, failed, output_error, internal_error } status = Status::written;
    int pages = 0;
    std::uintmax_t size = 0;
    std::string sha256;
    std::vector<std::string> warnings;  // formatted, one per warning
    int keys_opened = 0;                // signing keys the worker opened for this row
    BatchFailure failure;               // when not written
};

// Renders `job` with `engine` and writes it atomically under `out_dir`.
RowResult render_row(Engine& engine, const Plan& plan, const Job& job,
                     const std::filesystem::path& out_dir, bool draft, bool fit);

// A row whose worker was killed because it took longer than `seconds` (batch.row-timeout).
RowResult timed_out(const Job& job, double seconds);

// The temporary file the worker with process id `pid` writes `target` to before renaming it:
// ".NAME.vanthu-RUN-PID", unique to this run (Plan::run_id), created with O_EXCL.
std::filesystem::path temporary_name(const std::filesystem::path& target, const std::string& run_id,
                                     int pid);

// A job and a result, sent through pipes between the main process and a worker.
std::string to_message(const Job& job);
Job job_from_message(const std::string& message);
std::string to_message(const RowResult& r);
RowResult row_result_from_message(const std::string& message);

// A row that could not be rendered because its worker process died (or threw).
RowResult crashed(const Job& job, const std::string& why);

}  // namespace vanthu::batch
