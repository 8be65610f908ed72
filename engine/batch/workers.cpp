#include "batch/workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/allocator.hpp"
#include "core/fd_io.hpp"

namespace vanthu::batch {

namespace {

std::string describe(int status) {
    if (WIFSIGNALED(status))
        return "its worker process was stopped by signal " + std::to_string(WTERMSIG(status)) +
               " (" + strsignal(WTERMSIG(status)) + ")";
    if (WIFEXITED(status))
        return "its worker process ended with status " + std::to_string(WEXITSTATUS(status));
    return "its worker process ended";
}

bool send(int fd, const std::string& message) {
    const uint64_t length = message.size();
    return core::write_all(fd, {reinterpret_cast<const char*>(&length), sizeof length}) &&
           core::write_all(fd, message);
}

bool receive_message(int fd, std::string& message) {
    uint64_t length = 0;
    if (!core::read_all(fd, &length, sizeof length) || length >= (1u << 30)) return false;
    message.resize(length);
    return core::read_all(fd, message.data(), length);
}

// Runs one row; an exception escaping the work is the row's internal error, not the batch's.
RowResult run_job(const WorkHooks& hooks, const Job& job) {
    try {
        return hooks.work(job);
    } catch (const std::exception& e) {
        return crashed(job, e.what());
    }
}

using Clock = std::chrono::steady_clock;

struct Worker {
    pid_t pid = -1;
    int task_fd = -1;    // jobs to the worker
    int result_fd = -1;  // results from it
    bool busy = false;
    Job job;  // the row in progress, its data left out
    Clock::time_point started;
};

[[noreturn]] void worker_main(int task_fd, int result_fd, const WorkHooks& hooks) {
    // Ctrl-C and SIGTERM go to the parent, which lets the rows in progress finish.
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
    std::signal(SIGPIPE, SIG_DFL);
    core::keep_freed_memory();  // a worker renders document after document
    std::string message;
    for (;;) {
        if (!receive_message(task_fd, message)) _exit(0);
        Job job;
        try {
            job = job_from_message(message);
        } catch (const std::exception& e) {
            if (!send(result_fd, to_message(crashed(job, e.what())))) _exit(0);
            continue;
        }
        if (!send(result_fd, to_message(run_job(hooks, job)))) _exit(0);
    }
}

}  // namespace

struct Dispatcher::Pool {
    explicit Pool(const WorkHooks& hooks) : hooks_(hooks) {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        // A dead worker's pipe then gives EPIPE instead of killing this process.
        sigaction(SIGPIPE, &ignore, &old_pipe_);
    }
    ~Pool() {
        // Workers see the end of their input and exit once their row is written.
        for (auto& w : workers_) close_worker(w);
        sigaction(SIGPIPE, &old_pipe_, nullptr);
    }

    std::vector<Worker> workers_;

    Worker spawn() {
        int task[2], result[2];
        if (pipe2(task, O_CLOEXEC) != 0) throw std::runtime_error("cannot make a pipe");
        if (pipe2(result, O_CLOEXEC) != 0) {
            close(task[0]);
            close(task[1]);
            throw std::runtime_error("cannot make a pipe");
        }
        std::fflush(nullptr);  // or the child would write this process's buffered output again
        const pid_t parent = getpid();
        const pid_t pid = fork();
        if (pid < 0)
            throw std::runtime_error(std::string("cannot start a worker process: ") +
                                     std::strerror(errno));
        if (pid == 0) {
            for (auto& w : workers_) {
                if (w.task_fd >= 0) close(w.task_fd);
                if (w.result_fd >= 0) close(w.result_fd);
            }
            close(task[1]);
            close(result[0]);
            prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a killed batch
            if (getppid() != parent) _exit(0);
            worker_main(task[0], result[1], hooks_);
        }
        close(task[0]);
        close(result[1]);
        return Worker{pid, task[1], result[0], false, {}, {}};
    }

    // Hands `job` to `w`, replacing `w` once if it has died.
    void give(Worker& w, Job&& job) {
        const std::string message = to_message(job);
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (send(w.task_fd, message)) {
                w.busy = true;
                w.job = {job.index, job.line, std::move(job.file), std::move(job.input), nullptr};
                w.started = Clock::now();
                return;
            }
            close_worker(w);
            w = spawn();
        }
        throw std::runtime_error("worker processes die before taking work");
    }

