#!/usr/bin/env bash
# Installs the Debian 12 packages vanthu needs to build, test and run; with the argument
# `fuzz` (the preset scripts/build.sh builds) also clang and its libFuzzer runtime. Idempotent:
# prints nothing and changes nothing when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libpango1.0-dev libcairo2-dev libharfbuzz-dev libfontconfig-dev libfreetype-dev libicu-dev
  libhpdf-dev libkainjow-mustache-dev nlohmann-json3-dev libyaml-cpp-dev libpugixml-dev
  libcli11-dev libqpdf-dev libcsv-dev libglib2.0-dev libssl-dev libp11-kit-dev zlib1g-dev
  libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-liberation2
  poppler-utils qpdf mupdf-tools openssl libnss3-tools softhsm2 opensc
)
# The fuzz targets (preset fuzz, scripts/fuzz.sh): clang-14 and libFuzzer with the sanitizers.
if [ "${1:-}" = fuzz ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
