#!/usr/bin/env bash
# Benchmark (not a test): one batch signed without a seal, with each seal style, and with a 丸印 placed per file by a
# user's rules (field, else corner); prints files/s and the ratio
# (issue 12 asks for seals within 1.5x). The seal is drawn once per batch; the font subset is reused per file.
# Usage: bench/sign-seal.sh [COUNT]   (files in the batch; default 200). Needs a built tree (scripts/build).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
bin=build/app/ikkatsu-cli
work="${BENCH_DIR:-build/bench-seal}"
corpus="$work/corpus"
pin=bench1234

if [ ! -f "$corpus/.done-$count" ]; then
    rm -rf "$corpus"; mkdir -p "$corpus"
    build/bench/ikkatsu-make-corpus --out "$corpus" --count "$count" --pages 2 2>/dev/null
    touch "$corpus/.done-$count"
fi
files=("$corpus"/*.pdf)
rm -f "$work/me.p12"
printf '%s\n' "$pin" | "$bin" keystore create --out "$work/me.p12" --self-signed --name Bench --pin-stdin >/dev/null
cat "${files[@]}" >/dev/null # warm the page cache

# Runs one batch; prints "files/s (reported by the CLI) wall-seconds (whole process, key store unlock included)".
run() {
    local name="$1"; shift
    rm -rf "$work/out-$name"; mkdir -p "$work/out-$name"
    local start end
    start=$(date +%s.%N)
    printf '%s\n' "$pin" | "$bin" sign --keystore "$work/me.p12" --pin-stdin --out-dir "$work/out-$name" "$@" \
        "${files[@]}" >"$work/$name.log"
    end=$(date +%s.%N)
    local rate
    rate=$(sed -nE 's/.*\(([0-9.]+) files\/s.*/\1/p' "$work/$name.log" | tail -1)
    echo "$rate $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')"
}

echo "batch: ${#files[@]} files"
read -r plain plain_wall < <(run plain)
printf '%-8s %8s files/s  %6s s wall\n' none "$plain" "$plain_wall"
for style in round date square text; do
    read -r rate wall < <(run "$style" --seal "$style" --seal-name 山田 --seal-company 山田建設)
    ratio=$(awk -v a="$plain" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')
    size=$(du -cb "$work/out-$style"/*.pdf | tail -1 | cut -f1)
    base=$(du -cb "$work/out-plain"/*.pdf | tail -1 | cut -f1)
    printf '%-8s %8s files/s  %6s s wall  time ratio %s  +%d bytes/file\n' "$style" "$rate" "$wall" "$ratio" \
        $(((size - base) / ${#files[@]}))
done
# A user's default placement (the desktop batch's path): every file is read once more to look for the field named
# for the user and to find the page's corner.
read -r rate wall < <(run placed --seal round --seal-name 山田 --field u0001 --corner top-left)
ratio=$(awk -v a="$plain" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')
printf '%-8s %8s files/s  %6s s wall  time ratio %s\n' placed "$rate" "$wall" "$ratio"
