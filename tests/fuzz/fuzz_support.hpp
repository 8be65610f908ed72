// Shared by the libFuzzer targets: the input as text, where the project's files are, and the
// messages of a failure formatted as the vanthu command prints them (that code runs on
// hostile text too).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/diagnostics.hpp"

namespace vanthu::fuzz {

inline std::string text_of(const uint8_t* data, size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// The source tree (templates/, samples/, fonts/), fixed at build time.
inline std::filesystem::path source_dir() { return VANTHU_SOURCE_DIR; }

inline void format_all(const std::vector<core::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) core::format(d);
}

}  // namespace vanthu::fuzz
