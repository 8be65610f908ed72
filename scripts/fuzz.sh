#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz: clang, ASan + UBSan) and runs each for SECONDS
# (default 60), one after another, then prints per target the executions, the coverage
# (cov: edges, ft: features), the corpus size and the crashes. Fails when any target found a
# crash, a hang (an input over its -timeout), a leak or ran out of memory.
#
#   scripts/fuzz.sh                     every target for 60 s (the smoke run .ci/run does)
#   scripts/fuzz.sh 3600 render markup  those two targets for an hour each
#   FUZZ_KEEP_GOING=1 scripts/fuzz.sh 28800
#                                       for hours: a target goes on after a crash (libFuzzer's
#                                       -fork=1 -ignore_crashes=1 …) and every crash is kept
#
# Corpora grow in build/fuzz/corpus/<target>/ from run to run (seeded from build/fuzz/seeds/,
# made by fuzz_seeds from samples/, templates/ and tests/, and from tests/fuzz/corpus/<target>/,
# the regression inputs every normal build replays). Crashing inputs land in
# build/fuzz/crashes/<target>/ and the log of each run in build/fuzz/logs/<target>.log; replay
# one with `build/fuzz/fuzzers/fuzz_<target> FILE`. A crash found becomes a regression input:
# copy it to tests/fuzz/corpus/<target>/ once fixed (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(data_yaml data_json rows_csv rows_jsonl manifest expand_template expand_data
             inline_markup markup pdf_update verify render)
seconds=${1:-60}
if [ $# -gt 0 ]; then shift; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi
for t in "${targets[@]}"; do
  if [[ ! " ${all_targets[*]} " =~ " $t " ]]; then
    echo "unknown fuzz target \"$t\" (known: ${all_targets[*]})" >&2
    exit 2
  fi
done

scripts/build.sh fuzz >/dev/null
out=build/fuzz
rm -rf "$out/seeds"
"$out/fuzzers/fuzz_seeds" "$out/seeds"

# The dictionary of a target: markup and templates, or YAML/JSON data.
dict_of() {
  case $1 in
    markup | expand_template | inline_markup) echo tests/fuzz/markup.dict ;;
    pdf_update | verify) echo "" ;;
    *) echo tests/fuzz/data.dict ;;
  esac
}

# Seconds one input may take before it counts as a hang (the render under ASan is slow).
timeout_of() {
  case $1 in
    render) echo 60 ;;
    *) echo 20 ;;
  esac
}

# Leaks are crashes too, except Pango's own (tests/fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()
printf '%-16s %7s %11s %8s %7s %7s %7s %8s\n' target seconds execs exec/s cov ft corpus crashes
for t in "${targets[@]}"; do
  corpus=$out/corpus/$t crashes=$out/crashes/$t log=$out/logs/$t.log
  mkdir -p "$corpus" "$crashes" "$out/logs"
  before=$(find "$crashes" -type f | wc -l)
  args=(-max_total_time="$seconds" -timeout="$(timeout_of "$t")" -rss_limit_mb=2048
        -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/")
  dict=$(dict_of "$t")
  if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  seeds=("$out/seeds/$t")
  if [ -d "tests/fuzz/corpus/$t" ]; then seeds+=("tests/fuzz/corpus/$t"); fi
  start=$SECONDS
  rc=0
  "$out/fuzzers/fuzz_$t" "${args[@]}" "$corpus" "${seeds[@]}" </dev/null >"$log" 2>&1 || rc=$?
  took=$((SECONDS - start))
  # The last status line: "#N DONE cov: C ft: F corp: …" (or "#N: cov: C ft: F corp: …" when
  # forking); the executions from -print_final_stats, else from that line.
  status=$(grep -E '^#[0-9]+:?[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED|cov:)' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$status")
  execs=$(sed -nE 's/^stat::number_of_executed_units: ([0-9]+)/\1/p' "$log" | tail -1)
  if [ -z "$execs" ]; then execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$status"); fi
  rate=$(sed -nE 's/^stat::average_exec_per_sec: ([0-9]+)/\1/p' "$log" | tail -1)
  if [ -z "$rate" ]; then rate=$(( ${execs:-0} / (took > 0 ? took : 1) )); fi
  corp=$(find "$corpus" -type f | wc -l)
  found=$(($(find "$crashes" -type f | wc -l) - before))
  if [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi  # died leaving no input
  printf '%-16s %7s %11s %8s %7s %7s %7s %8s\n' "$t" "$took" "${execs:-?}" \
    "$rate" "${cov:-?}" "${ft:-?}" "$corp" "$found"
  if [ "$found" -gt 0 ]; then failed+=("$t"); fi
done

if [ ${#failed[@]} -gt 0 ]; then
  for t in "${failed[@]}"; do
    echo
    echo "== $t: crashes in $out/crashes/$t/, log $out/logs/$t.log"
    # -m, not "| head": head closing the pipe early would make pipefail report grep's SIGPIPE
    # (exit 141) instead of the crash.
    grep -m 30 -E '^==[0-9]+==ERROR|SUMMARY|^ +#[0-9]+ 0x|deadly signal|Test unit written' \
      "$out/logs/$t.log" || true
  done
  exit 1
fi
