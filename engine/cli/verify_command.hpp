// "vanthu verify": the signatures of a PDF, each checked (docs/cli.md, "vanthu verify").
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

namespace vanthu::cli {

class VerifyCommand {
  public:
    explicit VerifyCommand(CLI::App& app);
    ~VerifyCommand();
    bool parsed() const;
    int run();  // 0: every signature good; 1: one is not; 2: bad input

  private:
    struct Options;
    std::unique_ptr<Options> o_;
    CLI::App* cmd_ = nullptr;
};

}  // namespace vanthu::cli
