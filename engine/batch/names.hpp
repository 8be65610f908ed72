// Output names of a batch: a mustache pattern filled with each row's data, checked before any
// work starts (collisions, paths that leave the output folder, characters a name cannot hold).
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"

namespace vanthu::batch {

class NamePattern {
  public:
    // Throws core::Failure ("batch.name") for a mustache syntax error in `pattern`.
    explicit NamePattern(const std::string& pattern);
    ~NamePattern();
    NamePattern(const NamePattern&) = delete;
    NamePattern& operator=(const NamePattern&) = delete;

    // The name for `data`, made normal (a/./b -> a/b). On a problem (a name the data lacks, a
    // value holding "/", a name that leaves the folder or does not end in .pdf) returns an
    // empty string and sets `problem` to "field: message" or a message.
    std::string render(const nlohmann::json& data, std::string& problem, std::string& field);

    // The top-level data names the pattern has looked up so far ("ma" for {{ma}} and {{ma.x}}).
    const std::set<std::string>& used() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One output name and the row it came from, for collision checks.
struct NamedRow {
    std::string name;
    int row = 0;
    int line = 0;
};

// Names given twice (also when they differ only in upper/lower case, which many file systems
// do not tell apart), a name that is a folder of another, a name equal to `reserved` (the
// manifest) and names whose existing folders lead out of `out_dir` through symbolic links.
// Each problem is a diagnostic at `rows_file`:line.
std::vector<core::Diagnostic> check_names(const std::vector<NamedRow>& rows,
                                          const std::filesystem::path& out_dir,
                                          const std::string& reserved,
                                          const std::string& rows_file);

}  // namespace vanthu::batch
