#!/usr/bin/env bash
# Benchmark (not a test): the batch pipeline (core's BatchSession, the same in the desktop and `ikkatsu-cli batch`)
# with one transfer at a time against six in flight, for N files (default 50), on loopback and through a simulated
# office WAN round trip (bench/latency-proxy.py). Each run seeds a fresh server (bench/batch-sign-server.sh).
# Usage: [SIGNING_LEVEL=B-B|…] [RTTS="0 20"] bench/batch-transfers.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-50}"
rate() { grep -o '[0-9.]* files/s' | head -1 | cut -d' ' -f1; }
for rtt in ${RTTS:-0 20}; do
    one=$(TRANSFERS=1 RTT_MS=$rtt BENCH_DIR=build/bench-transfers-1 SIGNING_LEVEL="${SIGNING_LEVEL:-B-B}" \
        bench/batch-sign-server.sh "$count" | tee /dev/stderr | rate)
    six=$(TRANSFERS=6 RTT_MS=$rtt BENCH_DIR=build/bench-transfers-6 SIGNING_LEVEL="${SIGNING_LEVEL:-B-B}" \
        bench/batch-sign-server.sh "$count" | tee /dev/stderr | rate)
    python3 -c 'import sys; r, a, b = sys.argv[1:4]; print("RTT %s ms, %s files: one at a time %s files/s, six in flight %s files/s: %.1fx" % (r, sys.argv[4], a, b, float(b) / float(a)))' \
        "$rtt" "$one" "$six" "$count"
done
