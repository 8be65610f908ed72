// Reading a signature or seal image (PNG) safely: only a regular file (a named pipe would hang
// open(), a device never ends), no larger than limits::kImageFileBytes, and with the pixel size
// its header (IHDR) declares checked against limits::kImagePixels before anything decodes it.
#pragma once

#include <filesystem>
#include <string>

namespace vanthu::core {

struct ImageFile {
    std::string bytes;  // the whole file (empty when only the header was asked for)
    long long width = 0, height = 0;
};

enum class ImageRead { header, whole };

// Reads `file` into `out`. False with `why` set ("no such file", "it is a named pipe, not a
// file", "it declares 16000 × 16000 pixels …") when it cannot be used.
bool read_png(const std::filesystem::path& file, ImageFile& out, std::string& why,
              ImageRead what = ImageRead::whole);

}  // namespace vanthu::core
