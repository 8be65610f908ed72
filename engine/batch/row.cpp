#include "batch/row.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "batch/sha256.hpp"
#include "core/atomic_file.hpp"

namespace vanthu::batch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The engine names the common data file in messages about data; a field the row gives is
// the row's, so point at the row's line of the rows file instead.
void locate_in_rows(std::vector<Diagnostic>& diags, const Plan& plan, const Job& job) {
    const json& row = job.row;
    for (auto& d : diags) {
        if (!d.where || d.where->file != plan.data_name || d.where->line > 0) continue;
        const std::string field = field_of(d);
        const std::string top = field.substr(0, field.find_first_of(".["));
        if (!top.empty() && row.contains(top))
            d.where = core::SourceLocation{plan.rows_file, job.line, 0, {}};
    }
}

BatchFailure failure(const Job& job, std::vector<Diagnostic> diags, const std::string& code,
                     const std::string& message) {
    BatchFailure f;
    f.row = static_cast<int>(job.index) + 1;
    f.line = job.line;
    f.file = job.file;
    const Diagnostic* first = nullptr;
    for (const auto& d : diags)
        if (d.severity == core::Severity::error) {
            first = &d;
            break;
        }
    f.code = first ? first->code : code;
    f.message = first ? first->message : message;
    f.field = first ? field_of(*first) : "";
    f.diagnostics = std::move(diags);
    return f;
}

json diagnostic_json(const Diagnostic& d) {
    json j = {{"severity", static_cast<int>(d.severity)},
              {"code", d.code},
              {"message", d.message},
              {"hints", d.hints}};
    if (d.where)
        j["where"] = {{"file", d.where->file},
                      {"line", d.where->line},
                      {"column", d.where->column},
                      {"text", d.where->line_text}};
    return j;
}

Diagnostic diagnostic_from(const json& j) {
    Diagnostic d;
    d.severity = static_cast<core::Severity>(j.at("severity").get<int>());
    d.code = j.at("code").get<std::string>();
    d.message = j.at("message").get<std::string>();
    d.hints = j.at("hints").get<std::vector<std::string>>();
    if (j.contains("where")) {
        const auto& w = j["where"];
        d.where = core::SourceLocation{w.at("file").get<std::string>(), w.at("line").get<int>(),
                                       w.at("column").get<int>(), w.at("text").get<std::string>()};
    }
    return d;
}

// Held while a worker opens the signing key: one worker at a time. A token's module need not
// take several processes logging in at once (SoftHSM2's file store does not: a second process
// starting while the first logs in may find no token). A POSIX record lock belongs to the
// process, so workers sharing the descriptor still exclude each other, and a killed worker's
// lock goes with it.
class KeyOpeningLock {
  public:
    explicit KeyOpeningLock(int fd) : fd_(fd) {
        if (fd_ < 0) return;
        struct flock lock {};
        lock.l_type = F_WRLCK;
        lock.l_whence = SEEK_SET;
        while (fcntl(fd_, F_SETLKW, &lock) != 0 && errno == EINTR) {
        }
    }
    ~KeyOpeningLock() {
        if (fd_ < 0) return;
        struct flock lock {};
        lock.l_type = F_UNLCK;
        lock.l_whence = SEEK_SET;
        fcntl(fd_, F_SETLK, &lock);
    }
    KeyOpeningLock(const KeyOpeningLock&) = delete;
    KeyOpeningLock& operator=(const KeyOpeningLock&) = delete;

  private:
    int fd_;
};

}  // namespace

RowResult render_row(Engine& engine, const Plan& plan, const Job& job, const fs::path& out_dir,
                     bool draft, bool fit) {
    RowResult r;
    r.job = {job.index, job.line, job.file, job.input, nullptr};
    RenderResult rendered;
    try {
        const json data = document_data(plan, job.row);
        RenderRequest request;
        request.data_file = plan.data_name;
        request.template_name = plan.template_name;
        request.draft = draft;
        request.fit = fit;
        request.data = &data;
        request.allowed_paths = plan.allowed_paths;
        request.sign = plan.sign;
        const int opened = engine.signing_keys_opened();
        {
            // The row that opens the key (a worker's first) renders under the lock.
            const KeyOpeningLock lock(plan.sign && opened == 0 ? plan.key_lock_fd : -1);
            rendered = engine.render(request);
        }
        r.keys_opened = engine.signing_keys_opened() - opened;
    } catch (const Error& e) {
        r.status = RowResult::Status::failed;
        std::vector<Diagnostic> diags = e.diagnostics();
        locate_in_rows(diags, plan, job);
        r.failure = failure(job, std::move(diags), "", e.what());
        return r;
    } catch (const std::exception& e) {
        r.status = RowResult::Status::internal_error;
        r.failure = failure(job, {}, "internal",
                            std::string("internal error (a bug in vanthu): ") + e.what());
        return r;
    }
    try {
        const fs::path target = out_dir / job.file;
        fs::create_directories(target.parent_path());
        // A name this run alone uses, so the batch can remove it if this worker is killed.
        core::write_file_atomically(target, rendered.pdf, core::Sync::to_disk,
                                    temporary_name(target, plan.run_id, getpid()));
    } catch (const std::exception& e) {
        r.status = RowResult::Status::output_error;
        r.failure = failure(job, {}, "output", e.what());
        return r;
    }
    r.pages = rendered.page_count;
    r.size = rendered.pdf.size();
    r.sha256 = sha256_hex(rendered.pdf);
    for (const auto& w : rendered.warnings) r.warnings.push_back(format(w));
    return r;
}

