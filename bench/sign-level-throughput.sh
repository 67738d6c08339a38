#!/usr/bin/env bash
# Benchmark (not a test): `ikkatsu-cli sign` of one corpus at PAdES B-B and at B-T, the latter with timestamps from
# a local ikkatsu-server's TSA (one round trip per file, as many in flight as signing threads); prints files/s of both.
# Usage: bench/sign-level-throughput.sh [N] [JOBS]   (small files, default 300; signing threads, default all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-300}" jobs="${2:-0}"
[ -x build/app/ikkatsu-cli ] && [ -x build/app/ikkatsu-server ] || scripts/build default >/dev/null
work="${BENCH_DIR:-build/bench-sign-level}"
pin=bench1234
rm -rf "$work"
mkdir -p "$work/data" "$work/corpus"
build/bench/ikkatsu-make-corpus --out "$work/corpus" --count "$count" --pages 2 --prefix small 2>/dev/null
build/app/ikkatsu-server init --data-dir "$work/data" --admin-id admin --password-stdin <<<"bench-admin-1" >/dev/null
build/app/ikkatsu-server --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/server.out" | head -1)
printf '%s\n' "$pin" | build/app/ikkatsu-cli keystore create --out "$work/me.p12" --self-signed --name Bench \
    --pin-stdin >/dev/null
files=("$work"/corpus/*.pdf)
cat "${files[@]}" >/dev/null

run() { # LEVEL EXTRA-ARGS...
    local level=$1; shift
    rm -rf "$work/out-$level"; mkdir -p "$work/out-$level"
    local start end
    start=$(date +%s.%N)
    printf '%s\n' "$pin" | build/app/ikkatsu-cli sign --keystore "$work/me.p12" --pin-stdin --jobs "$jobs" \
        --level "$level" "$@" --out-dir "$work/out-$level" "${files[@]}" >"$work/$level.log"
    end=$(date +%s.%N)
    awk -v n="${#files[@]}" -v a="$start" -v b="$end" -v l="$level" \
        'BEGIN { printf "%s: %d files in %.2f s = %.1f files/s (key store unlock included)\n", l, n, b - a, n / (b - a) }'
}
run B-B
run B-T --tsa "$url/api/v1/tsa"
build/app/ikkatsu-cli verify --json "$work/out-B-T/$(basename "${files[0]}")" | grep -E '"level"|"timestampTime"'
