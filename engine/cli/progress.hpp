// Progress of a batch on standard error: a bar redrawn in place on a terminal, a plain line
// now and then otherwise (logs, CI), nothing when quiet.
#pragma once

#include <chrono>

#include "vanthu/batch.hpp"

namespace vanthu::cli {

class ProgressDisplay {
  public:
    explicit ProgressDisplay(bool quiet);
    void update(const BatchProgress& p);
    void finish();  // ends the bar's line

  private:
    bool quiet_;
    bool terminal_;
    bool drawn_ = false;
    int last_tenth_ = -1;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace vanthu::cli
