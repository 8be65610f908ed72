#include "core/paths.hpp"

namespace vanthu::core {

namespace fs = std::filesystem;

fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    if (ec) abs = path;
    fs::path real = fs::weakly_canonical(abs, ec);
    if (ec) real = abs;
    return real.lexically_normal();
}

bool is_within(const fs::path& inner, const fs::path& outer) {
    auto o = outer.begin(), i = inner.begin();
    for (; o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

bool is_within_any(const fs::path& file, const std::vector<fs::path>& folders) {
    const fs::path real = resolved(file);
    for (const auto& folder : folders)
        if (!folder.empty() && is_within(real, resolved(folder))) return true;
    return false;
}

}  // namespace vanthu::core
