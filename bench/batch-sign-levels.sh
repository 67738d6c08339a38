#!/usr/bin/env bash
# Benchmark (not a test): the end-to-end server batch of bench/batch-sign-server.sh at PAdES B-B and at B-LTA in one
# run (B-LTA: a timestamp per signature, the server's OCSP answer and CRL once per batch, a document timestamp per
# file). Prints both summaries and the ratio; issue 11 asks B-LTA to keep at least half of B-B's files/s.
# Usage: bench/batch-sign-levels.sh [N]   (default 200 files)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
export IKKATSU_LANGUAGE=en # the summary line is parsed below
rate() { grep -o '[0-9.]* files/s' | head -1 | cut -d' ' -f1; }
echo "== B-B"
bb=$(SIGNING_LEVEL=B-B BENCH_DIR=build/bench-levels-bb bench/batch-sign-server.sh "$count" | tee /dev/stderr | rate)
echo "== B-LTA"
blta=$(SIGNING_LEVEL=B-LTA BENCH_DIR=build/bench-levels-blta bench/batch-sign-server.sh "$count" | tee /dev/stderr | rate)
python3 -c "import sys; bb, lta = float(sys.argv[1]), float(sys.argv[2]); print('B-B %.1f files/s, B-LTA %.1f files/s: B-LTA keeps %.0f%%' % (bb, lta, 100 * lta / bb))" "$bb" "$blta"
