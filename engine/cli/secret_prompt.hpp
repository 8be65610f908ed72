// Asking for a password or PIN at the terminal, without showing what is typed.
#pragma once

#include <optional>
#include <string>

namespace vanthu::cli {

// Reads one line from the controlling terminal with echo off, after printing `prompt` there.
// nullopt when there is no terminal (a script, a service): the caller must then say where
// else the secret can come from.
std::optional<std::string> read_secret(const std::string& prompt);

}  // namespace vanthu::cli
