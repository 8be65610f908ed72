// manifest.json: every output of a batch with its row, page count, size and SHA-256, the
// digest of its inputs (to skip it when nothing changed) and the rows that failed.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/plan.hpp"
#include "vanthu/batch.hpp"

namespace vanthu::batch {

// An output as an earlier run recorded it.
struct Recorded {
    std::string input;  // digest of the inputs it was made from
    std::string sha256;
    std::uintmax_t size = 0;
    int pages = 0;
};

// The outputs an earlier run recorded in `file`, by name; none if it is missing or unreadable
// (a batch without a manifest renders everything again).
std::map<std::string, Recorded> read_manifest(const std::filesystem::path& file);

struct ManifestState {
    std::vector<BatchOutput> outputs;  // indexed like Plan::planned; pages == 0: not done
    std::vector<std::vector<std::string>> warnings;  // indexed like outputs
    std::vector<BatchFailure> failures;
    bool complete = false;  // every row of the shard is written or up to date
};

// Writes the manifest atomically (throws BatchOutputError if it cannot).
void write_manifest(const std::filesystem::path& file, const BatchOptions& options,
                    const Plan& plan, const ManifestState& state);

}  // namespace vanthu::batch
