#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/fd_io.hpp"

namespace vanthu::core {

static std::runtime_error io_error(const std::string& what, const std::filesystem::path& p) {
    return std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

// The process's umask, read without changing it where Linux shows it (/proc/self/status,
// since 4.7); otherwise set and restored.
static mode_t process_umask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    const mode_t mask = umask(022);
    umask(mask);
    return mask;
}

// The mode the finished file gets: an existing target's own (as cp keeps it: a confidential
// document made 0600 stays so), else what open() gives a new file under the umask (0666 &
// ~umask: 0600 under umask 077). mkstemp's file is 0600 whatever the umask.
static mode_t output_mode(const std::filesystem::path& target) {
    struct stat st {};
    if (stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
    return 0666 & ~process_umask();
}

AtomicFile::AtomicFile(std::filesystem::path target, Sync sync, std::filesystem::path temp)
    : target_(std::move(target)), sync_(sync) {
    if (!temp.empty()) {
        // An unnamed file where the file system has them (ext4, xfs, btrfs, tmpfs): a process
        // killed before commit() leaves nothing behind. Else (NFS …) the name, made with O_EXCL.
        auto dir = target_.parent_path();
        if (dir.empty()) dir = ".";
        fd_ = open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
        unnamed_ = fd_ >= 0;
        if (!unnamed_)
            fd_ = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd_ < 0) throw io_error("cannot create the temporary file", temp);
        temp_ = std::move(temp);
        return;
    }
    auto dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::string pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
    fd_ = mkstemp(pattern.data());
    if (fd_ < 0) throw io_error("cannot create a temporary file next to", target_);
    temp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) close(fd_);
    if (!committed_ && !temp_.empty() && !unnamed_) unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (!write_all(fd_, bytes)) throw io_error("cannot write", temp_);
}

void AtomicFile::commit() {
    if (sync_ == Sync::to_disk && fsync(fd_) != 0) throw io_error("cannot sync", temp_);
    fchmod(fd_, output_mode(target_));
    if (unnamed_) {
        // Named only now, for the rename (linkat through /proc needs no privilege).
        const std::string self = "/proc/self/fd/" + std::to_string(fd_);
        if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp_.c_str(), AT_SYMLINK_FOLLOW) != 0)
            throw io_error("cannot name the temporary file", temp_);
        unnamed_ = false;
    }
    if (close(fd_) != 0) {
        fd_ = -1;
        throw io_error("cannot close", temp_);
    }
    fd_ = -1;
    if (rename(temp_.c_str(), target_.c_str()) != 0) throw io_error("cannot rename onto", target_);
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, Sync sync,
                           const std::filesystem::path& temp) {
    AtomicFile f(target, sync, temp);
    f.write(bytes);
    f.commit();
}

}  // namespace vanthu::core
