#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/fd_io.hpp"

namespace vanthu::core {

static std::runtime_error io_error(const std::string& what, const std::filesystem::path& p) {
    return std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

AtomicFile::AtomicFile(std::filesystem::path target, Sync sync)
    : target_(std::move(target)), sync_(sync) {
    auto dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::string pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
    fd_ = mkstemp(pattern.data());
    if (fd_ < 0) throw io_error("cannot create a temporary file next to", target_);
    temp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) close(fd_);
    if (!committed_ && !temp_.empty()) unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (!write_all(fd_, bytes)) throw io_error("cannot write", temp_);
}

void AtomicFile::commit() {
    if (sync_ == Sync::to_disk && fsync(fd_) != 0) throw io_error("cannot sync", temp_);
    fchmod(fd_, 0644);
    if (close(fd_) != 0) {
        fd_ = -1;
        throw io_error("cannot close", temp_);
    }
    fd_ = -1;
    if (rename(temp_.c_str(), target_.c_str()) != 0) throw io_error("cannot rename onto", target_);
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, Sync sync) {
    AtomicFile f(target, sync);
    f.write(bytes);
    f.commit();
}

}  // namespace vanthu::core
