#include "batch_command.hpp"

#include "exit_status.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <regex>

#include "core/limits.hpp"
#include "engine_flags.hpp"
#include "progress.hpp"
#include "sign_command.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::cli {

namespace {

// Exit statuses of the batch's own (docs/cli.md); the others are in exit_status.hpp.
constexpr int kRowsFailed = 4;
constexpr size_t kFailuresShown = 20;

volatile std::sig_atomic_t g_signal = 0;

// The first SIGINT or SIGTERM stops the batch at once (run_batch kills the workers and removes
// their temporary files); a second one ends the process as the default action does.
void on_stop_signal(int sig) {
    g_signal = sig;
    request_batch_stop();
    std::signal(sig, SIG_DFL);
}

// "row 5 (rows.csv:7), ngay: message [data.schema]"
std::string failure_line(const BatchFailure& f, const std::string& rows_file) {
    std::string out = rows_file + ":" + std::to_string(f.line) + ": row " + std::to_string(f.row) +
                      " (" + f.file + ")";
    if (!f.field.empty()) out += ", field " + f.field;
    std::string message = f.message;
    // The field already opens a data.schema message ("ngay: …").
    if (!f.field.empty() && message.rfind(f.field + ": ", 0) == 0)
        message = message.substr(f.field.size() + 2);
    return out + ": " + message + " [" + f.code + "]";
}

}  // namespace

struct BatchCommand::Options {
    std::string template_name;
    std::string common, rows, out, name = "{{_row}}.pdf", shard;
    int jobs = 0;
    double row_timeout = core::limits::kRowSeconds;
    std::vector<std::filesystem::path> allowed;
    bool force = false, fail_fast = false, draft = false, quiet = false, no_reuse = false,
         no_fit = false;
    EngineFlags engine;
    SignFlags sign;
};

BatchCommand::BatchCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
    cmd_ = app.add_subcommand(
        "batch",
        "Render one document per row: vanthu batch [TEMPLATE] --data COMMON --rows ROWS --out DIR");
    auto& o = *o_;
    cmd_->add_option("template", o.template_name,
                     "Template name or folder (default: the common data's \"template\")");
    cmd_->add_option("--data", o.common, "Data common to every document (.yaml, .yml, .json)")
        ->check(CLI::ExistingFile);
    cmd_->add_option("--rows", o.rows, "One row per document: .csv, .jsonl or .json (an array)")
        ->required()
        ->check(CLI::ExistingFile);
    cmd_->add_option("--out", o.out, "Output folder (created if missing)")->required();
    cmd_->add_option("--name", o.name,
                     "Output name pattern, from the row's data and {{_row}} (default "
                     "\"{{_row}}.pdf\"), e.g. '{{ma}}-ke-hoach.pdf'");
    cmd_->add_option("-j,--jobs", o.jobs,
                     "Worker processes (default: every core; at most " +
                         std::to_string(core::limits::kWorkers) + ")")
        ->check(CLI::PositiveNumber);
    cmd_->add_option("--row-timeout", o.row_timeout,
                     "Seconds one document may take before its worker is stopped and the row "
                     "fails (default " +
                         std::to_string(static_cast<int>(core::limits::kRowSeconds)) +
                         "; 0: no limit)")
        ->check(CLI::Range(0.0, 86400.0));
    add_allow_path(cmd_, o.allowed);
    cmd_->add_option("--shard", o.shard, "Render only slice K of N (1 <= K <= N), e.g. 2/8");
    cmd_->add_flag("--force", o.force, "Render again outputs that are up to date");
    cmd_->add_flag("--fail-fast", o.fail_fast, "Stop at the first row that fails");
    cmd_->add_flag("--draft", o.draft, "Missing data becomes visible placeholders, not errors");
    cmd_->add_flag("--no-fit", o.no_fit,
                   "Keep the default spacing and size, even where tightening would save a page");
    cmd_->add_flag("--no-layout-reuse", o.no_reuse,
                   "Lay every paragraph out again in every document (for measurements)");
    o.engine.add_to(cmd_);
    o.sign.add_to(cmd_);
    cmd_->add_flag("-q,--quiet", o.quiet, "No progress, no summary; failures are still printed");
}

BatchCommand::~BatchCommand() = default;

bool BatchCommand::parsed() const { return cmd_->parsed(); }

