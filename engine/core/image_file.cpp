#include "core/image_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/fd_io.hpp"
#include "core/limits.hpp"

namespace vanthu::core {

namespace {

constexpr unsigned char kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

unsigned long long big_endian(const unsigned char* p) {
    return (static_cast<unsigned long long>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "it is a folder, not a file";
    if (S_ISFIFO(mode)) return "it is a named pipe, not a file";
    if (S_ISSOCK(mode)) return "it is a socket, not a file";
    return "it is a device, not a file";
}

std::string megabytes(unsigned long long bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

// Closes the descriptor on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) close(fd);
    }
};

}  // namespace

bool read_png(const std::filesystem::path& file, ImageFile& out, std::string& why, ImageRead what) {
    out = {};
    // O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting.
    Fd f{open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) {
        why = errno == ENOENT ? "no such file" : std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (fstat(f.fd, &st) != 0) {
        why = std::strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        why = kind_of(st.st_mode);
        return false;
    }
    const auto size = static_cast<unsigned long long>(st.st_size);
    if (size > limits::kImageFileBytes) {
        why = "it is larger than " + megabytes(limits::kImageFileBytes) + " (" + megabytes(size) +
              ")";
        return false;
    }
    // Signature, IHDR length and type, width, height.
    unsigned char head[24] = {};
    if (size < sizeof head || !read_all(f.fd, head, sizeof head) ||
        std::memcmp(head, kPngSignature, sizeof kPngSignature) != 0 ||
        std::memcmp(head + 12, "IHDR", 4) != 0) {
        why = head[0] == 0xff && head[1] == 0xd8 ? "it is a JPEG image, not a PNG (save it as PNG)"
                                                 : "it is not a PNG image";
        return false;
    }
    out.width = static_cast<long long>(big_endian(head + 16));
    out.height = static_cast<long long>(big_endian(head + 20));
    if (out.width <= 0 || out.height <= 0) {
        why = "it is not a PNG image (its header declares no pixels)";
        return false;
    }
    if (out.width * out.height > limits::kImagePixels) {
        why = "it declares " + std::to_string(out.width) + " × " + std::to_string(out.height) +
              " pixels, more than the " + std::to_string(limits::kImagePixels / 1'000'000) +
              " megapixels an image may have";
        return false;
    }
    if (what == ImageRead::header) return true;
    out.bytes.resize(static_cast<size_t>(size));
    std::memcpy(out.bytes.data(), head, sizeof head);
    if (!read_all(f.fd, out.bytes.data() + sizeof head, out.bytes.size() - sizeof head)) {
        why = "it could not be read whole (it changed while being read?)";
        out.bytes.clear();
        return false;
    }
    return true;
}

}  // namespace vanthu::core