    // Reads `w`'s next result; false if it died (then it is closed and reaped, and replaced).
    bool receive(Worker& w, RowResult& out) {
        std::string message;
        if (receive_message(w.result_fd, message)) {
            try {
                out = row_result_from_message(message);
                w.busy = false;
                return true;
            } catch (const std::exception&) {
            }
        }
        const Job job = std::move(w.job);
        const pid_t pid = w.pid;
        const int status = close_worker(w);
        // A worker that died on its own (the OOM killer, a crash) may have left its temporary.
        if (hooks_.abandoned) hooks_.abandoned(job, pid);
        out = crashed(job, describe(status));
        w = spawn();
        return false;
    }

    int close_worker(Worker& w) {
        int status = 0;
        if (w.task_fd >= 0) close(w.task_fd);
        if (w.result_fd >= 0) close(w.result_fd);
        if (w.pid > 0)
            while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
            }
        w = Worker{};
        return status;
    }

    // Kills `w` in the middle of its row and waits for it; the row is abandoned.
    Job kill_worker(Worker& w) {
        const pid_t pid = w.pid;
        Job job = std::move(w.job);
        if (pid > 0) kill(pid, SIGKILL);
        close_worker(w);
        if (hooks_.abandoned) hooks_.abandoned(job, pid);
        return job;
    }

    // Stops every row in progress at once (an interrupt): nothing more is handed out.
    void kill_busy() {
        for (auto& w : workers_)
            if (w.busy) kill_worker(w);
    }

    // Rows over their time: the worker is killed and replaced, the row reported timed out.
    bool take_timeouts() {
        if (hooks_.row_seconds <= 0) return true;
        bool go_on = true;
        const auto limit = std::chrono::duration<double>(hooks_.row_seconds);
        for (auto& w : workers_) {
            if (!w.busy || Clock::now() - w.started < limit) continue;
            const Job job = kill_worker(w);
            w = spawn();
            if (!hooks_.done(timed_out(job, hooks_.row_seconds))) go_on = false;
        }
        return go_on;
    }

    // Waits up to 200 ms for results and hands each to hooks.done; false once a hook said stop.
    bool take_results() {
        fds_.clear();
        owner_.clear();
        for (size_t i = 0; i < workers_.size(); ++i)
            if (workers_[i].busy) {
                fds_.push_back({workers_[i].result_fd, POLLIN, 0});
                owner_.push_back(i);
            }
        if (fds_.empty()) return true;
        const int ready = poll(fds_.data(), fds_.size(), 200);
        if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");
        bool go_on = hooks_.tick();
        if (hooks_.interrupted && hooks_.interrupted()) {
            kill_busy();
            interrupted = true;
            return false;
        }
        if (!take_timeouts()) go_on = false;
        if (ready <= 0) return go_on;
        for (size_t k = 0; k < fds_.size(); ++k) {
            if (fds_[k].revents == 0 || !workers_[owner_[k]].busy) continue;
            RowResult r;
            receive(workers_[owner_[k]], r);
            if (!hooks_.done(std::move(r))) go_on = false;
        }
        return go_on;
    }

    Worker* idle() {
        for (auto& w : workers_)
            if (!w.busy) return &w;
        return nullptr;
    }
    bool any_busy() const {
        for (const auto& w : workers_)
            if (w.busy) return true;
        return false;
    }

    bool interrupted = false;

  private:
    const WorkHooks& hooks_;
    struct sigaction old_pipe_ {};
    std::vector<pollfd> fds_;
    std::vector<size_t> owner_;
};

int available_cores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? static_cast<int>(online) : 1;
}

Dispatcher::Dispatcher(int jobs, const WorkHooks& hooks) : hooks_(hooks) {
    if (jobs <= 1 && hooks.row_seconds <= 0) return;
    jobs = std::max(jobs, 1);
    pool_ = std::make_unique<Pool>(hooks);
    for (int i = 0; i < jobs; ++i) pool_->workers_.push_back(pool_->spawn());
}

Dispatcher::~Dispatcher() {
    try {
        finish();
    } catch (...) {  // the workers still exit when the pool closes their pipes
    }
}

bool Dispatcher::submit(Job job) {
    if (stopped_) return false;
    if (!pool_) {
        if (!hooks_.tick()) {
            stopped_ = true;
            return false;
        }
        if (!hooks_.done(run_job(hooks_, job))) stopped_ = true;
        return true;
    }
    Worker* w = pool_->idle();
    while (!w) {
        if (!pool_->take_results()) {
            stopped_ = true;
            interrupted_ = pool_->interrupted;
            return false;
        }
        w = pool_->idle();
    }
    pool_->give(*w, std::move(job));
    return true;
}

void Dispatcher::finish() {
    if (!pool_) return;
    while (pool_->any_busy())
        if (!pool_->take_results()) stopped_ = true;
    interrupted_ = pool_->interrupted;
}

}  // namespace vanthu::batch
