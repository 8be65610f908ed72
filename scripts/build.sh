#!/usr/bin/env bash
# Configures and builds one CMake preset (default: dev).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
scripts/install-deps.sh "$preset"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
