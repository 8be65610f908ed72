// The "vanthu batch" subcommand: one document per row of a rows file (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

namespace vanthu::cli {

class BatchCommand {
  public:
    explicit BatchCommand(CLI::App& app);  // registers the subcommand and its options
    ~BatchCommand();
    bool parsed() const;
    int run();  // the exit status (docs/cli.md); prints every message itself

  private:
    struct Options;
    std::unique_ptr<Options> o_;
    CLI::App* cmd_ = nullptr;
};

}  // namespace vanthu::cli
