#!/usr/bin/env bash
# Makes docs/images/signed-block.png, the picture of a signed signer's block in the guides:
# samples/cong-van-576 rendered with --sign, a throw-away key, and the signing tests' images
# (a blue signature and a red sample seal reading "MẪU", from tests/tools/test_images.hpp).
# Needs a built tree (default build/dev; BUILD=build/release to use another) and openssl,
# pdftoppm. Same build, same picture.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build/dev}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/tests/tools/sign_test_images" "$tmp"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
  -days 1 -subj "/CN=Chu ky mau" 2>/dev/null
openssl pkcs12 -export -inkey "$tmp/key.pem" -in "$tmp/cert.pem" -out "$tmp/key.p12" \
  -passout pass:mau
VANTHU_P12_PASSWORD=mau SOURCE_DATE_EPOCH=1796601600 "$build/bin/vanthu" render \
  "$root/samples/cong-van-576/data.yaml" --sign --p12 "$tmp/key.p12" \
  --signature-image "$tmp/chu-ky.png" --seal-image "$tmp/dau.png" -o "$tmp/signed.pdf"
# The lower right of page 1 at 100 dpi: the signer's block, from its title to the name.
pdftoppm -r 100 -f 1 -l 1 -singlefile -png -x 300 -y 790 -W 500 -H 300 \
  "$tmp/signed.pdf" "$root/docs/images/signed-block"
echo "wrote docs/images/signed-block.png"
