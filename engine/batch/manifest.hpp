// manifest.json: every output of a batch with its row, page count, size and SHA-256, the
// digest of its inputs (to skip it when nothing changed) and the rows that failed. Neither the
// manifest of an earlier run nor the one being written is held in memory: the first is indexed
// by name hash and read back line by line, the second is spooled to unlinked files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vanthu/batch.hpp"

namespace vanthu::batch {

// An output as an earlier run recorded it.
struct Recorded {
    std::string input;  // digest of the inputs it was made from
    std::string sha256;
    std::uintmax_t size = 0;
    int pages = 0;
    std::vector<std::string> warnings;
};

// The outputs an earlier run recorded in a manifest, found by name. A missing or unreadable
// manifest records nothing (a batch without one renders everything again). The file stays
// open, so it can still be read after a new manifest has replaced it.
class RecordedOutputs {
  public:
    explicit RecordedOutputs(const std::filesystem::path& file);
    ~RecordedOutputs();
    RecordedOutputs(const RecordedOutputs&) = delete;
    RecordedOutputs& operator=(const RecordedOutputs&) = delete;

    std::optional<Recorded> find(const std::string& name) const;
    size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        std::uint64_t key;  // hash of the name
        std::uint64_t offset;
        std::uint32_t length;
        bool operator<(const Entry& o) const { return key < o.key; }
    };
    int fd_ = -1;
    std::vector<Entry> entries_;  // sorted by key
};

// Appends lines to an unlinked temporary file in a folder and copies them out again.
class Spool {
  public:
    explicit Spool(const std::filesystem::path& folder);
    ~Spool();
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    void append(std::string_view text);
    // Every byte appended so far, in pieces of at most 64 kB, to `sink`.
    void copy_to(const std::function<void(std::string_view)>& sink);

  private:
    void flush();
    int fd_ = -1;
    std::uint64_t written_ = 0;
    std::string pending_;
};

// Writes manifest.json again and again as rows finish; entries are added in row order.
class ManifestWriter {
  public:
    // `head` holds the batch's description (template, rows, shard, …), written first. `temp`:
    // the temporary name each write goes through (see core::AtomicFile; empty: a random one).
    ManifestWriter(std::filesystem::path file, nlohmann::ordered_json head,
                   std::filesystem::path temp = {});

    void add_output(const BatchOutput& o, const std::string& input,
                    const std::vector<std::string>& warnings);
    void add_failure(const BatchFailure& f);
    // Replaces the manifest atomically with everything added so far (BatchOutputError if it
    // cannot).
    void write(bool complete);

  private:
    std::filesystem::path file_;
    nlohmann::ordered_json head_;
    std::filesystem::path temp_;
    Spool outputs_, failures_;
    bool first_output_ = true, first_failure_ = true;
};

}  // namespace vanthu::batch
