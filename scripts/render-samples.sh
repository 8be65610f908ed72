#!/usr/bin/env bash
# Sets up, builds, and renders every sample into out/<sample>.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
mkdir -p out
status=0
for data in samples/*/data.yaml samples/*/data.json; do
  [ -e "$data" ] || continue
  name=$(basename "$(dirname "$data")")
  if build/release/bin/vanthu render "$data" -o "out/$name.pdf"; then
    echo "out/$name.pdf"
  else
    status=2
  fi
done
exit $status
