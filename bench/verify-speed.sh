#!/usr/bin/env bash
# Benchmark (not a test): verifies one corpus with `ikkatsu-cli verify` and with `pdfsig` (one process per file, as
# its CLI requires) in the same run. Every file is signed twice, so the first signature of each has a later
# revision to analyse; files signed once (no analysis) are timed too, to show what difference analysis costs.
# Usage: bench/verify-speed.sh [SMALL MEDIUM]   (file counts; default 200 20)
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-200}" medium="${2:-20}"
scripts/build default >/dev/null
bin=build/app/ikkatsu-cli
work="${BENCH_DIR:-build/bench-verify}"
pin=bench1234
rm -rf "$work"; mkdir -p "$work/corpus" "$work/once" "$work/twice"
build/bench/ikkatsu-make-corpus --out "$work/corpus" --count "$small" --pages 2 --prefix small 2>/dev/null
build/bench/ikkatsu-make-corpus --out "$work/corpus" --count "$medium" --pages 4 --payload-kb 2000 --prefix medium 2>/dev/null
printf '%s\n' "$pin" | "$bin" keystore create --out "$work/me.p12" --self-signed --name Bench --pin-stdin >/dev/null
printf '%s\n' "$pin" | "$bin" sign --keystore "$work/me.p12" --pin-stdin --out-dir "$work/once" "$work"/corpus/*.pdf >/dev/null
printf '%s\n' "$pin" | "$bin" sign --keystore "$work/me.p12" --pin-stdin --out-dir "$work/twice" "$work"/once/*.pdf >/dev/null
count=$(ls "$work"/twice/*.pdf | wc -l)
cat "$work"/once/*.pdf "$work"/twice/*.pdf >/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }
pdfsig_all() { for f in "$@"; do pdfsig "$f" >/dev/null 2>&1 || true; done; }
# ikkatsu-cli verify takes many files in one process; also run it once per file for a fair comparison with pdfsig.
ikkatsu_each() { for f in "$@"; do "$bin" verify "$f" >/dev/null 2>&1 || true; done; }

once=$(seconds "$bin" verify "$work"/once/*.pdf)
twice=$(seconds "$bin" verify "$work"/twice/*.pdf)
twice_each=$(seconds ikkatsu_each "$work"/twice/*.pdf)
pdfsig_twice=$(seconds pdfsig_all "$work"/twice/*.pdf)
if "$bin" verify "$work"/twice/*.pdf >/dev/null; then verdict="all signatures passed"; else verdict="SOME FAILED"; fi

echo "corpus: $count files, signed once and twice ($verdict)"
echo "ikkatsu verify, one process, signed once (no later revision):  ${once} s"
echo "ikkatsu verify, one process, signed twice (analysis of sig 1): ${twice} s"
echo "ikkatsu verify, one process per file, signed twice:            ${twice_each} s"
echo "pdfsig, one process per file, signed twice:                    ${pdfsig_twice} s"
awk -v a="$twice" -v b="$once" 'BEGIN { printf "two signatures with analysis vs one without: %.2fx\n", a / b }'
awk -v a="$pdfsig_twice" -v b="$twice_each" 'BEGIN { printf "pdfsig / ikkatsu (per-file processes): %.2fx\n", a / b }'
