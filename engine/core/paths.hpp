// Folders a file may come from: a file named by the data (a signature image) must lie in the
// data file's folder, a template's files in the template's folder, unless the user allows
// another folder (--allow-path). Symbolic links are resolved before the check, so neither
// "../", an absolute path nor a link leads out.
#pragma once

#include <filesystem>
#include <vector>

namespace vanthu::core {

// `path` made absolute with every symbolic link resolved; a part that does not exist yet is
// kept, made lexically normal (std::filesystem::weakly_canonical). Never throws.
std::filesystem::path resolved(const std::filesystem::path& path);

// Whether `inner` is `outer` or lies inside it; both must be resolved().
bool is_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

// Whether resolved(`file`) lies in resolved(f) for one of `folders`.
bool is_within_any(const std::filesystem::path& file,
                   const std::vector<std::filesystem::path>& folders);

}  // namespace vanthu::core
