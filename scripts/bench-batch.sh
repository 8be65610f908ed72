#!/usr/bin/env bash
# Batch throughput: vanthu against Typst 0.14 on the same plan (seed 004), side by side in one
# run, with peak memory. docs/performance.md has the figures this printed.
#
#   scripts/bench-batch.sh [N] [VANTHU]     N documents (default 1000); VANTHU the binary
#                                           (default build/release/bin/vanthu)
#   TYPST=0 scripts/bench-batch.sh ...      vanthu only
#   SIGN=0 scripts/bench-batch.sh ...       without the signed run
#
# The signed run: the same N documents unsigned and then signed (PAdES, an RSA-2048 key in a
# PKCS#12 file this script makes with openssl) at the same -j (JOBS, default every core), each
# with documents per second and CPU time (user + system, workers included) per document.
#
# Typst runs through the npm package of ../shared/peers/README.md, installed in
# /tmp/peers-npm (see there); it is skipped when node or the package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
vanthu=${2:-build/release/bin/vanthu}
work=$(mktemp -d /tmp/vanthu-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# N rows: the 30 units of samples/batch/rows.csv over and over, each with its own number and name.
scripts/make-rows.py "$n" >"$work/rows.jsonl"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== vanthu batch, $n documents, every core"
/usr/bin/time -f "vanthu: %e s wall, %U s user, %S s system, %M kB peak (largest process)" \
  "$vanthu" batch --data samples/batch/common.yaml --rows "$work/rows.jsonl" \
  --out "$work/vanthu" --name '{{ma}}.pdf'
echo "pages in the first document: $(pdfinfo "$work/vanthu/00001-ba-dinh.pdf" | awk '/^Pages/ {print $2}')"

if [ "${SIGN:-1}" = 1 ]; then
  jobs=${JOBS:-$(nproc)}
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -days 2 -subj '/CN=bench signer' 2>/dev/null
  openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/key.p12" \
    -passout pass:bench
  # wall s, user s, system s -> "D documents/s, C ms CPU per document"
  rate() { awk -v n="$n" '{ printf "%.2f s wall, %.1f documents/s, %.1f ms CPU per document (user %.2f s, system %.2f s)\n", $1, n / $1, 1000 * ($2 + $3) / n, $2, $3 }'; }
  for kind in unsigned signed; do
    extra=()
    [ "$kind" = signed ] && extra=(--sign --p12 "$work/key.p12")
    VANTHU_P12_PASSWORD=bench /usr/bin/time -f "%e %U %S" -o "$work/time-$kind" \
      "$vanthu" batch -q -j "$jobs" --data samples/batch/common.yaml --rows "$work/rows.jsonl" \
      --out "$work/$kind" --name '{{ma}}.pdf' "${extra[@]}"
    echo "== vanthu batch -j $jobs, $n documents, $kind: $(rate <"$work/time-$kind")"
  done
  first=$(ls "$work/signed" | grep -m1 '\.pdf$')
  echo "signature of the first signed document: $(pdfsig "$work/signed/$first" 2>&1 |
    grep -m1 -o 'Signature Validation: .*')"
fi

peers=../shared/peers
if [ "${TYPST:-1}" = 1 ] && command -v node >/dev/null &&
   [ -d /tmp/peers-npm/node_modules/@myriaddreamin/typst-ts-node-compiler ]; then
  echo "== Typst 0.14, $n documents, one process (one warm compiler)"
  cp -r "$peers" "$work/peers"
  python3 "$work/peers/data/gen_variants.py" "$n" >/dev/null
  mkdir -p "$work/typst"
  args=()
  for i in $(seq 1 "$n"); do
    args+=("$work/typst/p$i.pdf" "/data/variants/plan_$(printf %03d "$i").json")
  done
  NODE_PATH=/tmp/peers-npm/node_modules /usr/bin/time \
    -f "typst: %e s wall, %U s user, %S s system, %M kB peak" \
    node "$work/peers/typst/typst-node.js" "${args[@]}"
  echo "pages in the first document: $(pdfinfo "$work/typst/p1.pdf" | awk '/^Pages/ {print $2}')"
fi
