// The exit statuses of the vanthu command (docs/cli.md), shared by its commands.
#pragma once

namespace vanthu::cli {

constexpr int kOk = 0;
constexpr int kCheckFailed = 1;  // verify: a signature is broken, untrusted or followed by changes
constexpr int kInputError = 2;   // bad data, template, markup, fonts or usage
constexpr int kOutputError = 3;  // the output could not be written
constexpr int kInternalError = 70;

}  // namespace vanthu::cli
