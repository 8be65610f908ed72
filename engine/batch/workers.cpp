#include "batch/workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "core/allocator.hpp"

namespace vanthu::batch {

namespace {

bool read_full(int fd, void* buf, size_t n) {
    auto* p = static_cast<char*>(buf);
    while (n > 0) {
        const ssize_t got = ::read(fd, p, n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        p += got;
        n -= static_cast<size_t>(got);
    }
    return true;
}

bool write_full(int fd, const void* buf, size_t n) {
    const auto* p = static_cast<const char*>(buf);
    while (n > 0) {
        const ssize_t put = ::write(fd, p, n);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) return false;
        p += put;
        n -= static_cast<size_t>(put);
    }
    return true;
}

std::string describe(int status) {
    if (WIFSIGNALED(status))
        return "its worker process was stopped by signal " + std::to_string(WTERMSIG(status)) +
               " (" + strsignal(WTERMSIG(status)) + ")";
    if (WIFEXITED(status))
        return "its worker process ended with status " + std::to_string(WEXITSTATUS(status));
    return "its worker process ended";
}

struct Worker {
    pid_t pid = -1;
    int task_fd = -1;    // row numbers to the worker
    int result_fd = -1;  // results from it
    int64_t busy = -1;   // the row in progress
};

[[noreturn]] void worker_main(int task_fd, int result_fd, const WorkHooks& hooks,
                              const Plan& plan) {
    // Ctrl-C and SIGTERM go to the parent, which lets the rows in progress finish.
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
    std::signal(SIGPIPE, SIG_DFL);
    core::keep_freed_memory();  // a worker renders document after document
    for (;;) {
        uint64_t index = 0;
        if (!read_full(task_fd, &index, sizeof index)) _exit(0);
        RowResult r;
        try {
            r = hooks.work(static_cast<size_t>(index));
        } catch (const std::exception& e) {
            r = crashed(plan, static_cast<size_t>(index), e.what());
        }
        const std::string message = to_json(r).dump();
        const uint64_t length = message.size();
        if (!write_full(result_fd, &length, sizeof length) ||
            !write_full(result_fd, message.data(), message.size()))
            _exit(0);
    }
}

class Pool {
  public:
    Pool(const WorkHooks& hooks, const Plan& plan) : hooks_(hooks), plan_(plan) {
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
            worker_main(task[0], result[1], hooks_, plan_);
        }
        close(task[0]);
        close(result[1]);
        return Worker{pid, task[1], result[0], -1};
    }

    // Hands row `index` to `w`, replacing `w` once if it has died.
    void give(Worker& w, size_t index) {
        const uint64_t value = index;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (write_full(w.task_fd, &value, sizeof value)) {
                w.busy = static_cast<int64_t>(index);
                return;
            }
            close_worker(w);
            w = spawn();
        }
        throw std::runtime_error("worker processes die before taking work");
    }

    // Reads `w`'s next result; false if it died (then it is closed and reaped).
    bool receive(Worker& w, RowResult& out) {
        uint64_t length = 0;
        std::string message;
        if (read_full(w.result_fd, &length, sizeof length) && length < (1u << 30)) {
            message.resize(length);
            if (read_full(w.result_fd, message.data(), length)) {
                try {
                    out = row_result_from_json(nlohmann::json::parse(message));
                    w.busy = -1;
                    return true;
                } catch (const std::exception&) {
                }
            }
        }
        const size_t index = static_cast<size_t>(w.busy);
        const int status = close_worker(w);
        out = crashed(plan_, index, describe(status));
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

  private:
    const WorkHooks& hooks_;
    const Plan& plan_;
    struct sigaction old_pipe_ {};
};

}  // namespace

int available_cores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? static_cast<int>(online) : 1;
}

void run_rows(int jobs, const std::vector<size_t>& todo, const WorkHooks& hooks, const Plan& plan) {
    if (todo.empty()) return;
    if (jobs <= 1) {
        for (size_t index : todo) {
            if (!hooks.tick()) return;
            RowResult r;
            try {
                r = hooks.work(index);
            } catch (const std::exception& e) {
                r = crashed(plan, index, e.what());
            }
            if (!hooks.done(std::move(r))) return;
        }
        return;
    }

    Pool pool(hooks, plan);
    size_t next = 0;
    bool handing = true;
    const size_t n = std::min(static_cast<size_t>(jobs), todo.size());
    for (size_t i = 0; i < n; ++i) {
        pool.workers_.push_back(pool.spawn());
        pool.give(pool.workers_.back(), todo[next++]);
    }
    std::vector<pollfd> fds;
    std::vector<size_t> owner;
    for (;;) {
        fds.clear();
        owner.clear();
        for (size_t i = 0; i < pool.workers_.size(); ++i)
            if (pool.workers_[i].busy >= 0) {
                fds.push_back({pool.workers_[i].result_fd, POLLIN, 0});
                owner.push_back(i);
            }
        if (fds.empty()) break;
        const int ready = poll(fds.data(), fds.size(), 200);
        if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");
        if (!hooks.tick()) handing = false;
        if (ready <= 0) continue;
        for (size_t k = 0; k < fds.size(); ++k) {
            if (fds[k].revents == 0) continue;
            Worker& w = pool.workers_[owner[k]];
            RowResult r;
            const bool alive = pool.receive(w, r);
            if (!hooks.done(std::move(r))) handing = false;
            if (!handing || next >= todo.size()) continue;
            if (!alive) w = pool.spawn();
            pool.give(w, todo[next++]);
        }
    }
}

}  // namespace vanthu::batch
