#!/usr/bin/env bash
# Benchmark (not a test): signing speed of encrypted PDFs (RC4-128, AES-128, AES-256, owner password only)
# against the same files unencrypted, with `ikkatsu-cli sign`; prints files/s and MB/s per kind.
# Usage: bench/sign-encrypted.sh [SMALL MEDIUM]   (file counts; default 200 20)
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-200}" medium="${2:-20}"
[ -n "${BENCH_NO_BUILD:-}" ] || scripts/build default >/dev/null
bin=build/app/ikkatsu-cli
work="${BENCH_DIR:-build/bench-encrypted}"
pin=bench1234
rm -rf "$work"; mkdir -p "$work/plain"
build/bench/ikkatsu-make-corpus --out "$work/plain" --count "$small" --pages 2 --prefix small 2>/dev/null
build/bench/ikkatsu-make-corpus --out "$work/plain" --count "$medium" --pages 4 --payload-kb 2000 --prefix medium 2>/dev/null
declare -A args=([rc4-128]="128 --use-aes=n" [aes-128]="128 --use-aes=y" [aes-256]="256")
for kind in rc4-128 aes-128 aes-256; do
    mkdir -p "$work/$kind"
    for f in "$work"/plain/*.pdf; do
        # shellcheck disable=SC2086 # the key length and options are separate words
        qpdf --allow-weak-crypto --encrypt "" owner ${args[$kind]} -- "$f" "$work/$kind/$(basename "$f")"
    done
done
printf '%s\n' "$pin" | "$bin" keystore create --out "$work/me.p12" --self-signed --name Bench --pin-stdin >/dev/null
for kind in plain rc4-128 aes-128 aes-256; do
    files=("$work/$kind"/*.pdf)
    bytes=$(du -cb "${files[@]}" | tail -1 | cut -f1)
    cat "${files[@]}" >/dev/null
    mkdir -p "$work/out-$kind"
    start=$(date +%s.%N)
    printf '%s\n' "$pin" | "$bin" sign --keystore "$work/me.p12" --pin-stdin --jobs "${JOBS:-1}" \
        --out-dir "$work/out-$kind" "${files[@]}" >/dev/null
    end=$(date +%s.%N)
    awk -v k="$kind" -v n="${#files[@]}" -v b="$bytes" -v s="$(echo "$end - $start" | bc)" \
        'BEGIN { printf "%-8s %4d files %6.1f MB  %7.1f files/s  %6.1f MB/s\n", k, n, b / 1e6, n / s, b / 1e6 / s }'
done
