// Running rows in worker processes. Pango must not lay out in two threads of one process
// (platform-facts Q7), so a batch forks workers: each builds its own fonts once and keeps
// the parent's loaded templates, takes row numbers from a pipe and sends results back.
#pragma once

#include <functional>
#include <vector>

#include "batch/row.hpp"

namespace vanthu::batch {

struct WorkHooks {
    // Renders one row; runs in a worker process (or in this one with one job).
    std::function<RowResult(size_t index)> work;
    // Takes a result in this process; returns false to hand out no more rows.
    std::function<bool(RowResult&&)> done;
    // Called a few times a second while rows are in progress; returns false to stop.
    std::function<bool()> tick;
};

// Runs `hooks.work` for each of `todo` in `jobs` processes (1: in this process, no fork).
// Rows already handed out always finish. A worker that dies is reported as an internal error
// of its row and replaced. The caller must not have started Pango before (it is not safe to
// fork after).
void run_rows(int jobs, const std::vector<size_t>& todo, const WorkHooks& hooks, const Plan& plan);

// Cores this process may run on.
int available_cores();

}  // namespace vanthu::batch
