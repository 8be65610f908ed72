#include "progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace vanthu::cli {

namespace {

std::string duration(double seconds) {
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

// "35.2 documents/s, 0:25 left" from what this run rendered (rows up to date take no time).
std::string pace(const BatchProgress& p) {
    const int rendered = p.written + p.failed;
    if (rendered == 0 || p.rendering_s <= 0) return "";
    const double rate = rendered / p.rendering_s;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f documents/s", rate);
    std::string out = buf;
    if (p.done < p.total) out += ", " + duration((p.total - p.done) / rate) + " left";
    return out;
}

}  // namespace

ProgressDisplay::ProgressDisplay(bool quiet)
    : quiet_(quiet), terminal_(isatty(STDERR_FILENO) == 1) {}

void ProgressDisplay::update(const BatchProgress& p) {
    if (quiet_ || p.total == 0) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = p.done == p.total;
    const int percent = p.done * 100 / p.total;
    std::string failed = p.failed ? ", " + std::to_string(p.failed) + " failed" : "";
    if (terminal_) {
        // At most ten redraws a second; the final state always.
        if (drawn_ && !last && now - last_ < std::chrono::milliseconds(100)) return;
        constexpr int kWidth = 24;
        const int filled = p.done * kWidth / p.total;
        std::string bar = std::string(static_cast<size_t>(filled), '#') +
                          std::string(static_cast<size_t>(kWidth - filled), '.');
        const std::string speed = pace(p);
        std::fprintf(stderr, "\r[%s] %d/%d %3d%%%s%s\033[K", bar.c_str(), p.done, p.total, percent,
                     speed.empty() ? "" : ("  " + speed).c_str(), failed.c_str());
        std::fflush(stderr);
        drawn_ = true;
        last_ = now;
        return;
    }
    // A line at every tenth, and at least every ten seconds.
    const int tenth = p.done * 10 / p.total;
    if (tenth == last_tenth_ && now - last_ < std::chrono::seconds(10)) return;
    if (p.done == 0 && last_tenth_ >= 0) return;
    last_tenth_ = tenth;
    last_ = now;
    const std::string speed = pace(p);
    std::fprintf(stderr, "batch: %d/%d done (%d%%)%s%s\n", p.done, p.total, percent,
                 speed.empty() ? "" : (", " + speed).c_str(), failed.c_str());
    std::fflush(stderr);
}

void ProgressDisplay::finish() {
    if (terminal_ && drawn_) std::fputc('\n', stderr);
    drawn_ = false;
}

}  // namespace vanthu::cli
