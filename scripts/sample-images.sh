#!/usr/bin/env bash
# Renders page 1 of every seed sample as a small PNG for docs/samples.md
# (docs/images/samples/<sample>-1.png, 40 dpi), page 1 of every built-in template's example for
# docs/templates.md (docs/images/templates/<template>-1.png, 40 dpi, grey), and README.md's page
# image (docs/images/cong-van-576-1.png, 50 dpi, grey). Run by hand after a layout change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
mkdir -p docs/images/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for seed in samples/*/SEED; do
  name=$(basename "$(dirname "$seed")")
  build/release/bin/vanthu render "samples/$name/data.yaml" -o "$tmp/$name.pdf" -q
  pdftoppm -r 40 -png -f 1 -l 1 -singlefile "$tmp/$name.pdf" "docs/images/samples/$name-1"
  echo "docs/images/samples/$name-1.png"
done
mkdir -p docs/images/templates
for example in templates/*/example.yaml; do
  name=$(basename "$(dirname "$example")")
  build/release/bin/vanthu render "$example" -o "$tmp/t-$name.pdf" -q
  pdftoppm -r 40 -gray -png -f 1 -l 1 -singlefile "$tmp/t-$name.pdf" "docs/images/templates/$name-1"
  echo "docs/images/templates/$name-1.png"
done
pdftoppm -r 50 -gray -png -f 1 -l 1 -singlefile "$tmp/cong-van-576.pdf" docs/images/cong-van-576-1
echo "docs/images/cong-van-576-1.png"
