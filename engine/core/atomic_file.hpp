// Output files appear complete or not at all: bytes go to a temporary name in the target's
// folder and are renamed over the target only on commit().
#pragma once

#include <filesystem>
#include <string_view>

namespace vanthu::core {

class AtomicFile {
  public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    void commit();  // flush, fsync and rename into place

  private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace vanthu::core
