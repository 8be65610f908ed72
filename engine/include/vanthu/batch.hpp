// Batch rendering: one document per row of a rows file, each row's fields merged over common
// data, written into one folder with a manifest.json (docs/cli.md, "vanthu batch").
//
//   vanthu::BatchOptions o;
//   o.template_name = "ke-hoach";
//   o.common_data = "samples/batch/common.yaml";
//   o.rows_file = "samples/batch/rows.csv";
//   o.out_dir = "/tmp/ke-hoach";
//   o.name_pattern = "{{ma}}-ke-hoach.pdf";
//   auto report = vanthu::run_batch(o);
//
// Input problems found before any work (template, common data, rows file, names) throw
// vanthu::Error and leave nothing behind. A row that fails is reported in the BatchReport and
// in manifest.json; the other rows go on (unless fail_fast).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "vanthu/engine.hpp"

namespace vanthu {

struct BatchProgress {
    int done = 0;     // rows finished in this run: written, failed or up to date
    int total = 0;    // rows of this shard
    int written = 0;  // documents rendered and written in this run
    int failed = 0;
    int skipped = 0;         // up to date from an earlier run
    double elapsed_s = 0;    // since rendering started
    double rendering_s = 0;  // since the first document was handed to a worker
};

struct BatchOutput {
    int row = 0;       // 1-based row number among the rows file's rows
    int line = 0;      // line of the rows file where the row starts
    std::string file;  // path relative to out_dir
    int pages = 0;
    std::uintmax_t size = 0;
    std::string sha256;    // of the PDF file, hex
    bool skipped = false;  // up to date from an earlier run, not rendered again
};

struct BatchOptions {
    EngineOptions engine;
    // Template name or folder; empty: the common data's (else the first row's) "template".
    std::string template_name;
    std::filesystem::path common_data;  // optional .yaml/.yml/.json
    std::filesystem::path rows_file;    // .csv, .jsonl or .json (an array of objects)
    std::filesystem::path out_dir;      // created if missing
    // Mustache pattern of each output's path inside out_dir, from the row's merged data plus
    // _row (the row's number, zero-padded to the width of the row count). Must end in .pdf.
    std::string name_pattern = "{{_row}}.pdf";
    // Worker processes; 0: every core this process may use. Never more than the rows, nor
    // than core::limits::kWorkers (64).
    int jobs = 0;
    bool force = false;      // render again even what is up to date
    bool fail_fast = false;  // stop at the first failing row
    bool draft = false;      // as RenderRequest::draft
    bool fit = true;         // as RenderRequest::fit (false: --no-fit)
    int shard_index = 1;     // render only slice shard_index (1-based) of shard_count
    int shard_count = 1;
    bool reuse_layout = true;  // lay identical paragraphs out once per worker
    // A row still being made after this many seconds has its worker killed and fails with
    // batch.row-timeout; the batch goes on (0: no limit, and with one job the rows then run in
    // this process).
    double row_seconds = core::limits::kRowSeconds;
    // As RenderRequest::allowed_paths (--allow-path): folders besides the data's that signature
    // images may come from.
    std::vector<std::filesystem::path> allowed_paths;
    // Called after every finished row, from the calling thread.
    std::function<void(const BatchProgress&)> on_progress;
    // Called for every output written or up to date, in row order, from the calling thread
    // (the report does not list them: a batch may have many thousands; manifest.json does).
    std::function<void(const BatchOutput&)> on_output;
    // Sign every document (as RenderRequest::sign). The key is opened once in this process to
    // check it before any worker starts (a wrong password or PIN stops the batch with sign.key),
    // then once by each worker, on its first row, and kept open for the next: a token's session
    // is never shared across fork(). The password or PIN is never written to the manifest.
    std::optional<SignOptions> sign;
};

struct BatchFailure {
    int row = 0;
    int line = 0;
    std::string file;   // the output it would have written
    std::string field;  // the data field at fault, when one is known (e.g. "ngay", "noi_nhan[2]")
    std::string code;   // diagnostic code, e.g. "data.schema"; "internal" for a bug
    std::string message;
    std::vector<Diagnostic> diagnostics;  // everything the engine said about the row
};

struct BatchReport {
    int rows = 0;        // rows in the rows file
    int shard_rows = 0;  // rows of this shard
    int written = 0, skipped = 0, failed = 0;
    // The first 100 failed rows, by row (manifest.json lists every one).
    std::vector<BatchFailure> failures;
    bool stopped = false;  // fail_fast or an interrupt left rows undone
    // request_batch_stop() was called: the rows in progress were abandoned (their workers
    // killed, their temporary files removed) and are not counted.
    bool interrupted = false;
    bool internal_error = false;  // a row failed because of a bug (or a worker crashed)
    std::filesystem::path manifest;
    double seconds = 0;
    // Peak resident memory of this process and of the largest worker process (kB; 0: none).
    long peak_kb = 0, worker_peak_kb = 0;
    // Worker processes used: BatchOptions::jobs (or the cores), never more than the shard's
    // rows nor core::limits::kWorkers.
    int workers = 0;
    // With BatchOptions::sign: how many times the workers opened the signing key (once per
    // worker that signed, plus once per worker started again after a crash or a timeout).
    int signing_keys_opened = 0;
};

// The output folder could not be written (exit status 3 in the CLI).
struct BatchOutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Runs the batch. Throws vanthu::Error for bad input found before any output is written, and
// BatchOutputError when out_dir or a file in it cannot be written.
BatchReport run_batch(const BatchOptions& options);

// Asks a running run_batch() to stop at once: the workers of the rows in progress are killed
// and their temporary files removed, the manifest is written (listing the rows done), and
// run_batch returns with report.stopped and report.interrupted set. Safe to call from a signal
// handler.
void request_batch_stop();

}  // namespace vanthu