int BatchCommand::run() {
    const auto& o = *o_;
    BatchOptions b;
    b.template_name = o.template_name;
    b.common_data = o.common;
    b.rows_file = o.rows;
    b.out_dir = o.out;
    b.name_pattern = o.name;
    b.jobs = o.jobs;
    if (o.jobs > core::limits::kWorkers) {
        std::cerr << "batch: note: -j " << o.jobs << " is more than " << core::limits::kWorkers
                  << " worker processes; using " << core::limits::kWorkers << "\n";
        b.jobs = core::limits::kWorkers;
    }
    b.row_seconds = o.row_timeout;
    b.allowed_paths = o.allowed;
    b.force = o.force;
    b.fail_fast = o.fail_fast;
    b.draft = o.draft;
    b.fit = !o.no_fit;
    b.reuse_layout = !o.no_reuse;
    b.engine = o.engine.options();
    if (!o.shard.empty()) {
        std::smatch m;
        if (!std::regex_match(o.shard, m, std::regex(R"((\d{1,6})/(\d{1,6}))")) ||
            std::stoi(m[1]) < 1 || std::stoi(m[1]) > std::stoi(m[2])) {
            std::cerr << "--shard: expected K/N with 1 <= K <= N, such as 1/4 (got \"" << o.shard
                      << "\")\n";
            return kInputError;
        }
        b.shard_index = std::stoi(m[1]);
        b.shard_count = std::stoi(m[2]);
    }
    ProgressDisplay display(o.quiet);
    b.on_progress = [&display](const BatchProgress& p) { display.update(p); };

    BatchReport report;
    try {
        // The password or PIN is read here, once, before any worker starts.
        b.sign = o.sign.options();
    } catch (const Error& e) {
        display.finish();
        std::cerr << core::format_all(e.diagnostics(), core::limits::kPrintedDiagnostics);
        return kInputError;
    }
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    try {
        report = run_batch(b);
    } catch (const Error& e) {
        display.finish();
        std::cerr << core::format_all(e.diagnostics(), core::limits::kPrintedDiagnostics);
        return kInputError;
    } catch (const BatchOutputError& e) {
        display.finish();
        std::cerr << "error: " << e.what() << '\n';
        return kOutputError;
    } catch (const std::exception& e) {
        display.finish();
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    display.finish();

    for (size_t i = 0; i < report.failures.size() && i < kFailuresShown; ++i)
        std::cerr << failure_line(report.failures[i], o.rows) << '\n';
    if (static_cast<size_t>(report.failed) > kFailuresShown)
        std::cerr << "… and " << static_cast<size_t>(report.failed) - kFailuresShown
                  << " more failed rows, listed in " << report.manifest.string() << '\n';
    if (!o.quiet) {
        const int rendered = report.written + report.failed;
        char rate[48] = "";
        if (rendered > 0 && report.seconds > 0)
            std::snprintf(rate, sizeof rate, ", %.1f documents/s", rendered / report.seconds);
        std::cerr << "batch: " << report.written << " written, " << report.skipped
                  << " up to date, " << report.failed << " failed";
        if (report.shard_rows != report.rows)
            std::cerr << " (shard " << b.shard_index << "/" << b.shard_count << ": "
                      << report.shard_rows << " of " << report.rows << " rows)";
        else
            std::cerr << " (" << report.rows << " rows)";
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.1f", report.seconds);
        std::cerr << " in " << secs << " s" << rate << "; manifest " << report.manifest.string()
                  << '\n';
        std::cerr << "batch: peak memory " << report.peak_kb / 1024 << " MB";
        if (report.worker_peak_kb > 0)
            std::cerr << ", largest worker " << report.worker_peak_kb / 1024 << " MB";
        std::cerr << '\n';
        if (b.sign)
            std::cerr << "batch: documents signed"
                      << (b.sign->tsa_url.empty() ? "" : " and timestamped")
                      << "; the signing key was opened " << report.signing_keys_opened
                      << (report.signing_keys_opened == 1 ? " time" : " times") << " by "
                      << report.workers << (report.workers == 1 ? " worker" : " workers") << '\n';
        if (report.stopped && !report.interrupted && report.failed == 0)
            std::cerr << "batch: stopped before the end; run the same command again to finish\n";
    }
    if (report.interrupted) {
        // Said even with -q: the user asked for the stop and must know where it left off.
        const int sig = g_signal != 0 ? static_cast<int>(g_signal) : SIGINT;
        std::cerr << "batch: stopped by " << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << " after "
                  << report.written + report.skipped + report.failed << " of " << report.shard_rows
                  << " rows (" << report.written << " written, " << report.skipped
                  << " up to date, " << report.failed
                  << " failed); the rows in progress were abandoned; run the same command "
                     "again to finish\n";
        return 128 + sig;
    }
    if (report.internal_error) return kInternalError;
    if (report.failed > 0) return kRowsFailed;
    if (report.stopped) return 128 + SIGINT;
    return kOk;
}

}  // namespace vanthu::cli
