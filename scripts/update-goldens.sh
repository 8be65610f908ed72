#!/usr/bin/env bash
# Rewrites the golden page traces tests/golden/<template>.trace from the built-in templates'
# example.yaml files, after a deliberate change to layout or to a template. It builds the e2e
# tests (preset: dev, or the one given), then runs the golden test with VANTHU_UPDATE_GOLDENS=1,
# which writes the traces instead of comparing them. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target e2e_tests -j"$(nproc)"
VANTHU_UPDATE_GOLDENS=1 "build/$preset/tests/e2e/e2e_tests" --gtest_filter='*Golden.*:GoldenSet.*'
git status --short -- tests/golden || true
