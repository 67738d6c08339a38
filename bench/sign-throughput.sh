#!/usr/bin/env bash
# Benchmark (not a test): signs one corpus with `ikkatsu-cli sign` and with `podofosign` (one process per
# file, as its CLI requires) and prints files/s, MB/s and peak RSS for each, their ratio, and the raw limit
# (SHA-256 over the same bytes plus one private-key operation per file).
# Usage: bench/sign-throughput.sh [SMALL MEDIUM LARGE]   (file counts; default 300 60 8)
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-300}" medium="${2:-60}" large="${3:-8}"
scripts/build default >/dev/null
bin=build/app/ikkatsu-cli
work="${BENCH_DIR:-build/bench-sign}"
corpus="$work/corpus"
pin=bench1234

if [ ! -f "$corpus/.done-$small-$medium-$large" ]; then
    rm -rf "$corpus"; mkdir -p "$corpus"
    build/bench/ikkatsu-make-corpus --out "$corpus" --count "$small" --pages 2 --prefix small 2>/dev/null
    build/bench/ikkatsu-make-corpus --out "$corpus" --count "$medium" --pages 4 --payload-kb 2000 --prefix medium 2>/dev/null
    build/bench/ikkatsu-make-corpus --out "$corpus" --count "$large" --pages 8 --payload-kb 60000 --prefix large 2>/dev/null
    touch "$corpus/.done-$small-$medium-$large"
fi
files=("$corpus"/*.pdf)
count=${#files[@]}
bytes=$(du -cb "${files[@]}" | tail -1 | cut -f1)
read -r smallest largest < <(stat -c %s "${files[@]}" | sort -n | awk 'NR == 1 { s = $1 } { l = $1 } END { print s, l }')
echo "corpus: $count files, $((bytes / 1000000)) MB, sizes $((smallest / 1000)) KB .. $((largest / 1000000)) MB"

rm -f "$work/me.p12"
printf '%s\n' "$pin" | "$bin" keystore create --out "$work/me.p12" --self-signed --name Bench --pin-stdin >/dev/null
openssl pkcs12 -in "$work/me.p12" -passin pass:$pin -nokeys -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -in "$work/me.p12" -passin pass:$pin -nocerts -nodes -out "$work/key.pem" 2>/dev/null

# Warm the page cache so that both signers read from memory.
cat "${files[@]}" >/dev/null

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }

rm -rf "$work/out-ikkatsu"; mkdir -p "$work/out-ikkatsu"
start=$(date +%s.%N)
printf '%s\n' "$pin" | /usr/bin/time -f "%M" -o "$work/rss-ikkatsu" "$bin" sign --keystore "$work/me.p12" --pin-stdin \
    --out-dir "$work/out-ikkatsu" "${files[@]}" >"$work/ikkatsu.log"
end=$(date +%s.%N)
ik_s=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
ik_rss=$(cat "$work/rss-ikkatsu")
# The key store unlock (600,000 PBKDF2 iterations) is part of the run; report it separately too.
unlock=$( { /usr/bin/time -f "%e" bash -c "printf '%s\n' $pin | $bin sign --keystore $work/me.p12 --pin-stdin --out-dir $work/out-unlock /dev/null >/dev/null 2>&1; true" ; } 2>&1 | tail -1)

rm -rf "$work/out-podofo"; mkdir -p "$work/out-podofo"
podofo_rss=0
start=$(date +%s.%N)
for f in "${files[@]}"; do
    /usr/bin/time -f "%M" -o "$work/rss-podofo" podofosign -in "$f" -out "$work/out-podofo/$(basename "$f")" \
        -cert "$work/cert.pem" -pkey "$work/key.pem" -digest SHA256 >/dev/null 2>&1 || echo "podofosign failed: $f"
    r=$(cat "$work/rss-podofo"); [ "$r" -gt "$podofo_rss" ] && podofo_rss=$r
done
end=$(date +%s.%N)
po_s=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')

raw=$(build/bench/ikkatsu-raw-limit "${files[@]}")
raw_s=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$raw")

printf '%-12s %8s %10s %10s %12s\n' signer seconds files/s MB/s "peak RSS MB"
printf '%-12s %8.2f %10s %10s %12s\n' ikkatsu "$ik_s" "$(rate "$count" "$ik_s")" "$(rate "$((bytes / 1000000))" "$ik_s")" "$((ik_rss / 1024))"
printf '%-12s %8.2f %10s %10s %12s\n' podofosign "$po_s" "$(rate "$count" "$po_s")" "$(rate "$((bytes / 1000000))" "$po_s")" "$((podofo_rss / 1024))"
printf '%-12s %8.2f %10s %10s %12s\n' raw-limit "$raw_s" "$(rate "$count" "$raw_s")" "$(rate "$((bytes / 1000000))" "$raw_s")" -
echo "key store unlock (included in ikkatsu's time): ${unlock} s"
awk -v i="$ik_s" -v p="$po_s" -v r="$raw_s" -v u="$unlock" 'BEGIN {
    printf "ikkatsu vs podofosign: %.1fx faster (target >= 8x)\n", p / i;
    printf "ikkatsu vs raw limit: %.2fx the raw time (target <= 3x); without the unlock: %.2fx\n", i / r, (i - u) / r }'
grep -c '^OK' "$work/ikkatsu.log" | xargs echo "ikkatsu signed files:"
