// Output names of a batch: a mustache pattern filled with each row's data, checked before any
// work starts (collisions, paths that leave the output folder, characters a name cannot hold).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
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
// do not tell apart), a name that is a folder of another and a name equal to `reserved` (the
// manifest). Each problem is a diagnostic at `rows_file`:line. Meant for the few rows that
// NameIndex::suspects() points at.
std::vector<core::Diagnostic> check_names(const std::vector<NamedRow>& rows,
                                          const std::string& reserved,
                                          const std::string& rows_file);

// Refuses names whose existing folders lead out of the output folder (through a symbolic link).
// Checks each folder once when rows come in folder order (the last folder is remembered).
class FolderGuard {
  public:
    explicit FolderGuard(const std::filesystem::path& out_dir);
    std::optional<core::Diagnostic> check(const NamedRow& row, const std::string& rows_file);

  private:
    std::filesystem::path out_dir_, root_, last_;
};

// A hash of every output name and of every folder a name needs (case folded, as
// check_names() compares them): 16 bytes a row instead of the names, so a batch of many rows
// can find which rows may clash without keeping every name.
class NameIndex {
  public:
    void reserve(size_t rows) { names_.reserve(rows); }
    void add(const std::string& name, size_t index);
    // Sorts the index and gives the rows (sorted) whose names may clash: an equal hash, a
    // name whose hash is another's folder (both rows), or the hash of `reserved`. check_names()
    // on those rows tells a real clash from a shared hash.
    std::vector<size_t> suspects(const std::string& reserved);
    // After suspects(): whether some row may be named `name` / needs the folder `folder`
    // (relative to the output folder; a hash match, so rarely a false yes).
    bool has_name(const std::string& name) const;
    bool has_folder(const std::string& folder) const;

  private:
    struct Entry {
        std::uint64_t key;
        size_t index;
        bool operator<(const Entry& o) const {
            return key < o.key || (key == o.key && index < o.index);
        }
        bool operator==(const Entry& o) const = default;
    };
    static std::uint64_t key(const std::string& name);
    std::vector<Entry> names_, folders_;
};

}  // namespace vanthu::batch
