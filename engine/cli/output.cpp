#include "output.hpp"

#include <cstdio>
#include <filesystem>

#include "core/atomic_file.hpp"

namespace vanthu::cli {

void write_output(const std::string& target, const std::string& bytes) {
    namespace fs = std::filesystem;
    if (target == "-") {
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
            std::fflush(stdout) != 0)
            throw OutputError("cannot write to standard output");
        return;
    }
    std::error_code ec;
    fs::path path = target;
    // Through symbolic links (also dangling ones) to the file they name.
    for (int hops = 0; hops < 40 && fs::is_symlink(path, ec); ++hops) {
        const fs::path link = fs::read_symlink(path, ec);
        path = link.is_absolute() ? link : path.parent_path() / link;
    }
    const auto status = fs::status(path, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        if (fs::is_directory(status)) throw OutputError(target + " is a folder");
        FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) throw OutputError("cannot open " + target);
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        if (std::fclose(f) != 0 || !ok) throw OutputError("cannot write " + target);
        return;
    }
    try {
        // Whole or not at all, but not waited onto the disk: one document, like cp (batch
        // outputs, which a manifest vouches for, are synced).
        vanthu::core::write_file_atomically(path, bytes, vanthu::core::Sync::by_the_system);
    } catch (const std::runtime_error& e) {
        throw OutputError(e.what());
    }
}

}  // namespace vanthu::cli
