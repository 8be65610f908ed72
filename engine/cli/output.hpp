// Writing a command's result: standard output, a file replaced whole, or a device.
#pragma once

#include <stdexcept>
#include <string>

namespace vanthu::cli {

// A failure to write the result (exit status 3), as opposed to a bug.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes `bytes` to `target`: "-" is standard output; a regular file (or a new one) is
// written atomically, through a symbolic link to its target; a device or pipe is written
// directly, never replaced. Throws OutputError.
void write_output(const std::string& target, const std::string& bytes);

}  // namespace vanthu::cli
