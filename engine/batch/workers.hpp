// Running rows in worker processes. Pango must not lay out in two threads of one process
// (platform-facts Q7), so a batch forks workers: each builds its own fonts once and keeps
// the parent's loaded templates, takes jobs from a pipe and sends results back. Jobs are handed
// out as the rows file is read, so no process holds every row.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "batch/row.hpp"

namespace vanthu::batch {

struct WorkHooks {
    // Renders one row; runs in a worker process (or in this one with one job).
    std::function<RowResult(const Job&)> work;
    // Takes a result in this process; returns false to hand out no more rows.
    std::function<bool(RowResult&&)> done;
    // Called a few times a second while rows are in progress; returns false to stop.
    std::function<bool()> tick;
    // Checked with tick: true to stop at once, killing the workers of the rows in progress
    // (a SIGTERM or Ctrl-C must not wait for a row that may never end).
    std::function<bool()> interrupted;
    // Called in this process once a worker that ended in the middle of `job` (killed because
    // interrupted or over row_seconds, or dead on its own) has exited, with its process id: to
    // remove what it may have left behind.
    std::function<void(const Job& job, int pid)> abandoned;
    // A row still running after this many seconds has its worker killed and replaced, and comes
    // back as timed_out(job); 0: no limit. With a limit, rows always run in worker processes.
    double row_seconds = 0;
};

class Dispatcher {
  public:
    // Starts `jobs` worker processes (none for 1 without a row time limit: rows then run in this
    // process). The caller
    // must not have started Pango before (it is not safe to fork after), and should hold little
    // memory: the workers inherit it.
    Dispatcher(int jobs, const WorkHooks& hooks);
    ~Dispatcher();  // waits for the rows in progress, then for the workers to exit
    Dispatcher(const Dispatcher&) = delete;
    Dispatcher& operator=(const Dispatcher&) = delete;

    // Hands `job` to a free worker, taking results while waiting for one. False once a hook has
    // said stop: the job is not run, and no later one will be.
    bool submit(Job job);
    // Waits for the rows in progress and takes their results (kills them when interrupted).
    void finish();
    // True once hooks.interrupted() said so: the rows in progress were abandoned.
    bool interrupted() const { return interrupted_; }

  private:
    struct Pool;
    std::unique_ptr<Pool> pool_;
    const WorkHooks& hooks_;
    bool stopped_ = false;
    bool interrupted_ = false;
};

// Cores this process may run on.
int available_cores();

}  // namespace vanthu::batch
