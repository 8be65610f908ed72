// The "vanthu templates" subcommand: which templates exist and what each takes, for a clerk
// choosing one (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace vanthu::cli {

class TemplatesCommand {
  public:
    explicit TemplatesCommand(CLI::App& app);  // registers the subcommand and its options
    bool parsed() const;
    int run();  // the exit status (docs/cli.md); prints every message itself

  private:
    std::string name_;
    std::string data_dir_;
    CLI::App* cmd_ = nullptr;
};

}  // namespace vanthu::cli
