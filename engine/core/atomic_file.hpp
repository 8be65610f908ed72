// Output files appear complete or not at all: bytes go to a temporary name in the target's
// folder and are renamed over the target only on commit().
#pragma once

#include <filesystem>
#include <string_view>

namespace vanthu::core {

// Whether commit() waits for the bytes to reach the disk (fsync) before the rename. Without it
// the file still appears whole or not at all to every process; only a crash of the whole
// system soon after could leave it empty, as with cp or a compiler's output.
enum class Sync { to_disk, by_the_system };

class AtomicFile {
  public:
    // The temporary file is ".NAME.XXXXXX" next to the target (mkstemp), or `temp` when given:
    // a name the caller can find again (a batch removes a killed worker's), created with O_EXCL
    // so an existing file of that name is never taken over. With `temp`, the file stays unnamed
    // (O_TMPFILE) until commit() where the file system allows it, so a process killed before
    // then leaves nothing at all.
    explicit AtomicFile(std::filesystem::path target, Sync sync = Sync::to_disk,
                        std::filesystem::path temp = {});
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    void commit();  // flush, fsync (Sync::to_disk) and rename into place

  private:
    std::filesystem::path target_;
    Sync sync_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
    bool unnamed_ = false;  // O_TMPFILE: temp_ is linked only in commit()
};

// Writes `bytes` to `target` atomically.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes,
                           Sync sync = Sync::to_disk, const std::filesystem::path& temp = {});

}  // namespace vanthu::core
