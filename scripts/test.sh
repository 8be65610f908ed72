#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (preset: dev, or asan-ubsan).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
scripts/build.sh "$preset"
ctest --preset "$preset" -j"$(nproc)"
