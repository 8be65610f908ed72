// The "vanthu preview" subcommand: page images of a draft, to check before issuing
// (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

namespace vanthu::cli {

class PreviewCommand {
  public:
    explicit PreviewCommand(CLI::App& app);  // registers the subcommand and its options
    ~PreviewCommand();
    bool parsed() const;
    int run();  // the exit status (docs/cli.md); prints every message itself

  private:
    struct Options;
    std::unique_ptr<Options> o_;
    CLI::App* cmd_ = nullptr;
};

}  // namespace vanthu::cli