RowResult crashed(const Job& job, const std::string& why) {
    RowResult r;
    r.job = {job.index, job.line, job.file, job.input, nullptr};
    r.status = RowResult::Status::internal_error;
    r.failure =
        failure(job, {}, "internal", "internal error (a bug in vanthu, please report it): " + why);
    return r;
}

RowResult timed_out(const Job& job, double seconds) {
    RowResult r;
    r.job = {job.index, job.line, job.file, job.input, nullptr};
    r.status = RowResult::Status::failed;
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", seconds);
    r.failure = failure(job, {}, "batch.row-timeout",
                        std::string("the document was still being made after ") + limit +
                            " s; its worker process was stopped (raise the limit with "
                            "--row-timeout SECONDS, 0 for none)");
    return r;
}

fs::path temporary_name(const fs::path& target, const std::string& run_id, int pid) {
    return target.parent_path() /
           ("." + target.filename().string() + ".vanthu-" + run_id + "-" + std::to_string(pid));
}

std::string to_message(const Job& job) {
    return json{{"index", job.index},
                {"line", job.line},
                {"file", job.file},
                {"input", job.input},
                {"row", job.row}}
        .dump();
}

Job job_from_message(const std::string& message) {
    const json j = json::parse(message);
    return {j.at("index").get<size_t>(), j.at("line").get<int>(), j.at("file").get<std::string>(),
            j.at("input").get<std::string>(), j.at("row")};
}

std::string to_message(const RowResult& r) {
    json j = {{"index", r.job.index},
              {"line", r.job.line},
              {"file", r.job.file},
              {"input", r.job.input},
              {"status", static_cast<int>(r.status)},
              {"pages", r.pages},
              {"size", r.size},
              {"sha256", r.sha256},
              {"warnings", r.warnings},
              {"keys_opened", r.keys_opened}};
    if (r.status != RowResult::Status::written) {
        const auto& f = r.failure;
        json diags = json::array();
        for (const auto& d : f.diagnostics) diags.push_back(diagnostic_json(d));
        j["failure"] = {{"row", f.row},        {"line", f.line}, {"file", f.file},
                        {"field", f.field},    {"code", f.code}, {"message", f.message},
                        {"diagnostics", diags}};
    }
    return j.dump();
}

RowResult row_result_from_message(const std::string& message) {
    const json j = json::parse(message);
    RowResult r;
    r.job.index = j.at("index").get<size_t>();
    r.job.line = j.at("line").get<int>();
    r.job.file = j.at("file").get<std::string>();
    r.job.input = j.at("input").get<std::string>();
    r.status = static_cast<RowResult::Status>(j.at("status").get<int>());
    r.pages = j.at("pages").get<int>();
    r.size = j.at("size").get<std::uintmax_t>();
    r.sha256 = j.at("sha256").get<std::string>();
    r.warnings = j.at("warnings").get<std::vector<std::string>>();
    r.keys_opened = j.at("keys_opened").get<int>();
    if (j.contains("failure")) {
        const auto& f = j["failure"];
        r.failure.row = f.at("row").get<int>();
        r.failure.line = f.at("line").get<int>();
        r.failure.file = f.at("file").get<std::string>();
        r.failure.field = f.at("field").get<std::string>();
        r.failure.code = f.at("code").get<std::string>();
        r.failure.message = f.at("message").get<std::string>();
        for (const auto& d : f.at("diagnostics"))
            r.failure.diagnostics.push_back(diagnostic_from(d));
    }
    return r;
}

}  // namespace vanthu::batch
