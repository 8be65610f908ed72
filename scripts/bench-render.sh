#!/usr/bin/env bash
# Wall time of one `vanthu render` of the plan (samples/ke-hoach-60), with `vanthu --version`
# (process start only) as a measure of how busy the machine is. Given two binaries, their runs
# alternate, so both see the same moments of a host whose speed changes from minute to minute;
# docs/performance.md has the figures it printed.
#
#   scripts/bench-render.sh [-n RUNS] VANTHU [VANTHU_B]
#
# Each run is one posix_spawn and wait from Python (about 0.3 ms of its own); the first five runs
# of each command are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=100
if [ "${1:-}" = -n ]; then
  runs=$2
  shift 2
fi
[ $# -ge 1 ] || { echo "usage: $0 [-n RUNS] VANTHU [VANTHU_B]" >&2; exit 2; }
out=$(mktemp -d /tmp/vanthu-bench-render.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$runs" "$out" "$@" <<'PY'
import os, statistics, sys, time

runs, out, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
commands = []
for i, b in enumerate(binaries):
    label = chr(ord("A") + i)
    commands.append((f"{label} render", [b, "render", "samples/ke-hoach-60/data.yaml",
                                         "-o", f"{out}/{label}.pdf"]))
    commands.append((f"{label} --version", [b, "--version"]))

def once(argv):
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    _, status = os.waitpid(pid, 0)
    took = (time.perf_counter_ns() - start) / 1e6
    if status != 0:
        sys.exit(f"{' '.join(argv)} failed (status {status})")
    return took

times = {name: [] for name, _ in commands}
for i in range(runs + 5):
    for name, argv in commands:
        t = once(argv)
        if i >= 5:
            times[name].append(t)

print(f"{'command':<14} {'median':>7} {'mean':>7} {'p10':>7} {'p90':>7}  (ms, {runs} runs each)")
for name, t in times.items():
    t.sort()
    n = len(t)
    print(f"{name:<14} {statistics.median(t):7.1f} {statistics.mean(t):7.1f} "
          f"{t[n // 10]:7.1f} {t[n * 9 // 10]:7.1f}")
PY
