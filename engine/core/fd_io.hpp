// Whole reads and writes on file descriptors (pipes, files): retried after signals and short
// transfers, so callers see all of the bytes or a failure.
#pragma once

#include <cstddef>
#include <string_view>

namespace vanthu::core {

// Writes every byte; false (errno set) if the descriptor fails or is closed.
bool write_all(int fd, std::string_view bytes);

// Reads exactly `n` bytes; false at an error or at the end of input before `n`.
bool read_all(int fd, void* buf, std::size_t n);

}  // namespace vanthu::core
