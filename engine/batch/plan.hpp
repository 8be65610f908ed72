// What a batch will do, worked out before any output is written: the rows counted and checked,
// every output name checked, and the digest of everything the rows share. Rows are not kept:
// they are read again from the rows file, one at a time, as they are handed out (for_each_job).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/names.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::batch {

struct Job;

struct Plan {
    std::string template_name;
    std::string data_name;  // names the data in the engine's messages (the common data file)
    std::string rows_file;
    nlohmann::json common = nlohmann::json::object();
    size_t rows = 0;                        // rows in the rows file
    size_t shard_begin = 0, shard_end = 0;  // the rows [begin, end) of this shard
    std::string manifest_name;              // "manifest.json" or "manifest.shard-K-of-N.json"
    // Fields only the name pattern uses ("ma"), which the template does not declare: they are
    // left out of the documents' data, where the template's check would refuse them.
    std::set<std::string> name_only;
    std::string common_digest;             // of the engine, template, options and common data
    std::unique_ptr<NamePattern> pattern;  // fills names; render() records what it used
    NameIndex names;  // every row's name, hashed (for removing a killed run's leftovers)
    std::vector<std::filesystem::path> allowed_paths;  // BatchOptions::allowed_paths
    std::optional<SignOptions> sign;                   // BatchOptions::sign
    // With sign: a file whose POSIX record lock the workers take in turn to open the key (see
    // render_row); -1 without.
    int key_lock_fd = -1;
    // Random, different for every run: the workers' temporary files carry it, so the batch
    // removes only files it made (never a user's ".a.pdf.backup").
    std::string run_id;
    std::filesystem::file_time_type rows_mtime;  // the rows file as checked
    std::uintmax_t rows_size = 0;
};

// Reads the common data, reads and checks the rows, loads the template (through `engine`,
// which keeps it for the workers) and names every output. Throws vanthu::Error with every
// problem found.
Plan make_plan(const BatchOptions& options, Engine& engine);

// Reads the rows file again and gives a job for each row of the shard, in order. Throws
// vanthu::Error if the rows file has changed since make_plan.
void for_each_job(const Plan& plan, const std::function<void(Job&&)>& take);

// The data the document of `row` is made from: the row merged over the common data (JSON merge
// patch: objects merge key by key, anything else replaces, null removes), without
// Plan::name_only.
nlohmann::json document_data(const Plan& plan, const nlohmann::json& row);

// The data field a diagnostic is about ("ngay", "noi_nhan[2]"), when it names one.
std::string field_of(const Diagnostic& d);

}  // namespace vanthu::batch
