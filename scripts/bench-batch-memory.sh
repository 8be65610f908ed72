#!/usr/bin/env bash
# Batch memory against the number of rows: peak resident memory of the main process and of the
# largest worker for rows files of growing size. docs/performance.md has the figures it printed.
#
#   scripts/bench-batch-memory.sh [VANTHU] [RENDERED]
#
# Every run reads, checks and names all its rows but renders only RENDERED documents (default
# 1000; the first slice of --shard), so that what grows with the rows is not hidden by how many
# documents are rendered. RENDERED=all renders every row (10,000 rows take about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
vanthu=${1:-build/release/bin/vanthu}
rendered=${2:-1000}
work=$(mktemp -d /tmp/vanthu-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s %10s %10s %12s %14s\n' rows rendered wall "main peak" "worker peak"
for n in 1000 10000 100000; do
  scripts/make-rows.py "$n" >"$work/rows.jsonl"
  shard=()
  count=$n
  if [ "$rendered" != all ] && [ "$n" -gt "$rendered" ]; then
    shard=(--shard "1/$((n / rendered))")
    count=$rendered
  fi
  rm -rf "$work/out"
  start=$(date +%s.%N)
  "$vanthu" batch --data samples/batch/common.yaml --rows "$work/rows.jsonl" \
    --out "$work/out" --name '{{ma}}.pdf' "${shard[@]}" 2>"$work/log"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  main=$(sed -n 's/.*peak memory \([0-9]*\) MB.*/\1/p' "$work/log")
  worker=$(sed -n 's/.*largest worker \([0-9]*\) MB.*/\1/p' "$work/log")
  printf '%8s %10s %9.1fs %9s MB %11s MB\n' "$n" "$count" "$wall" "$main" "${worker:--}"
done
