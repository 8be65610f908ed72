// One row of a batch rendered and written: what a worker does, and what it reports back.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/plan.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::batch {

struct RowResult {
    size_t index = 0;  // into Plan::planned
    enum class Status { written, failed, output_error, internal_error } status = Status::written;
    int pages = 0;
    std::uintmax_t size = 0;
    std::string sha256;
    std::vector<std::string> warnings;  // formatted, one per warning
    BatchFailure failure;               // when not written
};

// Renders row `index` of `plan` with `engine` and writes it atomically under `out_dir`.
RowResult render_row(Engine& engine, const Plan& plan, size_t index,
                     const std::filesystem::path& out_dir, bool draft);

// A result sent through a pipe from a worker process.
nlohmann::json to_json(const RowResult& r);
RowResult row_result_from_json(const nlohmann::json& j);

// A row that could not be rendered because its worker process died.
RowResult crashed(const Plan& plan, size_t index, const std::string& why);

}  // namespace vanthu::batch
